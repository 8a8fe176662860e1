/**
 * The live channel on the client: one EventSource on /editions/:year/stage/events, shared by the
 * projector, the stage control, the vote page and the judges' tablets.
 *
 * - Every message is the whole public state, so a screen that reconnects is in sync at once;
 *   until then it says "reconnecting" rather than pretend its last state is current.
 * - The browser reconnects by itself after a dropped connection (the server's `retry:` hint); if
 *   it gives up (an error answer), this hook tries again with a growing delay, up to 10 s.
 * - Each message carries the server's clock: `serverNow()` is the client's clock corrected by the
 *   offset measured at the last message, so timers on two screens never disagree.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PublicStage } from '~/domain/stage';

export type StageConnection = 'connecting' | 'live' | 'reconnecting';

const MAX_RETRY_MS = 10_000;

export function stageEventsUrl(year: number): string {
  return `/editions/${year}/stage/events`;
}

export function useStageEvents(year: number, initial: PublicStage | null) {
  const [stage, setStage] = useState<PublicStage | null>(initial);
  const [connection, setConnection] = useState<StageConnection>('connecting');
  const offset = useRef<number | null>(null);
  const latest = useRef<PublicStage | null>(initial);
  latest.current = stage;

  // A newer state from the loader (after a revalidation) wins over an older one from the channel.
  useEffect(() => {
    if (!initial) return;
    if (offset.current === null) offset.current = initial.now - Date.now();
    if (!latest.current || initial.version > latest.current.version) setStage(initial);
  }, [initial]);

  useEffect(() => {
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let attempts = 0;
    let stopped = false;
    const connect = () => {
      source = new EventSource(stageEventsUrl(year));
      source.addEventListener('stage', (event) => {
        const next = JSON.parse((event as MessageEvent<string>).data) as PublicStage;
        offset.current = next.now - Date.now();
        attempts = 0;
        // The server's state is the truth, even with a lower version (a restored database).
        setStage(next);
        setConnection('live');
      });
      source.onerror = () => {
        setConnection('reconnecting');
        if (source?.readyState === EventSource.CLOSED) {
          source.close();
          const delay = Math.min(MAX_RETRY_MS, 1_000 * 2 ** attempts++);
          retry = setTimeout(() => {
            if (!stopped) connect();
          }, delay);
        }
      };
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(retry);
      source?.close();
    };
  }, [year]);

  const serverNow = useCallback(() => Date.now() + (offset.current ?? 0), []);
  return { stage, connection, serverNow };
}
