import { useT } from '~/i18n';

/** A status as words with an icon-like prefix, never colour alone. */
export function StatusBadge({ kind, status }: { kind: 'edition' | 'application' | 'round'; status: string }) {
  const { t } = useT();
  return (
    <span className={`badge badge--${kind}-${status}`}>
      {t(`status.${kind}.${status}`)}
    </span>
  );
}
