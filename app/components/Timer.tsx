/**
 * A pitch or Q&A timer, read from the server's start time (never counted locally). The last
 * 30 seconds and the overtime are told by words and an icon as well as by colour and size.
 */
import { useEffect, useState } from 'react';
import { formatClock, readTimer, type TimerReading, type TimerSnapshot } from '~/domain/stage';
import { useT } from '~/i18n';

export function TimerIcon({ kind }: { kind: 'clock' | 'alarm' }) {
  return kind === 'clock' ? (
    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" className="icon">
      <circle cx="12" cy="13" r="8" fill="none" stroke="currentColor" strokeWidth="2.5" />
      <path d="M12 9v4.5l3 2M9 2.5h6" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" />
    </svg>
  ) : (
    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" className="icon">
      <path d="M12 2.5 1.5 21h21L12 2.5Z" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinejoin="round" />
      <path d="M12 9.5v5M12 17.5v.5" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" />
    </svg>
  );
}

function phaseOf(reading: TimerReading): 'normal' | 'final' | 'over' {
  if (reading.over) return 'over';
  return reading.finalStretch ? 'final' : 'normal';
}

export function Timer({
  timer,
  serverNow,
  initialNow,
  variant,
}: {
  timer: TimerSnapshot;
  serverNow: () => number;
  /** The server's clock of the state the page was rendered with (the first render must match the server's). */
  initialNow: number;
  variant: 'projector' | 'control';
}) {
  const { t } = useT();
  const now = useServerClock(serverNow, initialNow, timer.startedAt !== null);
  const reading = readTimer(timer, now);
  const phase = phaseOf(reading);
  const clock = reading.over ? `+${formatClock(reading.remainingMs)}` : formatClock(reading.remainingMs);
  const state = reading.running ? null : reading.elapsedMs === 0 ? t('stage.timer.ready') : t('stage.timer.paused');
  return (
    <div className={`timer timer--${variant} timer--${phase}`} data-phase={phase}>
      <p className="timer__label">
        <TimerIcon kind="clock" /> {t(`stage.timer.kind.${reading.kind}`)}
        {state ? <span className="timer__state"> · {state}</span> : null}
      </p>
      <p
        className="timer__clock"
        role="timer"
        aria-label={t('stage.timer.remainingLabel', { kind: t(`stage.timer.kind.${reading.kind}`) })}
      >
        {clock}
      </p>
      {phase === 'final' ? (
        <p className="timer__alert">
          <TimerIcon kind="alarm" /> {t('stage.timer.finalStretch')}
        </p>
      ) : null}
      {phase === 'over' ? (
        <p className="timer__alert">
          <TimerIcon kind="alarm" /> {t('stage.timer.over')}
        </p>
      ) : null}
    </div>
  );
}

/** The server's clock, re-read every `intervalMs` while `ticking` (the first render uses `initialNow`, as the server did). */
export function useServerClock(serverNow: () => number, initialNow: number, ticking: boolean, intervalMs = 200): number {
  const [now, setNow] = useState(initialNow);
  useEffect(() => {
    setNow(serverNow());
    if (!ticking) return;
    const id = setInterval(() => setNow(serverNow()), intervalMs);
    return () => clearInterval(id);
  }, [serverNow, ticking, intervalMs]);
  return now;
}
