/**
 * What keeps a judge working through a dropped network, on every judge page of an edition
 * (docs/decisions/032-judges-offline.md):
 * - registers the judge's service worker (public/judge-sw.js, scope /judge/) and, while online,
 *   asks it to keep the assigned scoresheets linked from the page and the app's files it uses;
 * - flushes the outbox (app/utils/outbox.ts): the sheets whose form is not on screen are sent,
 *   oldest first, one save at a time, a save already sent again under its own key; a refusal
 *   (the sheet changed elsewhere, the round locked) is left for the sheet to show;
 * - says "N changes waiting" on the pages without a scoresheet (the sheet says it itself).
 */
import { useFetcher, useLocation, useNavigation } from '@remix-run/react';
import { useCallback, useEffect, useRef } from 'react';
import type { SaveAnswer } from '~/domain/scoresheet';
import {
  ATTEMPT_FIELD,
  isClaimed,
  newIdempotencyKey,
  onOutboxChange,
  updateRecord,
  waitingRecords,
  type OutboxPayload,
  type OutboxRecord,
} from '~/utils/outbox';
import { OutboxWaiting } from './OutboxWaiting';

const WORKER = '/judge-sw.js';

function useJudgeWorker(year: string) {
  const { pathname } = useLocation();
  const navigation = useNavigation();
  useEffect(() => {
    if (navigation.state !== 'idle' || !('serviceWorker' in navigator) || !window.isSecureContext) return;
    let cancelled = false;
    void navigator.serviceWorker
      .register(WORKER, { scope: '/judge/' })
      .then(() => navigator.serviceWorker.ready)
      .then((registration) => {
        if (cancelled || !navigator.onLine) return;
        const pages = new Set([pathname]);
        for (const link of document.querySelectorAll<HTMLAnchorElement>(`a[href^="/judge/${year}"]`)) {
          pages.add(new URL(link.href).pathname);
        }
        const assets = new Set<string>();
        for (const el of document.querySelectorAll<HTMLScriptElement | HTMLLinkElement>('script[src], link[rel=stylesheet], link[rel=modulepreload], link[rel=icon]')) {
          assets.add('src' in el && el.src ? el.src : (el as HTMLLinkElement).href);
        }
        for (const entry of performance.getEntriesByType('resource')) {
          if (new URL(entry.name).pathname.startsWith('/build/')) assets.add(entry.name);
        }
        registration.active?.postMessage({ type: 'keep', pages: [...pages], assets: [...assets] });
      })
      .catch(() => {
        // No worker (private mode, an old browser): the outbox still keeps every change.
      });
    return () => {
      cancelled = true;
    };
  }, [pathname, navigation.state, year]);
}

function useOutboxFlush(judgeId: number | null) {
  const fetcher = useFetcher<SaveAnswer>();
  const submit = fetcher.submit;
  const current = useRef<{ record: OutboxRecord; payload: OutboxPayload } | null>(null);
  const { pathname } = useLocation();

  const send = useCallback(
    (record: OutboxRecord, payload: OutboxPayload) => {
      current.current = { record, payload };
      const form = new FormData();
      for (const [name, value] of Object.entries(payload.fields ?? record.fields)) form.set(name, value);
      form.set('intent', payload.intent);
      form.set('idempotencyKey', payload.key);
      form.set('revision', String(payload.revision));
      form.set(ATTEMPT_FIELD, String(payload.attempt));
      submit(form, { method: 'post', action: record.path });
    },
    [submit],
  );

  const pump = useCallback(async () => {
    if (judgeId === null || current.current || !navigator.onLine) return;
    const next = (await waitingRecords(judgeId)).find((r) => !r.blocked && !isClaimed(r.id));
    if (!next || current.current) return;
    const payload: OutboxPayload = next.sent ?? {
      key: newIdempotencyKey(),
      intent: 'save',
      revision: next.revision,
      content: next.content,
      fields: next.fields,
      attempt: 0,
    };
    if (!next.sent) await updateRecord(next.id, (r) => ({ ...r, sent: payload }));
    if (!current.current) send(next, payload);
  }, [judgeId, send]);

  useEffect(() => {
    const data = fetcher.data;
    const sending = current.current;
    if (fetcher.state !== 'idle' || !data || !sending || data.key !== sending.payload.key) return;
    const { record, payload } = sending;
    if (data.result === 'unreachable') {
      send(record, { ...payload, attempt: payload.attempt + 1 });
      return;
    }
    const sameAsSent = (r: OutboxRecord) => JSON.stringify(r.content) === JSON.stringify(payload.content);
    void updateRecord(record.id, (r) =>
      data.result === 'saved'
        ? {
            ...r,
            revision: data.revision,
            status: data.status,
            saved: payload.content,
            sent: null,
            changes: sameAsSent(r) ? 0 : r.changes,
            queuedAt: sameAsSent(r) ? 0 : r.queuedAt,
          }
        : { ...r, sent: null, blocked: data.result, changes: data.result === 'locked' ? 0 : r.changes },
    ).then(() => {
      current.current = null;
      void pump();
    });
  }, [fetcher.state, fetcher.data, pump, send]);

  // Now, when the network comes back, when a page lets go of its sheet, and when the outbox changes.
  useEffect(() => {
    void pump();
  }, [pump, pathname]);
  useEffect(() => {
    const kick = () => void pump();
    window.addEventListener('online', kick);
    const stop = onOutboxChange(kick);
    const timer = setInterval(kick, 10_000);
    return () => {
      window.removeEventListener('online', kick);
      stop();
      clearInterval(timer);
    };
  }, [pump]);
}

export function JudgeOffline({ year, judgeId, onScoresheet }: { year: string; judgeId: number | null; onScoresheet: boolean }) {
  useJudgeWorker(year);
  useOutboxFlush(judgeId);
  return judgeId !== null && !onScoresheet ? (
    <div className="page judge-outbox">
      <OutboxWaiting judgeId={judgeId} />
    </div>
  ) : null;
}
