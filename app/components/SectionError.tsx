/**
 * The error of one page inside a section (organise, judge, apply): rendered by the section's
 * ErrorBoundary in place of the page, so the section's own navigation stays around it. Not found,
 * forbidden and anything else each have their own message, in the visitor's language. The stack
 * is shown in development only; production never shows it (the server log has it).
 */
import { isRouteErrorResponse, useRouteError } from '@remix-run/react';
import type { ReactNode } from 'react';
import { useT } from '~/i18n';

export function errorStatus(error: unknown): number {
  return isRouteErrorResponse(error) ? error.status : 500;
}

export function SectionError({ children }: { children?: ReactNode }) {
  const error = useRouteError();
  const { t } = useT();
  const status = errorStatus(error);
  const key = status === 404 ? 'notFound' : status === 403 ? 'forbidden' : 'serverError';
  const stack = process.env.NODE_ENV === 'development' && error instanceof Error ? error.stack : null;
  return (
    <section className="error-page error-page--section" aria-labelledby="section-error-title">
      <p className="error-page__code">{status}</p>
      <h2 id="section-error-title">{t(`errors.page.${key}.title`)}</h2>
      <p>{t(`errors.page.${key}.body`)}</p>
      {children}
      {stack ? <pre className="error-page__stack">{stack}</pre> : null}
    </section>
  );
}

/**
 * The ErrorBoundary of a section with a frame (organise, apply): a page's error inside the frame, so
 * its navigation stays; the frame's own error (its loader failed: no data) alone on a bare page.
 */
export function FramedSectionError<D>({
  data,
  pageClass,
  frame,
}: {
  data: D | undefined;
  pageClass: string;
  frame: (data: D, error: ReactNode) => ReactNode;
}) {
  if (!data) {
    return (
      <div className={pageClass}>
        <SectionError />
      </div>
    );
  }
  return <>{frame(data, <SectionError />)}</>;
}
