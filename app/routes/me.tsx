import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { StatusBadge } from '~/components/StatusBadge';
import { applicationTimeline } from '~/domain/application-status';
import { formatDate, translate, useT } from '~/i18n';
import { applicationsOfFounder } from '~/utils/applications.server';
import { requireFounder } from '~/utils/auth.server';

export const meta: MetaFunction = ({ matches }) => {
  const lang = (matches.find((m) => m.id === 'root')?.data as { lang?: 'fr' | 'en' } | undefined)?.lang ?? 'en';
  return [{ title: `${translate(lang, 'me.title')} — Palmarès` }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireFounder(request);
  return { name: user.name, applications: applicationsOfFounder(user.id) };
}

export default function MyApplications() {
  const { name, applications } = useLoaderData<typeof loader>();
  const { t, lang } = useT();
  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('me.title')}</h1>
        <p className="lead">{t('me.greeting', { name })}</p>
      </header>
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
                {app.editionName}
                {app.trackEn ? ` · ${lang === 'fr' ? app.trackFr : app.trackEn}` : ''}
              </p>
              <ol className="timeline" aria-label={t('me.timelineLabel', { startup: app.startupName || t('me.untitled') })}>
                {applicationTimeline(app.status, Boolean(app.submittedAt)).map(({ step, state }) => (
                  <li key={step} className={`timeline__step timeline__step--${state}`}>
                    <span className="timeline__marker" aria-hidden="true">
                      {state === 'done' ? '✓' : state === 'current' ? '●' : state === 'skipped' ? '–' : '○'}
                    </span>
                    <span className="timeline__label">
                      {step === 'outcome'
                        ? t(`timeline.outcome.${['winner', 'not_selected', 'withdrawn'].includes(app.status) ? app.status : 'pending'}`)
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
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
