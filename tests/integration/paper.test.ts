/**
 * The paper fallback (issue 12): an organiser prints a judge's sheets in the judge's language and
 * types the paper scores on the judge's behalf. The sheet is the judge's (the judge sees it as
 * theirs), the save is the judge's save (same rules, same revision check), and the audit log
 * records the organiser as the one who entered it, for that judge.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { action as paperAction, loader as paperLoader } from '~/routes/organise.$year.paper';
import { getDb, schema } from '~/utils/db.server';
import { ownScoresheet } from '~/utils/scoresheets.server';
import { assign, auditCount, judgingEdition, lastAudit, load, post, type JudgingEdition } from '../fixtures/judging';

let e: JudgingEdition;

beforeAll(async () => {
  e = await judgingEdition(2071, { applications: 3, judges: 2 });
  assign(e.screening.id, e.judges[0].id, e.applications[0].id);
  assign(e.screening.id, e.judges[0].id, e.applications[1].id);
  getDb().update(schema.users).set({ preferredLanguage: 'fr' }).where(eq(schema.users.id, e.judges[0].id)).run();
});

const path = `/organise/2071/paper`;
const params = { year: '2071' };

function scores(value: (c: { scaleMin: number; scaleMax: number }) => number | string) {
  return Object.fromEntries(e.criteria.map((c) => [`score-${c.id}`, String(value(c))]));
}

function enter(fields: Record<string, string>, cookie = e.organiser.cookie) {
  return post(
    paperAction,
    path,
    params,
    {
      judgeId: String(e.judges[0].id),
      roundId: String(e.screening.id),
      applicationId: String(e.applications[0].id),
      revision: '0',
      idempotencyKey: crypto.randomUUID(),
      ...fields,
    },
    cookie,
  );
}

describe('paper scoresheets', () => {
  it('lists a judge’s assigned sheets of the open rounds, the printed words in the judge’s language', async () => {
    const page = await load(paperLoader, `${path}?judge=${e.judges[0].id}`, params, e.organiser.cookie);
    expect(page.status).toBe(200);
    expect(page.data.judge).toMatchObject({ id: e.judges[0].id, lang: 'fr' });
    const listed = page.data.sheets.rounds.flatMap((r: { applications: { applicationId: number }[] }) => r.applications.map((a) => a.applicationId));
    expect(listed.sort()).toEqual([e.applications[0].id, e.applications[1].id].sort());
    expect(page.data.sheets.criteria.map((c: { id: number }) => c.id)).toEqual(e.criteria.map((c) => c.id));
    expect(page.data.paperMessages['scoring.paper.sheet.criterion']).toBe('Critère');
    // Nobody else's sheets, and no other edition's judge.
    expect((await load(paperLoader, `${path}?judge=${e.organiser.id}`, params, e.organiser.cookie)).data.judge).toBeNull();
  });

  it('is the organiser’s page only', async () => {
    expect((await load(paperLoader, `${path}?judge=${e.judges[0].id}`, params, e.judges[1].cookie)).status).toBe(403);
    expect((await enter({ intent: 'paper.submit', ...scores((c) => c.scaleMax) }, e.judges[1].cookie)).status).toBe(403);
  });

  it('saves the paper scores as the judge’s submitted sheet, audited as entered by the organiser for the judge', async () => {
    const before = auditCount();
    const result = await enter({ intent: 'paper.submit', ...scores((c) => c.scaleMax), overallComment: 'Écrit à la main.' });
    expect(result.status).toBe(302);
    expect(result.headers.get('Location')).toBe(`${path}?judge=${e.judges[0].id}&saved=1#sheets`);
    const sheet = ownScoresheet(e.judges[0].id, e.screening.id, e.applications[0].id)!;
    expect(sheet).toMatchObject({ status: 'submitted', revision: 1, overallComment: 'Écrit à la main.' });
    for (const c of e.criteria) expect(sheet.values[c.id]).toBe(c.scaleMax);
    expect(auditCount()).toBe(before + 1);
    const audit = lastAudit();
    expect(audit).toMatchObject({ action: 'scoresheet.submit', actorId: e.organiser.id, entityType: 'scoresheet', entityId: String(sheet.id) });
    expect(audit.after).toMatchObject({ enteredOnPaperFor: e.judges[0].id, status: 'submitted' });
    const row = getDb()
      .select()
      .from(schema.scoresheets)
      .where(and(eq(schema.scoresheets.id, sheet.id), eq(schema.scoresheets.judgeId, e.judges[0].id)))
      .get();
    expect(row).toBeDefined();
  });

  it('refuses a score off the scale and a stale revision, writing nothing', async () => {
    const before = auditCount();
    const off = await enter({ intent: 'paper.save', ...scores((c) => c.scaleMax + 5), revision: '1' });
    expect(off.status).toBe(400);
    expect(Object.keys(off.data.fieldErrors)).toContain(`score-${e.criteria[0].id}`);
    const stale = await enter({ intent: 'paper.save', ...scores((c) => c.scaleMin), revision: '0' });
    expect(stale.status).toBe(409);
    expect(stale.data.formError).toBe('scoring.paper.errors.stale');
    expect(auditCount()).toBe(before);
  });

  it('refuses a sheet that is not the judge’s (not assigned) or a user who is not a judge of the edition', async () => {
    const notAssigned = await enter({ intent: 'paper.submit', applicationId: String(e.applications[2].id), ...scores((c) => c.scaleMin) });
    expect(notAssigned.status).toBe(404);
    const notJudge = await enter({ intent: 'paper.submit', judgeId: String(e.organiser.id), ...scores((c) => c.scaleMin) });
    expect(notJudge.status).toBe(404);
  });
});
