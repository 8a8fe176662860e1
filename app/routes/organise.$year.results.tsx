/**
 * /organise/:year/results — the edition's rounds and their rankings, the seal of the final round
 * before the reveal, and the publication of the results. Both are for good, so each asks for an
 * explicit confirmation; the rules (locked rounds, a seal the sheets still match, frozen once
 * published) are enforced in publication.server.ts whatever this page showed.
 */
import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react';
import { z } from 'zod';
import { CheckboxField, ConformForm, ErrorSummary, useSchemaForm } from '~/components/forms';
import { DoneNotice, LockedNotice } from '~/components/notices';
import { Flag, LockIcon } from '~/components/RankingIcons';
import { RankingRoundNav } from '~/components/RankingRoundNav';
import { formatScore } from '~/components/RankingScore';
import { replyOf } from '~/domain/form-reply';
import { isRefusal } from '~/domain/refusal';
import { formatDate, useT, type MessageKey, editionTitleMeta } from '~/i18n';
import resultsStyles from '~/styles/results.css';
import { parseForm, refusedForm, replyTo } from '~/utils/form.server';
import { publishResults, resultsOverview, sealFinalRound } from '~/utils/publication.server';
import { mailContext } from '~/utils/mail.server';
import { DataTable } from '~/components/DataTable';
import { organiserAction, organiserPage } from '~/utils/organiser-page.server';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: resultsStyles }];

export const meta: MetaFunction<typeof loader> = ({ matches, data: page }) => editionTitleMeta(matches, 'results.overview.title', page?.overview.edition.year);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { edition, messages } = await organiserPage(request, params, ['results', 'judging']);
  return { messages, overview: resultsOverview(edition.id) };
}

const INTENTS = ['seal', 'publish'] as const;

/** Sealing and publishing are for good: the box must be ticked, whatever the browser did with `required`. */
const stepSchema = z.object({ confirm: z.literal('yes', { error: 'results.errors.confirmRequired' }) });

export async function action({ request, params }: ActionFunctionArgs) {
  const { edition, formData, act, intent: asked } = await organiserAction(request, params);
  const intent = INTENTS.find((i) => i === asked);
  if (!intent) throw new Response('Bad Request', { status: 400 });
  const submission = parseForm(formData, stepSchema);
  if (submission.status !== 'success') return replyTo(intent, submission.reply());
  try {
    if (intent === 'seal') sealFinalRound(act);
    else publishResults({ ...act, mail: await mailContext(request) });
    return redirect(`/organise/${edition.year}/results?done=${intent}#${intent}`);
  } catch (error) {
    if (isRefusal(error)) return refusedForm(intent, submission, error);
    throw error;
  }
}

export default function Results() {
  const { overview } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t, lang } = useT();
  const [search] = useSearchParams();
  const navigation = useNavigation();
  const busy = navigation.state === 'submitting';
  const { edition, rounds, final } = overview;
  const year = edition.year;
  const when = (d: Date | string) => formatDate(lang, d, { dateStyle: 'long', timeStyle: 'short' }, edition.timeZone);
  const roundName = (r: { nameEn: string; nameFr: string }) => (lang === 'fr' ? r.nameFr : r.nameEn);
  const trackName = (id: number | null) => {
    const track = overview.tracks.find((tr) => tr.id === id);
    return track ? (lang === 'fr' ? track.nameFr : track.nameEn) : '';
  };
  const published = edition.status === 'published';
  const done = search.get('done');
  const podium = overview.awards.filter((a) => a.kind === 'overall').sort((a, b) => a.place - b.place);
  const trackAwards = overview.awards.filter((a) => a.kind === 'track');
  const peoples = overview.awards.filter((a) => a.kind === 'peoples_choice');
  const podiumTie = final ? final.ranked.some((r) => r.rank <= 3 && r.tie) : false;

  return (
    <section className="results-page" aria-labelledby="results-title">
      <RankingRoundNav year={year} rounds={rounds} />
      <h2 id="results-title">{t('results.overview.title')}</h2>
      {done === 'seal' ? <DoneNotice>{t('results.seal.done')}</DoneNotice> : null}
      {done === 'publish' ? <DoneNotice>{t('results.publish.done')}</DoneNotice> : null}

      <DataTable
        caption={t('results.overview.roundsCaption')}
        columns={[
          { label: t('results.overview.round') },
          { label: t('results.overview.state') },
          { label: t('results.overview.method') },
          { label: t('results.overview.submitted'), num: true },
          { label: t('results.overview.seal') },
          { label: t('results.overview.pages') },
        ]}
      >
        {rounds.map((round) => (
          <tr key={round.id}>
            <th scope="row">{roundName(round)}</th>
            <td>
              <LockIcon locked={round.state === 'locked'} /> {t(`status.round.${round.state}`)}
            </td>
            <td>
              {t(`method.${round.method}`)} · {t('results.overview.minSheets', { min: round.minSheets })}
            </td>
            <td className="num">{round.submitted}</td>
            <td>
              {round.sealHash ? (
                <code className="hash hash--short" title={round.sealHash}>
                  {round.sealHash.slice(0, 12)}…
                </code>
              ) : (
                '—'
              )}
            </td>
            <td className="results-links">
              <Link to={`/organise/${year}/rounds/${round.id}/ranking`}>
                {t('results.nav.ranking')}
                <span className="visually-hidden"> — {roundName(round)}</span>
              </Link>
              <Link to={`/organise/${year}/rounds/${round.id}/calibration`}>
                {t('results.nav.calibration')}
                <span className="visually-hidden"> — {roundName(round)}</span>
              </Link>
            </td>
          </tr>
        ))}
      </DataTable>

      {!final ? (
        <p className="notice">{t('results.errors.seal.noFinal')}</p>
      ) : (
        <>
          <h3 id="preview">{published ? t('results.overview.awardsGiven') : t('results.overview.awardsPreview')}</h3>
          {!published ? <p className="field__hint">{t('results.overview.previewHint')}</p> : null}
          {final.ranked.length === 0 ? (
            <p className="notice">{t('results.overview.noFinalRanking')}</p>
          ) : (
            <div className="award-preview">
              <ol className="award-preview__podium">
                {podium.map((a) => (
                  <li key={`${a.place}-${a.applicationId}`}>
                    <strong>{t('edition.place', { place: a.place })}</strong> {a.name}
                  </li>
                ))}
              </ol>
              {trackAwards.length > 0 ? (
                <ul className="plain-list">
                  {trackAwards.map((a) => (
                    <li key={`${a.trackId}-${a.applicationId}`}>
                      {t('results.overview.bestOfTrack', { track: trackName(a.trackId) })} {a.name}
                    </li>
                  ))}
                </ul>
              ) : null}
              <p>
                {peoples.length > 0
                  ? `${t('edition.peoplesChoice')} ${peoples.map((a) => `${a.name} (${t('results.public.votes', { count: final.votes.find((v) => v.applicationId === a.applicationId)?.votes ?? 0 })})`).join(', ')}`
                  : t('results.overview.noVotes')}
              </p>
              {podiumTie ? (
                <Flag kind="tie" as="p">
                  {t('results.overview.podiumTie')}
                </Flag>
              ) : null}
              {final.unranked.length > 0 ? (
                <Flag kind="insufficient" as="p">
                  {t('results.overview.unrankedFinalists', { names: final.unranked.map((u) => u.name).join(', ') })}
                </Flag>
              ) : null}
              <details>
                <summary>{t('results.overview.finalRanking')}</summary>
                <ol className="plain-list">
                  {final.ranked.map((r) => (
                    <li key={r.applicationId}>
                      {t('results.public.rankNumber', { rank: r.rank })} {r.name} — {formatScore(lang, final.method, r.score)}
                      {r.tie ? ` (${t('results.ranking.tie')})` : ''}
                    </li>
                  ))}
                </ol>
              </details>
            </div>
          )}

          <h3 id="seal">{t('results.seal.title')}</h3>
          <p>{t('results.seal.explain')}</p>
          {final.sealHash ? (
            <dl className="facts">
              <div>
                <dt>{t('results.seal.hash')}</dt>
                <dd>
                  <code className="hash">{final.sealHash}</code>
                </dd>
              </div>
              <div>
                <dt>{t('results.seal.sealedAt')}</dt>
                <dd>{final.sealedAt ? when(final.sealedAt) : '—'}</dd>
              </div>
            </dl>
          ) : (
            <StepForm intent="seal" blockers={overview.sealBlockers} year={year} result={result} busy={busy} />
          )}

          <h3 id="publish">{t('results.publish.title')}</h3>
          {published ? (
            <>
              <p>{t('results.publish.publishedOn', { date: edition.publishedAt ? when(edition.publishedAt) : '—' })}</p>
              <ul className="results-links results-links--stack">
                <li>
                  <Link to={`/editions/${year}`}>{t('results.publish.publicPage')}</Link>
                </li>
                <li>
                  <a href={`/editions/${year}/results.json`}>results.json</a> · <a href={`/editions/${year}/results.csv`}>results.csv</a> ·{' '}
                  <a href={`/editions/${year}/scores.csv`}>scores.csv</a>
                </li>
              </ul>
            </>
          ) : (
            <>
              <p>{t('results.publish.explain')}</p>
              <StepForm intent="publish" blockers={overview.publishBlockers} year={year} result={result} busy={busy} />
            </>
          )}
        </>
      )}
    </section>
  );
}

/** The seal or publish form, or what still stands in its way (with where to act on it). */
function StepForm({
  intent,
  blockers,
  year,
  result,
  busy,
}: {
  intent: 'seal' | 'publish';
  blockers: MessageKey[];
  year: number;
  result: unknown;
  busy: boolean;
}) {
  const { t } = useT();
  const confirmLabel = t(`results.${intent}.confirm`);
  const [form, fields] = useSchemaForm({ id: `${intent}-step`, schema: stepSchema, lastResult: replyOf(result, intent) });
  if (blockers.length > 0) {
    return (
      <LockedNotice title={t('results.overview.notYet')}>
        <ul>
          {blockers.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ul>
        {blockers.some((key) => key.endsWith('notLocked') || key.endsWith('roundsOpen')) ? (
          <p>
            <Link to={`/organise/${year}`}>{t('results.overview.lockOnSetup')}</Link>
          </p>
        ) : null}
      </LockedNotice>
    );
  }
  return (
    <ConformForm form={form} className="step-form">
      <ErrorSummary form={form} labels={{ confirm: confirmLabel }} level={3} />
      <input type="hidden" name="intent" value={intent} />
      <CheckboxField meta={fields.confirm} value="yes" label={confirmLabel} />
      <button type="submit" className="button button--primary button--large" aria-disabled={busy || undefined}>
        {t(`results.${intent}.submit`)}
      </button>
    </ConformForm>
  );
}
