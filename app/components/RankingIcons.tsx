/**
 * Small inline icons of the result pages, drawn in SVG (emoji fonts are not on every device).
 * Always beside the words they illustrate, so hidden from assistive technology. And the flags of
 * ranking rows and results (`Flag`): a text symbol before the words.
 */
import type { ReactNode } from 'react';

export function LockIcon({ locked }: { locked: boolean }) {
  return (
    <svg className="state-icon" width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
      {locked ? (
        <path d="M4 6V4.5a3 3 0 0 1 6 0V6" fill="none" stroke="currentColor" strokeWidth="1.6" />
      ) : (
        <path d="M4 6V4.5a3 3 0 0 1 5.8-1" fill="none" stroke="currentColor" strokeWidth="1.6" />
      )}
      <rect x="2.5" y="6" width="9" height="7" rx="1.2" fill={locked ? 'currentColor' : 'none'} stroke="currentColor" strokeWidth="1.4" />
    </svg>
  );
}

const FLAG_SYMBOLS = { tie: '⇄', insufficient: '⚠', suggested: '★' } as const;

/**
 * A mark on a ranking row or a result (tie, too few scoresheets, suggested): a symbol hidden from
 * assistive technology, then the words, never colour alone (results.css `.flag--<kind>`).
 */
export function Flag({
  kind,
  inline,
  as: Tag = 'span',
  children,
}: {
  kind: keyof typeof FLAG_SYMBOLS;
  /** Beside a number in the same cell (`.flag--inline`). */
  inline?: boolean;
  /** A paragraph of its own, or a mark inside one. */
  as?: 'span' | 'p';
  children: ReactNode;
}) {
  return (
    <Tag className={`flag flag--${kind}${inline ? ' flag--inline' : ''}`}>
      <span aria-hidden="true">{`${FLAG_SYMBOLS[kind]} `}</span>
      {children}
    </Tag>
  );
}
