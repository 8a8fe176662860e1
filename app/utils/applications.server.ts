/**
 * Queries and changes on applications. Ownership is part of the query (`founder_id = ?` in the
 * WHERE clause of every founder read and write), never a check after it.
 *
 * Every function that depends on the time takes `now` (default: the real clock), so the
 * deadline can be tested to the second.
 */
import { and, asc, count, desc, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import {
  applicationWindow,
  canWithdraw,
  changedFields,
  countryName,
  foldForSearch,
  formValuesOf,
  isEditableStatus,
  LIST_PAGE_SIZE,
  SECTION_FIELDS,
  sectionStates,
  submissionProblems,
  validateSection,
  type ApplicationFields,
  type ApplicationWindow,
  type FieldErrors,
  type FormField,
  type FormSectionId,
  type ListQuery,
  type SectionId,
  type SectionValues,
} from '~/domain/application';
import { APPLICATION_STATUSES } from '~/domain/statuses';
import type { Lang, MessageKey } from '~/i18n';
import { listAudit, recordAudit, type DbOrTx } from './audit.server';
import { getDb, schema } from './db.server';
import { editionTracks } from './editions.server';
import { filesByIds } from './files.server';
import { FILE_RULES, type FileKind } from '~/domain/file-types';
import { receiveUpload, removeStoredFile, UploadRefused, type ReceivedFile } from './uploads.server';

export type Edition = typeof schema.editions.$inferSelect;
export type ApplicationRow = typeof schema.applications.$inferSelect;

const a = schema.applications;
const e = schema.editions;

// ─── The founder's side ─────────────────────────────────────────────────────

/** A founder's applications across every edition, newest edition first. */
export function applicationsOfFounder(founderId: number) {
  return getDb()
    .select({
      id: a.id,
      startupName: a.startupName,
      status: a.status,
      submittedAt: a.submittedAt,
      withdrawnAt: a.withdrawnAt,
      updatedAt: a.updatedAt,
      createdAt: a.createdAt,
      year: e.year,
      editionName: e.name,
      editionStatus: e.status,
      timeZone: e.timeZone,
      applicationsOpenAt: e.applicationsOpenAt,
      applicationsCloseAt: e.applicationsCloseAt,
      trackFr: schema.tracks.nameFr,
      trackEn: schema.tracks.nameEn,
    })
    .from(a)
    .innerJoin(e, eq(e.id, a.editionId))
    .leftJoin(schema.tracks, eq(schema.tracks.id, a.trackId))
    .where(eq(a.founderId, founderId))
    .orderBy(desc(e.year))
    .all();
}

/** Editions open for applications right now in which this founder has not started one. */
export function openEditionsWithoutApplication(founderId: number, now = new Date()) {
  return getDb()
    .select({
      year: e.year,
      name: e.name,
      status: e.status,
      timeZone: e.timeZone,
      applicationsOpenAt: e.applicationsOpenAt,
      applicationsCloseAt: e.applicationsCloseAt,
    })
    .from(e)
    .where(
      and(
        eq(e.status, 'open'),
        sql`not exists (select 1 from ${a} where ${a.editionId} = ${e.id} and ${a.founderId} = ${founderId})`,
      ),
    )
    .orderBy(desc(e.year))
    .all()
    .filter((edition) => applicationWindow(edition, now) === 'open');
}

/** The founder's application to an edition, or null. */
export function founderApplication(editionId: number, founderId: number, db: DbOrTx = getDb()): ApplicationRow | null {
  return db.select().from(a).where(and(eq(a.editionId, editionId), eq(a.founderId, founderId))).get() ?? null;
}

function fileSummary(file: ReturnType<typeof filesByIds>[number] | undefined) {
  if (!file) return null;
  return { id: file.id, originalName: file.originalName, sizeBytes: file.sizeBytes, mimeType: file.mimeType, createdAt: file.createdAt };
}

export type FileSummary = NonNullable<ReturnType<typeof fileSummary>>;

/** What every page of /apply/:year shows: the edition, the founder's application and its state. */
export function founderApplicationView(founderId: number, edition: Edition, now = new Date()) {
  const application = founderApplication(edition.id, founderId);
  const tracks = editionTracks(edition.id);
  const trackIds = tracks.map((t) => t.id);
  const window = applicationWindow(edition, now);
  const files = filesByIds([application?.deckFileId, application?.logoFileId]);
  const editable = window === 'open' && (!application || isEditableStatus(application.status));
  return {
    now: now.getTime(),
    edition: {
      year: edition.year,
      name: edition.name,
      status: edition.status,
      timeZone: edition.timeZone,
      applicationsOpenAt: edition.applicationsOpenAt.getTime(),
      applicationsCloseAt: edition.applicationsCloseAt.getTime(),
    },
    window,
    editable,
    canSubmit: editable && application?.status === 'draft',
    canWithdraw: Boolean(application && canWithdraw(application.status, edition.status)),
    tracks: tracks.map((t) => ({ id: t.id, nameFr: t.nameFr, nameEn: t.nameEn })),
    application: application
      ? {
          ...application,
          createdAt: application.createdAt.getTime(),
          updatedAt: application.updatedAt.getTime(),
          submittedAt: application.submittedAt?.getTime() ?? null,
          withdrawnAt: application.withdrawnAt?.getTime() ?? null,
        }
      : null,
    deck: fileSummary(files.find((file) => file.id === application?.deckFileId)),
    logo: fileSummary(files.find((file) => file.id === application?.logoFileId)),
    sections: sectionStates(application, trackIds),
  };
}


/** Why a founder's write was refused before any validation. */
export type WriteRefusal = 'notYetOpen' | 'closed' | 'readOnly';

function writeRefusal(edition: Edition, application: ApplicationRow | null, now: Date): WriteRefusal | null {
  const window: ApplicationWindow = applicationWindow(edition, now);
  if (window !== 'open') return window;
  if (application && !isEditableStatus(application.status)) return 'readOnly';
  return null;
}

/** Inserts the founder's application on first save; the unique index makes a concurrent second insert a no-op. */
function createApplication(tx: DbOrTx, edition: Edition, founderId: number, now: Date, values: Partial<ApplicationRow>) {
  return (
    tx
      .insert(a)
      .values({ editionId: edition.id, founderId, status: 'draft', createdAt: now, updatedAt: now, revision: 1, ...values })
      .onConflictDoNothing()
      .returning()
      .get() ?? null
  );
}

export type SaveOutcome =
  | { ok: true; changed: boolean; revision: number }
  | { ok: false; reason: WriteRefusal }
  | { ok: false; reason: 'invalid'; fieldErrors: FieldErrors }
  /** A newer save exists: what it holds for the fields that differ from what was typed. */
  | { ok: false; reason: 'stale'; revision: number; current: Record<string, string> };

/**
 * Saves one section of the founder's application. A draft may leave fields blank; once
 * submitted, the application must stay complete and every change is audited (before/after of
 * the changed fields, in the same transaction). `revision` is the one the form was loaded with.
 */
export function saveSection({
  founderId,
  edition,
  section,
  raw,
  revision,
  now = new Date(),
}: {
  founderId: number;
  edition: Edition;
  section: FormSectionId;
  raw: Record<string, unknown>;
  revision: number;
  now?: Date;
}): SaveOutcome {
  const trackIds = editionTracks(edition.id).map((t) => t.id);
  return getDb().transaction((tx): SaveOutcome => {
    const current = founderApplication(edition.id, founderId, tx);
    const refusal = writeRefusal(edition, current, now);
    if (refusal) return { ok: false, reason: refusal };

    const result = validateSection(section, raw, { complete: current?.status === 'submitted', trackIds });
    if (!result.ok) return { ok: false, reason: 'invalid', fieldErrors: result.fieldErrors };

    const stale = (): SaveOutcome => {
      const latest = founderApplication(edition.id, founderId, tx);
      return { ok: false, reason: 'stale', revision: latest?.revision ?? 0, current: differingValues(section, latest, raw) };
    };
    if (!current) {
      if (revision !== 0) return stale();
      const created = createApplication(tx, edition, founderId, now, result.values);
      return created ? { ok: true, changed: true, revision: created.revision } : stale();
    }
    if (current.revision !== revision) return stale();

    const { before, after } = changedFields(current as unknown as Record<string, unknown>, result.values as Record<string, unknown>);
    if (Object.keys(after).length === 0) return { ok: true, changed: false, revision: current.revision };
    const updated = tx
      .update(a)
      .set({ ...(after as SectionValues), revision: current.revision + 1, updatedAt: now })
      .where(and(eq(a.id, current.id), eq(a.founderId, founderId), eq(a.revision, revision)))
      .run();
    if (updated.changes !== 1) return stale();
    if (current.status === 'submitted') {
      recordAudit(tx, {
        editionId: edition.id,
        actorId: founderId,
        action: 'application.update',
        entityType: 'application',
        entityId: current.id,
        before,
        after,
        at: now,
      });
    }
    return { ok: true, changed: true, revision: current.revision + 1 };
  });
}

/** The saved values of a section's fields that differ from what the founder typed (as the form shows them). */
function differingValues(section: FormSectionId, latest: ApplicationRow | null, raw: Record<string, unknown>) {
  const saved = formValuesOf(latest);
  const normalise = (value: unknown) => (typeof value === 'string' ? value.replace(/\r\n?/g, '\n').trim() : '');
  const out: Record<string, string> = {};
  for (const field of SECTION_FIELDS[section] as readonly FormField[]) {
    if (normalise(saved[field]) !== normalise(raw[field])) out[field] = saved[field];
  }
  return out;
}

export type SubmitOutcome =
  | { ok: true }
  | { ok: false; reason: WriteRefusal | 'notStarted' | 'alreadySubmitted' }
  | { ok: false; reason: 'stale'; revision: number }
  | { ok: false; reason: 'incomplete'; problems: { section: SectionId; fieldErrors: Record<string, MessageKey> }[] };

/** Submits a complete draft (every section valid, deck uploaded), as reviewed at `revision`. */
export function submitApplication({
  founderId,
  edition,
  revision,
  now = new Date(),
}: {
  founderId: number;
  edition: Edition;
  revision: number;
  now?: Date;
}): SubmitOutcome {
  const trackIds = editionTracks(edition.id).map((t) => t.id);
  return getDb().transaction((tx): SubmitOutcome => {
    const current = founderApplication(edition.id, founderId, tx);
    const refusal = writeRefusal(edition, current, now);
    if (refusal) return { ok: false, reason: refusal };
    if (!current) return { ok: false, reason: 'notStarted' };
    if (current.status !== 'draft') return { ok: false, reason: 'alreadySubmitted' };
    if (current.revision !== revision) return { ok: false, reason: 'stale', revision: current.revision };
    const problems = submissionProblems(current, trackIds);
    if (problems.length > 0) return { ok: false, reason: 'incomplete', problems };
    const updated = tx
      .update(a)
      .set({ status: 'submitted', submittedAt: now, revision: current.revision + 1, updatedAt: now })
      .where(and(eq(a.id, current.id), eq(a.founderId, founderId), eq(a.revision, revision), eq(a.status, 'draft')))
      .run();
    if (updated.changes !== 1) return { ok: false, reason: 'stale', revision: current.revision };
    recordAudit(tx, {
      editionId: edition.id,
      actorId: founderId,
      action: 'application.status',
      entityType: 'application',
      entityId: current.id,
      before: { status: 'draft' },
      after: { status: 'submitted' },
      at: now,
    });
    return { ok: true };
  });
}

export type WithdrawOutcome = { ok: true } | { ok: false; reason: 'notStarted' | 'notWithdrawable' };

/**
 * Withdraws the founder's application: status `withdrawn`, which every ranking leaves out.
 * Allowed at any stage until the results are published, even after the deadline.
 */
export function withdrawApplication({
  founderId,
  edition,
  reason,
  now = new Date(),
}: {
  founderId: number;
  edition: Edition;
  reason?: string | null;
  now?: Date;
}): WithdrawOutcome {
  return getDb().transaction((tx): WithdrawOutcome => {
    const current = founderApplication(edition.id, founderId, tx);
    if (!current) return { ok: false, reason: 'notStarted' };
    if (!canWithdraw(current.status, edition.status)) return { ok: false, reason: 'notWithdrawable' };
    tx.update(a)
      .set({ status: 'withdrawn', withdrawnAt: now, revision: current.revision + 1, updatedAt: now })
      .where(and(eq(a.id, current.id), eq(a.founderId, founderId)))
      .run();
    recordAudit(tx, {
      editionId: edition.id,
      actorId: founderId,
      action: 'application.status',
      entityType: 'application',
      entityId: current.id,
      before: { status: current.status },
      after: { status: 'withdrawn' },
      reason: reason?.trim() ? reason.trim().slice(0, 500) : null,
      at: now,
    });
    return { ok: true };
  });
}

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
    outcome = getDb().transaction((tx): FileWriteOutcome => {
      const current = founderApplication(edition.id, founderId, tx);
      const again = writeRefusal(edition, current, now);
      if (again) return { ok: false, reason: again };
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
          recordAudit(tx, {
            editionId: edition.id,
            actorId: founderId,
            action: 'application.update',
            entityType: 'application',
            entityId: current.id,
            before: { [file.kind]: fileAuditValue(previous) },
            after: { [file.kind]: fileAuditValue(stored) },
            at: now,
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
  return getDb().transaction((tx): FileWriteOutcome => {
    const current = founderApplication(edition.id, founderId, tx);
    const refusal = writeRefusal(edition, current, now);
    if (refusal) return { ok: false, reason: refusal };
    if (!current || current[column] === null || current[column] !== parseReplaces(replaces)) return { ok: false, reason: 'stale' };
    if (kind === 'deck' && current.status !== 'draft') return { ok: false, reason: 'deckRequired' };
    tx.update(a)
      .set({ ...fileColumnValue(kind, null), revision: current.revision + 1, updatedAt: now })
      .where(and(eq(a.id, current.id), eq(a.founderId, founderId)))
      .run();
    if (current.status === 'submitted') {
      const previous = tx.select().from(schema.files).where(eq(schema.files.id, current[column]!)).get();
      recordAudit(tx, {
        editionId: edition.id,
        actorId: founderId,
        action: 'application.update',
        entityType: 'application',
        entityId: current.id,
        before: { [kind]: fileAuditValue(previous) },
        after: { [kind]: null },
        at: now,
      });
    }
    return { ok: true, file: null };
  });
}

// ─── The organisers' side ───────────────────────────────────────────────────

/** better-sqlite3 connections that know `palmares_fold` (case- and accent-insensitive search). */
const withFold = new WeakSet<object>();

function searchableDb() {
  const db = getDb();
  if (!withFold.has(db.$client)) {
    db.$client.function('palmares_fold', { deterministic: true }, (value: unknown) =>
      typeof value === 'string' ? foldForSearch(value) : value,
    );
    withFold.add(db.$client);
  }
  return db;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const STATUS_ORDER = sql.raw(
  `case "applications"."status" ${APPLICATION_STATUSES.map((s, i) => `when '${s}' then ${i}`).join(' ')} end`,
);

function listConditions(editionId: number, query: ListQuery): SQL | undefined {
  const u = schema.users;
  const conditions: (SQL | undefined)[] = [eq(a.editionId, editionId)];
  if (query.status) conditions.push(eq(a.status, query.status));
  if (query.track === 'none') conditions.push(isNull(a.trackId));
  else if (typeof query.track === 'number') conditions.push(eq(a.trackId, query.track));
  if (query.q) {
    const pattern = `%${escapeLike(foldForSearch(query.q))}%`;
    const searched = [a.startupName, a.oneLiner, a.problem, a.solution, a.impact, a.businessModel, a.traction, a.team, a.website, a.country, u.name, u.email];
    conditions.push(or(...searched.map((column) => sql`palmares_fold(${column}) like ${pattern} escape '\\'`)));
  }
  return and(...conditions);
}

function listOrder(query: ListQuery): SQL[] {
  const dir = sql.raw(query.dir === 'desc' ? 'desc' : 'asc');
  const byName = sql`palmares_fold(${a.startupName}) ${dir}`;
  const primary: Record<ListQuery['sort'], SQL> = {
    name: byName,
    status: sql`${STATUS_ORDER} ${dir}`,
    track: sql`${schema.tracks.position} ${dir} nulls last`,
    country: sql`${a.country} ${dir} nulls last`,
    submitted: sql`${a.submittedAt} ${dir} nulls last`,
    updated: sql`${a.updatedAt} ${dir}`,
  };
  return [primary[query.sort], sql`palmares_fold(${a.startupName}) asc`, asc(a.id)];
}

function listSelection() {
  return {
    id: a.id,
    startupName: a.startupName,
    status: a.status,
    country: a.country,
    website: a.website,
    trackId: a.trackId,
    trackFr: schema.tracks.nameFr,
    trackEn: schema.tracks.nameEn,
    oneLiner: a.oneLiner,
    problem: a.problem,
    solution: a.solution,
    impact: a.impact,
    businessModel: a.businessModel,
    traction: a.traction,
    team: a.team,
    videoUrl: a.videoUrl,
    consentToPublication: a.consentToPublication,
    hasDeck: sql<number>`${a.deckFileId} is not null`,
    hasLogo: sql<number>`${a.logoFileId} is not null`,
    founderName: schema.users.name,
    founderEmail: schema.users.email,
    createdAt: a.createdAt,
    submittedAt: a.submittedAt,
    withdrawnAt: a.withdrawnAt,
    updatedAt: a.updatedAt,
  };
}

/**
 * The edition's applications matching the query, in its order: one page of LIST_PAGE_SIZE, or
 * every match (`all`, for the CSV export).
 */
export function listEditionApplications(editionId: number, query: ListQuery, { all = false }: { all?: boolean } = {}) {
  const db = searchableDb();
  const where = listConditions(editionId, query);
  const base = () =>
    db
      .select(listSelection())
      .from(a)
      .innerJoin(schema.users, eq(schema.users.id, a.founderId))
      .leftJoin(schema.tracks, eq(schema.tracks.id, a.trackId))
      .where(where)
      .orderBy(...listOrder(query));
  const total =
    db
      .select({ n: count() })
      .from(a)
      .innerJoin(schema.users, eq(schema.users.id, a.founderId))
      .where(where)
      .get()?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / LIST_PAGE_SIZE));
  const page = Math.min(query.page, pages);
  const rows = all ? base().all() : base().limit(LIST_PAGE_SIZE).offset((page - 1) * LIST_PAGE_SIZE).all();
  return { rows, total, page, pages };
}


/** Counts of the whole edition, per status and per track (tracks in their order, then "no track"). */
export function editionApplicationCounts(editionId: number) {
  const db = getDb();
  const byStatus = db
    .select({ status: a.status, n: count() })
    .from(a)
    .where(eq(a.editionId, editionId))
    .groupBy(a.status)
    .all();
  const byTrack = db
    .select({ trackId: a.trackId, n: count() })
    .from(a)
    .where(eq(a.editionId, editionId))
    .groupBy(a.trackId)
    .all();
  const tracks = editionTracks(editionId);
  return {
    total: byStatus.reduce((sum, row) => sum + row.n, 0),
    byStatus: APPLICATION_STATUSES.map((status) => ({ status, n: byStatus.find((row) => row.status === status)?.n ?? 0 })),
    byTrack: [
      ...tracks.map((t) => ({ trackId: t.id as number | null, nameFr: t.nameFr, nameEn: t.nameEn, n: byTrack.find((row) => row.trackId === t.id)?.n ?? 0 })),
      { trackId: null, nameFr: null, nameEn: null, n: byTrack.find((row) => row.trackId === null)?.n ?? 0 },
    ],
  };
}

/** One application of the edition, as the founder submitted it, with its founder, track and files. */
export function editionApplication(editionId: number, applicationId: number) {
  const row = getDb()
    .select({
      application: a,
      founderName: schema.users.name,
      founderEmail: schema.users.email,
      trackFr: schema.tracks.nameFr,
      trackEn: schema.tracks.nameEn,
    })
    .from(a)
    .innerJoin(schema.users, eq(schema.users.id, a.founderId))
    .leftJoin(schema.tracks, eq(schema.tracks.id, a.trackId))
    .where(and(eq(a.id, applicationId), eq(a.editionId, editionId)))
    .get();
  if (!row) return null;
  const files = filesByIds([row.application.deckFileId, row.application.logoFileId]);
  return {
    ...row,
    deck: fileSummary(files.find((file) => file.id === row.application.deckFileId)),
    logo: fileSummary(files.find((file) => file.id === row.application.logoFileId)),
  };
}

/** The application's audit trail, newest first. */
export function applicationHistory(editionId: number, applicationId: number) {
  return listAudit({ editionId, entityType: 'application', entityId: String(applicationId), limit: 500 });
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
    if (!(error instanceof UploadRefused)) throw error;
    const kind = asKind(error.field);
    switch (error.reason) {
      case 'tooLarge':
        return { ok: false, kind, status: 413, error: 'apply.files.errors.tooLarge', params: { max: kind ? FILE_RULES[kind].maxMegabytes : 0 } };
      case 'wrongType':
        return { ok: false, kind, status: 415, error: `apply.files.errors.wrongType.${kind ?? 'deck'}` };
      case 'empty':
        return { ok: false, kind, status: 400, error: 'apply.files.errors.empty' };
      default:
        return { ok: false, kind, status: 400, error: 'apply.files.errors.malformed' };
    }
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

// ─── Answers as people read them ────────────────────────────────────────────

/** An application's answers with names resolved in the page's language (country, track). */
export function answersData(
  application: Omit<ApplicationFields, 'deckFileId' | 'logoFileId'> | null,
  { lang, trackName, deck, logo }: { lang: Lang; trackName: { nameFr: string; nameEn: string } | null; deck: FileSummary | null; logo: FileSummary | null },
) {
  return {
    startupName: application?.startupName ?? '',
    countryName: countryName(application?.country, lang),
    website: application?.website ?? null,
    trackName: trackName ? (lang === 'fr' ? trackName.nameFr : trackName.nameEn) : null,
    oneLiner: application?.oneLiner ?? '',
    problem: application?.problem ?? '',
    solution: application?.solution ?? '',
    videoUrl: application?.videoUrl ?? null,
    impact: application?.impact ?? '',
    businessModel: application?.businessModel ?? '',
    traction: application?.traction ?? '',
    team: application?.team ?? '',
    consentToPublication: application?.consentToPublication ?? false,
    deck,
    logo,
  };
}
