/**
 * A box whose content may be wider than the page (a table, a script): it scrolls sideways inside
 * itself and never widens the page. A keyboard reaches it (tabIndex 0, so arrow keys scroll it;
 * axe's `scrollable-region-focusable`), a screen reader hears it as a named region, and a shadow
 * on the side that has more shows that it scrolls (app.css `.scroll-region`, CSS only).
 * In a table, mark the first column's cells `sticky-col` to keep them in view while scrolling.
 */
import type { ReactNode } from 'react';

export function ScrollRegion({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div className={`scroll-region${className ? ` ${className}` : ''}`} tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
