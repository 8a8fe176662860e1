/** The header of a page about one edition (the organiser's frame, the judge's edition page). */
import type { ReactNode } from 'react';
import { editionName, type NamedEdition } from '~/domain/edition';
import type { EditionStatus } from '~/domain/statuses';
import { useT } from '~/i18n';
import { StatusBadge } from './StatusBadge';

/** The eyebrow, the edition's name in the page's language with its status, then what the page adds (a lead, tabs). */
export function EditionPageHeader({
  eyebrow,
  edition,
  children,
}: {
  eyebrow: string;
  edition: NamedEdition & { status: EditionStatus };
  children?: ReactNode;
}) {
  const { lang } = useT();
  return (
    <header className="page-header">
      <p className="eyebrow">{eyebrow}</p>
      <h1>
        {editionName(edition, lang)} <StatusBadge kind="edition" status={edition.status} />
      </h1>
      {children}
    </header>
  );
}
