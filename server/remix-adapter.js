/**
 * Remix's fetch handler on Node's own request and response (docs/decisions/048), in place of
 * Express and @remix-run/express: a Node request becomes one fetch `Request` (headers copied once,
 * a signal aborted when the client goes away before the answer is complete, the body streamed for a
 * post), and the `Response` is written back with what Express and its middleware added:
 * - the response's headers *appended* to those already set (the security headers), Set-Cookie as a
 *   list, a charset added to a textual Content-Type without one (Express's `res.set`);
 * - `private, no-store` when the request carries a session or voter cookie or the response sets a
 *   cookie, whatever the route said;
 * - compression exactly as the `compression` middleware decides (never for Server-Sent Events), the
 *   middleware itself being called only when it may compress (it costs its wrappers otherwise);
 * - the headers of an event stream sent at once; the body streamed chunk by chunk, flushed through
 *   the compressor after each (a deferred part of a page reaches the browser when it is rendered).
 * The client's address, host and protocol follow the `trust proxy` rule as Express computed them.
 */
import { EventEmitter } from 'node:events';
import { createReadableStreamFromReadable, writeReadableStreamToWritable } from '@remix-run/node';
import compression from 'compression';
import proxyaddr from 'proxy-addr';

/** The session and voter cookies: a response to a request that carries one may show its data. */
export const PRIVATE_COOKIE = /(?:^|;\s*)(palmares_session|palmares_voter)=/;

/** Express's `trust proxy`: off, or `1` (one proxy in front: the nearest X-Forwarded-* values). */
export function trustProxyFn(trustOneProxy) {
  return trustOneProxy ? (_address, hop) => hop < 1 : proxyaddr.compile([]);
}

// ─── Compression ─────────────────────────────────────────────────────────────────────────────
// Server-Sent Events must reach the client as they are written: never compress them.
const compress = compression({
  filter: (req, res) => {
    const type = String(res.getHeader('Content-Type') ?? '');
    if (type.includes('text/event-stream')) return false;
    return compression.filter(req, res);
  },
});
const NO_TRANSFORM = /(?:^|,)\s*?no-transform\s*?(?:,|$)/;
const COMPRESSION_THRESHOLD = 1024;
/** compression.filter's answer per Content-Type (a handful of types; bounded anyway). */
const compressibleTypes = new Map();

function compressible(req, res) {
  const type = res.getHeader('Content-Type');
  if (type === undefined) return false;
  let yes = compressibleTypes.get(type);
  if (yes === undefined) {
    yes = !String(type).includes('text/event-stream') && compression.filter(req, res);
    if (compressibleTypes.size < 100) compressibleTypes.set(type, yes);
  }
  if (!yes) return false;
  const cacheControl = res.getHeader('Cache-Control');
  return !cacheControl || !NO_TRANSFORM.test(cacheControl);
}

/** `vary(res, 'Accept-Encoding')` as the compression middleware adds it. */
function varyOnEncoding(res) {
  const current = res.getHeader('Vary');
  if (current === undefined) return res.setHeader('Vary', 'Accept-Encoding');
  const list = Array.isArray(current) ? current.join(', ') : String(current);
  if (!/(?:^|,)\s*(?:\*|accept-encoding)\s*(?:,|$)/i.test(list)) res.setHeader('Vary', `${list}, Accept-Encoding`);
}

/**
 * Writes the response (`write()`, its headers already set) through compression when the middleware
 * would compress it, and adds its Vary when it would not: no Accept-Encoding, HEAD, or a declared
 * length under its threshold. Every other case is the middleware itself (negotiation, zlib).
 */
export function compressed(req, res, write) {
  if (!compressible(req, res)) return write();
  const declared = res.getHeader('Content-Length');
  if (req.method === 'HEAD' || !req.headers['accept-encoding'] || (declared !== undefined && Number(declared) < COMPRESSION_THRESHOLD)) {
    varyOnEncoding(res);
    return write();
  }
  compress(req, res, write);
}

// ─── Request ─────────────────────────────────────────────────────────────────────────────────
/**
 * What tells a Request that its client went away. The `Request` never exposes its own signal's
 * controller, so it must follow one of ours; undici follows any object shaped like an AbortSignal
 * (it accepts polyfills), and following a real AbortController's signal costs about 20 µs per
 * request more (an EventTarget listener, its max-listeners bookkeeping) than following this
 * emitter: about a tenth of what /healthz costs. Checked once at start (`CLIENT_GONE_WORKS`): if a
 * Node upgrade stops accepting it, every request uses an AbortController again, as
 * @remix-run/express did.
 */
class ClientGone extends EventEmitter {
  aborted = false;
  reason = undefined;
  #listener = null;
  addEventListener(type, listener) {
    if (type === 'abort') this.#listener = listener;
  }
  removeEventListener(type, listener) {
    if (type === 'abort' && this.#listener === listener) this.#listener = null;
  }
  abort() {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = new DOMException('This operation was aborted', 'AbortError');
    this.#listener?.call(this);
  }
}

export const CLIENT_GONE_WORKS = (() => {
  try {
    const gone = new ClientGone();
    const request = new Request('http://localhost/', { signal: gone });
    gone.abort();
    return request.signal.aborted && request.signal.reason?.name === 'AbortError';
  } catch {
    return false;
  }
})();

/** The host Remix sees: Express's `req.hostname` (X-Forwarded-Host when trusted) and the port of X-Forwarded-Host or Host. */
function requestHost(req, trust) {
  const forwarded = req.headers['x-forwarded-host'];
  let host = forwarded;
  if (!host || !trust(req.socket.remoteAddress, 0)) host = req.headers.host;
  else if (host.includes(',')) host = host.slice(0, host.indexOf(',')).trimEnd();
  let hostname;
  if (host) {
    const offset = host[0] === '[' ? host.indexOf(']') + 1 : 0;
    const colon = host.indexOf(':', offset);
    hostname = colon !== -1 ? host.slice(0, colon) : host;
  }
  const portOf = (value) => Number.parseInt(value?.split(':')[1], 10);
  const port = Number.isSafeInteger(portOf(forwarded)) ? portOf(forwarded) : Number.isSafeInteger(portOf(req.headers.host)) ? portOf(req.headers.host) : '';
  return `${hostname}${port ? `:${port}` : ''}`;
}

/** Express's `req.protocol`: X-Forwarded-Proto when the proxy is trusted. */
function requestProtocol(req, trust) {
  const proto = req.socket.encrypted ? 'https' : 'http';
  if (!trust(req.socket.remoteAddress, 0)) return proto;
  const header = req.headers['x-forwarded-proto'] || proto;
  const comma = header.indexOf(',');
  return comma !== -1 ? header.slice(0, comma).trim() : header.trim();
}

/** Node's parsed headers as fetch headers: a list value appended one by one, empty values left out (as @remix-run/express). */
function fetchHeaders(nodeHeaders) {
  for (const name in nodeHeaders) {
    const value = nodeHeaders[name];
    if (typeof value !== 'string' || value === '') return headersOneByOne(nodeHeaders);
  }
  return nodeHeaders; // a plain record of strings: the Request copies it once
}

function headersOneByOne(nodeHeaders) {
  const headers = new Headers();
  for (const [name, value] of Object.entries(nodeHeaders)) {
    if (!value) continue;
    if (Array.isArray(value)) for (const one of value) headers.append(name, one);
    else headers.set(name, value);
  }
  return headers;
}

// ─── Response ────────────────────────────────────────────────────────────────────────────────
const CHARSET = /;\s*charset\s*=/;
/** mime 1.x's `charsets.lookup`, which Express's `res.set` uses for Content-Type. */
const TEXTUAL = /^text\/|^application\/(javascript|json)/;

/** Express's `res.append(name, value)`: a second value of a header makes a list. */
function appendHeader(res, name, value) {
  if (name === 'content-type' && !CHARSET.test(value) && TEXTUAL.test(value.split(';')[0])) value += '; charset=utf-8';
  const previous = res.getHeader(name);
  res.setHeader(name, previous === undefined ? value : Array.isArray(previous) ? [...previous, value] : [String(previous), value]);
}

function decodes(pathname) {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

const ERROR_MESSAGES = { 400: 'Bad Request', 500: 'Internal Server Error' };

/**
 * What Express's final handler answered for a path that does not decode (400) or a failure before
 * the answer started (500, the error logged): a minimal page under `default-src 'none'`. Once the
 * answer has started, the connection is cut instead.
 */
function errorPage(req, res, status, error) {
  if (error) console.error(error);
  if (res.headersSent) return res.destroy();
  for (const name of ['Content-Encoding', 'Content-Language', 'Content-Range']) res.removeHeader(name);
  const html = `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>${ERROR_MESSAGES[status]}</pre>\n</body>\n</html>\n`;
  res.statusCode = status;
  res.setHeader('Content-Security-Policy', "default-src 'none'");
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(html));
  if (PRIVATE_COOKIE.test(req.headers.cookie ?? '')) res.setHeader('Cache-Control', 'private, no-store');
  compressed(req, res, () => res.end(html));
}

/**
 * The adapter: `serve(req, res, context, body?)` answers a Node request with Remix. `body`, when
 * given, is a post's body already read (the ballot's fast path); otherwise a post's body is streamed.
 */
export function createRemixAdapter({ handleRequest, trust }) {
  function toRequest(req, res, body) {
    const url = `${requestProtocol(req, trust)}://${requestHost(req, trust)}${req.url}`;
    const gone = CLIENT_GONE_WORKS ? new ClientGone() : new AbortController();
    // Abort loaders and actions when the answer can no longer be written (closed before finished).
    res.once('close', () => {
      if (!res.writableFinished) gone.abort();
    });
    const init = { method: req.method, headers: fetchHeaders(req.headers), signal: CLIENT_GONE_WORKS ? gone : gone.signal };
    if (body !== undefined) init.body = body;
    else if (req.method !== 'GET' && req.method !== 'HEAD') {
      init.body = createReadableStreamFromReadable(req);
      init.duplex = 'half';
    }
    return new Request(url, init);
  }

  async function send(req, res, response) {
    res.statusCode = response.status;
    if (response.statusText) res.statusMessage = response.statusText;
    for (const [name, value] of response.headers) appendHeader(res, name, value);
    if (PRIVATE_COOKIE.test(req.headers.cookie ?? '') || res.hasHeader('set-cookie')) res.setHeader('Cache-Control', 'private, no-store');
    await new Promise((resolve, reject) =>
      compressed(req, res, () => {
        if (/text\/event-stream/i.test(response.headers.get('Content-Type') ?? '')) res.flushHeaders();
        if (!response.body) {
          res.end();
          return resolve();
        }
        writeReadableStreamToWritable(response.body, res).then(resolve, reject);
      }),
    );
  }

  return {
    serve(req, res, context, body) {
      // A path that does not decode (`/%ZZ`) was Express's 400.
      if (req.url.includes('%') && !decodes(req.url.split('?', 1)[0])) return Promise.resolve(errorPage(req, res, 400));
      let request;
      try {
        request = toRequest(req, res, body);
      } catch (error) {
        return Promise.resolve(errorPage(req, res, 500, error));
      }
      return handleRequest(request, context)
        .then((response) => send(req, res, response))
        .catch((error) => errorPage(req, res, 500, error));
    },
    /** The client's address as Express's `req.ip` computes it (the `trust proxy` setting). */
    clientIp: (req) => proxyaddr(req, trust) ?? 'unknown',
  };
}
