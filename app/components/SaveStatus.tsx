/**
 * Where the judge's latest changes are: saving, saved (with the time), or not saved and why.
 * A polite live region: screen readers hear each change of state without being interrupted.
 * The state is said in words, with a symbol, never by colour alone.
 */
import { useT } from '~/i18n';

export type SaveState =
  | { kind: 'idle' }
  /** Changes typed, waiting for the pause before the automatic save. */
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  /** The server could not be reached (or failed): the same save is sent again. */
  | { kind: 'retrying' }
  /** Refused: the reason is shown next to the fields or in a message above. */
  | { kind: 'refused' };

const SYMBOL: Record<SaveState['kind'], string> = {
  idle: '',
  pending: '•',
  saving: '…',
  saved: '✓',
  retrying: '!',
  refused: '!',
};

/** `at` is already formatted for the page's language and the edition's time zone. */
export function SaveStatus({ state, lastSavedAt }: { state: SaveState; lastSavedAt?: string | null }) {
  const { t } = useT();
  const text =
    state.kind === 'pending'
      ? t('scoring.save.pending')
      : state.kind === 'saving'
        ? t('scoring.save.saving')
        : state.kind === 'saved'
          ? t('scoring.save.savedAt', { time: state.at })
          : state.kind === 'retrying'
            ? t('scoring.save.retrying')
            : state.kind === 'refused'
              ? t('scoring.save.refused')
              : lastSavedAt
                ? t('scoring.save.lastSavedAt', { time: lastSavedAt })
                : t('scoring.save.notYet');
  return (
    <p className={`save-status save-status--${state.kind}`} role="status" aria-live="polite" aria-atomic="true">
      {SYMBOL[state.kind] ? (
        <span className="save-status__symbol" aria-hidden="true">
          {SYMBOL[state.kind]}
        </span>
      ) : null}
      <span>{text}</span>
    </p>
  );
}
