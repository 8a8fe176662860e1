/**
 * A table's head, from its columns: one row of `<th scope="col">`, a column of numbers marked
 * `num` (aligned right, app.css). The tables of the organiser and public pages all draw their
 * head this way; their rows stay their own.
 */
import type { ReactNode } from 'react';

export interface Column {
  label: ReactNode;
  /** A column of numbers. */
  num?: boolean;
  className?: string;
}

export function TableHead({ columns }: { columns: readonly (Column | false | null | undefined)[] }) {
  return (
    <thead>
      <tr>
        {columns
          .filter((c): c is Column => Boolean(c))
          .map((c, i) => (
            <th key={i} scope="col" className={[c.num ? 'num' : '', c.className ?? ''].filter(Boolean).join(' ') || undefined}>
              {c.label}
            </th>
          ))}
      </tr>
    </thead>
  );
}
