/**
 * The organising team and the edition's jury, as an organiser manages them (issue 10):
 * organisers (a site-wide kind of account) invite organisers through the invitation machinery
 * (invitations.server.ts, role `organiser`), see each other and remove access — never the last
 * one's own; and an organiser removes a judge from an edition: their assignments in open rounds
 * go back to the pool, their scoresheets there are deleted with a snapshot in the audit log, and
 * the applications now short of judges are listed. Locked rounds keep everything.
 */
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { ELIGIBLE_STATUSES } from '~/domain/statuses';
import { Refusal } from '~/domain/refusal';
import { FORBIDDEN_CHARACTER_MESSAGE, hasForbiddenCharacters } from '~/domain/text';
import { auditedTransaction, type DbOrTx } from './audit.server';
import { getDb, schema } from './db.server';
import { assertNotFrozen } from './editions.server';
import { invitationsWhere } from './invitations.server';
import { countOf } from './query.server';
import { deleteScoresheets } from './rounds.server';

interface Act {
  editionId: number;
  actorId: number;
  now?: Date;
}

// ─── Organisers ─────────────────────────────────────────────────────────────

export function listOrganisers() {
  const u = schema.users;
  return getDb()
    .select({ id: u.id, name: u.name, email: u.email, createdAt: u.createdAt })
    .from(u)
    .where(eq(u.role, 'organiser'))
    .orderBy(asc(u.name), asc(u.id))
    .all();
}

/** Every organiser invitation, from whichever edition it was sent, newest first. */
export function organiserInvitations(now = new Date()) {
  return invitationsWhere(eq(schema.invitations.role, 'organiser'), now);
}

/** The edition an organiser invitation was sent from (its revocation is audited there). */
export function organiserInvitationEdition(invitationId: number): number | null {
  const i = schema.invitations;
  return getDb().select({ editionId: i.editionId }).from(i).where(and(eq(i.id, invitationId), eq(i.role, 'organiser'))).get()?.editionId ?? null;
}

/**
 * Removes an organiser's access (their account becomes a founder's: it grants nothing of the
 * organisers'). The last organiser cannot remove themselves: someone must be able to run the site.
 */
export function revokeOrganiser({ editionId, actorId, userId, now = new Date() }: Act & { userId: number }) {
  return auditedTransaction({ editionId, actorId, now }, (tx, audit) => {
    const u = schema.users;
    const target = tx.select({ id: u.id, name: u.name, email: u.email, role: u.role }).from(u).where(eq(u.id, userId)).get();
    if (!target || target.role !== 'organiser') throw new Refusal(404, 'team.errors.notOrganiser');
    if (countOf(tx, u, eq(u.role, 'organiser')) <= 1) throw new Refusal(409, 'team.errors.lastOrganiser');
    tx.update(u).set({ role: 'founder' }).where(eq(u.id, userId)).run();
    audit({
      action: 'organiser.revoke',
      entityType: 'user',
      entityId: userId,
      before: { name: target.name, email: target.email, role: 'organiser' },
      after: { name: target.name, email: target.email, role: 'founder' },
    });
  });
}

// ─── Judges ─────────────────────────────────────────────────────────────────

export interface ShortApplication {
  roundId: number;
  roundNameFr: string;
  roundNameEn: string;
  applicationId: number;
  startupName: string;
  judges: number;
  needed: number;
}

/** Applications of the edition's open rounds with fewer judges than the round asks for. */
export function applicationsShortOfJudges(editionId: number, db: DbOrTx = getDb()): ShortApplication[] {
  const rounds = db
    .select()
    .from(schema.rounds)
    .where(and(eq(schema.rounds.editionId, editionId), eq(schema.rounds.state, 'open')))
    .orderBy(asc(schema.rounds.position), asc(schema.rounds.id))
    .all();
  const short: ShortApplication[] = [];
  for (const round of rounds) {
    const a = schema.applications;
    const eligible = db
      .select({ id: a.id, startupName: a.startupName })
      .from(a)
      .where(and(eq(a.editionId, editionId), inArray(a.status, [...ELIGIBLE_STATUSES[round.kind]])))
      .orderBy(asc(a.startupName), asc(a.id))
      .all();
    if (eligible.length === 0) continue;
    const asg = schema.assignments;
    const counts = new Map(
      db
        .select({ applicationId: asg.applicationId, n: count() })
        .from(asg)
        .where(eq(asg.roundId, round.id))
        .groupBy(asg.applicationId)
        .all()
        .map((r) => [r.applicationId, r.n]),
    );
    // A round nobody has been assigned to yet is not "short": it has not started.
    if (counts.size === 0) continue;
    for (const application of eligible) {
      const judges = counts.get(application.id) ?? 0;
      if (judges < round.judgesPerApplication) {
        short.push({
          roundId: round.id,
          roundNameFr: round.nameFr,
          roundNameEn: round.nameEn,
          applicationId: application.id,
          startupName: application.startupName,
          judges,
          needed: round.judgesPerApplication,
        });
      }
    }
  }
  return short;
}

/**
 * Removes a judge from the edition: membership ended; assignments in open rounds back to the pool,
 * each with its scoresheets' snapshot in the audit log; locked rounds untouched (their sheets count).
 */
export function removeJudge({ editionId, actorId, judgeId, reason, now = new Date() }: Act & { judgeId: number; reason: string }) {
  const why = reason.trim();
  if (!why) throw new Refusal(400, 'judging.errors.reason.required', {}, 'reason');
  if (hasForbiddenCharacters(why)) throw new Refusal(400, FORBIDDEN_CHARACTER_MESSAGE, {}, 'reason');
  return auditedTransaction({ editionId, actorId, now }, (tx, audit) => {
    assertNotFrozen(editionId, tx);
    const ej = schema.editionJudges;
    const judge = tx
      .select({ id: schema.users.id, name: schema.users.name, email: schema.users.email })
      .from(ej)
      .innerJoin(schema.users, eq(schema.users.id, ej.userId))
      .where(and(eq(ej.editionId, editionId), eq(ej.userId, judgeId)))
      .get();
    if (!judge) throw new Refusal(404, 'team.errors.notJudge');
    const asg = schema.assignments;
    const r = schema.rounds;
    const openAssignments = tx
      .select({ id: asg.id, roundId: asg.roundId, applicationId: asg.applicationId })
      .from(asg)
      .innerJoin(r, eq(r.id, asg.roundId))
      .where(and(eq(r.editionId, editionId), eq(r.state, 'open'), eq(asg.judgeId, judgeId)))
      .all();
    let scoresheets = 0;
    for (const assignment of openAssignments) {
      const removed = deleteScoresheets(tx, assignment.roundId, judgeId, assignment.applicationId);
      scoresheets += removed.length;
      tx.delete(asg).where(eq(asg.id, assignment.id)).run();
      audit({
        action: 'assignment.remove',
        entityType: 'assignment',
        entityId: assignment.id,
        before: { roundId: assignment.roundId, judgeId, applicationId: assignment.applicationId, scoresheets: removed },
        after: null,
        reason: why,
      });
    }
    tx.delete(ej).where(and(eq(ej.editionId, editionId), eq(ej.userId, judgeId))).run();
    audit({
      action: 'judge.remove',
      entityType: 'user',
      entityId: judgeId,
      before: { judgeId, name: judge.name, email: judge.email },
      after: { assignments: openAssignments.length, scoresheets },
      reason: why,
    });
    return { name: judge.name, assignments: openAssignments.length, scoresheets, short: applicationsShortOfJudges(editionId, tx) };
  });
}
