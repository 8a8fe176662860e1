/**
 * The judge's outbox: this device's copy of every scoresheet change the server has not
 * acknowledged yet, in IndexedDB (docs/decisions/033-outbox-in-indexeddb.md). It survives a
 * reload, a closed tab and a restarted browser; `Clear-Site-Data` (log-out, a revoked session)
 * empties it with the rest of the site's storage.
 *
 * One record per sheet (judge, round, application). A record keeps:
 * - `revision`, `status`, `saved`: the last version of the sheet the server acknowledged to this
 *   device (so a page served from the offline cache, older than that, is not believed over it);
 * - `content`, `changes`: this device's version and how many fields differ from `saved`;
 * - `sent`: a save sent without an answer, resent first and with the *same* idempotency key, so
 *   that a save which did arrive is never applied twice;
 * - `queuedAt`: the time of its oldest unsent change, the order in which sheets are flushed.
 *
 * Browser only, no dependency: the raw IndexedDB API. Every failure (private mode, storage
 * disabled, a database closed by Clear-Site-Data) degrades to "nothing kept", never to an error.
 */
import type { SaveIntent, ScoresheetContent, ScoresheetStatus } from '~/domain/scoresheet';

export interface OutboxPayload {
  key: string;
  intent: SaveIntent;
  revision: number;
  content: ScoresheetContent;
  /** The form fields of `content` (so that a page without the criteria can send it). */
  fields?: Record<string, string>;
  /** How many times it was sent without an answer. */
  attempt: number;
}

export interface OutboxRecord {
  /** `palmares:scoresheet:<judge>:<round>:<application>` */
  id: string;
  judgeId: number;
  /** The sheet's address: where its saves are posted. */
  path: string;
  revision: number;
  status: ScoresheetStatus | null;
  saved: ScoresheetContent;
  content: ScoresheetContent;
  /** The form fields of `content`. */
  fields: Record<string, string>;
  /** Fields of `content` the server does not have yet; 0 when acknowledged. */
  changes: number;
  sent: OutboxPayload | null;
  queuedAt: number;
  /** A background flush was refused (the sheet changed elsewhere, the round is locked): the sheet decides. */
  blocked?: 'stale' | 'locked' | 'invalid';
}

/** The form field that counts the attempts of one save (the server ignores it). */
export const ATTEMPT_FIELD = 'attempt';

/** A new idempotency key (crypto.randomUUID needs a secure context; getRandomValues does not). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const DB_NAME = 'palmares';
const STORE = 'outbox';
/** Told to this page's listeners (and other tabs, through BroadcastChannel) after each write. */
const CHANNEL = 'palmares-outbox';

let opening: Promise<IDBDatabase | null> | null = null;

function openDb(): Promise<IDBDatabase | null> {
  if (typeof indexedDB === 'undefined') return Promise.resolve(null);
  opening ??= new Promise<IDBDatabase | null>((resolve) => {
    try {
      const request = indexedDB.open(DB_NAME, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'id' });
      request.onsuccess = () => {
        const db = request.result;
        // Clear-Site-Data or a new version elsewhere closes it: open again on next use.
        db.onclose = () => (opening = null);
        db.onversionchange = () => {
          db.close();
          opening = null;
        };
        resolve(db);
      };
      request.onerror = () => {
        opening = null;
        resolve(null);
      };
      request.onblocked = () => resolve(null);
    } catch {
      opening = null;
      resolve(null);
    }
  });
  return opening;
}

async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T | null> {
  const db = await openDb();
  if (!db) return null;
  return new Promise<T | null>((resolve) => {
    try {
      const tx = db.transaction(STORE, mode);
      const request = work(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request.result ?? null);
      tx.onerror = tx.onabort = () => resolve(null);
    } catch {
      opening = null;
      resolve(null);
    }
  });
}

const listeners = new Set<() => void>();
let channel: BroadcastChannel | null | undefined;

function broadcast(): BroadcastChannel | null {
  if (channel === undefined) {
    channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;
    if (channel) channel.onmessage = () => listeners.forEach((listener) => listener());
  }
  return channel;
}

function changed(): void {
  listeners.forEach((listener) => listener());
  broadcast()?.postMessage('changed');
}

/** Calls `listener` after every write to the outbox (this tab's or another's); returns the unsubscribe. */
export function onOutboxChange(listener: () => void): () => void {
  broadcast();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function readRecord(id: string): Promise<OutboxRecord | null> {
  return run<OutboxRecord | undefined>('readonly', (store) => store.get(id)).then((r) => r ?? null);
}

export function allRecords(): Promise<OutboxRecord[]> {
  return run<OutboxRecord[]>('readonly', (store) => store.getAll()).then((all) => all ?? []);
}

export async function writeRecord(record: OutboxRecord): Promise<void> {
  await run('readwrite', (store) => store.put(record));
  changed();
}

/** Changes a stored record in one transaction (read, change, write); nothing if there is none. */
export async function updateRecord(id: string, change: (record: OutboxRecord) => OutboxRecord): Promise<void> {
  const db = await openDb();
  if (!db) return;
  await new Promise<void>((resolve) => {
    try {
      const tx = db.transaction(STORE, 'readwrite');
      const store = tx.objectStore(STORE);
      const get = store.get(id);
      get.onsuccess = () => {
        if (get.result) store.put(change(get.result as OutboxRecord));
      };
      tx.oncomplete = tx.onerror = tx.onabort = () => resolve();
    } catch {
      opening = null;
      resolve();
    }
  });
  changed();
}

/** The sheets of this judge with changes the server does not have, oldest first. */
export async function waitingRecords(judgeId: number): Promise<OutboxRecord[]> {
  return (await allRecords()).filter((r) => r.judgeId === judgeId && r.changes > 0).sort((a, b) => a.queuedAt - b.queuedAt);
}

/** How many changes of this judge wait on this device (the "N changes waiting" line). */
export async function waitingCount(judgeId: number): Promise<number> {
  return (await waitingRecords(judgeId)).reduce((sum, r) => sum + r.changes, 0);
}

/**
 * A save answered by a redirect (a submit: the server sends the judge to their page) has no answer
 * for the form to read: the record of the save with this key is settled here. Its content is what
 * the server has now; the revision is unknown (-1), so the next page of the sheet is believed.
 */
export async function settleRedirected(key: string): Promise<void> {
  const record = (await allRecords()).find((r) => r.sent?.key === key);
  if (!record) return;
  await updateRecord(record.id, (r) => {
    const sent = r.sent;
    if (!sent || sent.key !== key) return r;
    const same = JSON.stringify(r.content) === JSON.stringify(sent.content);
    return { ...r, revision: -1, status: 'submitted', saved: sent.content, sent: null, changes: same ? 0 : r.changes, queuedAt: same ? 0 : r.queuedAt };
  });
}

// ─── Which sheets a page is saving itself ────────────────────────────────────

/** Sheets whose form is on screen: that form sends their saves, the background flush leaves them alone. */
const ownedByForm = new Set<string>();

export function claimScoresheet(id: string): () => void {
  ownedByForm.add(id);
  return () => ownedByForm.delete(id);
}

export function isClaimed(id: string): boolean {
  return ownedByForm.has(id);
}
