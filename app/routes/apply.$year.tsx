/**
 * The founder's application to one edition: the frame every section page renders in — the
 * deadline with the time left, the status, why the application is read-only when it is, and the
 * sections with their state. The children read this loader's data (`useApplyData`) and still
 * guard themselves. A section's error shows inside the frame, with the sections kept.
 */
import { editionName } from '~/domain/edition';
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, Outlet, useLoaderData, useRouteLoaderData } from '@remix-run/react';
import type { ReactNode } from 'react';
import { Deadline } from '~/components/application-deadline';
import { SectionNav } from '~/components/application-sections';
import { FramedSectionError } from '~/components/SectionError';
import { StatusBadge } from '~/components/StatusBadge';
import { formatDate, tOf, useT } from '~/i18n';
import { messagesFor } from '~/i18n/messages.server';
import styles from '~/styles/applications.css';
import { answersData, founderApplicationView } from '~/utils/applications.server';
import { requireFounder } from '~/utils/auth.server';
import { requirePublicEdition } from '~/utils/editions.server';
import { getLanguage } from '~/utils/language.server';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
  const { t, lang } = tOf(matches);
  return [{ title: `${t('apply.title', { edition: data ? editionName(data.edition, lang) : '' })} — Palmarès` }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireFounder(request);
  const edition = requirePublicEdition(params.year);
  const lang = await getLanguage(request);
  const view = founderApplicationView(user.id, edition);
  const track = view.tracks.find((t) => t.id === view.application?.trackId) ?? null;
  return { messages: await messagesFor(request, ['applications', 'layout']), ...view, answers: answersData(view.application, { lang, trackName: track, deck: view.deck, logo: view.logo }) };
}

export type ApplyData = Awaited<ReturnType<typeof loader>>;

/** The frame's data, for the section pages. */
export function useApplyData(): ApplyData {
  const data = useRouteLoaderData<typeof loader>('routes/apply.$year');
  if (!data) throw new Error('useApplyData outside /apply/:year');
  return data;
}

function StatusNotice({ data }: { data: ApplyData }) {
  const { t, lang } = useT();
  const { application, window, edition } = data;
  if (!application) return null;
  const date = (at: number) => formatDate(lang, at, { dateStyle: 'long', timeStyle: 'short' }, edition.timeZone);
  if (application.status === 'withdrawn') {
    return (
      <p className="notice notice--readonly">
        {t('apply.notice.withdrawn', { date: date(application.withdrawnAt ?? application.updatedAt) })}
      </p>
    );
  }
  if (window === 'closed') {
    return (
      <p className="notice notice--readonly">
        {t(application.status === 'draft' ? 'apply.notice.closedDraft' : 'apply.notice.closed')}
      </p>
    );
  }
  if (application.status === 'submitted' && application.submittedAt) {
    return (
      <p className="notice notice--success">
        <span aria-hidden="true">✓ </span>
        {t('apply.notice.submitted', { date: date(application.submittedAt) })}
      </p>
    );
  }
  return null;
}

export default function ApplyEdition() {
  const data = useLoaderData<typeof loader>();
  return (
    <ApplyFrame data={data}>
      <Outlet />
    </ApplyFrame>
  );
}

/** A section's error inside the frame; the frame's own error (unknown edition, not a founder) alone. */
export function ErrorBoundary() {
  const data = useRouteLoaderData<typeof loader>('routes/apply.$year');
  return (
    <FramedSectionError
      data={data}
      pageClass="page page--wide apply"
      frame={(frame, error) => (
        <ApplyFrame data={frame} failed>
          {error}
        </ApplyFrame>
      )}
    />
  );
}

function ApplyFrame({ data, failed = false, children }: { data: ApplyData; failed?: boolean; children: ReactNode }) {
  const { t, lang } = useT();
  const { edition, application, window } = data;
  return (
    <div className="page page--wide apply">
      <header className="page-header apply-header">
        <p className="eyebrow">{t('apply.eyebrow')}</p>
        <h1>{t('apply.title', { edition: editionName(edition, lang) })}</h1>
        {application ? (
          <p className="apply-header__startup">
            <span>{application.startupName || t('me.untitled')}</span>{' '}
            <StatusBadge kind="application" status={application.status} />
          </p>
        ) : null}
        <Deadline
          openAt={edition.applicationsOpenAt}
          closeAt={edition.applicationsCloseAt}
          timeZone={edition.timeZone}
          serverNow={data.now}
          window={window}
        />
        <StatusNotice data={data} />
      </header>
      {application || window === 'open' || failed ? (
        <div className="apply-layout">
          <SectionNav year={edition.year} states={data.sections} editable={data.editable} />
          <div className="apply-content">{children}</div>
        </div>
      ) : (
        <div className="stack">
          <p className="notice">{t(window === 'notYetOpen' ? 'apply.notOpenYet' : 'apply.closedWithoutApplication')}</p>
          <p>
            <Link to="/me">{t('apply.backToMe')}</Link>
          </p>
        </div>
      )}
    </div>
  );
}
