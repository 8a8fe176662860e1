/**
 * The organising team through /organise/:year/team's action: an organiser invites an organiser
 * with the invitation machinery (role `organiser`), the invited person joins from the link as an
 * organiser, organisers remove each other's access but the last one never their own; and an
 * organiser removes a judge from an edition: assignments of open rounds back to the pool, the
 * sheets there in the audit log, locked rounds untouched, the applications now short listed.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { action as inviteAction, loader as inviteLoader } from '~/routes/invite.$token';
import { action, loader } from '~/routes/organise.$year.team';
import { getDb, schema } from '~/utils/db.server';
import { formAnswer } from '../fixtures/http';
import { assign, auditCount, judgingEdition, lastAudit, load, post, scoresheet, type JudgingEdition } from '../fixtures/judging';
import { createUser, sessionCookie } from '../fixtures/users';

let e: JudgingEdition;
const team = (fields: Record<string, string>, cookie = e.organiser.cookie) => post(action, `/organise/${e.year}/team`, { year: String(e.year) }, fields, cookie);
const roleOf = (id: number) => getDb().select({ role: schema.users.role }).from(schema.users).where(eq(schema.users.id, id)).get()!.role;
const organiserCount = () => getDb().select().from(schema.users).where(eq(schema.users.role, 'organiser')).all().length;

beforeAll(async () => {
  e = await judgingEdition(2051, { applications: 3, judges: 3, k: 2 });
  // Any other organisers left by the template are not there: this file's database is fresh.
});

describe('organisers invite organisers', () => {
  let link = '';

  it('creates an organiser invitation (shown once), audited in this edition', async () => {
    const before = auditCount();
    const result = await team({ intent: 'organiser.invite', email: 'Second.Organiser@Example.org' });
    expect(result.status).toBe(200);
    link = result.data.invitationLink.link;
    expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{40,}$/);
    const invitation = getDb().select().from(schema.invitations).where(eq(schema.invitations.email, 'second.organiser@example.org')).get()!;
    expect(invitation).toMatchObject({ role: 'organiser', editionId: e.edition.id, invitedBy: e.organiser.id });
    expect(auditCount()).toBe(before + 1);
    expect(lastAudit()).toMatchObject({ action: 'invitation.create', editionId: e.edition.id, after: expect.objectContaining({ role: 'organiser' }) });
    const page = await load(loader, `/organise/${e.year}/team`, { year: String(e.year) }, e.organiser.cookie);
    expect(page.data.invitations.map((i: { email: string }) => i.email)).toEqual(['second.organiser@example.org']);
  });

  it('refuses a second pending invitation and an address that already organises', async () => {
    const again = await team({ intent: 'organiser.invite', email: 'second.organiser@example.org' });
    expect(again.status).toBe(409);
    expect(formAnswer(again.data).messages).toEqual({ email: { key: 'invitations.errors.alreadyPending', params: {} } });
    const self = await team({ intent: 'organiser.invite', email: e.organiser.email });
    expect(self.status).toBe(409);
    expect(formAnswer(self.data).messages).toEqual({ email: { key: 'team.errors.alreadyOrganiser', params: {} } });
  });

  it('the invited person creates an organiser account from the link and lands on /organise', async () => {
    const token = link.split('/').at(-1)!;
    const page = await load(inviteLoader, `/invite/${token}`, { token });
    expect(page.data.invitation).toMatchObject({ role: 'organiser', email: 'second.organiser@example.org' });
    const result = await post(inviteAction, `/invite/${token}`, { token }, { intent: 'signup', name: 'Second Organiser', password: 'a long enough passphrase' });
    expect(result.status).toBe(302);
    expect(result.headers.get('Location')).toBe('/organise');
    const user = getDb().select().from(schema.users).where(eq(schema.users.email, 'second.organiser@example.org')).get()!;
    expect(user.role).toBe('organiser');
    // An organiser is not a judge of the edition the invitation was sent from.
    expect(getDb().select().from(schema.editionJudges).where(eq(schema.editionJudges.userId, user.id)).all()).toEqual([]);
    expect(lastAudit()).toMatchObject({ action: 'invitation.accept', after: expect.objectContaining({ role: 'organiser' }) });
  });

  it('revokes a pending organiser invitation', async () => {
    await team({ intent: 'organiser.invite', email: 'third@example.org' });
    const invitation = getDb().select().from(schema.invitations).where(eq(schema.invitations.email, 'third@example.org')).get()!;
    const result = await team({ intent: 'invitation.revoke', invitationId: String(invitation.id) });
    expect(result.status).toBe(302);
    expect(getDb().select().from(schema.invitations).where(eq(schema.invitations.id, invitation.id)).get()!.revokedAt).toBeInstanceOf(Date);
  });
});

describe('removing an organiser’s access', () => {
  it('removes another organiser’s access, audited; they are refused at once', async () => {
    const other = await createUser('leaving@example.org', 'organiser', 'Leaving Organiser');
    const otherCookie = await sessionCookie(other.id);
    const result = await team({ intent: 'organiser.revoke', userId: String(other.id) });
    expect(result.status).toBe(302);
    expect(roleOf(other.id)).toBe('founder');
    expect(lastAudit()).toMatchObject({ action: 'organiser.revoke', entityType: 'user', entityId: String(other.id), before: expect.objectContaining({ role: 'organiser' }) });
    expect((await load(loader, `/organise/${e.year}/team`, { year: String(e.year) }, otherCookie)).status).toBe(403);
  });

  it('the last organiser cannot remove themselves; with another one they can', async () => {
    // Leave only the fixture's organiser.
    const second = getDb().select().from(schema.users).where(eq(schema.users.email, 'second.organiser@example.org')).get()!;
    await team({ intent: 'organiser.revoke', userId: String(second.id) });
    expect(organiserCount()).toBe(1);
    const before = auditCount();
    const refused = await team({ intent: 'organiser.revoke', userId: String(e.organiser.id) });
    expect(refused.status).toBe(409);
    expect(formAnswer(refused.data).formError).toEqual({ key: 'team.errors.lastOrganiser', params: {} });
    expect(roleOf(e.organiser.id)).toBe('organiser');
    expect(auditCount()).toBe(before);
    const page = await load(loader, `/organise/${e.year}/team`, { year: String(e.year) }, e.organiser.cookie);
    expect(page.data.organisers).toHaveLength(1);

    const colleague = await createUser('colleague@example.org', 'organiser', 'Colleague');
    const self = await team({ intent: 'organiser.revoke', userId: String(e.organiser.id) });
    expect(self.status).toBe(302);
    expect(self.headers.get('Location')).toBe('/');
    expect(roleOf(e.organiser.id)).toBe('founder');
    // Put things back for the next tests: the colleague restores the fixture's organiser.
    getDb().update(schema.users).set({ role: 'organiser' }).where(eq(schema.users.id, e.organiser.id)).run();
    expect(roleOf(colleague.id)).toBe('organiser');
  });
});

describe('removing a judge from the edition', () => {
  it('gives their open-round assignments back to the pool, keeps their sheets in the audit log, lists who is short', async () => {
    const [j1, j2, j3] = e.judges;
    const [a1, a2, a3] = e.applications;
    // Screening (k = 2): every application has two judges; judge 1 has a submitted sheet on a1 and a draft on a2.
    for (const [judge, application] of [[j1, a1], [j2, a1], [j1, a2], [j3, a2], [j2, a3], [j3, a3]] as const) assign(e.screening.id, judge.id, application.id);
    scoresheet(e, e.screening.id, j1.id, a1.id, 'submitted');
    scoresheet(e, e.screening.id, j1.id, a2.id, 'draft');
    // A locked round keeps everything: the final, locked, with judge 1's sheet.
    getDb().update(schema.applications).set({ status: 'finalist' }).where(eq(schema.applications.id, a1.id)).run();
    assign(e.final.id, j1.id, a1.id);
    scoresheet(e, e.final.id, j1.id, a1.id, 'submitted');
    getDb().update(schema.rounds).set({ state: 'locked', lockedAt: new Date() }).where(eq(schema.rounds.id, e.final.id)).run();

    const refused = await team({ intent: 'judge.remove', judgeId: String(j1.id), reason: ' ' });
    expect(refused.status).toBe(400);
    expect(formAnswer(refused.data).messages).toEqual({ reason: { key: 'judging.errors.reason.required', params: {} } });

    const before = auditCount();
    const result = await team({ intent: 'judge.remove', judgeId: String(j1.id), reason: 'Joined a competing startup.' });
    expect(result.status).toBe(200);
    expect(result.data.judgeRemoved).toMatchObject({ name: 'Judge 1 2051', assignments: 2, scoresheets: 2 });
    // a1 is a finalist now: the screening round no longer needs judges for it.
    expect(result.data.judgeRemoved.short).toEqual([expect.objectContaining({ roundId: e.screening.id, applicationId: a2.id, judges: 1, needed: 2 })]);
    const db = getDb();
    expect(db.select().from(schema.editionJudges).where(and(eq(schema.editionJudges.editionId, e.edition.id), eq(schema.editionJudges.userId, j1.id))).get()).toBeUndefined();
    expect(db.select().from(schema.assignments).where(and(eq(schema.assignments.roundId, e.screening.id), eq(schema.assignments.judgeId, j1.id))).all()).toEqual([]);
    expect(db.select().from(schema.scoresheets).where(and(eq(schema.scoresheets.roundId, e.screening.id), eq(schema.scoresheets.judgeId, j1.id))).all()).toEqual([]);
    // The locked final keeps the assignment and the sheet.
    expect(db.select().from(schema.assignments).where(and(eq(schema.assignments.roundId, e.final.id), eq(schema.assignments.judgeId, j1.id))).all()).toHaveLength(1);
    expect(db.select().from(schema.scoresheets).where(and(eq(schema.scoresheets.roundId, e.final.id), eq(schema.scoresheets.judgeId, j1.id))).all()).toHaveLength(1);
    // Two assignment removals (with the sheets' snapshots) and the removal itself.
    expect(auditCount()).toBe(before + 3);
    const events = db.select().from(schema.auditEvents).orderBy(schema.auditEvents.id).all().slice(-3);
    expect(events.map((ev) => ev.action)).toEqual(['assignment.remove', 'assignment.remove', 'judge.remove']);
    expect(events[0].before).toMatchObject({ judgeId: j1.id, scoresheets: [expect.objectContaining({ status: 'submitted', scores: expect.any(Array) })] });
    expect(events[2]).toMatchObject({ reason: 'Joined a competing startup.', after: { assignments: 2, scoresheets: 2 } });
  });

  it('refuses someone who does not judge the edition', async () => {
    const result = await team({ intent: 'judge.remove', judgeId: String(e.judges[0].id), reason: 'again' });
    expect(result.status).toBe(404);
    expect(formAnswer(result.data).formError).toEqual({ key: 'team.errors.notJudge', params: {} });
  });
});
