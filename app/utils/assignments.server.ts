/**
 * Assignments (judge × application × round). Every change happens in one transaction with
 * its one audit event, and refuses what the rules forbid whatever the UI showed: a locked
 * round, a published edition, a conflicted pair, an application the round does not judge.
 *
 * Audit: automatic assignment writes ONE event (`assignment.auto`, on the round) whose
 * `before` and `after` hold the full lists of pairs and the summary (seed, k, loads,
 * overlap, warnings); manual changes write `assignment.add` / `assignment.remove`.
 */
import { randomInt } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import {
  assignEveryJudge,
  assignJudges,
  describeAssignments,
  type AssignmentFailure,
  type AssignmentPair,
  type AssignmentQuality,
  type AssignmentWarning,
  type JudgeLoad,
} from '~/domain/assignment';
import { ELIGIBLE_STATUSES } from '~/domain/statuses';
import { Refusal } from '~/domain/refusal';
import { auditedTransaction, type DbOrTx } from './audit.server';
import { getDb, schema } from './db.server';
import { isConflicted } from './conflicts.server';
import { isEditionJudge } from './invitations.server';
import { countOf, exists } from './query.server';
import { deleteScoresheets, refuseIfLocked, roundOrRefuse, type Round } from './rounds.server';
import { assertNotFrozen } from './editions.server';

// ─── Reading ────────────────────────────────────────────────────────────────

/** The applications a judge is assigned to in a round, by application id. */
export function assignmentsOfJudge(judgeId: number, roundId: number, db: DbOrTx = getDb()): { applicationId: number }[] {
  return db
    .select({ applicationId: schema.assignments.applicationId })
    .from(schema.assignments)
    .where(and(eq(schema.assignments.judgeId, judgeId), eq(schema.assignments.roundId, roundId)))
    .orderBy(asc(schema.assignments.applicationId))
    .all();
}

export function isAssigned(judgeId: number, roundId: number, applicationId: number, db: DbOrTx = getDb()): boolean {
  const asg = schema.assignments;
  return exists(db, asg, and(eq(asg.judgeId, judgeId), eq(asg.roundId, roundId), eq(asg.applicationId, applicationId)));
}

/** The applications a round judges: screening the submitted/shortlisted ones, the final its finalists. */
export function eligibleApplications(editionId: number, kind: Round['kind'], db: DbOrTx = getDb()) {
  const a = schema.applications;
  return db
    .select({ id: a.id, startupName: a.startupName, country: a.country, status: a.status })
    .from(a)
    .where(and(eq(a.editionId, editionId), inArray(a.status, [...ELIGIBLE_STATUSES[kind]])))
    .orderBy(asc(a.startupName), asc(a.id))
    .all();
}

function pairsOfRound(db: DbOrTx, roundId: number): AssignmentPair[] {
  return db
    .select({ judgeId: schema.assignments.judgeId, applicationId: schema.assignments.applicationId })
    .from(schema.assignments)
    .where(eq(schema.assignments.roundId, roundId))
    .orderBy(asc(schema.assignments.applicationId), asc(schema.assignments.judgeId))
    .all();
}

/** Conflicts between the edition's judges and its applications, as pairs. */
export function conflictPairs(editionId: number, db: DbOrTx = getDb()): AssignmentPair[] {
  const c = schema.conflicts;
  return db
    .select({ judgeId: c.judgeId, applicationId: c.applicationId })
    .from(c)
    .innerJoin(schema.applications, eq(schema.applications.id, c.applicationId))
    .where(eq(schema.applications.editionId, editionId))
    .all();
}

function judgeIdsOf(db: DbOrTx, editionId: number): number[] {
  return db
    .select({ userId: schema.editionJudges.userId })
    .from(schema.editionJudges)
    .where(eq(schema.editionJudges.editionId, editionId))
    .orderBy(asc(schema.editionJudges.userId))
    .all()
    .map((r) => r.userId);
}

/** What the assignments page shows for one round: who is on which panel and which sheets exist. */
export function roundBoard(editionId: number, round: Round) {
  const db = getDb();
  const s = schema.scoresheets;
  const sheets = db
    .select({ judgeId: s.judgeId, applicationId: s.applicationId, status: s.status })
    .from(s)
    .where(eq(s.roundId, round.id))
    .all();
  const sheetOf = new Map(sheets.map((sh) => [`${sh.judgeId}:${sh.applicationId}`, sh.status]));
  return {
    applications: eligibleApplications(editionId, round.kind, db),
    pairs: pairsOfRound(db, round.id).map((p) => ({ ...p, sheet: sheetOf.get(`${p.judgeId}:${p.applicationId}`) ?? null })),
    conflicts: conflictPairs(editionId, db),
    sheets: sheets.length,
  };
}

// ─── Automatic assignment ───────────────────────────────────────────────────

/** A fresh seed to offer for the next draw (the one used is kept in the audit event). */
export function suggestSeed(): number {
  return randomInt(0, 2 ** 31);
}

export interface AutoAssignment {
  editionId: number;
  roundId: number;
  actorId: number;
  /** Used by the screening round (balanced panels); the final puts every judge on every finalist. */
  seed: number;
  /** The organiser confirmed that the round's current assignments are replaced. */
  replace: boolean;
  now?: Date;
}

export interface AutoAssignmentSummary {
  kind: Round['kind'];
  count: number;
  applications: number;
  judges: number;
  loads: JudgeLoad[];
  quality: AssignmentQuality;
  warnings: AssignmentWarning[];
  /** Final round only: finalists every judge is conflicted with. */
  withoutJudge: number[];
}

export function applyAutoAssignment({ editionId, roundId, actorId, seed, replace, now = new Date() }: AutoAssignment): AutoAssignmentSummary {
  return auditedTransaction({ editionId, actorId, now }, (tx, audit) => {
    assertNotFrozen(editionId, tx);
    const round = roundOrRefuse(tx, editionId, roundId);
    refuseIfLocked(round);
    const sheetCount = countOf(tx, schema.scoresheets, eq(schema.scoresheets.roundId, round.id));
    // Replacing panels after scoring began would discard judges' work: adjust by hand instead.
    if (sheetCount > 0) throw new Refusal(409, 'assignments.errors.auto.sheetsExist', { count: sheetCount });
    const existing = pairsOfRound(tx, round.id);
    if (existing.length > 0 && !replace) {
      throw new Refusal(400, 'assignments.errors.auto.confirmReplace', { count: existing.length }, 'replace');
    }
    const applications = eligibleApplications(editionId, round.kind, tx);
    if (applications.length === 0) throw new Refusal(409, `assignments.errors.auto.noApplications.${round.kind}`);
    const judges = judgeIdsOf(tx, editionId);
    if (judges.length === 0) throw new Refusal(409, 'assignments.failure.no_judges');
    const conflicts = conflictPairs(editionId, tx);
    const applicationIds = applications.map((a) => a.id);

    let pairs: AssignmentPair[];
    let outcome: Pick<AutoAssignmentSummary, 'loads' | 'quality' | 'warnings' | 'withoutJudge'>;
    if (round.kind === 'final') {
      const everyone = assignEveryJudge({ applications: applicationIds, judges, conflicts });
      pairs = everyone.assignments;
      outcome = { ...describeAssignments(judges, pairs), warnings: [], withoutJudge: everyone.withoutJudge };
    } else {
      const result = assignJudges({ applications: applicationIds, judges, conflicts, k: round.judgesPerApplication, seed });
      if (!result.ok) throw failureRefusal(result.reason, applications);
      pairs = result.assignments;
      outcome = { loads: result.loads, quality: result.quality, warnings: result.warnings, withoutJudge: [] };
    }
    const summary: AutoAssignmentSummary = {
      kind: round.kind,
      count: pairs.length,
      applications: applicationIds.length,
      judges: judges.length,
      ...outcome,
    };

    tx.delete(schema.assignments).where(eq(schema.assignments.roundId, round.id)).run();
    for (let i = 0; i < pairs.length; i += 200) {
      tx.insert(schema.assignments)
        .values(pairs.slice(i, i + 200).map((p) => ({ ...p, roundId: round.id, createdBy: actorId, createdAt: now })))
        .run();
    }
    audit({
      action: 'assignment.auto',
      entityType: 'round',
      entityId: round.id,
      before: { count: existing.length, assignments: existing },
      after: {
        kind: round.kind,
        seed: round.kind === 'final' ? null : seed,
        judgesPerApplication: round.kind === 'final' ? null : round.judgesPerApplication,
        count: pairs.length,
        minLoad: summary.quality.minLoad,
        maxLoad: summary.quality.maxLoad,
        panels: summary.quality.panels,
        warnings: summary.warnings.map((w) => w.code),
        withoutJudge: summary.withoutJudge,
        assignments: pairs,
      },
    });
    return summary;
  });
}

/** Why automatic assignment could not be done, as a message with the startups it names. */
function failureRefusal(reason: AssignmentFailure, applications: { id: number; startupName: string }[]): Refusal {
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(reason)) if (typeof value === 'number') params[key] = value;
  if (reason.code === 'too_few_unconflicted_judges') {
    params.startups = reason.applicationIds.map((id) => applications.find((a) => a.id === id)?.startupName || `#${id}`).join(', ');
  }
  return new Refusal(409, `assignments.failure.${reason.code}`, params);
}

// ─── Manual changes ─────────────────────────────────────────────────────────

export interface AssignmentChange {
  editionId: number;
  roundId: number;
  judgeId: number;
  applicationId: number;
  actorId: number;
  now?: Date;
}

/** The round (open, of an open edition), the judge (of the edition) and the application (judged by that round). */
function checkPair(tx: DbOrTx, { editionId, roundId, judgeId, applicationId }: AssignmentChange) {
  assertNotFrozen(editionId, tx);
  const round = roundOrRefuse(tx, editionId, roundId);
  refuseIfLocked(round);
  if (!isEditionJudge(editionId, judgeId, tx)) throw new Refusal(404, 'judging.errors.judge.notFound', {}, 'judgeId');
  const application = tx
    .select({ status: schema.applications.status })
    .from(schema.applications)
    .where(and(eq(schema.applications.id, applicationId), eq(schema.applications.editionId, editionId)))
    .get();
  if (!application) throw new Refusal(404, 'judging.errors.application.notFound', {}, 'applicationId');
  return { round, application };
}

export function addAssignment(change: AssignmentChange) {
  const { editionId, judgeId, applicationId, actorId, now = new Date() } = change;
  return auditedTransaction({ editionId, actorId, now }, (tx, audit) => {
    const { round, application } = checkPair(tx, change);
    if (!(ELIGIBLE_STATUSES[round.kind] as readonly string[]).includes(application.status)) {
      throw new Refusal(409, `assignments.errors.notEligible.${round.kind}`, {}, 'applicationId');
    }
    if (isConflicted(judgeId, applicationId, tx)) throw new Refusal(409, 'assignments.errors.conflicted', {}, 'applicationId');
    if (isAssigned(judgeId, round.id, applicationId, tx)) throw new Refusal(409, 'assignments.errors.alreadyAssigned', {}, 'applicationId');
    const row = tx
      .insert(schema.assignments)
      .values({ roundId: round.id, judgeId, applicationId, createdBy: actorId, createdAt: now })
      .returning()
      .get();
    audit({
      action: 'assignment.add',
      entityType: 'assignment',
      entityId: row.id,
      before: null,
      after: { roundId: round.id, judgeId, applicationId },
    });
    return row;
  });
}

export type RemovalOutcome =
  | { status: 'removed' }
  /** The judge has a scoresheet for it: nothing was removed; ask the organiser to confirm. */
  | { status: 'needs_confirmation'; scoresheet: 'draft' | 'submitted' };

/**
 * Removes one assignment. If the judge has a scoresheet for it, the first call removes nothing
 * and asks for confirmation; confirmed, the sheet is deleted too and kept in the audit event.
 */
export function removeAssignment(change: AssignmentChange & { confirmed: boolean }): RemovalOutcome {
  const { editionId, judgeId, applicationId, actorId, confirmed, now = new Date() } = change;
  return auditedTransaction({ editionId, actorId, now }, (tx, audit) => {
    const { round } = checkPair(tx, change);
    const a = schema.assignments;
    const where = and(eq(a.roundId, round.id), eq(a.judgeId, judgeId), eq(a.applicationId, applicationId));
    const assignment = tx.select().from(a).where(where).get();
    if (!assignment) throw new Refusal(404, 'assignments.errors.notAssigned');
    const sheet = tx
      .select({ status: schema.scoresheets.status })
      .from(schema.scoresheets)
      .where(
        and(
          eq(schema.scoresheets.roundId, round.id),
          eq(schema.scoresheets.judgeId, judgeId),
          eq(schema.scoresheets.applicationId, applicationId),
        ),
      )
      .get();
    if (sheet && !confirmed) return { status: 'needs_confirmation', scoresheet: sheet.status };
    const scoresheets = deleteScoresheets(tx, round.id, judgeId, applicationId);
    tx.delete(a).where(where).run();
    audit({
      action: 'assignment.remove',
      entityType: 'assignment',
      entityId: assignment.id,
      before: { roundId: round.id, judgeId, applicationId, scoresheets },
      after: null,
    });
    return { status: 'removed' };
  });
}
