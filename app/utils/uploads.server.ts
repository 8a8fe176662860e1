/**
 * Receiving uploaded files: a multipart form is streamed part by part
 * (`unstable_parseMultipartFormData`) through one upload handler that
 *
 * - reads the file's first bytes and refuses a wrong type (magic numbers, app/domain/file-types.ts)
 *   before anything is written to disk;
 * - streams the rest to a temporary file under UPLOADS_DIR/.tmp, honouring back-pressure, hashing
 *   (SHA-256) as it goes, and stops at the kind's size limit — the body beyond it is never read;
 * - keeps the small text fields of the form (revision, intent), each one size-limited too.
 *
 * Remix's own `unstable_createFileUploadHandler` is not used: it names files after the uploader's
 * extension, ignores back-pressure (a fast client fills memory when the disk is slower) and
 * cannot refuse a file from its first bytes. A refused or abandoned upload removes its temporary
 * file; an accepted one is moved to UPLOADS_DIR/<sha256> by `commit()` (same content, same name).
 */
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { once } from 'node:events';
import path from 'node:path';
import { MaxPartSizeExceededError, unstable_parseMultipartFormData, type UploadHandler } from '@remix-run/node';
import { cleanOriginalName, detectFileType, FILE_RULES, FILE_TYPE_INFO, SNIFF_BYTES, uploadProblem, type DetectedType, type FileKind } from '~/domain/file-types';
import { FILE_KINDS } from '~/domain/statuses';
import { env } from './env.server';

/** Text fields of an upload form are tiny (an intent, a revision, a file id). */
const TEXT_FIELD_MAX_BYTES = 1024;
const MAX_TEXT_FIELDS = 10;

export type UploadRefusal = 'empty' | 'wrongType' | 'tooLarge' | 'noFile' | 'malformed';

/** Why an upload was refused; `field` is the form field (deck, logo) the message belongs to. */
export class UploadRefused extends Error {
  constructor(
    readonly field: string,
    readonly reason: UploadRefusal,
  ) {
    super(`upload refused: ${field} ${reason}`);
    this.name = 'UploadRefused';
  }
}

export interface ReceivedFile {
  kind: FileKind;
  type: DetectedType;
  mimeType: string;
  sha256: string;
  sizeBytes: number;
  originalName: string;
  /** Moves the file to its content-addressed place; returns that path. Idempotent. */
  commit(): Promise<string>;
  /** Removes the temporary file (a no-op after commit). */
  discard(): Promise<void>;
}

export interface ReceivedUpload {
  fields: Record<string, string>;
  file: ReceivedFile | null;
}

export function uploadsDir(): string {
  return path.resolve(env().UPLOADS_DIR);
}

/** Where a stored file lives: its SHA-256, nothing the uploader chose. */
export function storedFilePath(sha256: string, dir = uploadsDir()): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
  return path.join(dir, sha256);
}

function isFileKind(name: string): name is FileKind {
  return (FILE_KINDS as readonly string[]).includes(name);
}

/** Reads a part to the end without keeping it, refusing more than `max` bytes. */
async function drain(name: string, data: AsyncIterable<Uint8Array>, max: number): Promise<number> {
  let size = 0;
  for await (const chunk of data) {
    size += chunk.byteLength;
    if (size > max) throw new MaxPartSizeExceededError(name, max);
  }
  return size;
}

async function readText(name: string, data: AsyncIterable<Uint8Array>): Promise<string> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of data) {
    size += chunk.byteLength;
    if (size > TEXT_FIELD_MAX_BYTES) throw new MaxPartSizeExceededError(name, TEXT_FIELD_MAX_BYTES);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function writeChunk(out: WriteStream, chunk: Uint8Array): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

async function closeStream(out: WriteStream): Promise<void> {
  if (out.closed) return;
  out.end();
  await once(out, 'close');
}

/** Temporary files older than this were abandoned by a process that stopped mid-upload. */
const ABANDONED_AFTER_MS = 60 * 60_000;
let lastSweep = 0;

/** Removes the abandoned temporary files of a directory; returns how many. */
export async function sweepAbandonedParts(tmpDir: string, now = Date.now()): Promise<number> {
  let removed = 0;
  const names = await readdir(tmpDir).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.endsWith('.part')) continue;
    const file = path.join(tmpDir, name);
    const info = await stat(file).catch(() => null);
    if (info && now - info.mtimeMs > ABANDONED_AFTER_MS) {
      await rm(file, { force: true });
      removed += 1;
    }
  }
  return removed;
}

/** At most once an hour per process, at the start of an upload. */
async function sweepNowAndThen(tmpDir: string): Promise<void> {
  const now = Date.now();
  if (now - lastSweep < ABANDONED_AFTER_MS) return;
  lastSweep = now;
  await sweepAbandonedParts(tmpDir, now);
}

/**
 * Streams one file part to a temporary file. Refuses from the first bytes (nothing is written
 * for a wrong type) and at the first byte over the limit (the file is removed).
 */
async function receiveFilePart(kind: FileKind, filename: string, data: AsyncIterable<Uint8Array>, dir: string): Promise<ReceivedFile> {
  const rules = FILE_RULES[kind];
  const iterator = data[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let headSize = 0;
  let ended = false;
  while (headSize < SNIFF_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    head.push(next.value);
    headSize += next.value.byteLength;
  }
  const first = Buffer.concat(head);
  const problem = uploadProblem(kind, first, headSize);
  if (problem) throw new UploadRefused(kind, problem);
  const type = detectFileType(first)!;

  const tmpDir = path.join(dir, '.tmp');
  await mkdir(tmpDir, { recursive: true });
  await sweepNowAndThen(tmpDir);
  const tmpPath = path.join(tmpDir, `${randomUUID()}.part`);
  const out = createWriteStream(tmpPath, { flags: 'wx' });
  const hash = createHash('sha256');
  let size = 0;
  try {
    hash.update(first);
    size = first.byteLength;
    await writeChunk(out, first);
    while (!ended) {
      const next = await iterator.next();
      if (next.done) break;
      size += next.value.byteLength;
      if (size > rules.maxBytes) throw new UploadRefused(kind, 'tooLarge');
      hash.update(next.value);
      await writeChunk(out, next.value);
    }
    await closeStream(out);
  } catch (error) {
    if (!out.closed) {
      const closed = once(out, 'close').catch(() => undefined);
      out.destroy();
      await closed;
    }
    await rm(tmpPath, { force: true });
    throw error;
  }

  const sha256 = hash.digest('hex');
  let state: 'temporary' | 'committed' | 'discarded' = 'temporary';
  const finalPath = storedFilePath(sha256, dir);
  return {
    kind,
    type,
    mimeType: FILE_TYPE_INFO[type].mimeType,
    sha256,
    sizeBytes: size,
    originalName: cleanOriginalName(filename),
    async commit() {
      if (state === 'temporary') {
        const exists = await stat(finalPath).then(
          (s) => s.size === size,
          () => false,
        );
        // Same hash, same size: the same content is already stored.
        if (exists) await rm(tmpPath, { force: true });
        else await rename(tmpPath, finalPath);
        state = 'committed';
      }
      return finalPath;
    },
    async discard() {
      if (state === 'temporary') {
        await rm(tmpPath, { force: true });
        state = 'discarded';
      }
    },
  };
}


// ─── Part headers the multipart parser would misread ────────────────────────
//
// Remix's multipart parser (@web3-storage/multipart-parser) splits a part's Content-Disposition
// on every `;` and `=`, even inside the quoted file name: "Pitch; v2.pdf" made it throw (a 500).
// Until it is fixed upstream, the part headers are rewritten on their way in, `%`, `;` and `=`
// inside quoted values becoming %25, %3B and %3D, and the handler decodes the names back. Only
// the header block that follows each boundary is touched, never a file's bytes.

const MAX_PART_HEADER_BYTES = 16 * 1024;

function escapeQuotedValues(line: string): string {
  let out = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted && c === '\\' && i + 1 < line.length) {
      out += c + line[++i];
      continue;
    }
    if (c === '"') quoted = !quoted;
    if (quoted && c === '%') out += '%25';
    else if (quoted && c === ';') out += '%3B';
    else if (quoted && c === '=') out += '%3D';
    else out += c;
  }
  return out;
}

function escapePartHeaders(block: Buffer): Buffer {
  // latin1 keeps every byte as it is (UTF-8 file names included).
  const text = block.toString('latin1');
  const rewritten = text
    .split('\r\n')
    .map((line) => (/^content-disposition\s*:/i.test(line) ? escapeQuotedValues(line) : line))
    .join('\r\n');
  return Buffer.from(rewritten, 'latin1');
}

/** The inverse of the escaping above, for a name the parser returns. */
export function unescapePartValue(value: string): string {
  return value.replace(/%(25|3B|3D)/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The multipart body with each part's Content-Disposition escaped (see above). */
export function escapeMultipartHeaders(body: ReadableStream<Uint8Array>, boundary: string): ReadableStream<Uint8Array> {
  const delimiter = Buffer.from(`\r\n--${boundary}`, 'latin1');
  const headerEnd = Buffer.from('\r\n\r\n', 'latin1');
  // The first boundary has no CRLF before it: pretend it has, and leave those two bytes out.
  let pending = Buffer.from('\r\n', 'latin1');
  let skip = 2;
  let state: 'body' | 'headers' | 'through' = 'body';

  function emit(controller: TransformStreamDefaultController<Uint8Array>, bytes: Buffer) {
    if (skip > 0) {
      const dropped = Math.min(skip, bytes.length);
      skip -= dropped;
      bytes = bytes.subarray(dropped);
    }
    if (bytes.length > 0) controller.enqueue(new Uint8Array(bytes));
  }

  function run(controller: TransformStreamDefaultController<Uint8Array>, final: boolean) {
    for (;;) {
      if (state === 'through') {
        emit(controller, pending);
        pending = Buffer.alloc(0);
        return;
      }
      if (state === 'body') {
        const at = pending.indexOf(delimiter);
        if (at < 0) {
          const keep = final ? 0 : Math.min(pending.length, delimiter.length - 1);
          emit(controller, pending.subarray(0, pending.length - keep));
          pending = pending.subarray(pending.length - keep);
          return;
        }
        emit(controller, pending.subarray(0, at + delimiter.length));
        pending = pending.subarray(at + delimiter.length);
        state = 'headers';
        continue;
      }
      const end = pending.indexOf(headerEnd);
      if (end < 0) {
        // A header block this long is not a browser's: let the parser judge it unchanged.
        if (final || pending.length > MAX_PART_HEADER_BYTES) state = 'through';
        else return;
        continue;
      }
      emit(controller, escapePartHeaders(pending.subarray(0, end + headerEnd.length)));
      pending = pending.subarray(end + headerEnd.length);
      state = 'body';
    }
  }

  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        pending = pending.length === 0 ? Buffer.from(chunk) : Buffer.concat([pending, chunk]);
        run(controller, false);
      },
      flush(controller) {
        run(controller, true);
      },
    }),
  );
}

/**
 * Reads a multipart upload form holding at most one file, in a field named after its kind
 * (`deck` or `logo`). Throws UploadRefused for a refused file (nothing left on disk); a
 * returned file is still temporary until `commit()`, and the caller must `discard()` it if
 * it does not commit.
 */
export async function receiveUpload(request: Request, { dir = uploadsDir() }: { dir?: string } = {}): Promise<ReceivedUpload> {
  const contentType = request.headers.get('Content-Type') ?? '';
  const boundary = /^multipart\/form-data;.*?\bboundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  if (!boundary || !request.body) throw new UploadRefused('file', 'malformed');
  const escaped = new Request(request.url, {
    method: request.method,
    headers: request.headers,
    body: escapeMultipartHeaders(request.body, boundary[1] ?? boundary[2]),
    signal: request.signal,
    duplex: 'half',
  } as RequestInit);
  const fields: Record<string, string> = {};
  let file: ReceivedFile | null = null;
  let textFields = 0;

  const handler: UploadHandler = async ({ name: escapedName, filename: escapedFilename, data }) => {
    const name = unescapePartValue(escapedName);
    const filename = escapedFilename === undefined ? undefined : unescapePartValue(escapedFilename);
    if (filename === undefined) {
      if (++textFields > MAX_TEXT_FIELDS) throw new UploadRefused('file', 'malformed');
      fields[name] = await readText(name, data);
      return undefined;
    }
    // An empty file input still sends a part, with no file name and no content.
    if (filename === '') {
      await drain(name, data, 0);
      return undefined;
    }
    // One file per request, in a field named after its kind; anything else stops the reading.
    if (!isFileKind(name) || file) throw new UploadRefused(isFileKind(name) ? name : 'file', 'malformed');
    file = await receiveFilePart(name, filename, data, dir);
    return undefined;
  };

  try {
    await unstable_parseMultipartFormData(escaped, handler);
  } catch (error) {
    await (file as ReceivedFile | null)?.discard();
    if (error instanceof UploadRefused) throw error;
    if (error instanceof MaxPartSizeExceededError) throw new UploadRefused('file', 'malformed');
    if (error instanceof TypeError || (error instanceof Error && /malformed (multipart|content-disposition)/i.test(error.message))) {
      throw new UploadRefused('file', 'malformed');
    }
    throw error;
  }
  return { fields, file };
}

/** Removes a stored file that no row references any more (after a failed transaction). */
export async function removeStoredFile(sha256: string, dir = uploadsDir()): Promise<void> {
  await rm(storedFilePath(sha256, dir), { force: true });
}
