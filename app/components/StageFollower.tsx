/**
 * The judge's tablet follows the stage: mounted on the judge's pages of an edition, it listens to
 * the live channel and, when scoring opens for a startup, asks the server where this judge should
 * go (/judge/:year/stage-target) and opens that scoresheet without a reload.
 *
 * - The server decides: a conflicted judge gets a notice, never the sheet (and nothing here knows
 *   the judge's conflicts).
 * - Only a *new* opening navigates: what the tablet last saw is kept for the browser tab
 *   (sessionStorage), so a reconnect, a reload or the judge going back to an earlier sheet never
 *   pulls them away again; the notice keeps a link to the sheet on stage.
 */
import { Link, useLocation, useNavigate } from '@remix-run/react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { isNewScoringOpen, scoringKey } from '~/domain/stage-follow';
import { useT } from '~/i18n';
import { useStageEvents } from './StageEvents';

type StageTarget =
  | { kind: 'idle'; version: number }
  | { kind: 'sheet'; version: number; applicationId: number; startupName: string; href: string }
  | { kind: 'conflicted'; version: number; applicationId: number; startupName: string }
  | { kind: 'notAssigned'; version: number; applicationId: number; startupName: string };

/** What this tab last saw of scoring, per edition: `none`, an application id, or nothing yet. */
const memory = new Map<number, number | null>();

function storageKey(year: number) {
  return `palmares:stage-scoring:${year}`;
}

function lastSeen(year: number): number | null | undefined {
  if (memory.has(year)) return memory.get(year);
  try {
    const stored = window.sessionStorage.getItem(storageKey(year));
    if (stored === null) return undefined;
    return stored === 'none' ? null : Number(stored);
  } catch {
    return undefined;
  }
}

function remember(year: number, key: number | null) {
  memory.set(year, key);
  try {
    window.sessionStorage.setItem(storageKey(year), key === null ? 'none' : String(key));
  } catch {
    // Storage refused (private mode): the in-memory copy still covers this visit.
  }
}

export function useStageFollower(year: number) {
  const { stage, connection } = useStageEvents(year, null);
  const navigate = useNavigate();
  const location = useLocation();
  const path = useRef(location.pathname);
  path.current = location.pathname;
  const [target, setTarget] = useState<StageTarget | null>(null);
  const key = stage ? scoringKey(stage) : null;

  useEffect(() => {
    if (!stage) return;
    const previous = lastSeen(year);
    remember(year, key);
    if (key === null) {
      setTarget(null);
      return;
    }
    const navigateIfNew = isNewScoringOpen(previous, key);
    const controller = new AbortController();
    fetch(`/judge/${year}/stage-target`, { headers: { Accept: 'application/json' }, signal: controller.signal })
      .then((response) => (response.ok ? (response.json() as Promise<StageTarget>) : null))
      .then((answer) => {
        if (!answer || controller.signal.aborted) return;
        setTarget(answer);
        if (navigateIfNew && answer.kind === 'sheet' && path.current !== answer.href) navigate(answer.href);
      })
      .catch(() => {
        // Offline or aborted: the next state from the channel asks again.
      });
    return () => controller.abort();
    // The version changes with every change of the stage; `key` says whether scoring did.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [year, key, stage?.version]);

  return { target: key === null ? null : target, connection };
}

export function StageFollower({ year }: { year: number }) {
  const { t } = useT();
  const location = useLocation();
  const { target, connection } = useStageFollower(year);
  let message: ReactNode = null;
  if (target?.kind === 'sheet') {
    message =
      location.pathname === target.href ? (
        <>{t('stage.follower.scoringHere', { name: target.startupName })}</>
      ) : (
        <>
          {t('stage.follower.scoringOpen', { name: target.startupName })}{' '}
          <Link to={target.href} className="button button--primary">
            {t('stage.follower.open', { name: target.startupName })}
          </Link>
        </>
      );
  } else if (target?.kind === 'conflicted') {
    message = <>{t('stage.follower.conflicted', { name: target.startupName })}</>;
  } else if (target?.kind === 'notAssigned') {
    message = <>{t('stage.follower.notAssigned', { name: target.startupName })}</>;
  }
  return (
    <div className="stage-follower" data-stage-follower={target?.kind ?? 'idle'} data-connection={connection}>
      <div role="status" aria-live="polite">
        {message ? <p className="notice stage-follower__notice">{message}</p> : null}
      </div>
      {connection === 'reconnecting' ? <p className="muted stage-follower__connection">{t('stage.follower.reconnecting')}</p> : null}
    </div>
  );
}
