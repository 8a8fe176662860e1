/**
 * /organise/:year/shortlist — choose the finalists from the screening ranking. A GET form asks
 * for a suggestion (top N overall or top N per track); the POST confirms a selection. Any departure
 * from the suggestion needs a written reason; the rules are enforced in shortlist.server.ts
 * (confirmShortlist), whatever this page showed.
 */
import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react';
import { z } from 'zod';
import { ConformForm, ErrorSummary, TextareaField, useSchemaForm } from '~/components/forms';
import { DoneNotice, LockedNotice } from '~/components/notices';
import { replyOf } from '~/domain/form-reply';
import { RankingRoundNav } from '~/components/RankingRoundNav';
import { formatScore } from '~/components/RankingScore';
import { Flag } from '~/components/RankingIcons';
import { StatusBadge } from '~/components/StatusBadge';
import { isRefusal } from '~/domain/refusal';
import { useT, editionTitleMeta } from '~/i18n';
import resultsStyles from '~/styles/results.css';
import { editionRounds } from '~/utils/editions.server';
import { DEFAULT_FINALISTS, MAX_FINALISTS, SHORTLIST_MODES } from '~/domain/shortlist';
import { parseForm, refusedForm, replyTo } from '~/utils/form.server';
import { confirmShortlist, shortlistView } from '~/utils/shortlist.server';
import { organiserAction, organiserPage } from '~/utils/organiser-page.server';
import { TableHead } from '~/components/TableHead';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: resultsStyles }];

export const meta: MetaFunction<typeof loader> = ({ matches, data: page }) => editionTitleMeta(matches, 'results.shortlist.title', page?.year);

const REASON_MAX = 1000;

/** The suggestion asked for in the query string; anything unreadable falls back to the defaults. */
const suggestionSchema = z.object({
  mode: z.enum(SHORTLIST_MODES).catch('overall'),
  n: z.coerce.number().int().min(1).max(MAX_FINALISTS).catch(DEFAULT_FINALISTS),
});

/** The confirmation form; `selected` (the checked boxes) is read with getAll. */
const shortlistSchema = z.object({
  mode: z.enum(SHORTLIST_MODES, { error: 'results.errors.shortlist.mode' }),
  n: z
    .string({ error: 'results.errors.shortlist.n' })
    .trim()
    .regex(/^\d{1,3}$/, 'results.errors.shortlist.n')
    .transform(Number)
    .pipe(z.number().int().min(1, 'results.errors.shortlist.n').max(MAX_FINALISTS, 'results.errors.shortlist.n')),
  reason: z.string().trim().max(REASON_MAX, 'results.errors.shortlist.reasonTooLong').catch(''),
});

const PARAMS: Record<string, Record<string, number>> = { n: { max: MAX_FINALISTS }, reason: { max: REASON_MAX } };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { edition, messages } = await organiserPage(request, params, ['results', 'judging']);
  const query = new URL(request.url).searchParams;
  const asked = query.has('mode') || query.has('n');
  const { mode, n } = suggestionSchema.parse({ mode: query.get('mode') ?? undefined, n: query.get('n') ?? undefined });
  const view = shortlistView(edition.id, { mode, n });
  return {
    messages,
    year: edition.year,
    mode,
    n,
    // A fresh suggestion when one was asked for; otherwise the finalists already confirmed, if any.
    preselected: asked || view.finalists.length === 0 ? view.suggested : view.finalists,
    rounds: editionRounds(edition.id).map((r) => ({ id: r.id, nameEn: r.nameEn, nameFr: r.nameFr })),
    view,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { edition, formData: form, act } = await organiserAction(request, params);
  const selected = form
    .getAll('selected')
    .map((v) => Number(v))
    .filter((v) => Number.isInteger(v) && v > 0);
  const submission = parseForm(form, shortlistSchema);
  if (submission.status !== 'success') return replyTo('shortlist', submission.reply());
  const parsed = { data: submission.value };
  try {
    const outcome = confirmShortlist({ ...act, ...parsed.data, selected });
    const done = new URLSearchParams({
      done: 'confirmed',
      finalists: String(outcome.finalists.length),
      departures: String(outcome.added.length + outcome.dropped.length),
    });
    return redirect(`/organise/${edition.year}/shortlist?${done}`);
  } catch (error) {
    if (!isRefusal(error)) throw error;
    return refusedForm('shortlist', submission, error);
  }
}

export default function Shortlist() {
  const { year, mode, n, preselected, rounds, view } = useLoaderData<typeof loader>();
  const lastResult = replyOf(useActionData<typeof action>(), 'shortlist');
  const [form, fields] = useSchemaForm({ id: 'shortlist', schema: shortlistSchema, lastResult });
  /** The boxes ticked when the form was refused, else the suggestion or the confirmed finalists. */
  const typed = lastResult ? [lastResult.initialValue?.selected ?? []].flat().map(Number) : null;
  const { t, lang } = useT();
  const [search] = useSearchParams();
  const navigation = useNavigation();
  const busy = navigation.state === 'submitting';
  const editable = !view.published && view.screening?.state === 'locked' && !view.finalStarted;
  const suggested = new Set(view.suggested);
  const finalists = new Set(view.finalists);
  const checked = new Set(typed ?? preselected);
  const trackName = (id: number | null) => {
    const track = view.tracks.find((tr) => tr.id === id);
    return track ? (lang === 'fr' ? track.nameFr : track.nameEn) : '—';
  };
  const cut = mode === 'overall' ? t('results.shortlist.suggestionOverall', { n }) : t('results.shortlist.suggestionTrack', { n });

  return (
    <section className="results-page" aria-labelledby="shortlist-title">
      <RankingRoundNav year={year} rounds={rounds} />
      <h2 id="shortlist-title">{t('results.shortlist.title')}</h2>
      <p className="results-summary">{t('results.shortlist.lead')}</p>

      {search.get('done') === 'confirmed' ? (
        <DoneNotice>
          {t('results.shortlist.done', { finalists: Number(search.get('finalists') ?? 0), departures: Number(search.get('departures') ?? 0) })}
        </DoneNotice>
      ) : null}
      {view.published ? <LockedNotice title={t('errors.edition.frozen')} /> : null}
      {!view.screening ? <p className="notice">{t('results.errors.shortlist.noScreening')}</p> : null}
      {view.screening && view.screening.state !== 'locked' && !view.published ? (
        <LockedNotice title={t('results.shortlist.lockFirst')}>
          <p>
            <Link to={`/organise/${year}`}>{t('results.shortlist.lockFirstLink')}</Link>
          </p>
        </LockedNotice>
      ) : null}
      {view.finalStarted && !view.published ? <LockedNotice title={t('results.errors.shortlist.finalStarted')} /> : null}

      {view.screening ? (
        <>
          <Form method="get" className="shortlist-suggest" preventScrollReset>
            <fieldset>
              <legend>{t('results.shortlist.suggestLegend')}</legend>
              <div className="shortlist-suggest__fields">
                <div className="radio-group" role="radiogroup" aria-label={t('results.shortlist.modeLabel')}>
                  {SHORTLIST_MODES.map((m) => (
                    <label key={m} className="radio">
                      <input type="radio" name="mode" value={m} defaultChecked={m === mode} />
                      <span>{t(`results.shortlist.mode.${m}`)}</span>
                    </label>
                  ))}
                </div>
                <div className="field field--narrow">
                  <label htmlFor="shortlist-n" className="field__label">
                    {t('results.shortlist.nLabel')}
                  </label>
                  <input id="shortlist-n" name="n" type="number" inputMode="numeric" min={1} max={MAX_FINALISTS} defaultValue={n} className="field__input" />
                </div>
                <button type="submit" className="button button--ghost">
                  {t('results.shortlist.suggest')}
                </button>
              </div>
            </fieldset>
          </Form>

          <p className="results-summary">
            {cut} {view.suggested.length > n && mode === 'overall' ? t('results.shortlist.tieAtCut', { count: view.suggested.length }) : null}
          </p>

          <ConformForm form={form} className="shortlist-form" key={typed ? `failed-${typed.join('-')}` : `fresh-${preselected.join('-')}`}>
            <ErrorSummary
              form={form}
              labels={{ reason: t('results.shortlist.reasonLabel'), selected: t('results.shortlist.selectLabel'), n: t('results.shortlist.nLabel') }}
              errorParams={PARAMS}
              level={3}
            />
            <input type="hidden" name="mode" value={mode} />
            <input type="hidden" name="n" value={n} />
            <div className="table-scroll" id="shortlist-selected" tabIndex={-1}>
              <table className="table shortlist-table">
                <caption className="visually-hidden">{t('results.shortlist.tableCaption')}</caption>
                <TableHead
                  columns={[
                    { label: t('results.shortlist.finalist') },
                    { label: t('results.table.rank'), num: true },
                    { label: t('results.table.startup') },
                    { label: t('results.table.track') },
                    { label: t('results.table.score', { method: t(`method.${view.method ?? 'mean'}`) }), num: true },
                    { label: t('results.table.sheets'), num: true },
                    { label: t('results.shortlist.suggestionColumn') },
                    { label: t('results.table.status') },
                  ]}
                />
                <tbody>
                  {view.rows.map((row) => (
                    <tr key={row.applicationId} className={suggested.has(row.applicationId) ? 'shortlist-table__row--suggested' : undefined}>
                      <td>
                        {editable ? (
                          <label className="checkbox checkbox--cell">
                            <input type="checkbox" name="selected" value={row.applicationId} defaultChecked={checked.has(row.applicationId)} />
                            <span className="visually-hidden">{t('results.shortlist.selectOne', { name: row.name })}</span>
                          </label>
                        ) : finalists.has(row.applicationId) ? (
                          <span>
                            <span aria-hidden="true">✓ </span>
                            {t('status.application.finalist')}
                          </span>
                        ) : (
                          '—'
                        )}
                      </td>
                      <td className="num">
                        {row.rank ?? '—'}
                        {row.tie ? <span className="visually-hidden"> {t('results.ranking.tie')}</span> : null}
                        {row.tie ? <span aria-hidden="true"> ⇄</span> : null}
                      </td>
                      <th scope="row">{row.name}</th>
                      <td>{trackName(row.trackId)}</td>
                      <td className="num">{row.score === null ? '—' : formatScore(lang, view.method ?? 'mean', row.score)}</td>
                      <td className="num">{row.sheets}</td>
                      <td>
                        {suggested.has(row.applicationId) ? (
                          <Flag kind="suggested">{t('results.shortlist.suggested')}</Flag>
                        ) : row.rank === null ? (
                          <Flag kind="insufficient">{t('results.shortlist.unranked')}</Flag>
                        ) : null}
                      </td>
                      <td>
                        <StatusBadge kind="application" status={row.status} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {editable ? (
              <>
                <TextareaField
                  meta={fields.reason}
                  label={t('results.shortlist.reasonLabel')}
                  hint={t('results.shortlist.reasonHint')}
                  errorParams={PARAMS.reason}
                  maxLength={REASON_MAX}
                  rows={3}
                />
                <p className="field__hint">{t('results.shortlist.confirmHint')}</p>
                <button type="submit" className="button button--primary button--large" aria-disabled={busy || undefined}>
                  {t('results.shortlist.confirm')}
                </button>
              </>
            ) : null}
          </ConformForm>
        </>
      ) : null}
    </section>
  );
}
