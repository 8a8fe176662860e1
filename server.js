/**
 * The production server: Node's own http server in front of the Remix build, with no framework in
 * between (docs/decisions/048; Express until then, decision 002). Every request passes, in order:
 * the security headers with a per-response CSP nonce, the request log, the request guards (methods,
 * same origin for writes, form bodies: decision 022), compression (never for Server-Sent Events),
 * public/ from memory, then Remix through server/remix-adapter.js, with `private, no-store` on any
 * answer that may carry a session's data. Before all that, three answers that must be fast take
 * their own path: frozen public pages (036), the live channel and the ballot (043, 044). A graceful
 * shutdown closes the database.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { patchRemix } from './remix-patches.js';
import { staticFiles } from './server/static-files.js';

// Before anything loads Remix: route matching once per path, no request copies per loader (docs/decisions/047).
patchRemix();
const { broadcastDevReady, createRequestHandler } = await import('@remix-run/node');
const { createRemixAdapter, compressed, PRIVATE_COOKIE, trustProxyFn } = await import('./server/remix-adapter.js');

const here = path.dirname(fileURLToPath(import.meta.url));
const BUILD_PATH = path.join(here, 'build', 'index.js');

let build = await import(BUILD_PATH).catch((error) => {
  console.error(`Palmarès cannot start: no build at ${BUILD_PATH}. Run \`npm run build\` first.\n${error.message}`);
  process.exit(1);
});

// `npm run dev` leaves a development build in build/. Under NODE_ENV=production React's runtime
// has no `jsxDEV`, so every page would answer 500 while /healthz still answered 200: refuse to start.
if (build.mode === 'development' && process.env.NODE_ENV === 'production') {
  console.error('Palmarès cannot start: build/ holds a development build (left by `npm run dev`) and NODE_ENV is production. Run `npm run build` first.');
  process.exit(1);
}

let env;
try {
  env = build.entry.module.bootstrap();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

// --- Development reload (`npm run dev`, i.e. `remix dev --manual -c "node server.js"`) -------------
// The Remix 2 "Manual mode" guide for a custom server: the compiler rebuilds on change, and
// this server re-imports the build with a cache-busting query and calls broadcastDevReady(build).
// remix dev sets REMIX_DEV_ORIGIN; `npm start` and `npm run demo` do not, so they never watch and
// serve the build they loaded at start, exactly as before.
// We watch with fs.watch rather than chokidar (one dependency less for one file): the build folder is
// watched for `version.txt`, which the compiler writes after the server build is complete.
const isRemixDev = Boolean(process.env.REMIX_DEV_ORIGIN);
const VERSION_PATH = path.join(here, 'build', 'version.txt');

function watchDevBuild(server) {
  server.once('listening', () => broadcastDevReady(build));
  let loading = Promise.resolve();
  fs.watch(path.dirname(VERSION_PATH), (_event, file) => {
    if (file !== 'version.txt') return;
    loading = loading.then(reloadDevBuild);
  });
}

async function reloadDevBuild() {
  let version;
  try {
    version = fs.readFileSync(VERSION_PATH, 'utf8').trim();
  } catch {
    return; // the folder is being rewritten; the next event brings the version
  }
  if (!version || version === build.assets.version) return;
  try {
    const next = await import(`${pathToFileURL(BUILD_PATH).href}?v=${version}`);
    next.entry.module.bootstrap();
    const previous = build;
    build = next;
    previous.entry.module.shutdown(); // each build copy opened its own database client (and mail sender)
    next.entry.module.startMailSender();
    await broadcastDevReady(build);
    console.log(`Reloaded the server build ${version}.`);
  } catch (error) {
    console.error('The new server build could not be loaded; still serving the previous one.', error);
  }
}
// -----------------------------------------------------------------------------------------------------

const LOG_LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };
const logRequests = LOG_LEVELS[env.LOG_LEVEL] <= LOG_LEVELS.info;

/** Express's `trust proxy` setting, kept: with TRUST_PROXY=1 the nearest proxy's X-Forwarded-* are believed. */
const trust = trustProxyFn(env.TRUST_PROXY === '1');

/** The policy around a response's script sources, joined once (decision 047). */
const [CSP_HEAD, CSP_TAIL] = [
  "default-src 'self'",
  "script-src 'self' \u0000",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  ...(env.isProduction ? ['upgrade-insecure-requests'] : []),
]
  .join('; ')
  .split('\u0000');

/** The Content-Security-Policy of a response, given its script sources besides 'self'. */
function contentSecurityPolicy(scriptSources) {
  return CSP_HEAD + scriptSources + CSP_TAIL;
}

/**
 * A fresh nonce: 16 random bytes in base64, taken from a pool that crypto.randomFillSync refills
 * 256 nonces at a time (one call into the generator instead of one per response; no bytes reused).
 */
const NONCE_BYTES = 16;
const noncePool = Buffer.alloc(NONCE_BYTES * 256);
let nonceAt = noncePool.length;
function newNonce() {
  if (nonceAt === noncePool.length) {
    crypto.randomFillSync(noncePool);
    nonceAt = 0;
  }
  const nonce = noncePool.toString('base64', nonceAt, nonceAt + NONCE_BYTES);
  nonceAt += NONCE_BYTES;
  return nonce;
}

/** The security headers every response carries, CSP apart. */
const SECURITY_HEADERS = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ['X-Frame-Options', 'DENY'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=()'],
  ...(env.isProduction ? [['Strict-Transport-Security', 'max-age=31536000; includeSubDomains']] : []),
];

function logRequest(req, res, started, extra = {}) {
  if (!logRequests) return;
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  console.log(JSON.stringify({ t: new Date().toISOString(), level: 'info', event: 'request', method: req.method, path: req.url.split('?', 1)[0], status: res.statusCode, ms: Math.round(ms * 10) / 10, ...extra }));
}

// ─── Request guards (docs/decisions/022-request-limits.md) ────────────────────────────────
// Each answers a refusal itself, with a small page in the visitor's language
// (app/utils/request-refusal.server.ts), before Remix or any body parsing runs, and returns true then.

/** Methods this site answers; everything else is 405 (TRACE included). */
const ALLOWED_METHODS = ['GET', 'HEAD', 'POST'];
/** The largest body a form post may have, uploads apart (they stream with their own limits). */
const MAX_BODY_BYTES = 1024 * 1024;
/** Where multipart uploads are received (app/utils/uploads.server.ts), `.data` included. */
const UPLOAD_PATH = /^\/apply\/\d{4}\/(upload|files)(\.data)?$/;

function refuse(req, res, kind, params = {}, headers = {}) {
  build.entry.module
    .requestRefusalPage(kind, { cookie: req.headers.cookie, acceptLanguage: req.headers['accept-language'] }, params)
    .then(({ status, lang, html }) => {
      // The body is not read: close the connection rather than let Node read the rest of it.
      const all = { ...headers, 'Content-Type': 'text/html; charset=utf-8', 'Content-Language': lang, 'Cache-Control': 'no-store', Connection: 'close' };
      for (const [name, value] of Object.entries(all)) res.setHeader(name, value);
      res.setHeader('Content-Length', Buffer.byteLength(html));
      res.statusCode = status;
      res.end(html);
    })
    .catch((error) => {
      console.error(error);
      res.statusCode = 500;
      res.end();
    });
  return true;
}

function logRefusal(req, status, reason) {
  if (LOG_LEVELS[env.LOG_LEVEL] <= LOG_LEVELS.warn) {
    console.warn(JSON.stringify({ t: new Date().toISOString(), level: 'warn', event: 'request_refused', method: req.method, path: req.url.split('?', 1)[0], status, reason }));
  }
}

/** GET, HEAD and POST only. */
function refusedMethod(req, res) {
  if (ALLOWED_METHODS.includes(req.method)) return false;
  logRefusal(req, 405, 'method');
  return refuse(req, res, 'methodNotAllowed', {}, { Allow: ALLOWED_METHODS.join(', ') });
}

/**
 * The hosts this request may have been addressed to: Host, and a proxy's X-Forwarded-Host (as
 * Remix's own check does). Trusting the latter is safe here: a cross-site form cannot add a
 * header, and a script that adds one needs a CORS preflight this server never grants.
 */
function requestHosts(req) {
  return [req.headers['x-forwarded-host'], req.headers.host]
    .filter((value) => value !== undefined)
    .map((value) => value.split(',')[0].trim().toLowerCase());
}

/**
 * Every method but GET and HEAD must come from this site's own pages: an Origin header naming
 * another host (or "null") is refused; without Origin, a browser's Sec-Fetch-Site other than
 * same-origin/none is refused; a request with neither (curl, very old browsers) goes through —
 * the session cookie is SameSite=Lax, so a cross-site form of an old browser carries no session.
 */
function refusedOrigin(req, res) {
  if (req.method === 'GET' || req.method === 'HEAD' || isSameOrigin(req)) return false;
  logRefusal(req, 403, 'cross_origin');
  return refuse(req, res, 'crossOrigin');
}

/** The rule above, on its own (also used by the ballot's fast path). */
function isSameOrigin(req) {
  const origin = req.headers.origin;
  if (origin !== undefined) {
    try {
      return origin !== 'null' && requestHosts(req).includes(new URL(origin).host.toLowerCase());
    } catch {
      return false;
    }
  }
  const site = req.headers['sec-fetch-site'];
  return site === undefined || site === 'same-origin' || site === 'none';
}

function mediaType(req) {
  return (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
}

/**
 * A POST is a form: urlencoded everywhere, multipart (with its boundary) on the upload routes
 * only (415 otherwise). Its body is at most MAX_BODY_BYTES (413, answered from Content-Length
 * before a byte of the body is read); a body without a length (chunked) is refused with 411 —
 * browsers always send the length of a form. Uploads stream with their own limits.
 */
function refusedBody(req, res, pathname) {
  if (req.method !== 'POST') return false;
  const type = mediaType(req);
  const upload = UPLOAD_PATH.test(pathname) && type === 'multipart/form-data';
  if (upload) {
    if (!/;\s*boundary=/i.test(req.headers['content-type'] ?? '')) {
      logRefusal(req, 415, 'no_boundary');
      return refuse(req, res, 'unsupportedMediaType');
    }
    return false;
  }
  if (type !== 'application/x-www-form-urlencoded') {
    logRefusal(req, 415, `content_type ${type || 'none'}`);
    return refuse(req, res, 'unsupportedMediaType');
  }
  const declared = req.headers['content-length'];
  if (declared === undefined) {
    if (req.headers['transfer-encoding'] === undefined) return false; // no body at all
    logRefusal(req, 411, 'chunked');
    return refuse(req, res, 'lengthRequired');
  }
  if (Number(declared) > MAX_BODY_BYTES) {
    logRefusal(req, 413, `content_length ${declared}`);
    return refuse(req, res, 'payloadTooLarge', { limit: '1 Mo' });
  }
  return false;
}

// ─── The ordinary request: headers, log, guards, public/, Remix ─────────────────────────────
// public/ is read into memory once at start (1.4 MB; a deploy restarts the process), so no request
// pays a file-system stat; `remix dev` rewrites public/build while running, so it reads from disk.
const serveStatic = staticFiles(path.join(here, 'public'), { fromDisk: isRemixDev });

const handleRequest = createRequestHandler(isRemixDev ? async () => build : build, env.NODE_ENV);
const remix = createRemixAdapter({ handleRequest, trust });

/** The client's address exactly as Express's `req.ip` computed it (the `trust proxy` setting). */
const clientIp = remix.clientIp;

/** Sets the security headers and a CSP with a fresh nonce; returns the nonce. */
function withSecurityHeaders(res) {
  const nonce = newNonce();
  res.setHeader('Content-Security-Policy', contentSecurityPolicy(`'nonce-${nonce}'`));
  for (const [name, value] of SECURITY_HEADERS) res.setHeader(name, value);
  return nonce;
}

/** What Express and its middleware did for every request, in the same order. */
function serve(req, res) {
  const nonce = withSecurityHeaders(res);
  if (logRequests) {
    const started = process.hrtime.bigint();
    res.once('finish', () => logRequest(req, res, started));
  }
  const pathname = req.url.split('?', 1)[0];
  if (refusedMethod(req, res) || refusedOrigin(req, res) || refusedBody(req, res, pathname)) return;
  if (serveStatic(req, res, pathname, compressed)) return;
  return remixAnswer(req, res, nonce);
}

/** Remix's answer (`body`: a post's body already read, by the ballot's fast path). */
function remixAnswer(req, res, nonce, body) {
  const context = {
    nonce,
    get clientIp() {
      return clientIp(req);
    },
  };
  return remix.serve(req, res, context, body);
}

// ─── Frozen public answers, before the ordinary way (docs/decisions/036-frozen-public-pages.md) ───────────
// A published edition's page and open-data files and /method, for anonymous GET/HEAD: stored bytes,
// a strong ETag and 304, a CSP of the inline scripts' hashes (app/utils/frozen-pages.server.ts).
// Everything else, and any miss that cannot be stored, takes the ordinary way (`serve`).
const rendering = new Map();

function renderFrozen(miss) {
  let pending = rendering.get(miss.key);
  if (!pending) {
    // entry.server renders every document whole (decision 049): nothing streamed after the stored bytes.
    const request = new Request(`http://frozen.local${miss.path}`, { headers: { 'Accept-Language': miss.lang, Accept: 'text/html' } });
    pending = handleRequest(request, { clientIp: '127.0.0.1', nonce: build.entry.module.FROZEN_NONCE })
      .then(async (response) => build.entry.module.storeFrozen(miss, { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) }))
      .finally(() => rendering.delete(miss.key));
    rendering.set(miss.key, pending);
  }
  return pending;
}

/**
 * An entry's response heads, built once per entry (the CSP, the security headers, its own headers,
 * the ETag of each representation; Content-Encoding and Content-Length for a 200) as flat
 * [name, value, …] lists for writeHead: a frozen answer sets no header one by one.
 */
const frozenHeads = new WeakMap();

function frozenHead(entry, gzip, notModified) {
  let heads = frozenHeads.get(entry);
  if (!heads) {
    const common = [['Content-Security-Policy', contentSecurityPolicy(entry.scriptHashes.length ? entry.scriptHashes.join(' ') : "'none'")], ...SECURITY_HEADERS, ...entry.headers];
    const flat = (pairs) => pairs.flat();
    const plain = [...common, ['ETag', entry.etag]];
    const gzipped = [...common, ['ETag', build.entry.module.gzippedEtag(entry)]];
    heads = {
      plain: flat([...plain, ['Content-Length', String(entry.body.length)]]),
      gzip: flat([...gzipped, ['Content-Encoding', 'gzip'], ['Content-Length', String(entry.gzipped.length)]]),
      plain304: flat(plain),
      gzip304: flat(gzipped),
    };
    frozenHeads.set(entry, heads);
  }
  return notModified ? (gzip ? heads.gzip304 : heads.plain304) : gzip ? heads.gzip : heads.plain;
}

function sendFrozen(req, res, entry) {
  const started = logRequests ? process.hrtime.bigint() : 0n;
  const gzip = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
  if (build.entry.module.frozenNotModified(entry, req.headers['if-none-match'])) {
    res.writeHead(304, frozenHead(entry, gzip, true));
    res.end();
  } else {
    res.writeHead(200, frozenHead(entry, gzip, false));
    res.end(req.method === 'HEAD' ? undefined : gzip ? entry.gzipped : entry.body);
  }
  if (logRequests) {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    console.log(JSON.stringify({ t: new Date().toISOString(), level: 'info', event: 'request', method: req.method, path: req.url, status: res.statusCode, ms: Math.round(ms * 10) / 10, frozen: true }));
  }
}

// ─── The live channel and the ballot, before the ordinary way (docs/decisions/043 and 044) ─────────────────
// Thousands of phones hold the stage's event stream and post their ballot within a minute; both are
// answered on Node's own request and response, with the same guards, headers and limits as the
// routes they stand in for (which `remix dev` and the integration tests still use).
const STAGE_EVENTS_PATH = /^\/editions\/(\d{4})\/stage\/events$/;
const VOTE_PATH = /^\/vote\/(\d{4})$/;
/** A ballot's form is a few fields; a larger body takes the ordinary way like any post. */
const MAX_BALLOT_BYTES = 4096;

/** The headers of every response and a CSP: with a fresh nonce when Remix renders, 'none' for a stream or a redirect. */
function baseHeaders(nonce) {
  return [['Content-Security-Policy', contentSecurityPolicy(nonce ? `'nonce-${nonce}'` : "'none'")], ...SECURITY_HEADERS];
}

function stageEvents(req, res, year) {
  const started = process.hrtime.bigint();
  const personal = PRIVATE_COOKIE.test(req.headers.cookie ?? '');
  const served = build.entry.module.serveStageEvents(req, res, { year, ip: clientIp(req), headers: baseHeaders(null), personal });
  if (!served) return serve(req, res);
  // Logged when the stream ends.
  res.once('close', () => logRequest(req, res, started, { raw: true }));
}

/** The body of a small form post, read whole. */
function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BALLOT_BYTES) return req.destroy(new Error('body larger than declared'));
      chunks.push(chunk);
    });
    req.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.once('error', reject);
  });
}

function votePost(req, res, year) {
  const declared = Number(req.headers['content-length']);
  // Anything the guards would refuse, or that is not a small form, takes the ordinary way.
  if (!isSameOrigin(req) || mediaType(req) !== 'application/x-www-form-urlencoded' || !(declared > 0 && declared <= MAX_BALLOT_BYTES)) {
    return serve(req, res);
  }
  const started = process.hrtime.bigint();
  const ip = clientIp(req);
  readBody(req)
    .then(async (body) => {
      const answer = await build.entry.module.acceptBallot({ year, body, cookie: req.headers.cookie, ip });
      if (!answer) return remixAnswer(req, res, withSecurityHeaders(res), body);
      for (const [name, value] of baseHeaders(null)) res.setHeader(name, value);
      if (answer.setCookie) res.setHeader('Set-Cookie', answer.setCookie);
      // A voter's answer: private, as every answer to a request with a voter cookie or setting one.
      res.setHeader('Cache-Control', 'private, no-store');
      res.setHeader('Location', answer.location);
      res.statusCode = 302;
      res.end();
    })
    .catch((error) => {
      console.error(error);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    })
    .finally(() => logRequest(req, res, started, { raw: true }));
}

function handle(req, res) {
  if (isRemixDev) return serve(req, res);
  const pathname = req.url.split('?', 1)[0];
  let route;
  if (req.method === 'GET' && (route = STAGE_EVENTS_PATH.exec(pathname))) return stageEvents(req, res, route[1]);
  if (req.method === 'POST' && (route = VOTE_PATH.exec(pathname))) return votePost(req, res, route[1]);
  let found;
  try {
    found = build.entry.module.lookupFrozen({ method: req.method, url: req.url, cookie: req.headers.cookie, acceptLanguage: req.headers['accept-language'] });
  } catch (error) {
    console.error(error);
    found = null;
  }
  if (found === null) return serve(req, res);
  if (found.hit) return sendFrozen(req, res, found.hit);
  renderFrozen(found.miss).then(
    (entry) => (entry ? sendFrozen(req, res, entry) : serve(req, res)),
    (error) => {
      console.error(error);
      serve(req, res);
    },
  );
}

/**
 * Connections waiting to be accepted (docs/decisions/043): a hall's phones reconnecting at once after
 * a Wi-Fi drop arrive faster than one process accepts them. Linux caps it at net.core.somaxconn.
 */
const LISTEN_BACKLOG = 4096;

/** Each live-channel client is an open file: warn at start when the limit cannot hold SSE_MAX_TOTAL of them. */
function warnAboutFileLimit() {
  let soft;
  try {
    soft = Number(/^Max open files\s+(\d+|unlimited)/m.exec(fs.readFileSync('/proc/self/limits', 'utf8'))?.[1]);
  } catch {
    return; // not Linux
  }
  const needed = env.SSE_MAX_TOTAL + 1024;
  if (Number.isFinite(soft) && soft < needed) {
    console.warn(JSON.stringify({ t: new Date().toISOString(), level: 'warn', event: 'file_limit_low', openFiles: soft, needed, hint: 'raise `ulimit -n` (LimitNOFILE= in systemd); see docs/decisions/043' }));
  }
}

const server = http.createServer(handle);
server.listen({ port: env.PORT, backlog: LISTEN_BACKLOG }, () => {
  console.log(`Palmarès is serving on http://localhost:${env.PORT}`);
  warnAboutFileLimit();
  // Mail goes out from the outbox in the background: no request waits on SMTP (docs/decisions/028).
  build.entry.module.startMailSender();
});
if (isRemixDev) watchDevBuild(server);

let stopping = false;
function stop(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal} received: closing connections, then the database.`);
  // Open Server-Sent Events connections never end on their own: close idle and then all sockets.
  server.close(() => {
    build.entry.module.shutdown();
    console.log('Stopped cleanly.');
    process.exit(0);
  });
  server.closeIdleConnections?.();
  setTimeout(() => server.closeAllConnections?.(), 5_000).unref();
  setTimeout(() => {
    build.entry.module.shutdown();
    process.exit(1);
  }, 10_000).unref();
}
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
