/**
 * A page's header: an optional eyebrow above the title, the title (the page's one h1), an
 * optional lead paragraph, then whatever the page adds (a link, a status line).
 */
import type { ReactNode } from 'react';

export function PageHeader({
  eyebrow,
  title,
  lead,
  children,
}: {
  eyebrow?: ReactNode;
  title: ReactNode;
  lead?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <header className="page-header">
      {eyebrow ? <p className="eyebrow">{eyebrow}</p> : null}
      <h1>{title}</h1>
      {lead ? <p className="lead">{lead}</p> : null}
      {children}
    </header>
  );
}
