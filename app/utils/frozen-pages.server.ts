/**
 * Frozen public answers, served by server.js before Express and Remix (docs/decisions/036).
 *
 * A published edition's page, its three open-data files and /method are the same for every
 * anonymous visitor of a language. The first anonymous request renders the answer through Remix
 * (server.js `renderFrozen`), and this module keeps its bytes (plain and gzipped), a strong ETag
 * and a Content-Security-Policy whose script sources are the SHA-256 hashes of the page's inline
 * scripts, computed here when the page is stored: no nonce is shared between visitors, and a 304
 * can carry the same policy as the copy the browser kept (decision 014's problem, solved).
 *
 * An entry is used while its fingerprint is unchanged: for an edition, the edition's row (every
 * column) and the public rows' fingerprint (public-results.server.ts: consent, names, logos,
 * tracks). The fingerprint is kept in memory and read again only when the database may have
 * changed: the connection's `total_changes()` on each request (this process's writes) and
 * `data_version` once per turn of the event loop (another process's commits); either moving drops
 * every kept fingerprint (`editionFingerprint` below). A withdrawal of consent or a re-publication
 * shows at once. /method depends on the build only, which a deploy restarts.
 *
 * Only GET/HEAD without a query string, without a session or voter cookie: anyone logged in, and
 * every other request, goes on to Remix exactly as before.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Statement } from 'better-sqlite3';
import { isLang, type Lang } from '~/i18n';
import { getDb } from './db.server';
import { languageFromHeader } from './language.server';
import { PUBLIC_CACHE_CONTROL } from './public-cache.server';
import { publicRowsFingerprint } from './public-results.server';

/** What server.js puts in the nonce attribute of a page it renders for this cache; removed before storing. */
export const FROZEN_NONCE = 'frozen-page-nonce-is-stripped';

const PRIVATE_COOKIE = /(?:^|;\s*)(palmares_session|palmares_voter)=/;
const LANG_COOKIE = /(?:^|;\s*)palmares_lang=([^;]*)/;
const EDITION_PATH = /^\/editions\/(\d{4})(?:\/(results\.json|results\.csv|scores\.csv))?$/;

/** The response headers of the rendered answer that the frozen copy keeps. */
const KEPT_HEADERS = ['content-type', 'content-disposition', 'content-language', 'access-control-allow-origin', 'access-control-expose-headers'];

export interface FrozenEntry {
  fingerprint: string;
  body: Buffer;
  gzipped: Buffer;
  etag: string;
  /** `script-src` sources for the page's inline scripts ('sha256-…'), empty for files. */
  scriptHashes: string[];
  /** Header pairs sent with every answer of this entry (content type, caching, ETag…). */
  headers: [string, string][];
}

export interface FrozenMiss {
  key: string;
  fingerprint: string;
  path: string;
  lang: Lang;
}

export type FrozenLookup = { hit: FrozenEntry; lang: Lang } | { miss: FrozenMiss } | null;

const entries = new Map<string, FrozenEntry>();
const stats = { hits: 0, stores: 0, fingerprintReads: 0 };

const editionStatements = new WeakMap<object, Statement>();

function editionRow(year: number): Record<string, unknown> | undefined {
  const client = getDb().$client;
  let statement = editionStatements.get(client);
  if (!statement) {
    statement = client.prepare('SELECT * FROM editions WHERE year = ?');
    editionStatements.set(client, statement);
  }
  return statement.get(year) as Record<string, unknown> | undefined;
}

/** The language of an anonymous request, as getLanguage (language.server.ts) reads it: cookie, then Accept-Language. */
export function frozenLanguage(cookie: string | undefined, acceptLanguage: string | undefined): Lang {
  const chosen = cookie ? LANG_COOKIE.exec(cookie)?.[1] : undefined;
  if (chosen) {
    try {
      // Remix's unsigned cookie: base64 of the JSON value, URI-encoded.
      const value: unknown = JSON.parse(Buffer.from(decodeURIComponent(chosen), 'base64').toString('utf8'));
      if (isLang(value)) return value;
    } catch {
      // a malformed cookie counts as none, as in Remix
    }
  }
  return languageFromHeader(acceptLanguage ?? null) ?? 'en';
}

/** An edition's fingerprint read from the database: null when it is not published (or does not exist). */
function readFingerprint(year: number): string | null {
  stats.fingerprintReads++;
  const row = editionRow(year);
  if (!row || row.status !== 'published') return null;
  return `${JSON.stringify(row)}\u001d${publicRowsFingerprint(Number(row.id))}`;
}

/**
 * The fingerprints read since the database last changed, per connection, and how a change is seen:
 * - `total_changes()` counts every row this connection (the server's only one) inserted, updated
 *   or deleted, triggers included, committed or rolled back. Reading it takes no lock (well under
 *   a microsecond): it is read on **every** request, so the server's own writes show at once.
 * - `data_version` moves when **another** connection commits (the CLI scripts, a second process).
 *   Reading it opens a read transaction (two `fcntl` locks, ≈ 10–20 µs, as much as the two
 *   statements it replaces): it is read once per turn of the event loop that handles a frozen
 *   request, so another process's commit shows from the next turn on — every request whose bytes
 *   arrived after that commit had returned and after the turn began sees it, and a turn lasts well
 *   under a millisecond at a results night's rate (the answer may anyway be kept 300 s by any
 *   cache: PUBLIC_CACHE_CONTROL).
 * Neither moves on a read, so while both stand still nothing the fingerprint reads can have
 * changed. (A restore replaces the file only while no server has it open: db/restore.ts.)
 */
interface KeptFingerprints {
  changesStatement: Statement;
  versionStatement: Statement;
  changes: number;
  version: number;
  /** data_version was read in this turn of the event loop. */
  versionFresh: boolean;
  byYear: Map<number, string | null>;
}
const kept = new WeakMap<object, KeptFingerprints>();

function editionFingerprint(year: number): string | null {
  const client = getDb().$client;
  // Inside a transaction of this connection, rows not yet committed could be read: never keep them.
  if (client.inTransaction) return readFingerprint(year);
  let state = kept.get(client);
  if (!state) {
    state = {
      changesStatement: client.prepare('SELECT total_changes()').pluck(),
      versionStatement: client.prepare('PRAGMA data_version').pluck(),
      changes: -1,
      version: -1,
      versionFresh: false,
      byYear: new Map(),
    };
    kept.set(client, state);
  }
  // Read the marks before the rows: a commit in between moves one of them again, and the next
  // request reads the rows again.
  const changes = state.changesStatement.get() as number;
  let version = state.version;
  if (!state.versionFresh) {
    version = state.versionStatement.get() as number;
    state.versionFresh = true;
    const current = state;
    setImmediate(() => (current.versionFresh = false));
  }
  if (changes !== state.changes || version !== state.version) {
    state.byYear.clear();
    state.changes = changes;
    state.version = version;
  }
  let fingerprint = state.byYear.get(year);
  if (fingerprint === undefined) {
    fingerprint = readFingerprint(year);
    state.byYear.set(year, fingerprint);
  }
  return fingerprint;
}

/** The fingerprint of a path that may be frozen, or null when it may not (unknown path, unpublished edition). */
function fingerprintOf(path: string): string | null {
  if (path === '/method') return 'method';
  const match = EDITION_PATH.exec(path);
  if (!match) return null;
  return editionFingerprint(Number(match[1]));
}

/**
 * What to do with a request: answer from a stored entry (`hit`), render and store (`miss`), or
 * leave it to Remix (null). Synchronous: one lock-free statement when nothing was written since the
 * last request (plus `data_version` once per turn of the event loop), two more when something was.
 */
export function lookupFrozen(request: { method?: string; url?: string; cookie?: string; acceptLanguage?: string }): FrozenLookup {
  if (request.method !== 'GET' && request.method !== 'HEAD') return null;
  const path = request.url ?? '';
  if (path.includes('?') || (request.cookie && PRIVATE_COOKIE.test(request.cookie))) return null;
  const fingerprint = fingerprintOf(path);
  if (fingerprint === null) return null;
  const lang = frozenLanguage(request.cookie, request.acceptLanguage);
  const key = `${path}|${lang}`;
  const entry = entries.get(key);
  if (entry && entry.fingerprint === fingerprint) {
    stats.hits++;
    return { hit: entry, lang };
  }
  return { miss: { key, fingerprint, path, lang } };
}

function digest(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('base64url').slice(0, 32);
}

/** The SHA-256 sources of every inline script of a page (CSP Level 2 hash sources). */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\bsrc\s*=/i.test(match[1])) continue;
    hashes.add(`'sha256-${createHash('sha256').update(match[2], 'utf8').digest('base64')}'`);
  }
  return [...hashes];
}

/**
 * Stores what Remix answered for `miss` (rendered with FROZEN_NONCE), if it may be shared: a 200
 * that sets no cookie. Returns the entry, or null when the answer is not kept.
 */
export function storeFrozen(miss: FrozenMiss, response: { status: number; headers: Headers; body: Buffer }): FrozenEntry | null {
  if (response.status !== 200 || response.headers.has('set-cookie')) return null;
  const type = response.headers.get('content-type') ?? '';
  let body = response.body;
  let scriptHashes: string[] = [];
  if (type.startsWith('text/html')) {
    const html = body.toString('utf8').replaceAll(` nonce="${FROZEN_NONCE}"`, '');
    if (html.includes(FROZEN_NONCE)) return null; // a nonce somewhere we did not expect: do not guess
    body = Buffer.from(html, 'utf8');
    scriptHashes = inlineScriptHashes(html);
  }
  const etag = `"${digest(body)}"`;
  const headers: [string, string][] = [];
  for (const name of KEPT_HEADERS) {
    const value = response.headers.get(name);
    if (value !== null) headers.push([name, value]);
  }
  headers.push(['cache-control', PUBLIC_CACHE_CONTROL], ['vary', 'Accept-Encoding, Cookie, Accept-Language']);
  const entry: FrozenEntry = { fingerprint: miss.fingerprint, body, gzipped: gzipSync(body, { level: 9 }), etag, scriptHashes, headers };
  entries.set(miss.key, entry);
  stats.stores++;
  return entry;
}

/** The ETag of the gzipped bytes: another representation, another strong validator. */
export function gzippedEtag(entry: FrozenEntry): string {
  return `${entry.etag.slice(0, -1)}-gz"`;
}

/** RFC 9110 §13.1.2, weak comparison; either representation's tag matches. */
export function frozenNotModified(entry: FrozenEntry, ifNoneMatch: string | undefined): boolean {
  if (!ifNoneMatch) return false;
  const plain = entry.etag.slice(1, -1);
  return ifNoneMatch.split(',').some((raw) => {
    const tag = raw.trim().replace(/^W\//, '').replace(/^"|"$/g, '');
    return tag === '*' || tag === plain || tag === `${plain}-gz`;
  });
}

/** Drops every entry (tests). */
export function clearFrozen(): void {
  entries.clear();
}

export function frozenStats(): { hits: number; stores: number; fingerprintReads: number; entries: number } {
  return { ...stats, entries: entries.size };
}
