/**
 * The founder's application: reading it, saving a section, submitting, withdrawing, and its
 * answers as people read them. Ownership is part of the query (`founder_id = ?` in the WHERE
 * clause of every founder read and write), never a check after it. Files of an application are in
 * application-files.server.ts, the organisers' list in application-list.server.ts.
 *
 * Every function that depends on the time takes `now` (default: the real clock), so the
 * deadline can be tested to the second.
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { startupOfNewApplication } from './showcase.server';
import {
  applicationWindow,
  canWithdraw,
  changedFields,
  countryName,
  formValuesOf,
  isEditableStatus,
  SECTION_FIELDS,
  sectionStates,
  submissionProblems,
  validateSection,
  type ApplicationFields,
  type ApplicationWindow,
  type FieldErrors,
  type FormField,
  type FormSectionId,
  type SectionId,
  type SectionValues,
} from '~/domain/application';
import type { Lang, MessageKey } from '~/i18n';
import { auditedTransaction, statusChange, type AuditEvent, type DbOrTx } from './audit.server';
import { getDb, schema } from './db.server';
import { changesSealedFinal, recordAuthorConflict } from './integrity.server';
import { editionTracks, type Edition } from './editions.server';
import { fileSummary, filesByIds, type FileSummary } from './files.server';
import { enqueueApplicationReceipt } from './mail-messages.server';
import type { MailContext } from './mail.server';

export type { Edition };
export type ApplicationRow = typeof schema.applications.$inferSelect;

const a = schema.applications;
const e = schema.editions;

/** The columns of an application's written answers (`WrittenAnswers`), for every read that shows them. */
export const answerColumns = {
  oneLiner: a.oneLiner,
  problem: a.problem,
  solution: a.solution,
  impact: a.impact,
  businessModel: a.businessModel,
  traction: a.traction,
  team: a.team,
  videoUrl: a.videoUrl,
};

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
      editionNameFr: e.nameFr,
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
      nameFr: e.nameFr,
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
      nameFr: edition.nameFr,
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

export function writeRefusal(edition: Edition, application: ApplicationRow | null, now: Date): WriteRefusal | null {
  const window: ApplicationWindow = applicationWindow(edition, now);
  if (window !== 'open') return window;
  if (application && !isEditableStatus(application.status)) return 'readOnly';
  return null;
}

/** What a founder's write to their application works with, inside its transaction. */
export interface FounderWrite {
  tx: DbOrTx;
  audit: (event: AuditEvent) => void;
  /** The application as it stands (null before the first save). */
  current: ApplicationRow | null;
}

/**
 * A founder's write to their application of the edition: one audited transaction that answers the
 * write refusal (outside the application window, or once the application is no longer editable)
 * before `fn` runs.
 */
export function founderWrite<T>(
  { founderId, edition, now }: { founderId: number; edition: Edition; now: Date },
  fn: (write: FounderWrite) => T,
): T | { ok: false; reason: WriteRefusal } {
  return auditedTransaction<T | { ok: false; reason: WriteRefusal }>({ editionId: edition.id, actorId: founderId, now }, (tx, audit) => {
    const current = founderApplication(edition.id, founderId, tx);
    const refusal = writeRefusal(edition, current, now);
    if (refusal) return { ok: false, reason: refusal };
    return fn({ tx, audit, current });
  });
}

/** Inserts the founder's application on first save; the unique index makes a concurrent second insert a no-op. */
export function createApplication(tx: DbOrTx, edition: Edition, founderId: number, now: Date, values: Partial<ApplicationRow>) {
  const created =
    tx
      .insert(a)
      .values({ editionId: edition.id, founderId, status: 'draft', createdAt: now, updatedAt: now, revision: 1, ...values, startupId: startupOfNewApplication(tx, founderId, now) })
      .onConflictDoNothing()
      .returning()
      .get() ?? null;
  if (created) recordAuthorConflict(tx, { editionId: edition.id, founderId, applicationId: created.id, now });
  return created;
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
  return founderWrite({ founderId, edition, now }, ({ tx, audit, current }): SaveOutcome => {
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
      audit({
        action: 'application.update',
        entityType: 'application',
        entityId: current.id,
        before,
        after,
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
  mail,
}: {
  founderId: number;
  edition: Edition;
  revision: number;
  now?: Date;
  /** Sends the founder's receipt (in this transaction) when given; the demo seed submits without. */
  mail?: MailContext;
}): SubmitOutcome {
  const trackIds = editionTracks(edition.id).map((t) => t.id);
  return founderWrite({ founderId, edition, now }, ({ tx, audit, current }): SubmitOutcome => {
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
    audit(statusChange('application', current.id, { from: 'draft', to: 'submitted' }));
    if (mail) enqueueApplicationReceipt(tx, current.id, mail, now);
    return { ok: true };
  });
}

export type WithdrawOutcome = { ok: true } | { ok: false; reason: 'notStarted' | 'notWithdrawable' | 'sealed' };

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
  return auditedTransaction({ editionId: edition.id, actorId: founderId, now }, (tx, audit): WithdrawOutcome => {
    const current = founderApplication(edition.id, founderId, tx);
    if (!current) return { ok: false, reason: 'notStarted' };
    if (!canWithdraw(current.status, edition.status)) return { ok: false, reason: 'notWithdrawable' };
    if (changesSealedFinal(edition.id, current.status, tx)) return { ok: false, reason: 'sealed' };
    tx.update(a)
      .set({ status: 'withdrawn', withdrawnAt: now, revision: current.revision + 1, updatedAt: now })
      .where(and(eq(a.id, current.id), eq(a.founderId, founderId)))
      .run();
    const why = reason?.trim() ? reason.trim().slice(0, 500) : null;
    audit(statusChange('application', current.id, { from: current.status, to: 'withdrawn', reason: why }));
    return { ok: true };
  });
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

/** The awards each of these applications won (published editions only have any), with the track's names. */
export function awardsOfApplications(applicationIds: number[]) {
  if (applicationIds.length === 0) return [];
  const w = schema.awards;
  return getDb()
    .select({ applicationId: w.applicationId, kind: w.kind, place: w.place, trackEn: schema.tracks.nameEn, trackFr: schema.tracks.nameFr })
    .from(w)
    .leftJoin(schema.tracks, eq(schema.tracks.id, w.trackId))
    .where(inArray(w.applicationId, applicationIds))
    .orderBy(w.kind, w.place)
    .all();
}
