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
    previous.entry.module.shutdown(); // each build copy opened its own database client
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
