/**
 * Judging progress of one round, for organisers: per judge and per application, with filters to
 * find what is missing. A GET form, so filters work without JavaScript and can be bookmarked.
 */
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { Progress } from '~/components/Progress';
import { useT, tOf } from '~/i18n';
import scoringStyles from '~/styles/scoring.css';
import { editionRounds } from '~/utils/editions.server';
import { roundProgress } from '~/utils/progress.server';
import { organiserPage } from '~/utils/organiser-page.server';
import { FilterSelect } from '~/components/field-shell';
import { DataTable } from '~/components/DataTable';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: scoringStyles }];

export const meta: MetaFunction<typeof loader> = ({ data: page, matches }) => {
  const { t } = tOf(matches);
  return [{ title: `${t('scoring.progress.metaTitle', { year: page?.year ?? '' })} — Palmarès` }];
};

/** The filters, from the query string; anything unreadable falls back to the defaults. */
const filtersSchema = z.object({
  round: z.coerce.number().int().positive().optional().catch(undefined),
  only: z.enum(['incomplete']).optional().catch(undefined),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { edition, messages } = await organiserPage(request, params, ['scoring']);
  const query = new URL(request.url).searchParams;
  const filters = filtersSchema.parse({ round: query.get('round') ?? undefined, only: query.get('only') ?? undefined });
  const rounds = editionRounds(edition.id);
  // Default: the first round still open (the one being judged), else the last one.
  const round =
    rounds.find((r) => r.id === filters.round) ?? rounds.find((r) => r.state === 'open') ?? rounds[rounds.length - 1] ?? null;
  const onlyIncomplete = filters.only === 'incomplete';
  const progress = round ? roundProgress(edition.id, round) : null;
  return {
    messages,
    year: edition.year,
    rounds: rounds.map((r) => ({ id: r.id, nameFr: r.nameFr, nameEn: r.nameEn })),
    roundId: round?.id ?? null,
    onlyIncomplete,
    progress: progress && {
      ...progress,
      judges: onlyIncomplete ? progress.judges.filter((j) => !j.complete) : progress.judges,
      applications: onlyIncomplete ? progress.applications.filter((a) => !a.complete) : progress.applications,
      applicationsTotal: progress.applications.length,
      judgesTotal: progress.judges.length,
    },
  };
}

export default function OrganiseProgress() {
  const page = useLoaderData<typeof loader>();
  const { t, lang } = useT();
  const progress = page.progress;
  return (
    <section className="organise-progress" aria-labelledby="progress-title">
      <h2 id="progress-title">{t('scoring.progress.title')}</h2>
      {page.rounds.length === 0 || !progress ? (
        <p className="notice">{t('scoring.progress.noRounds')}</p>
      ) : (
        <>
          <Form method="get" className="progress-filters">
            <fieldset>
              <legend>{t('scoring.progress.filters')}</legend>
              <div className="progress-filters__fields">
                <FilterSelect
                  id="progress-round"
                  name="round"
                  label={t('scoring.progress.round')}
                  value={page.roundId}
                  options={page.rounds.map((r) => ({ value: r.id, label: lang === 'fr' ? r.nameFr : r.nameEn }))}
                />
                <label className="checkbox">
                  <input type="checkbox" name="only" value="incomplete" defaultChecked={page.onlyIncomplete} />
                  <span>{t('scoring.progress.onlyIncomplete')}</span>
                </label>
                <button type="submit" className="button button--primary">
                  {t('scoring.progress.apply')}
                </button>
              </div>
            </fieldset>
          </Form>

          <p className="progress-summary">
            {t('scoring.progress.summarySheets', {
              submitted: progress.totals.submitted,
              assigned: progress.totals.assigned,
              drafts: progress.totals.drafts,
            })}{' '}
            {t('scoring.progress.summaryApplications', {
              complete: progress.totals.applicationsComplete,
              total: progress.applicationsTotal,
              k: progress.k,
            })}
          </p>

          <h3 id="progress-judges">{t('scoring.progress.judges')}</h3>
          {progress.judges.length === 0 ? (
            <p className="muted">
              {progress.judgesTotal === 0 ? t('scoring.progress.noJudges') : t('scoring.progress.noIncompleteJudges')}
            </p>
          ) : (
            <DataTable
              caption={t('scoring.progress.judges')}
              regionClassName="table-scroll"
              className="progress-table"
              columns={[
                { label: t('scoring.progress.judge') },
                { label: t('scoring.progress.assigned'), num: true },
                { label: t('scoring.progress.drafts'), num: true },
                { label: t('scoring.progress.submitted'), num: true },
                { label: t('scoring.progress.progress'), className: 'progress-table__bar' },
              ]}
            >
              {progress.judges.map((judge) => (
                <tr key={judge.judgeId}>
                  <th scope="row">
                    {judge.name}
                    <span className="progress-table__email">{judge.email}</span>
                    <Link to={`../paper?judge=${judge.judgeId}`} relative="path" className="progress-table__paper">
                      {t('scoring.paper.title')}
                      <span className="visually-hidden"> — {judge.name}</span>
                    </Link>
                  </th>
                  <td className="num">{judge.assigned}</td>
                  <td className="num">{judge.drafts}</td>
                  <td className="num">{judge.submitted}</td>
                  <td>
                    <Progress label={t('scoring.progress.judgeBar', { name: judge.name })} done={judge.submitted} total={judge.assigned} />
                  </td>
                </tr>
              ))}
            </DataTable>
          )}

          <h3 id="progress-applications">{t('scoring.progress.applications')}</h3>
          {progress.applications.length === 0 ? (
            <p className="muted">
              {progress.applicationsTotal === 0 ? t('scoring.progress.noApplications') : t('scoring.progress.noIncompleteApplications')}
            </p>
          ) : (
            <DataTable
              caption={t('scoring.progress.applications')}
              regionClassName="table-scroll"
              className="progress-table"
              columns={[
                { label: t('scoring.progress.application') },
                { label: t('scoring.progress.track') },
                { label: t('scoring.progress.sheetsIn') },
                { label: t('scoring.progress.assignedJudges'), num: true },
                { label: t('scoring.progress.missing') },
              ]}
            >
              {progress.applications.map((application) => (
                <tr key={application.applicationId}>
                  <th scope="row">{application.startupName}</th>
                  <td>{(lang === 'fr' ? application.trackFr : application.trackEn) ?? ''}</td>
                  <td>
                    <span className={`sheets-in sheets-in--${application.complete ? 'complete' : 'incomplete'}`}>
                      <span aria-hidden="true">{application.complete ? '✓ ' : '○ '}</span>
                      {t('scoring.progress.sheetsOf', { done: application.submitted, k: progress.k })}
                      <span className="visually-hidden">
                        {' '}
                        ({application.complete ? t('scoring.progress.complete') : t('scoring.progress.incomplete')})
                      </span>
                    </span>
                  </td>
                  <td className="num">
                    {application.assigned < progress.k
                      ? t('scoring.progress.tooFewJudges', { assigned: application.assigned, k: progress.k })
                      : application.assigned}
                  </td>
                  <td>
                    {application.missing.length === 0 ? (
                      <span className="muted">{t('scoring.progress.nobodyMissing')}</span>
                    ) : (
                      <ul className="missing-list">
                        {application.missing.map((m) => (
                          <li key={m.judgeId}>
                            {m.state === 'draft'
                              ? t('scoring.progress.missingDraft', { name: m.name })
                              : t('scoring.progress.missingNone', { name: m.name })}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
        </>
      )}
    </section>
  );
}
