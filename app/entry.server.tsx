/**
 * Server entry: renders each document (whole, then sent at once, with the CSP nonce), and exposes
 * `bootstrap` / `shutdown` to server.js so that the one database client of the
 * build is the one that gets migrated at start and closed at the end.
 */
import { Writable } from 'node:stream';
import type { ActionFunctionArgs, AppLoadContext, EntryContext, LoaderFunctionArgs } from '@remix-run/node';
import { isRouteErrorResponse, RemixServer } from '@remix-run/react';
import { renderToPipeableStream } from 'react-dom/server';
import { NonceProvider } from '~/utils/nonce';
import { closeDb, runMigrations, getDb } from '~/utils/db.server';
import { env, type Env } from '~/utils/env.server';
import { log } from '~/utils/log.server';
import { startMailSender, stopMailSender } from '~/utils/mail.server';
import { forgetEndedSession, purgeExpiredSessions } from '~/utils/session.server';

/** For server.js: the page of a request it refuses before Remix (app/utils/request-refusal.server.ts). */
export { requestRefusalPage } from '~/utils/request-refusal.server';
/** For server.js: frozen public answers served before Express (app/utils/frozen-pages.server.ts, decision 036). */
export { FROZEN_NONCE, frozenNotModified, gzippedEtag, lookupFrozen, storeFrozen } from '~/utils/frozen-pages.server';

/** For server.js: the live channel and the ballot's post, answered before Express (decisions 043, 044). */
export { serveStageEvents } from '~/utils/stage-stream.server';
export { acceptBallot } from '~/utils/vote-post.server';

export const streamTimeout = 5_000;

/** Parses the environment (throws a readable EnvError), opens and migrates the database. */
export function bootstrap(): Env {
  const parsed = env();
  runMigrations(getDb());
  const purged = purgeExpiredSessions();
  log.info('database_ready', { purgedSessions: purged });
  return parsed;
}

/** For server.js, once it listens: the loop that sends the outbox's mail (app/utils/mail.server.ts). */
export { startMailSender };

/** Stops the mail sender and closes the database cleanly (checkpointing the WAL). */
export function shutdown(): void {
  stopMailSender();
  closeDb();
}

/**
 * A device whose session ended elsewhere (revoked from /account: a lost tablet) forgets, at its
 * next contact, what it kept for that account: kept scoresheets, service worker, outbox (decision 032).
 */
export async function handleDataRequest(response: Response, { request }: LoaderFunctionArgs | ActionFunctionArgs) {
  await forgetEndedSession(request, response.headers);
  return response;
}

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  await forgetEndedSession(request, responseHeaders);
  const nonce = loadContext?.nonce ?? '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => abort(), streamTimeout + 1_000);
    // The whole document, then one answer: no page waits on data streamed after its shell (no
    // `Await` in the app), and one write costs less than React's 2 KB chunks each carried through
    // a stream of its own to the socket (decision 049).
    const chunks: Buffer[] = [];
    const document = new Writable({
      write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void) {
        chunks.push(chunk);
        done();
      },
      final(done: (error?: Error | null) => void) {
        clearTimeout(timer);
        responseHeaders.set('Content-Type', 'text/html; charset=utf-8');
        resolve(new Response(withoutPadding(Buffer.concat(chunks)) as Uint8Array as BodyInit, { headers: responseHeaders, status: responseStatusCode }));
        done();
      },
    });
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={streamTimeout} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        onAllReady() {
          pipe(document);
        },
        onShellError(error: unknown) {
          clearTimeout(timer);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          log.error('render_error', { message: String(error) });
        },
      },
    );
  });
}

/**
 * React 18's `renderToPipeableStream` encodes text into 2,048-byte views; when a multibyte character
 * does not fit at the end of a view, it flushes the whole view, unwritten tail included, so the page
 * carries one or two 0x00 bytes before the character, which it then writes into the next view
 * (react-dom-server.node `writeStringChunk`; fixed in React 19). A 0x00 byte is never part of a
 * UTF-8 multibyte sequence, and the pages never hold a U+0000 of their own (stored text refuses it,
 * app/domain/text.ts), so dropping every 0x00 byte gives exactly the bytes React meant.
 * Drop this with React 19 (tests/e2e/walk.test.ts keeps watching: every page, both languages).
 */
function withoutPadding(page: Buffer): Buffer {
  let zero = page.indexOf(0);
  if (zero < 0) return page;
  const kept: Buffer[] = [];
  let from = 0;
  while (zero >= 0) {
    if (zero > from) kept.push(page.subarray(from, zero));
    from = zero + 1;
    zero = page.indexOf(0, from);
  }
  if (from < page.length) kept.push(page.subarray(from));
  return Buffer.concat(kept);
}

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  const path = new URL(request.url).pathname;
  // A refusal (403, 404, 405…) is an answer, not a failure of the server: say which, and where.
  if (isRouteErrorResponse(error) && error.status < 500) {
    const fields = { method: request.method, path, status: error.status };
    if (error.status === 404) log.info('request_refused', fields);
    else log.warn('request_refused', fields);
    return;
  }
  log.error('request_error', {
    url: path,
    method: request.method,
    message: error instanceof Error ? error.message : isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : String(error),
    stack: error instanceof Error ? error.stack : undefined,
  });
}
