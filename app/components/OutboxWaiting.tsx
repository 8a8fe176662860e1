/**
 * "N changes waiting to be sent": how many of this judge's changes are kept on this device but not
 * on the server yet (app/utils/outbox.ts). A polite live region, present even when empty, so that
 * a screen reader hears the line appear and go. Said in words, never by colour alone.
 */
import { useEffect, useState } from 'react';
import { useT } from '~/i18n';
import { onOutboxChange, waitingRecords } from '~/utils/outbox';

export interface OutboxWaitingProps {
  judgeId: number;
  /** The sheet on screen: its own changes are `own` (known at once), not read back from the outbox. */
  recordId?: string;
  own?: number;
  /** In the scoresheet's sticky bar: the hint is for screen readers only. */
  compact?: boolean;
}

export function OutboxWaiting({ judgeId, recordId, own = 0, compact = false }: OutboxWaitingProps) {
  const { t } = useT();
  const [others, setOthers] = useState(0);
  useEffect(() => {
    let live = true;
    const count = () =>
      void waitingRecords(judgeId).then((records) => {
        if (live) setOthers(records.filter((r) => r.id !== recordId).reduce((sum, r) => sum + r.changes, 0));
      });
    count();
    const stop = onOutboxChange(count);
    return () => {
      live = false;
      stop();
    };
  }, [judgeId, recordId]);
  const total = own + others;
  return (
    <p className="outbox-waiting" role="status" aria-live="polite" aria-atomic="true">
      {total > 0 ? (
        <>
          <span className="outbox-waiting__count">
            <span aria-hidden="true">⇡ </span>
            {total === 1 ? t('offline.waitingOne') : t('offline.waitingOther', { count: total })}
          </span>{' '}
          <span className={compact ? 'visually-hidden' : 'outbox-waiting__hint'}>{t('offline.waitingHint')}</span>
        </>
      ) : null}
    </p>
  );
}
