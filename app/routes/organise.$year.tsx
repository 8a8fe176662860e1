/**
 * The organiser's frame for one edition: its name, status and the tabs of every
 * organiser page of that edition. Each child route still calls requireOrganiser itself.
 * A page's error (an unknown application, a refused action) shows inside the frame, tabs kept.
 */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { NavLink, Outlet, useLoaderData, useRouteLoaderData } from '@remix-run/react';
import type { ReactNode } from 'react';
import { FramedSectionError } from '~/components/SectionError';
import { EditionPageHeader } from '~/components/EditionPageHeader';
import { useT } from '~/i18n';
import { organiserPage } from '~/utils/organiser-page.server';

export const ORGANISE_TABS = [
  { to: '', key: 'organise.tabs.setup', end: true },
  { to: 'settings', key: 'editions.tabs.settings', end: false },
  { to: 'applications', key: 'organise.tabs.applications', end: false },
  { to: 'judges', key: 'organise.tabs.judges', end: false },
  { to: 'team', key: 'editions.tabs.team', end: false },
  { to: 'assignments', key: 'organise.tabs.assignments', end: false },
  { to: 'progress', key: 'organise.tabs.progress', end: false },
  { to: 'shortlist', key: 'organise.tabs.shortlist', end: false },
  { to: 'stage', key: 'organise.tabs.stage', end: false },
  { to: 'results', key: 'organise.tabs.results', end: false },
  { to: 'feedback', key: 'organise.tabs.feedback', end: false },
  { to: 'audit', key: 'organise.tabs.audit', end: false },
] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  // The tabs and the settings, status and team pages (app/i18n/editions.ts).
  const { edition, messages } = await organiserPage(request, params, ['editions']);
  return {
    messages,
    edition: { year: edition.year, name: edition.name, nameFr: edition.nameFr, status: edition.status },
  };
}

type FrameEdition = Awaited<ReturnType<typeof loader>>['edition'];

export default function OrganiseEdition() {
  const { edition } = useLoaderData<typeof loader>();
  return (
    <OrganiseFrame edition={edition}>
      <Outlet />
    </OrganiseFrame>
  );
}

/** A child's error inside the frame; the frame's own error (unknown edition, not an organiser) alone. */
export function ErrorBoundary() {
  const data = useRouteLoaderData<typeof loader>('routes/organise.$year');
  return (
    <FramedSectionError
      data={data}
      pageClass="page page--wide"
      frame={(frame, error) => <OrganiseFrame edition={frame.edition}>{error}</OrganiseFrame>}
    />
  );
}

function OrganiseFrame({ edition, children }: { edition: FrameEdition; children: ReactNode }) {
  const { t } = useT();
  return (
    <div className="page page--wide">
      <EditionPageHeader eyebrow={t('organise.title')} edition={edition}>
        <nav aria-label={t('organise.tabs.label', { year: edition.year })} className="tabs">
          <ul>
            {ORGANISE_TABS.map((tab) => (
              <li key={tab.key}>
                <NavLink to={`/organise/${edition.year}${tab.to ? `/${tab.to}` : ''}`} end={tab.end} prefetch="intent">
                  {t(tab.key)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </EditionPageHeader>
      {children}
    </div>
  );
}
