/**
 * The live channel on Node's own response, before Express and Remix (docs/decisions/043-live-channel-on-raw-node.md).
 *
 * In production, server.js hands `GET /editions/:year/stage/events` here: ten thousand phones and
 * screens may hold it open, and through Express and Remix each one also kept a `Request`, its
 * `AbortSignal`, a web stream and their closures (≈ 59 KB per connection). Here a connection is
 * Node's socket and its response, one closure in the broadcaster's set (events.server.ts), and
 * nothing else. Every event is serialised once and framed once (its HTTP chunk header included);
 * the same bytes are written to every socket, and one heartbeat serves them all.
 *
 * Same answers as the Remix route (`editions.$year_.stage.events.ts`, which `remix dev` and the
 * integration tests still use): the retry hint and the current state at once, every change after,
 * the same headers, the same limits per address and in all (429 with the refusal page), and a
 * non-public edition left to Remix for its 404 page.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { requirePublicEdition } from './editions.server';
import { reserveConnection, retryHint, subscribe, type Send } from './events.server';
import { log } from './log.server';
import { requestRefusalPage } from './request-refusal.server';
import { currentStageEvent } from './stage.server';

/**
 * A client that has not read this much of what was written to it is gone or stuck (a phone that
 * went to sleep without closing): its socket is closed rather than let it hold memory.
 */
export const MAX_UNREAD_BYTES = 256 * 1024;

const CRLF = Buffer.from('\r\n');
const RETRY = retryHint();
/** Each event's bytes as one HTTP/1.1 chunk, built at the first socket and shared by the others. */
const chunks = new WeakMap<Uint8Array, Buffer>();

function asChunk(bytes: Uint8Array): Buffer {
  let chunk = chunks.get(bytes);
  if (!chunk) {
    chunk = Buffer.concat([Buffer.from(`${bytes.length.toString(16)}\r\n`), bytes, CRLF]);
    chunks.set(bytes, chunk);
  }
  return chunk;
}

export interface StageStreamRequest {
  year: string;
  /** The client's address as Express would see it (trust proxy). */
  ip: string;
  /** The headers of every response (security headers, CSP), set by server.js. */
  headers: [string, string][];
  /** The request carries a session or voter cookie: the answer is `private, no-store`, as all such answers. */
  personal: boolean;
}

/**
 * Answers the live channel on the raw response. False when the edition is not public (or does not
 * exist): the caller then lets Remix answer, with its 404 page.
 */
export function serveStageEvents(req: IncomingMessage, res: ServerResponse, { year, ip, headers, personal }: StageStreamRequest): boolean {
  let edition;
  try {
    edition = requirePublicEdition(year);
  } catch {
    return false;
  }
  const release = reserveConnection(ip);
  if (!release) {
    refuse(req, res, headers);
    return true;
  }
  for (const [name, value] of headers) res.setHeader(name, value);
  res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
  res.setHeader('Cache-Control', personal ? 'private, no-store' : 'no-cache, no-transform');
  // Reverse proxies (nginx) must not buffer the stream either.
  res.setHeader('X-Accel-Buffering', 'no');
  res.statusCode = 200;
  // Node sends the headers with this first write and frames it as a chunk (HTTP/1.1) or not (1.0).
  res.write(Buffer.concat([RETRY, currentStageEvent(edition)]));
  const socket = res.socket;
  if (!socket || socket.destroyed) {
    release();
    return true;
  }
  const chunked = res.chunkedEncoding;
  const send: Send = (bytes) => {
    if (socket.destroyed) throw new Error('gone');
    if (socket.writableLength > MAX_UNREAD_BYTES) {
      socket.destroy();
      throw new Error('not reading');
    }
    socket.write(chunked ? asChunk(bytes) : bytes);
  };
  // Subscribed in the same synchronous turn as the first state: no change can fall in between.
  const unsubscribe = subscribe(edition.id, send);
  res.once('close', () => {
    unsubscribe();
    release();
  });
  return true;
}

/** 429 beyond SSE_MAX_PER_ADDRESS or SSE_MAX_TOTAL, with the refusal page in the visitor's language. */
function refuse(req: IncomingMessage, res: ServerResponse, headers: [string, string][]): void {
  log.warn('sse_refused', { path: req.url?.split('?')[0], status: 429 });
  requestRefusalPage('tooManyConnections', { cookie: req.headers.cookie, acceptLanguage: req.headers['accept-language'] })
    .then((page) => {
      for (const [name, value] of headers) res.setHeader(name, value);
      res.writeHead(page.status, {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Language': page.lang,
        'Cache-Control': 'no-store',
        'Retry-After': '30',
      });
      res.end(page.html);
    })
    .catch((error: unknown) => {
      log.error('sse_refusal_failed', { error: error instanceof Error ? error.message : String(error) });
      res.statusCode = 500;
      res.end();
    });
}
