/**
 * Conflicts of interest. A conflicted judge is never assigned to, can never open
 * or score, and never sees the scores of that application: every judging query
 * and action asks here.
 */
import { FORBIDDEN_CHARACTER_MESSAGE, hasForbiddenCharacters } from '~/domain/text';
import { alias } from 'drizzle-orm/sqlite-core';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { DECLARABLE_STATUSES } from '~/domain/statuses';
import { Refusal } from '~/domain/refusal';
import { auditedTransaction, type DbOrTx } from './audit.server';
import { getDb, schema } from './db.server';
import { refuseIfFinalSealed } from './integrity.server';
import { isEditionJudge } from './invitations.server';
import { exists } from './query.server';
import { deleteScoresheets } from './rounds.server';
import { assertNotFrozen } from './editions.server';

export function isConflicted(judgeId: number, applicationId: number, db: DbOrTx = getDb()): boolean {
  return exists(db, schema.conflicts, and(eq(schema.conflicts.judgeId, judgeId), eq(schema.conflicts.applicationId, applicationId)));
}

/** The applications of an edition a judge is conflicted with. */
export function conflictedApplicationIds(judgeId: number, editionId: number, db: DbOrTx = getDb()): Set<number> {
  const rows = db
    .select({ applicationId: schema.conflicts.applicationId })
    .from(schema.conflicts)
    .innerJoin(schema.applications, eq(schema.applications.id, schema.conflicts.applicationId))
    .where(and(eq(schema.conflicts.judgeId, judgeId), eq(schema.applications.editionId, editionId)))
    .all();
  return new Set(rows.map((r) => r.applicationId));
}

// ─── Declaring and removing conflicts ───────────────────────────────────────

export interface ConflictDeclaration {
  editionId: number;
  judgeId: number;
  applicationId: number;
  reason: string;
  /** The judge themself, or the organiser who records it on their behalf. */
  declaredBy: number;
  now?: Date;
}

/**
 * Records a conflict and, in the same transaction, takes the judge off that application in
 * every round that is not locked: the assignments go, and any scoresheet there is deleted
 * and kept only in the audit event (docs/decisions/006-conflicts-after-scoring.md).
 * Locked rounds keep theirs; the ranking never counts a conflicted judge's sheet.
 */
export function declareConflict({ editionId, judgeId, applicationId, reason, declaredBy, now = new Date() }: ConflictDeclaration) {
  const why = reason.trim();
  if (!why) throw new Refusal(400, 'judging.errors.reason.required', {}, 'reason');
  if (hasForbiddenCharacters(why)) throw new Refusal(400, FORBIDDEN_CHARACTER_MESSAGE, {}, 'reason');
  return auditedTransaction({ editionId, actorId: declaredBy, now }, (tx, audit) => {
    assertNotFrozen(editionId, tx);
    refuseIfFinalSealed(editionId, tx);
    if (!isEditionJudge(editionId, judgeId, tx)) throw new Refusal(404, 'judging.errors.judge.notFound', {}, 'judgeId');
    const application = tx
      .select({ id: schema.applications.id })
      .from(schema.applications)
      .where(
        and(
          eq(schema.applications.id, applicationId),
          eq(schema.applications.editionId, editionId),
          inArray(schema.applications.status, [...DECLARABLE_STATUSES]),
        ),
      )
      .get();
    if (!application) throw new Refusal(404, 'judging.errors.application.notFound', {}, 'applicationId');
    if (isConflicted(judgeId, applicationId, tx)) throw new Refusal(409, 'conflicts.errors.alreadyDeclared', {}, 'applicationId');

    const conflict = tx
      .insert(schema.conflicts)
      .values({ judgeId, applicationId, reason: why, declaredBy, createdAt: now })
      .returning()
      .get();

    const openRounds = tx
      .select({ id: schema.rounds.id })
      .from(schema.rounds)
      .where(and(eq(schema.rounds.editionId, editionId), eq(schema.rounds.state, 'open')))
      .all()
      .map((r) => r.id);
    const a = schema.assignments;
    const removedAssignments =
      openRounds.length === 0
        ? []
        : tx
            .delete(a)
            .where(and(inArray(a.roundId, openRounds), eq(a.judgeId, judgeId), eq(a.applicationId, applicationId)))
            .returning({ id: a.id, roundId: a.roundId })
            .all();
    const removedScoresheets = openRounds.flatMap((roundId) => deleteScoresheets(tx, roundId, judgeId, applicationId));

    audit({
      action: 'conflict.declare',
      entityType: 'conflict',
      entityId: conflict.id,
      before:
        removedAssignments.length + removedScoresheets.length > 0
          ? { assignments: removedAssignments, scoresheets: removedScoresheets }
          : null,
      after: { judgeId, applicationId, reason: why, declaredBy },
      reason: why,
    });
    return { conflict, removedAssignments: removedAssignments.length, removedScoresheets: removedScoresheets.length };
  });
}

/** An organiser removes a conflict, with a written reason. The judge becomes assignable again (nothing is restored). */
export function removeConflict({
  editionId,
  conflictId,
  reason,
  actorId,
  now = new Date(),
}: {
  editionId: number;
  conflictId: number;
  reason: string;
  actorId: number;
  now?: Date;
}) {
  const why = reason.trim();
  if (!why) throw new Refusal(400, 'judging.errors.reason.required', {}, 'reason');
  if (hasForbiddenCharacters(why)) throw new Refusal(400, FORBIDDEN_CHARACTER_MESSAGE, {}, 'reason');
  return auditedTransaction({ editionId, actorId, now }, (tx, audit) => {
    assertNotFrozen(editionId, tx);
    refuseIfFinalSealed(editionId, tx);
    const c = schema.conflicts;
    const conflict = tx
      .select({ id: c.id, judgeId: c.judgeId, applicationId: c.applicationId, reason: c.reason, declaredBy: c.declaredBy })
      .from(c)
      .innerJoin(schema.applications, eq(schema.applications.id, c.applicationId))
      .where(and(eq(c.id, conflictId), eq(schema.applications.editionId, editionId)))
      .get();
    if (!conflict) throw new Refusal(404, 'conflicts.errors.notFound');
    tx.delete(c).where(eq(c.id, conflict.id)).run();
    audit({
      action: 'conflict.remove',
      entityType: 'conflict',
      entityId: conflict.id,
      before: { judgeId: conflict.judgeId, applicationId: conflict.applicationId, reason: conflict.reason, declaredBy: conflict.declaredBy },
      after: null,
      reason: why,
    });
  });
}

// ─── Reading ────────────────────────────────────────────────────────────────

/** The edition's conflict register (one judge's with `judgeId`): who, which startup, why, declared by whom. */
export function conflictRegister(editionId: number, { judgeId, db = getDb() }: { judgeId?: number; db?: DbOrTx } = {}) {
  const c = schema.conflicts;
  const judge = alias(schema.users, 'judge');
  const declarer = alias(schema.users, 'declarer');
  return db
    .select({
      id: c.id,
      judgeId: c.judgeId,
      judgeName: judge.name,
      judgeEmail: judge.email,
      applicationId: c.applicationId,
      startupName: schema.applications.startupName,
      reason: c.reason,
      declaredById: c.declaredBy,
      declaredByName: declarer.name,
      createdAt: c.createdAt,
    })
    .from(c)
    .innerJoin(schema.applications, eq(schema.applications.id, c.applicationId))
    .innerJoin(judge, eq(judge.id, c.judgeId))
    .leftJoin(declarer, eq(declarer.id, c.declaredBy))
    .where(and(eq(schema.applications.editionId, editionId), judgeId === undefined ? undefined : eq(c.judgeId, judgeId)))
    .orderBy(asc(schema.applications.startupName), asc(judge.name))
    .all();
}

/** The applications of an edition a judge may declare a conflict with (submitted and not withdrawn). */
export function declarableApplications(editionId: number) {
  const a = schema.applications;
  return getDb()
    .select({ id: a.id, startupName: a.startupName, oneLiner: a.oneLiner, country: a.country })
    .from(a)
    .where(and(eq(a.editionId, editionId), inArray(a.status, [...DECLARABLE_STATUSES])))
    .orderBy(asc(a.startupName), asc(a.id))
    .all();
}

/** What a judge sees on their conflicts page: their conflicts, and where a declaration would delete a sheet. */
export function judgeConflictView(judgeId: number, editionId: number) {
  const db = getDb();
  const declared = conflictRegister(editionId, { judgeId, db }).map(
    ({ judgeId: _, judgeName: __, judgeEmail: ___, declaredById, declaredByName, ...conflict }) => ({
      ...conflict,
      /** Null when the judge declared it; else who recorded it for them. */
      recordedBy: declaredById === judgeId ? null : (declaredByName ?? ''),
    }),
  );
  const s = schema.scoresheets;
  const r = schema.rounds;
  const withSheet = db
    .select({ applicationId: s.applicationId })
    .from(s)
    .innerJoin(r, eq(r.id, s.roundId))
    .where(and(eq(s.judgeId, judgeId), eq(r.editionId, editionId), eq(r.state, 'open')))
    .all()
    .map((row) => row.applicationId);
  return { declared, withSheet: [...new Set(withSheet)] };
}
