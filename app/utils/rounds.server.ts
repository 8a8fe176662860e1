/**
 * Rounds: reading them (always within their edition), the "scoring has started" rule
 * that freezes criteria, and locking. A locked round freezes its scoresheets and its
 * assignments; unlocking it needs a written reason. Both are audited.
 */
import { invariantResponse } from '@epic-web/invariant';
import { and, asc, count, eq, sql } from 'drizzle-orm';
import { Refusal } from '~/domain/refusal';
import { FORBIDDEN_CHARACTER_MESSAGE, hasForbiddenCharacters } from '~/domain/text';
import { auditedTransaction, type DbOrTx } from './audit.server';
import { getDb, schema } from './db.server';
import { assertNotFrozen, type Round } from './editions.server';
import { countOf } from './query.server';

export type { Round };

/** A round of this edition, or null (a round of another edition is not found). */
export function getRound(editionId: number, roundId: number, db: DbOrTx = getDb()): Round | null {
  return (
    db
      .select()
      .from(schema.rounds)
      .where(and(eq(schema.rounds.id, roundId), eq(schema.rounds.editionId, editionId)))
      .get() ?? null
  );
}

/** The round of a URL (its id), within its edition; a 404 otherwise (a round of another edition too). */
export function requireRound(editionId: number, roundId: string | number | undefined, db: DbOrTx = getDb()): Round {
  const id = typeof roundId === 'number' ? roundId : roundId && /^\d{1,9}$/.test(roundId) ? Number(roundId) : null;
  const round = id === null ? null : getRound(editionId, id, db);
  invariantResponse(round, 'Not Found', { status: 404 });
  return round;
}

/** Whether the round is locked (an unknown round counts as locked: nothing may change in it). */
export function isRoundLocked(roundId: number, db: DbOrTx = getDb()): boolean {
  const row = db.select({ state: schema.rounds.state }).from(schema.rounds).where(eq(schema.rounds.id, roundId)).get();
  return !row || row.state === 'locked';
}

/** Whether any scoresheet of the edition, in any round, has been submitted: from then on criteria are fixed. */
export function editionHasSubmittedSheet(editionId: number, db: DbOrTx = getDb()): boolean {
  const sh = schema.scoresheets;
  const r = schema.rounds;
  return Boolean(
    db
      .select({ one: sql<number>`1` })
      .from(sh)
      .innerJoin(r, eq(r.id, sh.roundId))
      .where(and(eq(r.editionId, editionId), eq(sh.status, 'submitted')))
      .limit(1)
      .get(),
  );
}

/** When the first scoresheet of the edition was submitted (for saying since when criteria are fixed). */
export function firstSubmissionAt(editionId: number, db: DbOrTx = getDb()): Date | null {
  const sh = schema.scoresheets;
  const r = schema.rounds;
  const row = db
    .select({ at: sql<number | null>`min(${sh.submittedAt})` })
    .from(sh)
    .innerJoin(r, eq(r.id, sh.roundId))
    .where(and(eq(r.editionId, editionId), eq(sh.status, 'submitted')))
    .get();
  return row?.at ? new Date(row.at) : null;
}

interface RoundChange {
  editionId: number;
  roundId: number;
  actorId: number;
  now?: Date;
}

/** The round, or a 404 refusal; inside the caller's transaction. */
export function roundOrRefuse(tx: DbOrTx, editionId: number, roundId: number): Round {
  const round = getRound(editionId, roundId, tx);
  if (!round) throw new Refusal(404, 'judging.errors.round.notFound');
  return round;
}

/** Refuses any change to a locked round (assignments, settings). */
export function refuseIfLocked(round: Round): void {
  if (round.state === 'locked') throw new Refusal(409, 'judging.errors.round.locked');
}

/**
 * What locking the round now would leave out: assignments whose judge never started a
 * scoresheet, and scoresheets still in draft (neither counts in the ranking).
 */
export function lockShortfall(roundId: number, db: DbOrTx = getDb()): { missing: number; drafts: number } {
  const asg = schema.assignments;
  const sh = schema.scoresheets;
  const missing =
    db
      .select({ n: count() })
      .from(asg)
      .leftJoin(sh, and(eq(sh.roundId, asg.roundId), eq(sh.judgeId, asg.judgeId), eq(sh.applicationId, asg.applicationId)))
      .where(and(eq(asg.roundId, roundId), sql`${sh.id} is null`))
      .get()?.n ?? 0;
  const drafts = countOf(db, sh, and(eq(sh.roundId, roundId), eq(sh.status, 'draft')));
  return { missing, drafts };
}

/**
 * Locks the round at `lockedAt`, or reopens it (null): the row after, and the audit event's entity
 * with the round's state and lock time before and after.
 */
function writeLock(tx: DbOrTx, round: Round, lockedAt: Date | null) {
  const after = tx
    .update(schema.rounds)
    .set({ state: lockedAt ? 'locked' : 'open', lockedAt })
    .where(eq(schema.rounds.id, round.id))
    .returning()
    .get();
  const change = {
    entityType: 'round',
    entityId: round.id,
    before: { state: round.state, lockedAt: round.lockedAt },
    after: { state: after.state, lockedAt: after.lockedAt },
  };
  return { after, change };
}

/**
 * Locks the round. With scoresheets missing or in draft, the organiser must have seen the counts
 * and confirmed (`confirmIncomplete`): they will not count.
 */
export function lockRound({ editionId, roundId, actorId, now = new Date(), confirmIncomplete = false }: RoundChange & { confirmIncomplete?: boolean }): Round {
  return auditedTransaction({ editionId, actorId, now }, (tx, audit) => {
    assertNotFrozen(editionId, tx);
    const round = roundOrRefuse(tx, editionId, roundId);
    if (round.state === 'locked') throw new Refusal(409, 'setup.errors.round.alreadyLocked');
    const shortfall = lockShortfall(round.id, tx);
    if (!confirmIncomplete && shortfall.missing + shortfall.drafts > 0) throw new Refusal(409, 'editions.lock.errors.confirm', shortfall);
    const { after, change } = writeLock(tx, round, now);
    audit({ action: 'round.lock', ...change, after: { ...change.after, ...(shortfall.missing + shortfall.drafts > 0 ? shortfall : {}) } });
    return after;
  });
}

export function unlockRound({ editionId, roundId, actorId, reason, now = new Date() }: RoundChange & { reason: string }): Round {
  const why = reason.trim();
  if (!why) throw new Refusal(400, 'judging.errors.reason.required', {}, 'reason');
  if (hasForbiddenCharacters(why)) throw new Refusal(400, FORBIDDEN_CHARACTER_MESSAGE, {}, 'reason');
  return auditedTransaction({ editionId, actorId, now }, (tx, audit) => {
    assertNotFrozen(editionId, tx);
    const round = roundOrRefuse(tx, editionId, roundId);
    if (round.state !== 'locked') throw new Refusal(409, 'setup.errors.round.notLocked');
    // A sealed round's ranking has been published as final: reopening it would change history.
    if (round.sealHash) throw new Refusal(409, 'setup.errors.round.sealed');
    const { after, change } = writeLock(tx, round, null);
    audit({ action: 'round.unlock', ...change, reason: why });
    return after;
  });
}

// ─── Scoresheets removed with an assignment or by a conflict (kept in the audit log) ───

/** A scoresheet with its scores, as the audit log keeps it when the sheet is deleted. */
export function scoresheetSnapshot(db: DbOrTx, scoresheetId: number) {
  const sheet = db.select().from(schema.scoresheets).where(eq(schema.scoresheets.id, scoresheetId)).get();
  if (!sheet) return null;
  const scores = db
    .select({ criterionId: schema.scores.criterionId, value: schema.scores.value, comment: schema.scores.comment, sharedComment: schema.scores.sharedComment })
    .from(schema.scores)
    .where(eq(schema.scores.scoresheetId, scoresheetId))
    .orderBy(asc(schema.scores.criterionId))
    .all();
  return { ...sheet, scores };
}

/** Deletes the judge's scoresheets on these applications in this round; returns what they held. */
export function deleteScoresheets(db: DbOrTx, roundId: number, judgeId: number, applicationId: number) {
  const s = schema.scoresheets;
  const where = and(eq(s.roundId, roundId), eq(s.judgeId, judgeId), eq(s.applicationId, applicationId));
  const ids = db.select({ id: s.id }).from(s).where(where).all();
  const snapshots = ids.map((r) => scoresheetSnapshot(db, r.id)!);
  if (ids.length > 0) db.delete(s).where(where).run();
  return snapshots;
}

