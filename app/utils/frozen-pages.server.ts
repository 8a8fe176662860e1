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
 * tracks), read by two prepared statements per request; a withdrawal of consent or a
 * re-publication shows at once. /method depends on the build only, which a deploy restarts.
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
const stats = { hits: 0, stores: 0 };

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

/** The fingerprint of a path that may be frozen, or null when it may not (unknown path, unpublished edition). */
function fingerprintOf(path: string): string | null {
  if (path === '/method') return 'method';
  const match = EDITION_PATH.exec(path);
  if (!match) return null;
  const row = editionRow(Number(match[1]));
  if (!row || row.status !== 'published') return null;
  return `${JSON.stringify(row)}\u001d${publicRowsFingerprint(Number(row.id))}`;
}

/**
 * What to do with a request: answer from a stored entry (`hit`), render and store (`miss`), or
 * leave it to Remix (null). Synchronous: two prepared statements at most.
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

export function frozenStats(): { hits: number; stores: number; entries: number } {
  return { ...stats, entries: entries.size };
}
