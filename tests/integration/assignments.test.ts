/**
 * /organise/:year/assignments: automatic assignment of a round, manual additions and removals.
 * The rules hold on the server: conflicted pairs are refused, locked rounds refuse changes,
 * a removal that would delete a scoresheet asks first. One audit event per action.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { action, loader } from '~/routes/organise.$year.assignments';
import { assignmentsOfJudge, isAssigned } from '~/utils/assignments.server';
import { getDb, schema } from '~/utils/db.server';
import { formAnswer } from '../fixtures/http';
import { assign, auditCount, countRows, judgingEdition, lastAudit, load, post, scoresheet, type JudgingEdition } from '../fixtures/judging';

const pairsOf = (roundId: number) =>
  getDb()
    .select({ judgeId: schema.assignments.judgeId, applicationId: schema.assignments.applicationId })
    .from(schema.assignments)
    .where(eq(schema.assignments.roundId, roundId))
    .orderBy(schema.assignments.applicationId, schema.assignments.judgeId)
    .all();

/** The fields of the form that adds or removes one judge × application pair of a round. */
function pairForm(intent: 'assignment.add' | 'assignment.remove', roundId: number, judgeId: number, applicationId: number) {
  return { intent, roundId: String(roundId), judgeId: String(judgeId), applicationId: String(applicationId) };
}

function run(e: JudgingEdition, fields: Record<string, string>) {
  return post(action, `/organise/${e.year}/assignments`, { year: String(e.year) }, fields, e.organiser.cookie);
}

describe('automatic assignment of the screening', () => {
  let e: JudgingEdition;
  beforeAll(async () => {
    e = await judgingEdition(2071, { applications: 8, judges: 5, k: 3 });
    // Judge 1 is conflicted with Civix and OpenLedger; a draft application is never assigned.
    getDb()
      .insert(schema.conflicts)
      .values([
        { judgeId: e.judges[0].id, applicationId: e.applications[0].id, reason: 'Co-founder’s cousin', declaredBy: e.judges[0].id },
        { judgeId: e.judges[0].id, applicationId: e.applications[1].id, reason: 'Investor', declaredBy: e.judges[0].id },
      ])
      .run();
    getDb().update(schema.applications).set({ status: 'draft' }).where(eq(schema.applications.id, e.applications[7].id)).run();
  });

  it('gives each eligible application k judges, balanced, never conflicted, in one audit event with the seed', async () => {
    const before = auditCount();
    const result = await run(e, { intent: 'assign.auto', roundId: String(e.screening.id), seed: '2071' });
    expect(result.status).toBe(302);
    expect(result.headers.get('Location')).toBe(`/organise/${e.year}/assignments?round=${e.screening.id}&done=assign.auto#result`);
    const pairs = pairsOf(e.screening.id);
    expect(pairs).toHaveLength(7 * 3);
    for (const application of e.applications.slice(0, 7)) {
      expect(pairs.filter((p) => p.applicationId === application.id)).toHaveLength(3);
    }
    expect(pairs.some((p) => p.applicationId === e.applications[7].id)).toBe(false);
    expect(pairs.some((p) => p.judgeId === e.judges[0].id && [e.applications[0].id, e.applications[1].id].includes(p.applicationId))).toBe(false);
    const loads = e.judges.map((j) => pairs.filter((p) => p.judgeId === j.id).length);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);

    expect(auditCount()).toBe(before + 1);
    expect(lastAudit()).toMatchObject({
      action: 'assignment.auto',
      entityType: 'round',
      entityId: String(e.screening.id),
      before: { count: 0, assignments: [] },
      after: expect.objectContaining({ seed: 2071, judgesPerApplication: 3, count: 21, panels: 1, assignments: pairs }),
    });

    const page = await load(loader, `/organise/${e.year}/assignments?round=${e.screening.id}`, { year: String(e.year) }, e.organiser.cookie);
    expect(page.status).toBe(200);
    expect(page.data.current.quality).toEqual({ minLoad: Math.min(...loads), maxLoad: Math.max(...loads), panels: 1 });
    expect(page.data.board.applications).toHaveLength(7);
  });

  it('refuses to replace existing assignments unless asked, then gives the same panels for the same seed', async () => {
    const first = pairsOf(e.screening.id);
    const before = auditCount();
    const refused = await run(e, { intent: 'assign.auto', roundId: String(e.screening.id), seed: '2071' });
    expect(refused.status).toBe(400);
    expect(formAnswer(refused.data).messages.replace).toEqual({ key: 'assignments.errors.auto.confirmReplace', params: { count: 21 } });
    expect(auditCount()).toBe(before);

    expect((await run(e, { intent: 'assign.auto', roundId: String(e.screening.id), seed: '2071', replace: 'yes' })).status).toBe(302);
    expect(pairsOf(e.screening.id)).toEqual(first);
    expect(lastAudit()).toMatchObject({ before: { count: 21, assignments: first } });
    expect(auditCount()).toBe(before + 1);
  });

  it('refuses an invalid seed', async () => {
    const result = await run(e, { intent: 'assign.auto', roundId: String(e.screening.id), seed: '-4', replace: 'yes' });
    expect(result.status).toBe(400);
    expect(formAnswer(result.data).messages.seed.key).toBe('assignments.errors.seed.invalid');
  });

  it('says why it cannot assign (k larger than the judges) and assigns nothing', async () => {
    getDb().update(schema.rounds).set({ judgesPerApplication: 6 }).where(eq(schema.rounds.id, e.screening.id)).run();
    const before = pairsOf(e.screening.id);
    const events = auditCount();
    const result = await run(e, { intent: 'assign.auto', roundId: String(e.screening.id), seed: '1', replace: 'yes' });
    expect(result.status).toBe(409);
    expect(formAnswer(result.data).formError).toEqual({ key: 'assignments.failure.k_exceeds_judges', params: { k: 6, judges: 5 } });
    expect(pairsOf(e.screening.id)).toEqual(before);
    expect(auditCount()).toBe(events);
  });

  it('names the applications with too few unconflicted judges', async () => {
    getDb().update(schema.rounds).set({ judgesPerApplication: 5 }).where(eq(schema.rounds.id, e.screening.id)).run();
    const result = await run(e, { intent: 'assign.auto', roundId: String(e.screening.id), seed: '1', replace: 'yes' });
    expect(result.status).toBe(409);
    expect(formAnswer(result.data).formError).toEqual({
      key: 'assignments.failure.too_few_unconflicted_judges',
      params: { k: 5, count: 2, startups: 'Civix, OpenLedger' },
    });
    getDb().update(schema.rounds).set({ judgesPerApplication: 3 }).where(eq(schema.rounds.id, e.screening.id)).run();
  });

  it('refuses once judges have started scoring in the round', async () => {
    const [pair] = pairsOf(e.screening.id);
    const sheet = scoresheet(e, e.screening.id, pair.judgeId, pair.applicationId, 'draft');
    const result = await run(e, { intent: 'assign.auto', roundId: String(e.screening.id), seed: '9', replace: 'yes' });
    expect(result.status).toBe(409);
    expect(formAnswer(result.data).formError).toEqual({ key: 'assignments.errors.auto.sheetsExist', params: { count: 1 } });
    getDb().delete(schema.scoresheets).where(eq(schema.scoresheets.id, sheet.id)).run();
  });
});

describe('the final', () => {
  it('puts every judge on every finalist, minus conflicts', async () => {
    const e = await judgingEdition(2072, { applications: 4, judges: 3 });
    const finalists = e.applications.slice(0, 2);
    for (const f of finalists) getDb().update(schema.applications).set({ status: 'finalist' }).where(eq(schema.applications.id, f.id)).run();
    getDb().insert(schema.conflicts).values({ judgeId: e.judges[1].id, applicationId: finalists[0].id, reason: 'Mentor', declaredBy: e.judges[1].id }).run();
    const result = await run(e, { intent: 'assign.auto', roundId: String(e.final.id) });
    expect(result.status).toBe(302);
    const pairs = pairsOf(e.final.id);
    expect(pairs).toHaveLength(2 * 3 - 1);
    expect(pairs).not.toContainEqual({ judgeId: e.judges[1].id, applicationId: finalists[0].id });
    expect(lastAudit()).toMatchObject({ action: 'assignment.auto', after: expect.objectContaining({ kind: 'final', seed: null, count: 5 }) });
  });
});

describe('manual changes', () => {
  let e: JudgingEdition;
  beforeAll(async () => {
    e = await judgingEdition(2073, { applications: 3, judges: 3 });
    getDb().insert(schema.conflicts).values({ judgeId: e.judges[0].id, applicationId: e.applications[0].id, reason: 'Shareholder', declaredBy: e.judges[0].id }).run();
  });

  it('refuses to assign a conflicted pair (409) and writes nothing', async () => {
    const before = auditCount();
    const assignments = countRows(schema.assignments);
    const result = await run(e, pairForm('assignment.add', e.screening.id, e.judges[0].id, e.applications[0].id));
    expect(result.status).toBe(409);
    expect(formAnswer(result.data).messages.applicationId.key).toBe('assignments.errors.conflicted');
    expect(formAnswer(result.data).values).toMatchObject({ judgeId: String(e.judges[0].id) });
    expect(countRows(schema.assignments)).toBe(assignments);
    expect(auditCount()).toBe(before);
  });

  it('adds one assignment with one audit event, and refuses it twice', async () => {
    const fields = pairForm('assignment.add', e.screening.id, e.judges[1].id, e.applications[0].id);
    const before = auditCount();
    const added = await run(e, fields);
    expect(added.status).toBe(302);
    // Back at the application's row (the page's own anchor), not at the top of the matrix.
    expect(added.headers.get('Location')).toBe(`/organise/${e.year}/assignments?round=${e.screening.id}&done=assignment.add#application-${e.applications[0].id}`);
    expect(isAssigned(e.judges[1].id, e.screening.id, e.applications[0].id)).toBe(true);
    expect(assignmentsOfJudge(e.judges[1].id, e.screening.id)).toEqual([{ applicationId: e.applications[0].id }]);
    expect(auditCount()).toBe(before + 1);
    expect(lastAudit()).toMatchObject({ action: 'assignment.add', after: { roundId: e.screening.id, judgeId: e.judges[1].id, applicationId: e.applications[0].id } });
    const twice = await run(e, fields);
    expect(twice.status).toBe(409);
    expect(auditCount()).toBe(before + 1);
  });

  it('refuses an application the round does not judge, and a user who is not a judge', async () => {
    getDb().update(schema.applications).set({ status: 'draft' }).where(eq(schema.applications.id, e.applications[2].id)).run();
    const draft = await run(e, pairForm('assignment.add', e.screening.id, e.judges[1].id, e.applications[2].id));
    expect(draft.status).toBe(409);
    expect(formAnswer(draft.data).messages.applicationId.key).toBe('assignments.errors.notEligible.screening');
    const outsider = await run(e, pairForm('assignment.add', e.screening.id, e.founders[0].id, e.applications[1].id));
    expect(outsider.status).toBe(404);
    getDb().update(schema.applications).set({ status: 'submitted' }).where(eq(schema.applications.id, e.applications[2].id)).run();
  });

  it('removes an assignment without a scoresheet at once, with one audit event', async () => {
    assign(e.screening.id, e.judges[2].id, e.applications[1].id);
    const before = auditCount();
    const result = await run(e, pairForm('assignment.remove', e.screening.id, e.judges[2].id, e.applications[1].id));
    expect(result.status).toBe(302);
    expect(isAssigned(e.judges[2].id, e.screening.id, e.applications[1].id)).toBe(false);
    expect(auditCount()).toBe(before + 1);
    expect(lastAudit()).toMatchObject({ action: 'assignment.remove', after: null, before: expect.objectContaining({ scoresheets: [] }) });
  });

  it('asks before removing an assignment with a submitted scoresheet, then keeps the sheet in the audit event', async () => {
    const judge = e.judges[2];
    const application = e.applications[2];
    assign(e.screening.id, judge.id, application.id);
    const sheet = scoresheet(e, e.screening.id, judge.id, application.id, 'submitted');
    const fields = pairForm('assignment.remove', e.screening.id, judge.id, application.id);
    const before = auditCount();

    const question = await run(e, fields);
    expect(question.status).toBe(200);
    expect(question.data.confirmRemoval).toEqual({ roundId: e.screening.id, judgeId: judge.id, applicationId: application.id, scoresheet: 'submitted' });
    expect(isAssigned(judge.id, e.screening.id, application.id)).toBe(true);
    expect(getDb().select().from(schema.scoresheets).where(eq(schema.scoresheets.id, sheet.id)).get()).toBeDefined();
    expect(auditCount()).toBe(before);

    const confirmed = await run(e, { ...fields, confirm: 'yes' });
    expect(confirmed.status).toBe(302);
    expect(isAssigned(judge.id, e.screening.id, application.id)).toBe(false);
    expect(getDb().select().from(schema.scoresheets).where(eq(schema.scoresheets.id, sheet.id)).get()).toBeUndefined();
    expect(auditCount()).toBe(before + 1);
    const event = lastAudit();
    expect(event).toMatchObject({ action: 'assignment.remove', before: expect.objectContaining({ judgeId: judge.id, applicationId: application.id }) });
    const kept = (event.before as { scoresheets: { id: number; status: string; scores: { value: number }[] }[] }).scoresheets;
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ id: sheet.id, status: 'submitted' });
    expect(kept[0].scores.map((s) => s.value)).toEqual(e.criteria.map((c) => c.scaleMin));
  });

  it('refuses every change in a locked round', async () => {
    getDb().update(schema.rounds).set({ state: 'locked', lockedAt: new Date() }).where(eq(schema.rounds.id, e.screening.id)).run();
    const before = auditCount();
    const pairs = pairsOf(e.screening.id);
    const attempts: Record<string, string>[] = [
      pairForm('assignment.add', e.screening.id, e.judges[2].id, e.applications[1].id),
      { ...pairForm('assignment.remove', e.screening.id, e.judges[1].id, e.applications[0].id), confirm: 'yes' },
      { intent: 'assign.auto', roundId: String(e.screening.id), seed: '3', replace: 'yes' },
    ];
    for (const fields of attempts) {
      const result = await run(e, fields);
      expect(result.status).toBe(409);
      expect(formAnswer(result.data).formError?.key).toBe('judging.errors.round.locked');
    }
    expect(pairsOf(e.screening.id)).toEqual(pairs);
    expect(auditCount()).toBe(before);
  });

  it("refuses a round of another edition", async () => {
    const other = await judgingEdition(2074, { applications: 1, judges: 1 });
    const result = await run(e, pairForm('assignment.add', other.screening.id, other.judges[0].id, other.applications[0].id));
    expect(result.status).toBe(404);
    expect(
      getDb()
        .select()
        .from(schema.assignments)
        .where(and(eq(schema.assignments.roundId, other.screening.id)))
        .all(),
    ).toEqual([]);
  });
});
