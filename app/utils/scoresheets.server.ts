/**
 * A judge's own scoresheets: the list of their assigned applications, one scoresheet with its application,
 * and the save. Every query is scoped to the judge (ownership is in the query, never a check
 * after it); a judge never reads another judge's sheet nor any ranking here.
 *
 * A save is one IMMEDIATE transaction: guards again (the round may have been locked, a conflict
 * declared, an assignment removed since the page was read), the idempotency receipt, the revision
 * check, the sheet, its scores, the receipt and exactly one audit event. The rules themselves are
 * in app/domain/scoresheet.ts; docs/decisions/ explains the idempotency and revision design.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import {
  planSave,
  type RawScoresheet,
  type SaveRequest,
  type ScoresheetStatus,
  type ScoresheetSnapshot,
} from '~/domain/scoresheet';
import { answerColumns } from './applications.server';
import { isAssigned } from './assignments.server';
import { auditedTransaction, type DbOrTx } from './audit.server';
import { conflictedApplicationIds, isConflicted } from './conflicts.server';
import { getDb, schema } from './db.server';
import { editionCriteria, editionRounds } from './editions.server';
import { isAuthor, isClosedOnStage } from './integrity.server';
import { exists } from './query.server';
import { getRound, isRoundLocked } from './rounds.server';
import type { MessageKey } from '~/i18n';

/** The schema of a save's fixed part, for the action: through this server module, so that zod stays out of the judge's page. */
export { saveRequestSchema } from '~/domain/scoresheet-request';

const notFound = () => new Response('Not Found', { status: 404, statusText: 'Not Found' });
const forbidden = () => new Response('Forbidden', { status: 403, statusText: 'Forbidden' });

/** A positive integer from a URL segment, or a 404. */
export function parseId(param: string | undefined): number {
  if (!param || !/^[1-9]\d{0,9}$/.test(param)) throw notFound();
  return Number(param);
}

// ─── The judge's list ────────────────────────────────────────────────────────

export interface AssignedApplication {
  applicationId: number;
  startupName: string;
  oneLiner: string;
  trackFr: string | null;
  trackEn: string | null;
  status: ScoresheetStatus | null;
  scored: number;
  updatedAt: Date | null;
}

/**
 * The judge's rounds of an edition, each with the applications assigned to them: unsubmitted first
 * (drafts before untouched ones), then submitted, by name within each group. Applications the
 * judge is conflicted with are never listed, only counted.
 */
export function judgeRounds(judgeId: number, editionId: number) {
  const db = getDb();
  const conflicted = conflictedApplicationIds(judgeId, editionId);
  const criteriaCount = editionCriteria(editionId).length;
  const a = schema.applications;
  const asg = schema.assignments;
  const sh = schema.scoresheets;
  return editionRounds(editionId)
    .map((round) => {
      const rows = db
        .select({
          applicationId: a.id,
          startupName: a.startupName,
          oneLiner: a.oneLiner,
          trackFr: schema.tracks.nameFr,
          trackEn: schema.tracks.nameEn,
          status: sh.status,
          updatedAt: sh.updatedAt,
          scored: sql<number>`(select count(*) from ${schema.scores} where ${schema.scores.scoresheetId} = ${sh.id} and ${schema.scores.value} is not null)`,
        })
        .from(asg)
        .innerJoin(a, and(eq(a.id, asg.applicationId), eq(a.editionId, editionId)))
        .leftJoin(schema.tracks, eq(schema.tracks.id, a.trackId))
        .leftJoin(sh, and(eq(sh.roundId, asg.roundId), eq(sh.applicationId, asg.applicationId), eq(sh.judgeId, judgeId)))
        .where(and(eq(asg.roundId, round.id), eq(asg.judgeId, judgeId)))
        .all();
      const visible: AssignedApplication[] = rows
        .filter((row) => !conflicted.has(row.applicationId))
        .map((row) => ({ ...row, scored: row.status ? Number(row.scored) : 0 }))
        .sort(byNextToScore);
      return {
        id: round.id,
        kind: round.kind,
        nameFr: round.nameFr,
        nameEn: round.nameEn,
        locked: isScoringClosed(editionId, round.id),
        criteriaCount,
        applications: visible,
        submitted: visible.filter((p) => p.status === 'submitted').length,
        hiddenForConflicts: rows.length - visible.length,
      };
    })
    .filter((round) => round.applications.length > 0 || round.hiddenForConflicts > 0);
}

const ORDER: Record<string, number> = { draft: 0, none: 1, submitted: 2 };
function byNextToScore(x: AssignedApplication, y: AssignedApplication): number {
  return ORDER[x.status ?? 'none'] - ORDER[y.status ?? 'none'] || x.startupName.localeCompare(y.startupName) || x.applicationId - y.applicationId;
}

/** How many conflicts the judge declared in this edition (a number only, never names, on the judging page). */
export function conflictCount(judgeId: number, editionId: number): number {
  return conflictedApplicationIds(judgeId, editionId).size;
}

// ─── One scoresheet ──────────────────────────────────────────────────────────

/**
 * Who may open or score a sheet: a judge of the edition (checked by the route's requireJudgeOf),
 * not conflicted with the application (else 403), assigned to it in that round of that edition
 * (else 404, so nothing tells whether it exists). Returns the round and the application.
 */
export function requireScoresheetAccess(judgeId: number, editionId: number, roundParam: string | undefined, applicationParam: string | undefined) {
  const roundId = parseId(roundParam);
  const applicationId = parseId(applicationParam);
  const round = getRound(editionId, roundId);
  if (!round) throw notFound();
  if (isConflicted(judgeId, applicationId) || isAuthor(judgeId, applicationId)) throw forbidden();
  const application = assignedApplication(judgeId, editionId, roundId, applicationId);
  if (!application) throw notFound();
  const closedOnStage = isClosedOnStage(editionId, roundId, applicationId);
  return { round, application, locked: isScoringClosed(editionId, roundId) || closedOnStage, closedOnStage };
}

/**
 * No score may change once the round is locked, nor in an edition whose results are published
 * (they are frozen; its rounds are locked anyway, this holds even if one was not).
 */
export function isScoringClosed(editionId: number, roundId: number, db: DbOrTx = getDb()): boolean {
  if (isRoundLocked(roundId, db)) return true;
  const edition = db.select({ status: schema.editions.status }).from(schema.editions).where(eq(schema.editions.id, editionId)).get();
  return !edition || edition.status === 'published';
}

/** The application, only through the judge's own assignment to it in that round. */
function assignedApplication(judgeId: number, editionId: number, roundId: number, applicationId: number) {
  const a = schema.applications;
  const asg = schema.assignments;
  return (
    getDb()
      .select({
        id: a.id,
        startupName: a.startupName,
        country: a.country,
        website: a.website,
        ...answerColumns,
        deckFileId: a.deckFileId,
        trackFr: schema.tracks.nameFr,
        trackEn: schema.tracks.nameEn,
      })
      .from(a)
      .innerJoin(asg, and(eq(asg.applicationId, a.id), eq(asg.judgeId, judgeId), eq(asg.roundId, roundId)))
      .leftJoin(schema.tracks, eq(schema.tracks.id, a.trackId))
      .where(and(eq(a.id, applicationId), eq(a.editionId, editionId)))
      .get() ?? null
  );
}

/** The criteria of an edition as the scoresheet shows them (its fields but the edition and the position). */
export function scoringCriteria(editionId: number) {
  return editionCriteria(editionId).map(({ editionId: _, position: __, ...criterion }) => criterion);
}

export type StoredScoresheet = ScoresheetSnapshot & { id: number; updatedAt: Date; submittedAt: Date | null };

/** The judge's own sheet for an application in a round, or null before the first save. */
export function ownScoresheet(judgeId: number, roundId: number, applicationId: number, db: DbOrTx = getDb()): StoredScoresheet | null {
  const sh = schema.scoresheets;
  const sheet = db
    .select()
    .from(sh)
    .where(and(eq(sh.roundId, roundId), eq(sh.judgeId, judgeId), eq(sh.applicationId, applicationId)))
    .get();
  if (!sheet) return null;
  const rows = db.select().from(schema.scores).where(eq(schema.scores.scoresheetId, sheet.id)).all();
  const stored: StoredScoresheet = {
    id: sheet.id,
    status: sheet.status,
    revision: sheet.revision,
    overallComment: sheet.overallComment,
    sharedOverallComment: sheet.sharedOverallComment,
    values: {},
    comments: {},
    sharedComments: {},
    updatedAt: sheet.updatedAt,
    submittedAt: sheet.submittedAt,
  };
  for (const row of rows) {
    stored.values[row.criterionId] = row.value;
    stored.comments[row.criterionId] = row.comment;
    stored.sharedComments[row.criterionId] = row.sharedComment;
  }
  return stored;
}

// ─── The save ────────────────────────────────────────────────────────────────

/** The idempotency key the server writes into a form for a save without JavaScript. */
export function newSaveKey(): string {
  return randomUUID();
}

export type SaveOutcome =
  | { result: 'saved'; revision: number; status: ScoresheetStatus; savedAt: Date; replayed: boolean; changed: boolean }
  | { result: 'invalid'; fieldErrors: Record<string, MessageKey>; formError?: MessageKey }
  | { result: 'stale'; stored: ScoresheetSnapshot & { updatedAt: Date | null } }
  /** `onStage`: a final-round sheet while scoring is closed on stage for that startup. */
  | { result: 'locked'; onStage?: boolean }
  | { result: 'forbidden' }
  | { result: 'notFound' };

export interface SaveInput {
  judgeId: number;
  editionId: number;
  roundId: number;
  applicationId: number;
  request: SaveRequest;
  raw: RawScoresheet;
  /**
   * The organiser who types a judge's paper scoresheet on their behalf (paper.server.ts): the
   * audit log records them as the actor, the sheet stays the judge's. Paper sheets are entered
   * after the pitch, so the stage's "scoring closed" does not refuse them; a locked round does.
   */
  enteredBy?: number;
  now?: Date;
}

function snapshotOf(sheet: StoredScoresheet | null): ScoresheetSnapshot | null {
  if (!sheet) return null;
  const { status, revision, overallComment, values, comments, sharedOverallComment, sharedComments } = sheet;
  return { status, revision, overallComment, values, comments, sharedOverallComment, sharedComments };
}

/** What the audit log keeps of a sheet: its status, revision, comments and values by criterion. */
function auditSnapshot(sheet: ScoresheetSnapshot | null) {
  if (!sheet) return null;
  return {
    status: sheet.status,
    revision: sheet.revision,
    overallComment: sheet.overallComment,
    sharedOverallComment: sheet.sharedOverallComment,
    scores: Object.fromEntries(
      Object.keys(sheet.values).map((id) => [
        id,
        { value: sheet.values[Number(id)] ?? null, comment: sheet.comments[Number(id)] ?? '', sharedComment: sheet.sharedComments[Number(id)] ?? '' },
      ]),
    ),
  };
}

/**
 * Applies one save of the judge's own sheet. Nothing is written unless the answer is `saved` with
 * `changed`; a replayed key answers what the first save answered and writes nothing.
 */
export function saveScoresheet(input: SaveInput): SaveOutcome {
  const { judgeId, editionId, roundId, applicationId, request, raw } = input;
  const now = input.now ?? new Date();
  const criteria = editionCriteria(editionId);
  return auditedTransaction({ editionId, actorId: input.enteredBy ?? judgeId, now }, (tx, audit): SaveOutcome => {
    // The guards again, inside the transaction that writes: the page may be hours old.
    if (!getRound(editionId, roundId, tx)) return { result: 'notFound' };
    if (isConflicted(judgeId, applicationId, tx) || isAuthor(judgeId, applicationId, tx)) return { result: 'forbidden' };
    if (!isAssigned(judgeId, roundId, applicationId, tx) || !applicationOfEdition(tx, editionId, applicationId)) {
      return { result: 'notFound' };
    }

    const stored = ownScoresheet(judgeId, roundId, applicationId, tx);
    const receipt = tx
      .select()
      .from(schema.scoresheetSaves)
      .where(eq(schema.scoresheetSaves.idempotencyKey, request.idempotencyKey))
      .get();
    if (receipt) {
      // The same save again (a retry after a lost answer, a double tap): answer as the first time.
      if (!stored || receipt.scoresheetId !== stored.id) {
        return { result: 'invalid', fieldErrors: {}, formError: 'scoring.errors.badRequest' };
      }
      return { result: 'saved', revision: receipt.revision, status: stored.status, savedAt: receipt.createdAt, replayed: true, changed: false };
    }

    if (isScoringClosed(editionId, roundId, tx)) return { result: 'locked' };
    if (input.enteredBy === undefined && isClosedOnStage(editionId, roundId, applicationId, tx)) return { result: 'locked', onStage: true };

    const plan = planSave(criteria, snapshotOf(stored), request.revision, request.intent, raw);
    switch (plan.result) {
      case 'invalid':
        return { result: 'invalid', fieldErrors: plan.fieldErrors };
      case 'stale':
        return { result: 'stale', stored: { ...plan.stored, updatedAt: stored?.updatedAt ?? null } };
      case 'unchanged':
        tx.insert(schema.scoresheetSaves)
          .values({ idempotencyKey: request.idempotencyKey, scoresheetId: stored!.id, revision: stored!.revision, createdAt: now })
          .run();
        return { result: 'saved', revision: stored!.revision, status: stored!.status, savedAt: now, replayed: false, changed: false };
      case 'write': {
        const { after } = plan;
        const sh = schema.scoresheets;
        let sheetId: number;
        if (!stored) {
          sheetId = tx
            .insert(sh)
            .values({
              roundId,
              judgeId,
              applicationId,
              status: after.status,
              overallComment: after.overallComment,
              sharedOverallComment: after.sharedOverallComment,
              revision: after.revision,
              submittedAt: after.status === 'submitted' ? now : null,
              createdAt: now,
              updatedAt: now,
            })
            .returning({ id: sh.id })
            .get().id;
        } else {
          sheetId = stored.id;
          const updated = tx
            .update(sh)
            .set({
              status: after.status,
              overallComment: after.overallComment,
              sharedOverallComment: after.sharedOverallComment,
              revision: after.revision,
              submittedAt: stored.submittedAt ?? (after.status === 'submitted' ? now : null),
              updatedAt: now,
            })
            // Optimistic concurrency held by the query itself.
            .where(and(eq(sh.id, stored.id), eq(sh.revision, stored.revision)))
            .run();
          if (updated.changes !== 1) throw new Error(`scoresheet ${stored.id} changed during its own save`);
        }
        for (const c of criteria) {
          const value = after.values[c.id] ?? null;
          const comment = after.comments[c.id] ?? '';
          const sharedComment = after.sharedComments[c.id] ?? '';
          tx.insert(schema.scores)
            .values({ scoresheetId: sheetId, criterionId: c.id, value, comment, sharedComment })
            .onConflictDoUpdate({ target: [schema.scores.scoresheetId, schema.scores.criterionId], set: { value, comment, sharedComment } })
            .run();
        }
        tx.insert(schema.scoresheetSaves)
          .values({ idempotencyKey: request.idempotencyKey, scoresheetId: sheetId, revision: after.revision, createdAt: now })
          .run();
        audit({
          action: plan.action,
          entityType: 'scoresheet',
          entityId: sheetId,
          before: plan.before ? { roundId, applicationId, ...auditSnapshot(plan.before) } : null,
          after: { roundId, applicationId, ...auditSnapshot(after), ...(input.enteredBy === undefined ? {} : { enteredOnPaperFor: judgeId }) },
        });
        return { result: 'saved', revision: after.revision, status: after.status, savedAt: now, replayed: false, changed: true };
      }
    }
  });
}

function applicationOfEdition(db: DbOrTx, editionId: number, applicationId: number): boolean {
  const a = schema.applications;
  return exists(db, a, and(eq(a.id, applicationId), eq(a.editionId, editionId)));
}
