import type { ApplicationStatus, EditionStatus } from '~/domain/statuses';
import { useT, type MessageKey } from '~/i18n';

type Badge =
  | { kind: 'edition'; status: EditionStatus }
  | { kind: 'application'; status: ApplicationStatus }
  | { kind: 'round'; status: 'open' | 'locked' };

function keyOf(badge: Badge): MessageKey {
  switch (badge.kind) {
    case 'edition':
      return `status.edition.${badge.status}`;
    case 'application':
      return `status.application.${badge.status}`;
    case 'round':
      return `status.round.${badge.status}`;
  }
}

/** A status as words with an icon-like prefix, never colour alone. */
export function StatusBadge(badge: Badge) {
  const { t } = useT();
  return <span className={`badge badge--${badge.kind}-${badge.status}`}>{t(keyOf(badge))}</span>;
}
