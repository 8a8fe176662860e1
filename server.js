/**
 * The production server: Express in front of the Remix build.
 * Chosen over remix-serve (docs/decisions/002-express-server.md): compression that never touches
 * Server-Sent Events, security headers with a per-response CSP nonce, a request log that
 * production can turn down, and a graceful shutdown that closes the database.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequestHandler } from '@remix-run/express';
import { broadcastDevReady } from '@remix-run/node';
import compression from 'compression';
import express from 'express';

const here = path.dirname(fileURLToPath(import.meta.url));
const BUILD_PATH = path.join(here, 'build', 'index.js');

let build = await import(BUILD_PATH).catch((error) => {
  console.error(`Palmarès cannot start: no build at ${BUILD_PATH}. Run \`npm run build\` first.\n${error.message}`);
  process.exit(1);
});

let env;
try {
  env = build.entry.module.bootstrap();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

// --- Development reload (`npm run dev`, i.e. `remix dev --manual -c "node server.js"`) -------------
// The Remix 2 "Manual mode" guide for a custom Express server: the compiler rebuilds on change, and
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

const app = express();
app.disable('x-powered-by');
if (env.TRUST_PROXY === '1') app.set('trust proxy', 1);

app.use((req, res, next) => {
  const nonce = crypto.randomBytes(16).toString('base64');
  res.locals.nonce = nonce;
  res.setHeader(
    'Content-Security-Policy',
    [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'`,
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "font-src 'self'",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
      ...(env.isProduction ? ['upgrade-insecure-requests'] : []),
    ].join('; '),
  );
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
  if (env.isProduction) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  next();
});

if (logRequests) {
  app.use((req, res, next) => {
    const start = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      console.log(
        JSON.stringify({ t: new Date().toISOString(), level: 'info', event: 'request', method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms * 10) / 10 }),
      );
    });
    next();
  });
}

// ─── Request guards (docs/decisions/022-request-limits.md) ────────────────────────────────
// Each is one middleware that answers a refusal itself, with a small page in the visitor's
// language (app/utils/request-refusal.server.ts), before Remix or any body parsing runs.

/** Methods this site answers; everything else is 405 (TRACE included). */
const ALLOWED_METHODS = ['GET', 'HEAD', 'POST'];
/** The largest body a form post may have, uploads apart (they stream with their own limits). */
const MAX_BODY_BYTES = 1024 * 1024;
/** Where multipart uploads are received (app/utils/uploads.server.ts), `.data` included. */
const UPLOAD_PATH = /^\/apply\/\d{4}\/(upload|files)(\.data)?$/;

function refuse(req, res, kind, params = {}, headers = {}) {
  build.entry.module
    .requestRefusalPage(kind, { cookie: req.get('Cookie'), acceptLanguage: req.get('Accept-Language') }, params)
    .then(({ status, lang, html }) => {
      // The body is not read: close the connection rather than let Node read the rest of it.
      res.set({ ...headers, 'Content-Type': 'text/html; charset=utf-8', 'Content-Language': lang, 'Cache-Control': 'no-store', Connection: 'close' });
      res.status(status).send(html);
    })
    .catch((error) => {
      console.error(error);
      res.status(500).end();
    });
}

function logRefusal(req, status, reason) {
  if (LOG_LEVELS[env.LOG_LEVEL] <= LOG_LEVELS.warn) {
    console.warn(JSON.stringify({ t: new Date().toISOString(), level: 'warn', event: 'request_refused', method: req.method, path: req.path, status, reason }));
  }
}

/** GET, HEAD and POST only. */
function allowedMethods(req, res, next) {
  if (ALLOWED_METHODS.includes(req.method)) return next();
  logRefusal(req, 405, 'method');
  refuse(req, res, 'methodNotAllowed', {}, { Allow: ALLOWED_METHODS.join(', ') });
}

/**
 * The hosts this request may have been addressed to: Host, and a proxy's X-Forwarded-Host (as
 * Remix's own check does). Trusting the latter is safe here: a cross-site form cannot add a
 * header, and a script that adds one needs a CORS preflight this server never grants.
 */
function requestHosts(req) {
  return [req.get('X-Forwarded-Host'), req.get('Host')]
    .filter((value) => value !== undefined)
    .map((value) => value.split(',')[0].trim().toLowerCase());
}

/**
 * Every method but GET and HEAD must come from this site's own pages: an Origin header naming
 * another host (or "null") is refused; without Origin, a browser's Sec-Fetch-Site other than
 * same-origin/none is refused; a request with neither (curl, very old browsers) goes through —
 * the session cookie is SameSite=Lax, so a cross-site form of an old browser carries no session.
 */
function sameOrigin(req, res, next) {
  if (req.method === 'GET' || req.method === 'HEAD') return next();
  const origin = req.get('Origin');
  let allowed;
  if (origin !== undefined) {
    try {
      allowed = origin !== 'null' && requestHosts(req).includes(new URL(origin).host.toLowerCase());
    } catch {
      allowed = false;
    }
  } else {
    const site = req.get('Sec-Fetch-Site');
    allowed = site === undefined || site === 'same-origin' || site === 'none';
  }
  if (allowed) return next();
  logRefusal(req, 403, 'cross_origin');
  refuse(req, res, 'crossOrigin');
}

function mediaType(req) {
  return (req.get('Content-Type') ?? '').split(';')[0].trim().toLowerCase();
}

/**
 * A POST is a form: urlencoded everywhere, multipart (with its boundary) on the upload routes
 * only (415 otherwise). Its body is at most MAX_BODY_BYTES (413, answered from Content-Length
 * before a byte of the body is read); a body without a length (chunked) is refused with 411 —
 * browsers always send the length of a form. Uploads stream with their own limits.
 */
function formBodies(req, res, next) {
  if (req.method !== 'POST') return next();
  const type = mediaType(req);
  const upload = UPLOAD_PATH.test(req.path) && type === 'multipart/form-data';
  if (upload) {
    if (!/;\s*boundary=/i.test(req.get('Content-Type') ?? '')) {
      logRefusal(req, 415, 'no_boundary');
      return refuse(req, res, 'unsupportedMediaType');
    }
    return next();
  }
  if (type !== 'application/x-www-form-urlencoded') {
    logRefusal(req, 415, `content_type ${type || 'none'}`);
    return refuse(req, res, 'unsupportedMediaType');
  }
  const declared = req.get('Content-Length');
  if (declared === undefined) {
    if (req.get('Transfer-Encoding') === undefined) return next(); // no body at all
    logRefusal(req, 411, 'chunked');
    return refuse(req, res, 'lengthRequired');
  }
  if (Number(declared) > MAX_BODY_BYTES) {
    logRefusal(req, 413, `content_length ${declared}`);
    return refuse(req, res, 'payloadTooLarge', { limit: '1 Mo' });
  }
  next();
}

app.use(allowedMethods);
app.use(sameOrigin);
app.use(formBodies);

// Server-Sent Events must reach the client as they are written: never compress them.
app.use(
  compression({
    filter: (req, res) => {
      const type = String(res.getHeader('Content-Type') ?? '');
      if (type.includes('text/event-stream')) return false;
      return compression.filter(req, res);
    },
  }),
);

// Fingerprinted by the compiler: cache forever.
app.use('/build', express.static(path.join(here, 'public', 'build'), { immutable: true, maxAge: '1y', fallthrough: false }));
app.use(express.static(path.join(here, 'public'), { maxAge: '1h', index: false }));

/** The session and voter cookies: a response to a request that carries one may show its data. */
const PRIVATE_COOKIE = /(?:^|;\s*)(palmares_session|palmares_voter)=/;

/**
 * Every response that may carry a session's data (the request has a session or voter cookie, or
 * the response sets a cookie) is `private, no-store`, whatever the route said: pages, `.data`
 * (single fetch) and resource routes alike. Placed after the static files, which hold no data.
 */
function privateNoStore(req, res, next) {
  const personal = PRIVATE_COOKIE.test(req.get('Cookie') ?? '');
  const writeHead = res.writeHead;
  res.writeHead = function (...args) {
    if (personal || res.getHeader('Set-Cookie') !== undefined) res.setHeader('Cache-Control', 'private, no-store');
    return writeHead.apply(this, args);
  };
  next();
}

app.use(privateNoStore);

app.all(
  '*',
  createRequestHandler({
    build: isRemixDev ? async () => build : build,
    mode: env.NODE_ENV,
    getLoadContext: (req, res) => ({ clientIp: req.ip ?? 'unknown', nonce: res.locals.nonce }),
  }),
);

const server = app.listen(env.PORT, () => {
  console.log(`Palmarès is serving on http://localhost:${env.PORT}`);
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
