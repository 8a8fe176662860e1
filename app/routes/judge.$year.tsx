/**
 * The judge's section of one edition: no data of its own (each page guards itself with
 * requireJudgeOf), only the boundary that keeps a judge on their way when a page fails — an unknown
 * or unassigned application, a refused action — with the way back to their pitches; and the
 * judge's offline kit (service worker, outbox flush, "N changes waiting": components/JudgeOffline).
 */
import { Link, Outlet, useLocation, useMatches, useParams } from '@remix-run/react';
import { JudgeOffline } from '~/components/JudgeOffline';
import { SectionError } from '~/components/SectionError';
import { useT } from '~/i18n';

export default function JudgeSection() {
  const { year = '' } = useParams();
  const matches = useMatches();
  // The pages of this section that know whose outbox it is say so in their data (`judgeId`).
  const page = matches[matches.length - 1];
  const data = page?.data as { judgeId?: unknown } | undefined;
  const judgeId = typeof data?.judgeId === 'number' ? data.judgeId : null;
  const onScoresheet = page?.id === 'routes/judge.$year.rounds.$roundId.$applicationId';
  return (
    <>
      <JudgeOffline year={year} judgeId={judgeId} onScoresheet={onScoresheet} />
      <Outlet />
    </>
  );
}

export function ErrorBoundary() {
  const { t } = useT();
  const { year } = useParams();
  const { pathname } = useLocation();
  const editionPage = `/judge/${year}`;
  // The edition page itself failed (not a judge of this year, unknown year): back to all editions.
  const onEditionPage = pathname.replace(/\/$/, '') === editionPage;
  return (
    <div className="page">
      <header className="page-header">
        <p className="eyebrow">{t('nav.judging')}</p>
      </header>
      <SectionError>
        <p>
          {onEditionPage ? (
            <Link to="/judge">{t('errors.section.judgeEditions')}</Link>
          ) : (
            <Link to={editionPage}>{t('errors.section.judgeBack')}</Link>
          )}
        </p>
      </SectionError>
    </div>
  );
}
