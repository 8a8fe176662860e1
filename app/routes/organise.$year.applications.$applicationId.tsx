/**
 * /organise/:year/applications/:applicationId — everything the founder submitted, the files, and the
 * application's history from the audit log (status changes, and every change after submission
 * with its before and after).
 */
import { invariantResponse } from '@epic-web/invariant';
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { ApplicationAnswers } from '~/components/application-sections';
import { Fact } from '~/components/Fact';
import { StatusBadge } from '~/components/StatusBadge';
import { APPLICATION_STATUSES, type ApplicationStatus } from '~/domain/statuses';
import { formatDate, useT, type Lookup, type T, tOf } from '~/i18n';
import styles from '~/styles/applications.css';
import { applicationHistory, editionApplication } from '~/utils/application-list.server';
import { answersData } from '~/utils/applications.server';
import { getLanguage } from '~/utils/language.server';
import { organiserPage } from '~/utils/organiser-page.server';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
  const { t } = tOf(matches);
  const name = data?.application.startupName || t('me.untitled');
  return [{ title: `${name} — ${t('applications.title')} ${data?.year ?? ''} — Palmarès` }];
};

function idOf(param: string | undefined): number {
  invariantResponse(param && /^\d{1,9}$/.test(param), 'Not Found', { status: 404 });
  return Number(param);
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { edition, messages } = await organiserPage(request, params, ['applications']);
  const found = editionApplication(edition.id, idOf(params.applicationId));
  invariantResponse(found, 'Not Found', { status: 404 });
  const lang = await getLanguage(request);
  const { application } = found;
  const track = found.trackFr && found.trackEn ? { nameFr: found.trackFr, nameEn: found.trackEn } : null;
  return {
    messages,
    year: edition.year,
    timeZone: edition.timeZone,
    application: {
      id: application.id,
      startupName: application.startupName,
      status: application.status,
      revision: application.revision,
      createdAt: application.createdAt.getTime(),
      updatedAt: application.updatedAt.getTime(),
      submittedAt: application.submittedAt?.getTime() ?? null,
      withdrawnAt: application.withdrawnAt?.getTime() ?? null,
      founderName: found.founderName,
      founderEmail: found.founderEmail,
    },
    answers: answersData(application, { lang, trackName: track, deck: found.deck, logo: found.logo }),
    history: applicationHistory(edition.id, application.id).map((event) => ({
      id: event.id,
      at: event.at.getTime(),
      action: event.action,
      actorName: event.actorName,
      before: event.before as Record<string, unknown> | null,
      after: event.after as Record<string, unknown> | null,
      reason: event.reason,
    })),
  };
}

type HistoryEvent = ReturnType<typeof useLoaderData<typeof loader>>['history'][number];

/** A value of the audit log as words: a status, a file, yes/no, or the text itself. */
function describeValue(t: T, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return t('applications.history.empty');
  if (field === 'status' && typeof value === 'string' && (APPLICATION_STATUSES as readonly string[]).includes(value)) {
    return t(`status.application.${value as ApplicationStatus}`);
  }
  if (typeof value === 'boolean') return t(value ? 'applications.table.yes' : 'applications.table.no');
  if (typeof value === 'object' && value !== null && 'name' in value) return String((value as { name: unknown }).name);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function fieldLabel({ t, has }: Lookup, field: string): string {
  if (field === 'status') return t('applications.table.status');
  const key = `apply.fields.${field}`;
  return has(key) ? t(key) : field;
}

function HistoryEntry({ event, timeZone }: { event: HistoryEvent; timeZone: string }) {
  const lookup = useT();
  const { t, lang } = lookup;
  const fields = Array.from(new Set([...Object.keys(event.before ?? {}), ...Object.keys(event.after ?? {})]));
  const known = ['application.status', 'application.update'].includes(event.action);
  return (
    <li className="history__event">
      <p className="history__head">
        <time dateTime={new Date(event.at).toISOString()}>
          {formatDate(lang, event.at, { dateStyle: 'medium', timeStyle: 'medium' }, timeZone)}
        </time>{' '}
        — <strong>{known ? t(`applications.history.${event.action === 'application.status' ? 'status' : 'update'}`) : event.action}</strong>{' '}
        <span className="muted">{t('applications.history.by', { name: event.actorName ?? t('applications.history.system') })}</span>
      </p>
      {fields.length > 0 ? (
        <dl className="history__changes">
          {fields.map((field) => {
            const before = describeValue(t, field, event.before?.[field]);
            const after = describeValue(t, field, event.after?.[field]);
            const long = before.length + after.length > 160;
            return (
              <div key={field} className="history__change">
                <dt>{fieldLabel(lookup, field)}</dt>
                <dd>
                  {long ? (
                    <details>
                      <summary>{t('applications.history.showChange')}</summary>
                      <p className="history__before">
                        <span className="history__tag">{t('applications.history.before')}</span> {before}
                      </p>
                      <p className="history__after">
                        <span className="history__tag">{t('applications.history.after')}</span> {after}
                      </p>
                    </details>
                  ) : (
                    <>
                      <span className="history__before">{before}</span> <span aria-hidden="true">→</span>
                      <span className="visually-hidden">{t('applications.history.becomes')}</span>{' '}
                      <span className="history__after">{after}</span>
                    </>
                  )}
                </dd>
              </div>
            );
          })}
        </dl>
      ) : null}
      {event.reason ? <p className="history__reason">{t('applications.history.reason', { reason: event.reason })}</p> : null}
    </li>
  );
}

export default function EditionApplication() {
  const { year, timeZone, application, answers, history } = useLoaderData<typeof loader>();
  const { t, lang } = useT();
  const date = (at: number | null) => (at ? formatDate(lang, at, { dateStyle: 'long', timeStyle: 'short' }, timeZone) : '—');
  return (
    <article className="stack application-detail" aria-labelledby="application-title">
      <p>
        <Link to={`/organise/${year}/applications`}>← {t('applications.detail.back')}</Link>
      </p>
      <div className="application-detail__head">
        <h2 id="application-title">{application.startupName || t('me.untitled')}</h2>
        <StatusBadge kind="application" status={application.status} />
      </div>
      <dl className="facts">
        <div>
          <dt>{t('applications.detail.founder')}</dt>
          <dd>
            {application.founderName} · <a href={`mailto:${application.founderEmail}`}>{application.founderEmail}</a>
          </dd>
        </div>
        <Fact term={t('applications.detail.created')}>{date(application.createdAt)}</Fact>
        <Fact term={t('applications.table.submitted')}>{date(application.submittedAt)}</Fact>
        <div>
          <dt>{t('applications.table.updated')}</dt>
          <dd>
            {date(application.updatedAt)} <span className="muted">({t('applications.detail.revision', { revision: application.revision })})</span>
          </dd>
        </div>
        {application.withdrawnAt ? <Fact term={t('applications.detail.withdrawn')}>{date(application.withdrawnAt)}</Fact> : null}
      </dl>

      <ApplicationAnswers data={answers} headingLevel={3} />

      <section aria-labelledby="history-title" className="history">
        <h3 id="history-title">{t('applications.history.title')}</h3>
        {history.length === 0 ? (
          <p className="muted">{t('applications.history.none')}</p>
        ) : (
          <ol className="history__list">
            {history.map((event) => (
              <HistoryEntry key={event.id} event={event} timeZone={timeZone} />
            ))}
          </ol>
        )}
      </section>
    </article>
  );
}
