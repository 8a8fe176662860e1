/**
 * Published results are frozen, so what the public sees of them is built once per edition,
 * language and format, kept in this process, and sent with an ETag that lets browsers and
 * shared caches revalidate for the price of a 304.
 *
 * An entry is valid while the edition's public fingerprint (public-results.server.ts
 * `publicFingerprint`: publication date, names, consent, logos, tracks) is unchanged: publishing
 * is the only way results come in, and everything about them is frozen afterwards, but a founder
 * may still withdraw consent to publication, and that must show at once. `publishResults`'
 * callers also drop the edition's entries explicitly.
 *
 * Entries exist only for published editions, so the cache is bounded by
 * (published editions × 2 languages × 4 formats).
 */
import { createHash, randomBytes } from 'node:crypto';

export type PublicFormat = 'page' | 'results.json' | 'results.csv' | 'scores.csv';

/** Shared caches may keep a copy for five minutes, then must ask again (a 304 most of the time). */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=300, must-revalidate';
/** A page that shows who is logged in: only the browser may keep it, and must revalidate. */
export const PRIVATE_CACHE_CONTROL = 'private, no-cache';

/**
 * Pages embed the build's asset names, which change with a deploy; a deploy restarts the process,
 * so a page's ETag carries this process's id. Files carry a hash of their bytes alone.
 */
const PROCESS_ID = randomBytes(6).toString('base64url');

export interface PublicEntry<T> {
  value: T;
  etag: string;
  /** The exact bytes of a file format; absent for pages, which React renders from `value`. */
  body?: string;
}

interface Stored<T> extends PublicEntry<T> {
  fingerprint: string;
}

const entries = new Map<string, Stored<unknown>>();
const stats = { builds: 0, hits: 0 };

function keyOf(year: number, lang: string, format: PublicFormat): string {
  return `${year}:${lang}:${format}`;
}

function digest(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('base64url').slice(0, 32);
}

/**
 * The entry for (year, lang, format), built by `build` when missing or when the fingerprint
 * changed. `serialise` gives a file's bytes (its ETag is then strong and content-addressed);
 * without it the entry is a page's data (weak ETag: the HTML around it is rendered per response).
 */
export function cachedPublic<T>(
  key: { year: number; lang: string; format: PublicFormat },
  fingerprint: string,
  build: () => T,
  serialise?: (value: T) => string,
): PublicEntry<T> {
  const k = keyOf(key.year, key.lang, key.format);
  const stored = entries.get(k) as Stored<T> | undefined;
  if (stored && stored.fingerprint === fingerprint) {
    stats.hits++;
    return stored;
  }
  const value = build();
  stats.builds++;
  const body = serialise ? serialise(value) : undefined;
  const etag = body !== undefined ? `"${digest(body)}"` : `W/"${PROCESS_ID}-${key.lang}-${digest(JSON.stringify(value))}"`;
  const entry: Stored<T> = { value, etag, body, fingerprint };
  entries.set(k, entry);
  return entry;
}

/** Drops every entry of an edition (on publication), or all of them. */
export function invalidatePublicResults(year?: number): void {
  if (year === undefined) {
    entries.clear();
    return;
  }
  for (const k of [...entries.keys()]) if (k.startsWith(`${year}:`)) entries.delete(k);
}

/** How often entries were built and reused since start (for tests and the benchmark). */
export function publicCacheStats(): { builds: number; hits: number; entries: number } {
  return { ...stats, entries: entries.size };
}

/** RFC 9110 §13.1.2: If-None-Match matches with the weak comparison, `*` matches anything. */
export function ifNoneMatch(request: Request, etag: string): boolean {
  const header = request.headers.get('If-None-Match');
  if (!header) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const wanted = opaque(etag);
  return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === wanted);
}

const FILE_TYPES: Record<Exclude<PublicFormat, 'page'>, { type: string; disposition: 'inline' | 'attachment' }> = {
  'results.json': { type: 'application/json; charset=utf-8', disposition: 'inline' },
  'results.csv': { type: 'text/csv; charset=utf-8; header=present', disposition: 'attachment' },
  'scores.csv': { type: 'text/csv; charset=utf-8; header=present', disposition: 'attachment' },
};

/**
 * An open-data file: public caching, its ETag, a 304 when the client already has it, and CORS
 * open to every origin (open data is meant to be fetched from anywhere).
 */
export function publicFileResponse(request: Request, entry: PublicEntry<unknown>, format: Exclude<PublicFormat, 'page'>, filename: string): Response {
  const { type, disposition } = FILE_TYPES[format];
  const headers = new Headers({
    'Cache-Control': PUBLIC_CACHE_CONTROL,
    ETag: entry.etag,
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Expose-Headers': 'ETag',
  });
  if (ifNoneMatch(request, entry.etag)) return new Response(null, { status: 304, headers });
  headers.set('Content-Type', type);
  headers.set('Content-Disposition', `${disposition}; filename="${filename}"`);
  return new Response(entry.body ?? '', { status: 200, headers });
}

/**
 * Whether a request is a browser loading the page itself (rather than a script fetching its data,
 * as Remix does on client-side navigations): a navigation always accepts text/html.
 */
export function isDocumentRequest(request: Request): boolean {
  return (request.headers.get('Accept') ?? '').includes('text/html');
}

/**
 * The caching headers of a public page: shared for visitors, private for someone logged in.
 *
 * Only the page's data (client-side navigations) carries the ETag that earns a 304. The HTML
 * document does not: server.js gives every response, a 304 included, a fresh CSP nonce, and a
 * browser applies a 304's headers to the copy it kept — whose inline scripts carry the old nonce,
 * so they would no longer run (seen in Chromium). The document is still shared-cacheable for
 * max-age; once server.js leaves Content-Security-Policy off its 304 answers, passing
 * `validator: true` for documents too is all it takes.
 */
export function publicPageHeaders(entry: PublicEntry<unknown>, { personal, validator }: { personal: boolean; validator: boolean }): Headers {
  if (personal) return new Headers({ 'Cache-Control': PRIVATE_CACHE_CONTROL });
  const headers = new Headers({
    'Cache-Control': PUBLIC_CACHE_CONTROL,
    // The language comes from the cookie or Accept-Language; a session cookie makes the page
    // personal; a document and its data are different answers.
    Vary: 'Accept, Cookie, Accept-Language',
  });
  if (validator) headers.set('ETag', entry.etag);
  return headers;
}
