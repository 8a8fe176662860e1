/**
 * Files of a founder's application (the pitch deck and the logo): the whole upload, from the
 * request to the application, and removing one. Refused before the body is read when the founder
 * may not write; a file stored on disk that no row ends up using is removed again.
 */
import type { MessageKey } from '~/i18n';
import { and, count, eq } from 'drizzle-orm';
import type { FileKind } from '~/domain/file-types';
import { isRefusal } from '~/domain/refusal';
import { getDb, schema } from './db.server';
import type { Edition } from './editions.server';
import { fileSummary, type FileSummary } from './files.server';
import { createApplication, founderApplication, founderWrite, writeRefusal, type ApplicationRow, type WriteRefusal } from './applications.server';
import { receiveUpload, removeStoredFile, type ReceivedFile } from './uploads.server';

const a = schema.applications;

// ─── Files of an application ────────────────────────────────────────────────

const FILE_COLUMN = { deck: 'deckFileId', logo: 'logoFileId' } as const satisfies Record<FileKind, keyof ApplicationRow>;

/** `{ deckFileId: id }` or `{ logoFileId: id }`. */
function fileColumnValue(kind: FileKind, id: number | null): { deckFileId?: number | null; logoFileId?: number | null } {
  return kind === 'deck' ? { deckFileId: id } : { logoFileId: id };
}

function fileAuditValue(file: { id: number; originalName: string; sha256: string; sizeBytes: number } | undefined | null) {
  return file ? { id: file.id, name: file.originalName, sha256: file.sha256, sizeBytes: file.sizeBytes } : null;
}

export type FileWriteOutcome =
  | { ok: true; file: FileSummary | null }
  | { ok: false; reason: WriteRefusal | 'stale' | 'deckRequired' };

/** Refuses before the body is read: a closed window or a read-only application takes no upload. */
export function uploadRefusal(founderId: number, edition: Edition, now = new Date()): WriteRefusal | null {
  return writeRefusal(edition, founderApplication(edition.id, founderId), now);
}

/** What the form saw as the current file: an id, or '' for none. */
function parseReplaces(value: string | undefined): number | null {
  return value && /^\d+$/.test(value) ? Number(value) : null;
}

/**
 * Attaches a received file to the founder's application (creating the application if this is
 * its first save). `replaces` is the file the form showed: if another save changed it since, the
 * upload is refused as stale rather than silently replacing a newer file.
 */
export async function attachFile({
  founderId,
  edition,
  file,
  replaces,
  now = new Date(),
}: {
  founderId: number;
  edition: Edition;
  file: ReceivedFile;
  replaces: string | undefined;
  now?: Date;
}): Promise<FileWriteOutcome> {
  const column = FILE_COLUMN[file.kind];
  const expected = parseReplaces(replaces);
  const before = founderApplication(edition.id, founderId);
  const refusal = writeRefusal(edition, before, now);
  if (refusal || (before?.[column] ?? null) !== expected) {
    await file.discard();
    return { ok: false, reason: refusal ?? 'stale' };
  }
  await file.commit();
  let outcome: FileWriteOutcome;
  try {
    outcome = founderWrite({ founderId, edition, now }, ({ tx, audit, current }): FileWriteOutcome => {
      if ((current?.[column] ?? null) !== expected) return { ok: false, reason: 'stale' };
      const stored = tx
        .insert(schema.files)
        .values({
          kind: file.kind,
          sha256: file.sha256,
          mimeType: file.mimeType,
          sizeBytes: file.sizeBytes,
          originalName: file.originalName,
          uploadedBy: founderId,
          createdAt: now,
        })
        .returning()
        .get();
      if (!current) {
        const created = createApplication(tx, edition, founderId, now, fileColumnValue(file.kind, stored.id));
        if (!created) return { ok: false, reason: 'stale' };
      } else {
        tx.update(a)
          .set({ ...fileColumnValue(file.kind, stored.id), revision: current.revision + 1, updatedAt: now })
          .where(and(eq(a.id, current.id), eq(a.founderId, founderId)))
          .run();
        if (current.status === 'submitted') {
          const previous = current[column] ? tx.select().from(schema.files).where(eq(schema.files.id, current[column]!)).get() : null;
          audit({
            action: 'application.update',
            entityType: 'application',
            entityId: current.id,
            before: { [file.kind]: fileAuditValue(previous) },
            after: { [file.kind]: fileAuditValue(stored) },
          });
        }
      }
      return { ok: true, file: fileSummary(stored) };
    });
  } catch (error) {
    await removeIfUnreferenced(file.sha256);
    throw error;
  }
  if (!outcome.ok) await removeIfUnreferenced(file.sha256);
  return outcome;
}

async function removeIfUnreferenced(sha256: string): Promise<void> {
  const used = getDb().select({ n: count() }).from(schema.files).where(eq(schema.files.sha256, sha256)).get()?.n ?? 0;
  if (used === 0) await removeStoredFile(sha256);
}

/**
 * Removes the logo, or the deck of a draft (a submitted application keeps a deck: it may only
 * be replaced). The file row stays, for the history.
 */
export function detachFile({
  founderId,
  edition,
  kind,
  replaces,
  now = new Date(),
}: {
  founderId: number;
  edition: Edition;
  kind: FileKind;
  replaces: string | undefined;
  now?: Date;
}): FileWriteOutcome {
  const column = FILE_COLUMN[kind];
  return founderWrite({ founderId, edition, now }, ({ tx, audit, current }): FileWriteOutcome => {
    if (!current || current[column] === null || current[column] !== parseReplaces(replaces)) return { ok: false, reason: 'stale' };
    if (kind === 'deck' && current.status !== 'draft') return { ok: false, reason: 'deckRequired' };
    tx.update(a)
      .set({ ...fileColumnValue(kind, null), revision: current.revision + 1, updatedAt: now })
      .where(and(eq(a.id, current.id), eq(a.founderId, founderId)))
      .run();
    if (current.status === 'submitted') {
      const previous = tx.select().from(schema.files).where(eq(schema.files.id, current[column]!)).get();
      audit({
        action: 'application.update',
        entityType: 'application',
        entityId: current.id,
        before: { [kind]: fileAuditValue(previous) },
        after: { [kind]: null },
      });
    }
    return { ok: true, file: null };
  });
}

// ─── Uploads, from the request to the application ───────────────────────────

export type UploadOutcome =
  | { ok: true; kind: FileKind; file: FileSummary }
  /** `error` is a dictionary key; `kind` the field it belongs to, when known. */
  | { ok: false; kind: FileKind | null; status: number; error: MessageKey; params?: Record<string, string | number> };

const REFUSAL_MESSAGES: Record<WriteRefusal | 'stale' | 'deckRequired', { status: number; error: MessageKey }> = {
  notYetOpen: { status: 403, error: 'apply.errors.notYetOpen' },
  closed: { status: 403, error: 'apply.errors.closed' },
  readOnly: { status: 403, error: 'apply.errors.readOnly' },
  stale: { status: 409, error: 'apply.files.errors.stale' },
  deckRequired: { status: 409, error: 'apply.files.errors.deckRequired' },
};

function asKind(value: string | undefined | null): FileKind | null {
  return value === 'deck' || value === 'logo' ? value : null;
}

/**
 * The whole upload of one file: refused before reading the body when the founder may not write,
 * then streamed to disk under the kind's limits, then attached to the application.
 */
export async function uploadApplicationFile({
  request,
  founderId,
  edition,
  now = new Date(),
}: {
  request: Request;
  founderId: number;
  edition: Edition;
  now?: Date;
}): Promise<UploadOutcome> {
  const early = uploadRefusal(founderId, edition, now);
  if (early) return { ok: false, kind: null, ...REFUSAL_MESSAGES[early] };
  let received: Awaited<ReturnType<typeof receiveUpload>>;
  try {
    received = await receiveUpload(request);
  } catch (error) {
    if (!isRefusal(error)) throw error;
    return { ok: false, kind: asKind(error.field), status: error.status, error: error.key, params: error.params };
  }
  const { fields, file } = received;
  if (!file) return { ok: false, kind: asKind(fields.kind), status: 400, error: 'apply.files.errors.noFile' };
  const outcome = await attachFile({ founderId, edition, file, replaces: fields.replaces, now });
  if (!outcome.ok) return { ok: false, kind: file.kind, ...REFUSAL_MESSAGES[outcome.reason] };
  return { ok: true, kind: file.kind, file: outcome.file! };
}

export function fileRefusalMessage(reason: WriteRefusal | 'stale' | 'deckRequired') {
  return REFUSAL_MESSAGES[reason];
}
