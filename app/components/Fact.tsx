/**
 * One fact of a definition list (`<dl className="facts">` and the like): its term and its value,
 * grouped in a div so that the list can lay them out as pairs.
 */
import type { ReactNode } from 'react';

export function Fact({ term, children }: { term: ReactNode; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
