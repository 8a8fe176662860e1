/**
 * Conflicts of interest: a judge declares one at /judge/:year/conflicts; an organiser records
 * or removes one at /organise/:year/judges. Declaring takes the judge off that application in
 * every round that is not locked and deletes their scoresheet there, keeping it only in the
 * one audit event (docs/decisions/006-conflicts-after-scoring.md).
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { action as conflictsAction, loader as conflictsLoader } from '~/routes/judge.$year.conflicts';
import { action as judgesAction, loader as judgesLoader } from '~/routes/organise.$year.judges';
import { isAssigned } from '~/utils/assignments.server';
import { conflictedApplicationIds, conflictRegister, isConflicted } from '~/utils/conflicts.server';
import { getDb, schema } from '~/utils/db.server';
import { formAnswer } from '../fixtures/http';
import { assign, auditCount, countRows, judgingEdition, lastAudit, load, post, scoresheet, type JudgingEdition } from '../fixtures/judging';

let e: JudgingEdition;

beforeAll(async () => {
  e = await judgingEdition(2061, { applications: 4, judges: 3 });
});

const declare = (judge: { cookie: string }, fields: Record<string, string>) =>
  post(conflictsAction, `/judge/${e.year}/conflicts`, { year: String(e.year) }, fields, judge.cookie);
const organise = (fields: Record<string, string>) =>
  post(judgesAction, `/organise/${e.year}/judges`, { year: String(e.year) }, fields, e.organiser.cookie);

describe('a judge declares a conflict', () => {
  it('lists the edition’s submitted applications with startup name, one-liner and country', async () => {
    const page = await load(conflictsLoader, `/judge/${e.year}/conflicts`, { year: String(e.year) }, e.judges[0].cookie);
    expect(page.status).toBe(200);
    expect(page.data.applications).toHaveLength(4);
    expect(page.data.applications[0]).toEqual({
      id: expect.any(Number),
      startupName: 'Civix',
      oneLiner: 'Civix makes public money traceable.',
      country: 'FR',
    });
    expect(page.data.declared).toEqual([]);
  });

  it('loses the assignment in open rounds, keeps the locked round’s, and the scoresheet lives on only in the audit event', async () => {
    const judge = e.judges[0];
    const app = e.applications[0];
    assign(e.screening.id, judge.id, app.id);
    const sheet = scoresheet(e, e.screening.id, judge.id, app.id, 'submitted');
    assign(e.final.id, judge.id, app.id);
    getDb().update(schema.rounds).set({ state: 'locked', lockedAt: new Date() }).where(eq(schema.rounds.id, e.final.id)).run();
    const other = e.applications[1];
    assign(e.screening.id, judge.id, other.id);

    const before = auditCount();
    const result = await declare(judge, { applicationId: String(app.id), reason: 'I advised Civix on its public procurement bid.' });
    expect(result.status).toBe(302);
    expect(result.headers.get('Location')).toBe(`/judge/${e.year}/conflicts?declared=${app.id}&assignments=1&scoresheets=1#declared`);

    expect(isConflicted(judge.id, app.id)).toBe(true);
    expect(conflictedApplicationIds(judge.id, e.edition.id)).toEqual(new Set([app.id]));
    expect(isAssigned(judge.id, e.screening.id, app.id)).toBe(false);
    expect(isAssigned(judge.id, e.final.id, app.id)).toBe(true);
    expect(isAssigned(judge.id, e.screening.id, other.id)).toBe(true);
    expect(getDb().select().from(schema.scoresheets).where(eq(schema.scoresheets.id, sheet.id)).get()).toBeUndefined();
    expect(getDb().select().from(schema.scores).where(eq(schema.scores.scoresheetId, sheet.id)).all()).toEqual([]);

    expect(auditCount()).toBe(before + 1);
    const event = lastAudit();
    expect(event).toMatchObject({
      action: 'conflict.declare',
      entityType: 'conflict',
      actorId: judge.id,
      reason: 'I advised Civix on its public procurement bid.',
      after: { judgeId: judge.id, applicationId: app.id, declaredBy: judge.id, reason: 'I advised Civix on its public procurement bid.' },
    });
    const kept = event.before as { assignments: { roundId: number }[]; scoresheets: { id: number; status: string; overallComment: string; scores: unknown[] }[] };
    expect(kept.assignments).toEqual([{ id: expect.any(Number), roundId: e.screening.id }]);
    expect(kept.scoresheets).toHaveLength(1);
    expect(kept.scoresheets[0]).toMatchObject({ id: sheet.id, status: 'submitted', overallComment: 'Strong team.' });
    expect(kept.scoresheets[0].scores).toHaveLength(e.criteria.length);

    const page = await load(conflictsLoader, `/judge/${e.year}/conflicts`, { year: String(e.year) }, judge.cookie);
    expect(page.data.declared).toEqual([
      expect.objectContaining({ applicationId: app.id, startupName: 'Civix', reason: 'I advised Civix on its public procurement bid.', recordedBy: null }),
    ]);
  });

  it('refuses a conflict without a reason, a second one on the same application, and another edition’s application, writing nothing', async () => {
    const judge = e.judges[1];
    const stranger = await judgingEdition(2062, { applications: 1, judges: 0 });
    const before = auditCount();
    const conflicts = countRows(schema.conflicts);
    const empty = await declare(judge, { applicationId: String(e.applications[2].id), reason: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.data.form).toBe('conflict.declare');
    expect(formAnswer(empty.data).messages.reason.key).toBe('judging.errors.reason.required');
    const elsewhere = await declare(judge, { applicationId: String(stranger.applications[0].id), reason: 'Not even in this edition' });
    expect(elsewhere.status).toBe(404);
    expect(countRows(schema.conflicts)).toBe(conflicts);
    expect(auditCount()).toBe(before);

    expect((await declare(judge, { applicationId: String(e.applications[2].id), reason: 'My sister founded it.' })).status).toBe(302);
    const twice = await declare(judge, { applicationId: String(e.applications[2].id), reason: 'Again' });
    expect(twice.status).toBe(409);
    expect(formAnswer(twice.data).messages.applicationId.key).toBe('conflicts.errors.alreadyDeclared');
    expect(countRows(schema.conflicts)).toBe(conflicts + 1);
  });

  it('is one form: no startup picked is refused next to the list, then the chosen one is declared with its reason', async () => {
    const judge = e.judges[1];
    const before = auditCount();
    const none = await declare(judge, { applicationId: '', reason: 'I advised one of them.' });
    expect(none.status).toBe(400);
    expect(none.data.form).toBe('conflict.declare');
    expect(formAnswer(none.data).messages.applicationId).toBeDefined();
    expect(auditCount()).toBe(before);
    const target = e.applications[1];
    const declared = await declare(judge, { applicationId: String(target.id), reason: 'We share an office.' });
    expect(declared.status).toBe(302);
    expect(declared.headers.get('Location')).toMatch(new RegExp(`^/judge/${e.year}/conflicts\\?declared=${target.id}&`));
    expect(lastAudit()).toMatchObject({ action: 'conflict.declare', actorId: judge.id });
    const page = await load(conflictsLoader, `/judge/${e.year}/conflicts`, { year: String(e.year) }, judge.cookie);
    expect(page.data.declared.map((c: { applicationId: number }) => c.applicationId)).toContain(target.id);
  });

  it('never offers draft or withdrawn applications', async () => {
    const hidden = e.applications[3];
    getDb().update(schema.applications).set({ status: 'withdrawn' }).where(eq(schema.applications.id, hidden.id)).run();
    const page = await load(conflictsLoader, `/judge/${e.year}/conflicts`, { year: String(e.year) }, e.judges[2].cookie);
    expect(page.data.applications.map((a: { id: number }) => a.id)).not.toContain(hidden.id);
    const result = await declare(e.judges[2], { applicationId: String(hidden.id), reason: 'Withdrawn anyway' });
    expect(result.status).toBe(404);
    getDb().update(schema.applications).set({ status: 'submitted' }).where(eq(schema.applications.id, hidden.id)).run();
  });
});

describe('the organiser’s conflict register', () => {
  it('records a conflict for a judge (declared by the organiser), with one audit event', async () => {
    const judge = e.judges[2];
    const app = e.applications[1];
    assign(e.screening.id, judge.id, app.id);
    const before = auditCount();
    const result = await organise({ intent: 'conflict.create', judgeId: String(judge.id), applicationId: String(app.id), reason: 'Works at its main investor.' });
    expect(result.status).toBe(302);
    expect(result.headers.get('Location')).toContain('done=conflict.create');
    expect(isAssigned(judge.id, e.screening.id, app.id)).toBe(false);
    expect(auditCount()).toBe(before + 1);
    expect(lastAudit()).toMatchObject({ action: 'conflict.declare', actorId: e.organiser.id, after: expect.objectContaining({ declaredBy: e.organiser.id }) });
    const register = conflictRegister(e.edition.id);
    expect(register.find((c) => c.judgeId === judge.id && c.applicationId === app.id)).toMatchObject({
      startupName: 'OpenLedger',
      judgeName: 'Judge 3 2061',
      declaredByName: 'Organiser 2061',
      reason: 'Works at its main investor.',
    });
    const page = await load(judgesLoader, `/organise/${e.year}/judges`, { year: String(e.year) }, e.organiser.cookie);
    expect(page.data.conflicts.length).toBe(register.length);
  });

  it('refuses a conflict for someone who is not a judge of the edition', async () => {
    const result = await organise({ intent: 'conflict.create', judgeId: String(e.founders[0].id), applicationId: String(e.applications[0].id), reason: 'x' });
    expect(result.status).toBe(404);
    expect(formAnswer(result.data).messages.judgeId.key).toBe('judging.errors.judge.notFound');
  });

  it('removes a conflict only with a reason, kept in the audit event', async () => {
    const conflict = getDb()
      .select()
      .from(schema.conflicts)
      .where(and(eq(schema.conflicts.judgeId, e.judges[2].id), eq(schema.conflicts.applicationId, e.applications[1].id)))
      .get()!;
    const before = auditCount();
    const refused = await organise({ intent: 'conflict.remove', conflictId: String(conflict.id), reason: '' });
    expect(refused.status).toBe(400);
    expect(refused.data.form).toBe(`conflict.remove:${conflict.id}`);
    expect(isConflicted(e.judges[2].id, e.applications[1].id)).toBe(true);
    expect(auditCount()).toBe(before);

    const result = await organise({ intent: 'conflict.remove', conflictId: String(conflict.id), reason: 'Declared on the wrong startup.' });
    expect(result.status).toBe(302);
    expect(isConflicted(e.judges[2].id, e.applications[1].id)).toBe(false);
    expect(auditCount()).toBe(before + 1);
    expect(lastAudit()).toMatchObject({
      action: 'conflict.remove',
      reason: 'Declared on the wrong startup.',
      before: expect.objectContaining({ judgeId: e.judges[2].id, applicationId: e.applications[1].id }),
      after: null,
    });
  });
});
