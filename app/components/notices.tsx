/** Notices and the small icons that repeat their words (moved out of the old set-up field kit). */
import type { ReactNode } from 'react';

/** A confirmation that something was done, read out politely by screen readers. */
export function DoneNotice({ children }: { children: ReactNode }) {
  return (
    <div className="notice notice--done" role="status">
      <span aria-hidden="true">✓ </span>
      {children}
    </div>
  );
}

/** An explanation of why a part of the page cannot be changed (icon and words, not colour alone). */
export function LockedNotice({ id, title, children }: { id?: string; title: string; children?: ReactNode }) {
  return (
    <div className="notice notice--locked" id={id}>
      <p className="notice__title">
        <Icon name="lock" /> {title}
      </p>
      {children}
    </div>
  );
}

const ICON_PATHS = {
  // Padlock: body and shackle.
  lock: 'M7 10V7a5 5 0 0 1 10 0v3h1a1 1 0 0 1 1 1v9a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1v-9a1 1 0 0 1 1-1h1Zm2 0h6V7a3 3 0 0 0-6 0v3Z',
  // Hourglass.
  pending: 'M6 2h12v2h-1v3.6L13.4 12l3.6 4.4V20h1v2H6v-2h1v-3.6l3.6-4.4L7 7.6V4H6V2Zm3 2v2.9l3 3.6 3-3.6V4H9Z',
  // Clock.
  expired: 'M12 2a10 10 0 1 1 0 20 10 10 0 0 1 0-20Zm0 2a8 8 0 1 0 0 16 8 8 0 0 0 0-16Zm1 3v4.6l3.2 3.2-1.4 1.4L11 12.4V7h2Z',
} as const;

/**
 * A small inline icon that repeats what the words next to it say (decorative: hidden from
 * screen readers). Inline SVG, so it looks the same on every device, with or without emoji fonts.
 */
export function Icon({ name }: { name: keyof typeof ICON_PATHS }) {
  return (
    <svg className="icon" viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true" focusable="false">
      <path fill="currentColor" fillRule="evenodd" d={ICON_PATHS[name]} />
    </svg>
  );
}
