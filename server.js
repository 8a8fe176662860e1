/**
 * The production server: Express in front of the Remix build.
 * Chosen over remix-serve (docs/decisions/002-express-server.md): compression that never touches
 * Server-Sent Events, security headers with a per-response CSP nonce, a request log that
 * production can turn down, and a graceful shutdown that closes the database.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequestHandler } from '@remix-run/express';
import compression from 'compression';
import express from 'express';

const here = path.dirname(fileURLToPath(import.meta.url));
const BUILD_PATH = path.join(here, 'build', 'index.js');

const build = await import(BUILD_PATH).catch((error) => {
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
    build,
    mode: env.NODE_ENV,
    getLoadContext: (req, res) => ({ clientIp: req.ip ?? 'unknown', nonce: res.locals.nonce }),
  }),
);

const server = app.listen(env.PORT, () => {
  console.log(`Palmarès is serving on http://localhost:${env.PORT}`);
});

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
