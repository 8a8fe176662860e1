/**
 * /me/feedback/:year — the founder reads what the jury said of their application, once the
 * edition's results are published (issue 15). 404 before publication, with feedback turned off,
 * or without an application of theirs in that edition: nothing tells which.
 */
import { invariantResponse } from '@epic-web/invariant';
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { DataTable } from '~/components/DataTable';
import type { Placing } from '~/domain/feedback';
import { formatNumber, type Lang, type T, titleMeta, useT } from '~/i18n';
import { messagesFor } from '~/i18n/messages.server';
import styles from '~/styles/feedback.css';
import { requireFounder } from '~/utils/auth.server';
import { parseYear } from '~/utils/editions.server';
import { founderFeedback } from '~/utils/feedback.server';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, 'feedback.metaTitle');

export async function loader({ request, params }: LoaderFunctionArgs) {
  const founder = await requireFounder(request);
  const feedback = founderFeedback(founder.id, parseYear(params.year));
  invariantResponse(feedback, 'Not Found', { status: 404 });
  return { messages: await messagesFor(request, ['feedback']), feedback };
}

function placingText(t: T, placing: Placing): string {
  switch (placing.kind) {
    case 'rank':
      return t(placing.tie ? 'feedback.placing.rankTie' : 'feedback.placing.rank', { rank: placing.rank, total: placing.total });
    case 'band':
      return placing.band === null
        ? t('feedback.placing.noBand', { total: placing.total })
        : t('feedback.placing.band', { band: placing.band, total: placing.total });
    case 'unranked':
      return t('feedback.placing.unranked');
  }
}

const one = (lang: Lang, value: number) => formatNumber(lang, value, { maximumFractionDigits: 1 });

export default function FounderFeedback() {
  const { feedback } = useLoaderData<typeof loader>();
  const { t, lang } = useT();
  const name = (x: { nameEn: string; nameFr: string }) => (lang === 'fr' ? x.nameFr : x.nameEn);
  return (
    <div className="page feedback">
      <header className="page-header">
        <p>
          <Link to="/me">{t('feedback.back')}</Link>
        </p>
        <h1>{t('feedback.title', { startup: feedback.startupName })}</h1>
        <p className="lead">{t('feedback.lead', { edition: feedback.editionName })}</p>
      </header>
      {feedback.rounds.length === 0 ? <p className="notice">{t('feedback.noRounds')}</p> : null}
      {feedback.rounds.map((round) => (
        <section key={round.roundId} className="feedback-round" aria-labelledby={`round-${round.roundId}`}>
          <h2 id={`round-${round.roundId}`}>{t('feedback.round', { round: name(round) })}</h2>
          <p className="feedback-round__placing">
            <strong>{placingText(t, round.placing)}</strong> {t('feedback.sheets', { count: round.sheets })}
          </p>
          <DataTable
            caption={t('feedback.table.caption')}
            showCaption
            className="feedback-table"
            columns={[
              { label: t('feedback.table.criterion') },
              { label: t('feedback.table.yours') },
              { label: t('feedback.table.median') },
              { label: t('feedback.table.quartiles') },
            ]}
          >
            {round.criteria.map((c) => (
              <tr key={c.id}>
                <th scope="row">{name(c)}</th>
                <td>
                  <strong>{one(lang, c.score)}</strong> <span className="muted">{t('feedback.table.outOf', { max: c.max })}</span>
                </td>
                <td>{c.field ? one(lang, c.field.median) : '—'}</td>
                <td>{c.field ? t('feedback.table.quartileRange', { q1: one(lang, c.field.q1), q3: one(lang, c.field.q3) }) : '—'}</td>
              </tr>
            ))}
          </DataTable>
          <h3>{t('feedback.comments.title')}</h3>
          {round.judges.length === 0 ? (
            <p className="muted">{t('feedback.comments.none')}</p>
          ) : (
            <ul className="feedback-judges">
              {round.judges.map((judge) => (
                <li key={judge.judge} className="card feedback-judge">
                  <h4 className="feedback-judge__name">{t('feedback.comments.judge', { letter: judge.judge })}</h4>
                  <dl className="feedback-judge__comments">
                    {judge.onCriteria.map((c) => (
                      <div key={c.criterionId}>
                        <dt>{name(c)}</dt>
                        <dd>{c.text}</dd>
                      </div>
                    ))}
                    {judge.overall ? (
                      <div>
                        <dt>{t('feedback.comments.overall')}</dt>
                        <dd>{judge.overall}</dd>
                      </div>
                    ) : null}
                  </dl>
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}
