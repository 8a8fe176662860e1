import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { DeadlineDate } from '~/components/application-deadline';
import { PageHeader } from '~/components/PageHeader';
import { StatusBadge } from '~/components/StatusBadge';
import { applicationWindow, isEditableStatus } from '~/domain/application';
import { applicationTimeline, outcomeOf } from '~/domain/application-status';
import { editionName } from '~/domain/edition';
import { formatDate, type MessageKey, titleMeta, useT } from '~/i18n';
import { messagesFor } from '~/i18n/messages.server';
import styles from '~/styles/applications.css';
import { applicationsOfFounder, awardsOfApplications, openEditionsWithoutApplication } from '~/utils/applications.server';
import { requireFounder } from '~/utils/auth.server';
import { feedbackYears } from '~/utils/feedback.server';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, 'me.title');

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireFounder(request);
  const now = new Date();
  const withFeedback = new Set(feedbackYears(user.id));
  const applications = applicationsOfFounder(user.id);
  const awards = awardsOfApplications(applications.map((app) => app.id));
  return {
    messages: await messagesFor(request, ['applications']),
    name: user.name,
    applications: applications.map((app) => {
      const window = applicationWindow({ status: app.editionStatus, applicationsOpenAt: app.applicationsOpenAt, applicationsCloseAt: app.applicationsCloseAt }, now);
      const won = awards.filter((award) => award.applicationId === app.id);
      return { ...app, window, editable: window === 'open' && isEditableStatus(app.status), feedback: withFeedback.has(app.year), awards: won };
    }),
    openEditions: openEditionsWithoutApplication(user.id, now),
  };
}

/** What the link to an application says: continue a draft, change a submitted one, or view it. */
function linkKey(app: { status: string; editable: boolean }): MessageKey {
  if (!app.editable) return 'me.viewApplication';
  return app.status === 'draft' ? 'me.continueApplication' : 'me.changeApplication';
}

export default function MyApplications() {
  const { name, applications, openEditions } = useLoaderData<typeof loader>();
  const { t, lang } = useT();
  return (
    <div className="page">
      <PageHeader title={t('me.title')} lead={t('me.greeting', { name })} />
      {openEditions.length > 0 ? (
        <section aria-labelledby="open-editions" className="open-editions">
          <h2 id="open-editions">{t('me.openEditions')}</h2>
          <ul className="card-list">
            {openEditions.map((edition) => (
              <li key={edition.year} className="card card--call">
                <h3 className="card__title">{editionName(edition, lang)}</h3>
                <p>
                  {t('me.deadline')} <DeadlineDate at={new Date(edition.applicationsCloseAt).getTime()} timeZone={edition.timeZone} />
                </p>
                <p>
                  <Link to={`/apply/${edition.year}`} className="button button--primary">
                    {t('me.startApplication', { edition: editionName(edition, lang) })}
                  </Link>
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {applications.length === 0 ? (
        <p className="notice">{t('me.none')}</p>
      ) : (
        <ul className="card-list">
          {applications.map((app) => (
            <li key={app.id} className="card">
              <div className="card__head">
                <h2 className="card__title">
                  {app.startupName || t('me.untitled')} <span className="muted">— {app.year}</span>
                </h2>
                <StatusBadge kind="application" status={app.status} />
              </div>
              <p className="muted">
                {editionName({ name: app.editionName, nameFr: app.editionNameFr }, lang)}
                {app.trackEn ? ` · ${lang === 'fr' ? app.trackFr : app.trackEn}` : ''}
              </p>
              {app.awards.length > 0 ? (
                <div className="me-awards">
                  <h3 className="me-awards__title">{t('me.awards')}</h3>
                  <ul>
                    {app.awards.map((award) => (
                      <li key={`${award.kind}-${award.place}-${award.trackEn ?? ''}`}>
                        <span aria-hidden="true">🏆 </span>
                        {t(`me.award.${award.kind}`, { place: award.place, track: (lang === 'fr' ? award.trackFr : award.trackEn) ?? '' })}
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
              <ol className="timeline" aria-label={t('me.timelineLabel', { startup: app.startupName || t('me.untitled') })}>
                {applicationTimeline(app.status, Boolean(app.submittedAt), app.editionStatus === 'published').map(({ step, state }) => (
                  <li key={step} className={`timeline__step timeline__step--${state}`}>
                    <span className="timeline__marker" aria-hidden="true">
                      {state === 'done' ? '✓' : state === 'current' ? '●' : state === 'skipped' ? '–' : '○'}
                    </span>
                    <span className="timeline__label">
                      {step === 'outcome'
                        ? t(`timeline.outcome.${outcomeOf(app.status, app.editionStatus === 'published')}`)
                        : t(`timeline.${step}`)}
                    </span>
                    <span className="visually-hidden"> ({t(`timeline.state.${state}`)})</span>
                    {step === 'submitted' && app.submittedAt ? (
                      <span className="timeline__date">
                        {formatDate(lang, app.submittedAt, { dateStyle: 'medium' }, app.timeZone)}
                      </span>
                    ) : null}
                  </li>
                ))}
              </ol>
              {app.window === 'open' && app.status !== 'withdrawn' ? (
                <p className="me-deadline">
                  {t('me.deadline')} <DeadlineDate at={new Date(app.applicationsCloseAt).getTime()} timeZone={app.timeZone} />
                </p>
              ) : null}
              <p className="me-actions">
                <Link to={`/apply/${app.year}`} className={`button ${app.editable && app.status === 'draft' ? 'button--primary' : 'button--ghost'}`}>
                  {t(linkKey(app))}
                  <span className="visually-hidden"> ({app.startupName || t('me.untitled')}, {app.year})</span>
                </Link>
                {app.feedback ? (
                  <>
                    {' '}
                    <Link to={`/me/feedback/${app.year}`} className="button button--primary">
                      {t('me.feedbackLink')}
                      <span className="visually-hidden"> ({app.startupName || t('me.untitled')}, {app.year})</span>
                    </Link>
                  </>
                ) : null}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
