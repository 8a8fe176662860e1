/**
 * A table of records in its frame, the one way the pages draw one: a sideways-scrolling region
 * named like the table (ScrollRegion: a keyboard and a screen reader reach it, and a wide table
 * never widens the page), the table named by its caption (visually hidden unless `showCaption`),
 * its head from `columns` (TableHead), its rows (`children`, inside `<tbody>`) and an optional
 * `<tfoot>`. A small table inside another frame (the diff of an audit entry) passes
 * `region={false}`; a region whose name is not the caption passes it as `region`.
 */
import type { ReactNode } from 'react';
import { ScrollRegion } from './ScrollRegion';
import { TableHead, type Column } from './TableHead';

export function DataTable({
  caption,
  showCaption,
  region,
  regionClassName,
  className,
  id,
  columns,
  foot,
  children,
}: {
  caption: string;
  showCaption?: boolean;
  /** The scroll region's name, when it is not the caption; `false`: no scroll region. */
  region?: string | false;
  regionClassName?: string;
  /** Classes besides `table`. */
  className?: string;
  id?: string;
  columns: readonly (Column | false | null | undefined)[];
  /** The rows of a `<tfoot>`. */
  foot?: ReactNode;
  /** The rows. */
  children: ReactNode;
}) {
  const table = (
    <table className={className ? `table ${className}` : 'table'} id={id}>
      <caption className={showCaption ? undefined : 'visually-hidden'}>{caption}</caption>
      <TableHead columns={columns} />
      <tbody>{children}</tbody>
      {foot ? <tfoot>{foot}</tfoot> : null}
    </table>
  );
  if (region === false) return table;
  return (
    <ScrollRegion label={region ?? caption} className={regionClassName}>
      {table}
    </ScrollRegion>
  );
}
