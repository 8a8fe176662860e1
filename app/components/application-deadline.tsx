/**
 * The application deadline in the edition's time zone, and the time left. The server renders
 * the time left from its own clock (passed as `serverNow`, so the first client render matches);
 * with JavaScript it then ticks, and reloads the page's data when the deadline passes so the
 * form turns read-only without a click.
 */
import { useRevalidator } from '@remix-run/react';
import { useEffect, useState } from 'react';
import { timeLeft, type ApplicationWindow } from '~/domain/application';
import { formatDate, useT, type Lang } from '~/i18n';

/** "44 days and 3 hours", "3 hours and 12 minutes", "12 minutes", in the page's language. */
export function formatTimeLeft(lang: Lang, closeAt: number, now: number, lessThanAMinute: string): string {
  const left = timeLeft(closeAt, now);
  const locale = lang === 'fr' ? 'fr-FR' : 'en-GB';
  const unit = (value: number, name: 'day' | 'hour' | 'minute') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'long' }).format(value);
  const and = (parts: string[]) => new Intl.ListFormat(locale, { type: 'conjunction' }).format(parts);
  if (left.days > 0) return left.hours > 0 ? and([unit(left.days, 'day'), unit(left.hours, 'hour')]) : unit(left.days, 'day');
  if (left.hours > 0) return left.minutes > 0 ? and([unit(left.hours, 'hour'), unit(left.minutes, 'minute')]) : unit(left.hours, 'hour');
  if (left.minutes > 0) return unit(left.minutes, 'minute');
  return lessThanAMinute;
}

/** "Paris" from "Europe/Paris". */
function cityOf(timeZone: string): string {
  return (timeZone.split('/').pop() ?? timeZone).replace(/_/g, ' ');
}

export function DeadlineDate({ at, timeZone }: { at: number; timeZone: string }) {
  const { t, lang } = useT();
  return (
    <>
      <time dateTime={new Date(at).toISOString()}>{formatDate(lang, at, { dateStyle: 'full', timeStyle: 'short' }, timeZone)}</time>{' '}
      <span className="deadline__zone">({t('apply.deadline.zone', { city: cityOf(timeZone) })})</span>
    </>
  );
}

export function Deadline({
  openAt,
  closeAt,
  timeZone,
  serverNow,
  window,
}: {
  openAt: number;
  closeAt: number;
  timeZone: string;
  serverNow: number;
  window: ApplicationWindow;
}) {
  const { t, lang } = useT();
  const [now, setNow] = useState(serverNow);
  const revalidator = useRevalidator();
  const ticking = window === 'open';

  useEffect(() => {
    if (!ticking) return;
    const tick = () => setNow(Date.now());
    tick();
    // Every second in the last hour, every 15 seconds before.
    const period = closeAt - Date.now() < 60 * 60_000 ? 1_000 : 15_000;
    const timer = setInterval(tick, period);
    return () => clearInterval(timer);
  }, [ticking, closeAt]);

  const passed = ticking && now > closeAt;
  // Once, when the deadline passes; the revalidator is left out of the dependencies on purpose
  // (it changes identity at every render, which would reload again and again).
  useEffect(() => {
    if (passed && revalidator.state === 'idle') revalidator.revalidate();
  }, [passed]);

  if (window === 'notYetOpen') {
    return (
      <p className="deadline">
        {t('apply.deadline.opensOn')} <DeadlineDate at={openAt} timeZone={timeZone} />
      </p>
    );
  }
  // Closed by the organisers before its date (judging started early): no "closed on" a future day.
  if (window === 'closed' && closeAt > serverNow) {
    return <p className="deadline deadline--closed">{t('apply.deadline.closedEarly')}</p>;
  }
  if (window === 'closed' || passed) {
    return (
      <p className="deadline deadline--closed">
        {t('apply.deadline.closedOn')} <DeadlineDate at={closeAt} timeZone={timeZone} />
      </p>
    );
  }
  const urgent = closeAt - now < 24 * 60 * 60_000;
  return (
    <div className={`deadline${urgent ? ' deadline--urgent' : ''}`}>
      <p className="deadline__when">
        {t('apply.deadline.closesOn')} <DeadlineDate at={closeAt} timeZone={timeZone} />
      </p>
      <p className="deadline__left">
        {t('apply.deadline.left', { time: formatTimeLeft(lang, closeAt, now, t('apply.deadline.lessThanAMinute')) })}
      </p>
    </div>
  );
}
