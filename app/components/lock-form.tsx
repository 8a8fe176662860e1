/**
 * The button that locks a round. When scoresheets are missing or still drafts, it first says how
 * many, and locking needs the box ticked: they will not count (rounds.server.ts lockRound).
 */
import { Form } from '@remix-run/react';
import { useT } from '~/i18n';

export function LockForm({
  roundId,
  label,
  roundName,
  shortfall,
}: {
  roundId: number;
  label: string;
  roundName: string;
  shortfall?: { missing: number; drafts: number };
}) {
  const { t } = useT();
  const incomplete = shortfall && shortfall.missing + shortfall.drafts > 0;
  const confirmId = `round-lock-${roundId}-confirm`;
  return (
    <Form method="post" preventScrollReset className={incomplete ? 'lock-form lock-form--incomplete' : 'lock-form'}>
      <input type="hidden" name="intent" value="round.lock" />
      <input type="hidden" name="id" value={roundId} />
      {incomplete ? (
        <>
          <ul className="lock-form__counts" data-testid={`lock-shortfall-${roundId}`}>
            {shortfall.missing > 0 ? <li>{t('editions.lock.missing', { count: shortfall.missing })}</li> : null}
            {shortfall.drafts > 0 ? <li>{t('editions.lock.drafts', { count: shortfall.drafts })}</li> : null}
          </ul>
          <div className="checkbox">
            <input type="checkbox" id={confirmId} name="confirm" value="yes" required />
            <label htmlFor={confirmId}>{t('editions.lock.confirm')}</label>
          </div>
        </>
      ) : null}
      <button type="submit" className="button button--primary">
        {label}
        <span className="visually-hidden"> {roundName}</span>
      </button>
    </Form>
  );
}
