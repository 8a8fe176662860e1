/**
 * The judge's section of one edition: no data of its own (each page guards itself with
 * requireJudgeOf), only the boundary that keeps a judge on their way when a page fails — an unknown
 * or unassigned application, a refused action — with the way back to their pitches.
 */
import { Link, Outlet, useLocation, useParams } from '@remix-run/react';
import { SectionError } from '~/components/SectionError';
import { useT } from '~/i18n';

export default function JudgeSection() {
  return <Outlet />;
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
        <p className="eyebrow">{t('scoring.edition.eyebrow')}</p>
      </header>
      <SectionError>
        <p>
          {onEditionPage ? (
            <Link to="/judge">{t('errors.section.judgeEditions')}</Link>
          ) : (
            <Link to={editionPage}>{t('scoring.sheet.back')}</Link>
          )}
        </p>
      </SectionError>
    </div>
  );
}
