/**
 * Who may see an uploaded file, and the response that serves it.
 *
 * - the founder who uploaded it or whose application holds it;
 * - organisers;
 * - judges assigned to the application that holds it (any round), unless conflicted, until the
 *   edition's results are published (docs/decisions/026-judges-access-to-decks.md);
 * - everyone, for the logo of a finalist or winner that consented to publication, once the
 *   edition's results are published. A deck is never public.
 *
 * Permission is part of the query: a file someone may not see is "not found" for them.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createReadableStreamFromReadable } from '@remix-run/node';
import { and, eq, exists, ne, or, sql, type SQL } from 'drizzle-orm';
import { contentDisposition, typeOfMime } from '~/domain/file-types';
import { canOrganise } from './auth.server';
import { getDb, schema } from './db.server';
import { log } from './log.server';
import type { SessionUser } from './session.server';
import { storedFilePath } from './uploads.server';

export type StoredFile = typeof schema.files.$inferSelect;

const f = schema.files;
const a = schema.applications;

/** Applications holding the file (as deck or logo). */
function holdsFile(application: typeof a = a): SQL {
  return or(eq(application.deckFileId, f.id), eq(application.logoFileId, f.id))!;
}

/**
 * The consented logo of a finalist or winner, public from the live final on: the projector and the
 * vote page show it on stage (decision 027), then the results keep it.
 */
function publicLogoCondition(): SQL {
  const e = schema.editions;
  return exists(
    getDb()
      .select({ one: sql`1` })
      .from(a)
      .innerJoin(e, eq(e.id, a.editionId))
      .where(
        and(
          eq(a.logoFileId, f.id),
          eq(f.kind, 'logo'),
          eq(a.consentToPublication, true),
          sql`${e.status} in ('final', 'published')`,
          sql`${a.status} in ('finalist', 'winner')`,
        ),
      ),
  );
}

function viewerCondition(viewer: Pick<SessionUser, 'id' | 'role'>): SQL | undefined {
  if (canOrganise(viewer)) return undefined;
  const asg = schema.assignments;
  const c = schema.conflicts;
  const db = getDb();
  return or(
    eq(f.uploadedBy, viewer.id),
    exists(db.select({ one: sql`1` }).from(a).where(and(holdsFile(), eq(a.founderId, viewer.id)))),
    exists(
      db
        .select({ one: sql`1` })
        .from(a)
        .innerJoin(asg, eq(asg.applicationId, a.id))
        .innerJoin(schema.editions, eq(schema.editions.id, a.editionId))
        .where(
          and(
            holdsFile(),
            eq(asg.judgeId, viewer.id),
            // A judge's access ends with the publication of the edition (decision 026).
            ne(schema.editions.status, 'published'),
            sql`not exists (select 1 from ${c} where ${c.applicationId} = ${a.id} and ${c.judgeId} = ${viewer.id})`,
          ),
        ),
    ),
    publicLogoCondition(),
  );
}

/** The file if it is public (anyone may fetch it), else null. */
export function publicFile(fileId: number): StoredFile | null {
  return getDb().select().from(f).where(and(eq(f.id, fileId), publicLogoCondition())).get() ?? null;
}

/** The file if this user may see it, else null. */
export function fileViewableBy(fileId: number, viewer: Pick<SessionUser, 'id' | 'role'>): StoredFile | null {
  return getDb().select().from(f).where(and(eq(f.id, fileId), viewerCondition(viewer))).get() ?? null;
}

/** The file row of an id, whoever asks (for the owner's own pages, which already hold the id). */
export function filesByIds(ids: (number | null | undefined)[]): StoredFile[] {
  const wanted = ids.filter((id): id is number => typeof id === 'number');
  if (wanted.length === 0) return [];
  return getDb()
    .select()
    .from(f)
    .where(sql`${f.id} in (${sql.join(wanted.map((id) => sql`${id}`), sql`, `)})`)
    .all();
}

/** What a page shows of an uploaded file. */
export function fileSummary(file: StoredFile | undefined | null) {
  if (!file) return null;
  return { id: file.id, originalName: file.originalName, sizeBytes: file.sizeBytes, mimeType: file.mimeType, createdAt: file.createdAt };
}

export type FileSummary = NonNullable<ReturnType<typeof fileSummary>>;

/** The policy of every stored file: no loads, no scripts, an opaque origin, no framing. */
export const FILE_CSP = "default-src 'none'; sandbox; frame-ancestors 'none'";

/**
 * The file's bytes, streamed from disk, with headers that keep a browser from guessing its type
 * and a sandboxing policy; a PDF deck opens in the browser's viewer. `isPublic` allows shared caches.
 */

export async function fileResponse(file: StoredFile, { isPublic, ifNoneMatch }: { isPublic: boolean; ifNoneMatch?: string | null }): Promise<Response> {
  const type = typeOfMime(file.mimeType);
  const path = storedFilePath(file.sha256);
  const onDisk = await stat(path).catch(() => null);
  if (!type || !onDisk) {
    log.warn('file_missing', { fileId: file.id, sha256: file.sha256 });
    throw new Response('Not Found', { status: 404 });
  }
  const etag = `"${file.sha256}"`;
  const headers = new Headers({
    'Content-Type': file.mimeType,
    // Every stored type (PDF deck, PNG/JPEG/WebP logo) opens in the browser's own viewer; the
    // name still travels, so "Save as" offers the founder's file name.
    'Content-Disposition': contentDisposition('inline', file.originalName, type),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': isPublic ? 'public, max-age=3600' : 'private, no-cache',
    ETag: etag,
    // A file is never a page: nothing in it may run, load anything or be framed.
    // `sandbox` gives the document an opaque origin without scripts; the browser's PDF viewer
    // still shows the deck (checked by hand with Chromium 156: its viewer loads under it).
    'Content-Security-Policy': FILE_CSP,
    'Cross-Origin-Resource-Policy': 'same-origin',
  });
  if (ifNoneMatch && ifNoneMatch.split(/\s*,\s*/).includes(etag)) {
    return new Response(null, { status: 304, headers });
  }
  headers.set('Content-Length', String(onDisk.size));
  return new Response(createReadableStreamFromReadable(createReadStream(path)), { status: 200, headers });
}
