/**
 * The integrity rules of a competition, each a small named check that the service which makes
 * the change calls in its own transaction (issue 11):
 * - a founder never judges their own application (an automatic author conflict, decision 024);
 * - nothing changes the counted sheets of a sealed final (decision 025);
 * - the final round is scored only while scoring is open on stage for that startup.
 * Every check takes the transaction it runs in, so the rule holds at the moment of the write.
 */
import { and, eq } from 'drizzle-orm';
import { Refusal } from '~/domain/refusal';
import { auditedTransaction, type DbOrTx } from './audit.server';
import { getDb, schema } from './db.server';
import { exists } from './query.server';

// ─── The seal ───────────────────────────────────────────────────────────────

/** Whether the edition's final round is sealed (its hash is recorded). */
function finalSealed(editionId: number, db: DbOrTx): boolean {
  const final = db
    .select({ sealHash: schema.rounds.sealHash })
    .from(schema.rounds)
    .where(and(eq(schema.rounds.editionId, editionId), eq(schema.rounds.kind, 'final')))
    .get();
  return Boolean(final?.sealHash);
}

/**
 * Refuses (409, `results.errors.sealed`) a change that would alter which sheets a sealed final
 * round counts — a finalist's withdrawal, a conflict declared or removed — so that publication,
 * which checks the seal again, can never be blocked for good (decision 025).
 */
export function refuseIfFinalSealed(editionId: number, db: DbOrTx = getDb()): void {
  if (finalSealed(editionId, db)) throw new Refusal(409, 'results.errors.sealed');
}

/** The statuses a final round counts: a change to one of them after the seal changes the sealed sheets. */
const COUNTED_IN_FINAL: readonly string[] = ['finalist', 'winner'];

/**
 * Whether a status change of this application would change what the sealed final round counts
 * (a finalist's withdrawal): the service refuses it with `results.errors.sealed`.
 */
export function changesSealedFinal(editionId: number, status: string, db: DbOrTx = getDb()): boolean {
  return COUNTED_IN_FINAL.includes(status) && finalSealed(editionId, db);
}

// ─── Stage scoring ──────────────────────────────────────────────────────────

/**
 * Whether the final round's sheet of an application is closed by the stage: a final-round sheet
 * may change only while the stage control has scoring open for that very startup. "Close scoring"
 * is the rule, not advice.
 */
export function isClosedOnStage(editionId: number, roundId: number, applicationId: number, db: DbOrTx = getDb()): boolean {
  const round = db
    .select({ kind: schema.rounds.kind })
    .from(schema.rounds)
    .where(and(eq(schema.rounds.id, roundId), eq(schema.rounds.editionId, editionId)))
    .get();
  if (round?.kind !== 'final') return false;
  const stage = db
    .select({ scoringOpen: schema.stageStates.scoringOpen, current: schema.stageStates.currentApplicationId })
    .from(schema.stageStates)
    .where(eq(schema.stageStates.editionId, editionId))
    .get();
  return !stage || !stage.scoringOpen || stage.current !== applicationId;
}

// ─── Author conflicts ───────────────────────────────────────────────────────

/** The reason stored on an automatic conflict between a judge and their own application. */
export const AUTHOR_CONFLICT_REASON = 'author';

/**
 * Records the conflict between a judge of an edition and the application they have just created
 * in it, inside the transaction that creates it, so that no assignment nor scoresheet can ever
 * pair them (decision 024). Nothing when the founder does not judge the edition. The other order,
 * a founder invited to judge an edition they applied to, is refused by the invitation.
 */
export function recordAuthorConflict(
  tx: DbOrTx,
  { editionId, founderId, applicationId, now = new Date() }: { editionId: number; founderId: number; applicationId: number; now?: Date },
): void {
  const judges = tx
    .select({ id: schema.editionJudges.userId })
    .from(schema.editionJudges)
    .where(and(eq(schema.editionJudges.editionId, editionId), eq(schema.editionJudges.userId, founderId)))
    .get();
  if (!judges) return;
  auditedTransaction({ editionId, actorId: null, now }, (savepoint, audit) => {
    const c = schema.conflicts;
    const conflict = savepoint
      .insert(c)
      .values({ judgeId: founderId, applicationId, reason: AUTHOR_CONFLICT_REASON, declaredBy: null, createdAt: now })
      .onConflictDoNothing()
      .returning({ id: c.id })
      .get();
    if (!conflict) return;
    audit({
      action: 'conflict.declare',
      entityType: 'conflict',
      entityId: conflict.id,
      after: { judgeId: founderId, applicationId, reason: AUTHOR_CONFLICT_REASON, declaredBy: null },
      reason: AUTHOR_CONFLICT_REASON,
    });
  }, tx);
}

/** Whether the judge is the founder of the application: they may never score it, whatever the tables say. */
export function isAuthor(judgeId: number, applicationId: number, db: DbOrTx = getDb()): boolean {
  const a = schema.applications;
  return exists(db, a, and(eq(a.id, applicationId), eq(a.founderId, judgeId)));
}
