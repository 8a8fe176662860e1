/**
 * Scoring as a judge does it, through the scoresheet route's loader and action: drafts, submit,
 * changes after submit, refused values, idempotent saves, stale revisions, and the audit log.
 */
import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { loader as judgeEditionLoader } from '~/routes/judge.$year._index';
import { context, getRequest, outcome } from '../fixtures/http';
import {
  assign,
  auditOf,
  declareConflictDirectly,
  openSheet,
  postFields,
  postSheet,
  saveFields,
  scoringWorld,
  sheetOf,
  writtenState,
  type Person,
  type ScoringWorld,
} from '../fixtures/scoring';
import { expectRefusedWritingNothing } from './helpers';

let world: ScoringWorld;
let judge: Person;
let year = 2050;

beforeEach(async () => {
  // A fresh edition per test (years keep them apart in the file's database).
  world = await scoringWorld(year++, 2);
  judge = world.judges[0];
  assign(world.roundId, judge.id, world.apps.Civix, world.apps.OpenLedger, world.apps.Votabl);
});

const civix = () => world.apps.Civix;

describe('drafts', () => {
  it('saves a partial draft at revision 1, with its comments, and audits it once', async () => {
    const result = await postSheet(world, judge, civix(), {
      values: { impact: 7 },
      comments: { impact: '  Clear public value  ' },
      overallComment: 'Promising',
    });
    expect(result.status).toBe(200);
    expect(result.data).toMatchObject({ result: 'saved', intent: 'save', revision: 1, status: 'draft', replayed: false });
    const sheet = sheetOf(world.roundId, judge.id, civix())!;
    expect(sheet).toMatchObject({ status: 'draft', revision: 1, overallComment: 'Promising', submittedAt: null });
    expect(sheet.values).toEqual({ [world.criteria.impact]: 7, [world.criteria.feasibility]: null, [world.criteria.team]: null });
    const events = auditOf(sheet.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: 'scoresheet.save', actorId: judge.id, editionId: world.editionId, before: null });
    expect(events[0].after).toMatchObject({
      roundId: world.roundId,
      applicationId: civix(),
      status: 'draft',
      revision: 1,
      scores: { [world.criteria.impact]: { value: 7, comment: 'Clear public value' } },
    });
  });

  it('shows the saved draft back on the page, with a fresh idempotency key at every render', async () => {
    await postSheet(world, judge, civix(), { values: { impact: 7, team: 2 } });
    const first = await openSheet(world, judge, civix());
    const second = await openSheet(world, judge, civix());
    expect(first.data.sheet).toMatchObject({ revision: 1, status: 'draft' });
    expect(first.data.sheet.content.values).toMatchObject({ [world.criteria.impact]: 7, [world.criteria.team]: 2 });
    expect(first.data.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.data.idempotencyKey).not.toBe(second.data.idempotencyKey);
    expect(first.data.criteria.map((c: { nameEn: string }) => c.nameEn)).toEqual(['Impact', 'Feasibility', 'Team']);
    expect(first.data.application).toMatchObject({ startupName: 'Civix', problem: 'A problem' });
  });
});

describe('refused values', () => {
  it('refuses a submit with one criterion missing: 400, a message on that criterion, nothing written', async () => {
    const result = await expectRefusedWritingNothing(writtenState, 
      () => postSheet(world, judge, civix(), { intent: 'submit', values: { impact: 8, team: 4 } }),
      400,
    );
    expect(result.data).toMatchObject({
      result: 'invalid',
      fieldErrors: { [`score-${world.criteria.feasibility}`]: 'scoring.errors.required' },
    });
    expect(Object.keys(result.data.fieldErrors)).toEqual([`score-${world.criteria.feasibility}`]);
    // What was typed comes back, to be shown again.
    expect(result.data.typed.values).toMatchObject({ [world.criteria.impact]: 8, [world.criteria.team]: 4 });
  });

  it('refuses 11 on a 1–10 scale and 6 on a 1–5 scale: 400, nothing written', async () => {
    const eleven = await expectRefusedWritingNothing(writtenState, 
      () => postSheet(world, judge, civix(), { values: { impact: 11, feasibility: 6, team: 4 }, intent: 'submit' }),
      400,
    );
    expect(eleven.data.fieldErrors).toEqual({ [`score-${world.criteria.impact}`]: 'scoring.errors.outOfScale' });
    const six = await expectRefusedWritingNothing(writtenState, () => postSheet(world, judge, civix(), { values: { team: 6 } }), 400);
    expect(six.data.fieldErrors).toEqual({ [`score-${world.criteria.team}`]: 'scoring.errors.outOfScale' });
  });

  it('refuses values that are not whole numbers, even in a draft', async () => {
    for (const typed of ['7.5', 'seven', '1e1']) {
      const result = await expectRefusedWritingNothing(writtenState, () => postSheet(world, judge, civix(), { values: { impact: typed } }), 400);
      expect(result.data.fieldErrors).toEqual({ [`score-${world.criteria.impact}`]: 'scoring.errors.notInteger' });
    }
  });

  it('takes an emptied score in a draft as not scored yet, not as a wrong value', async () => {
    await postSheet(world, judge, civix(), { values: { impact: 7, team: 4 } });
    const result = await postSheet(world, judge, civix(), { revision: 1, values: { impact: '', team: 4 } });
    expect(result.status).toBe(200);
    expect(result.data).toMatchObject({ result: 'saved', revision: 2, status: 'draft' });
    expect(sheetOf(world.roundId, judge.id, civix())!.values).toEqual({
      [world.criteria.impact]: null,
      [world.criteria.feasibility]: null,
      [world.criteria.team]: 4,
    });
  });

  it('refuses a post without an idempotency key, intent or revision', async () => {
    const fields = saveFields(world, { values: { impact: 5 } });
    for (const missing of ['idempotencyKey', 'intent', 'revision']) {
      const { [missing]: _dropped, ...rest } = fields;
      const result = await expectRefusedWritingNothing(writtenState, () => postFields(world, judge, civix(), rest), 400);
      expect(result.data).toMatchObject({ result: 'invalid', formError: 'scoring.errors.badRequest' });
    }
  });
});

describe('submit and change after submit', () => {
  it('submits a complete sheet, then goes back to the list naming the startup', async () => {
    await postSheet(world, judge, civix(), { values: { impact: 8 } });
    const result = await postSheet(world, judge, civix(), {
      intent: 'submit',
      revision: 1,
      values: { impact: 8, feasibility: 6, team: 4 },
    });
    expect(result.status).toBe(302);
    expect(result.headers.get('Location')).toBe(`/judge/${world.year}?submitted=${civix()}`);
    const sheet = sheetOf(world.roundId, judge.id, civix())!;
    expect(sheet).toMatchObject({ status: 'submitted', revision: 2 });
    expect(sheet.submittedAt).toBeInstanceOf(Date);
    const list = await outcome(() =>
      judgeEditionLoader({
        request: getRequest(`/judge/${world.year}?submitted=${civix()}`, { cookie: judge.cookie }),
        params: { year: String(world.year) },
        context: context(),
      }),
    );
    expect(list.data.submitted).toEqual({ startupName: 'Civix' });
  });

  it('lets a submitted sheet be changed (it stays submitted) but never left incomplete', async () => {
    await postSheet(world, judge, civix(), { intent: 'submit', values: { impact: 8, feasibility: 6, team: 4 } });
    const firstSubmittedAt = sheetOf(world.roundId, judge.id, civix())!.submittedAt;
    const changed = await postSheet(world, judge, civix(), { revision: 1, values: { impact: 5, feasibility: 6, team: 4 } });
    expect(changed.data).toMatchObject({ result: 'saved', revision: 2, status: 'submitted' });
    expect(sheetOf(world.roundId, judge.id, civix())).toMatchObject({ status: 'submitted', submittedAt: firstSubmittedAt });
    const incomplete = await expectRefusedWritingNothing(writtenState, 
      () => postSheet(world, judge, civix(), { revision: 2, values: { impact: 5, team: 4 } }),
      400,
    );
    expect(incomplete.data.fieldErrors).toEqual({ [`score-${world.criteria.feasibility}`]: 'scoring.errors.required' });
  });
});

describe('the audit log', () => {
  it('gets exactly one event per scoring action, with before and after', async () => {
    const count = () => writtenState().audit.length;
    const start = count();

    await postSheet(world, judge, civix(), { values: { impact: 7 } });
    expect(count()).toBe(start + 1);
    await postSheet(world, judge, civix(), { revision: 1, values: { impact: 7, feasibility: 3 } });
    expect(count()).toBe(start + 2);
    await postSheet(world, judge, civix(), { intent: 'submit', revision: 2, values: { impact: 7, feasibility: 3, team: 5 } });
    expect(count()).toBe(start + 3);
    await postSheet(world, judge, civix(), { revision: 3, values: { impact: 9, feasibility: 3, team: 5 }, comments: { impact: 'mis-tap' } });
    expect(count()).toBe(start + 4);

    const sheet = sheetOf(world.roundId, judge.id, civix())!;
    const events = auditOf(sheet.id);
    expect(events.map((e) => e.action)).toEqual(['scoresheet.save', 'scoresheet.save', 'scoresheet.submit', 'scoresheet.change']);
    const change = events[3];
    expect(change.before).toMatchObject({ status: 'submitted', revision: 3, scores: { [world.criteria.impact]: { value: 7, comment: '' } } });
    expect(change.after).toMatchObject({ status: 'submitted', revision: 4, scores: { [world.criteria.impact]: { value: 9, comment: 'mis-tap' } } });
    expect(events.every((e) => e.actorId === judge.id && e.entityType === 'scoresheet')).toBe(true);
  });

  it('records nothing for a save that changes nothing (same answer, same revision)', async () => {
    await postSheet(world, judge, civix(), { values: { impact: 7 } });
    const before = writtenState().audit.length;
    const again = await postSheet(world, judge, civix(), { revision: 1, values: { impact: 7 } });
    expect(again.data).toMatchObject({ result: 'saved', revision: 1 });
    expect(writtenState().audit.length).toBe(before);
  });
});

describe('idempotency', () => {
  it('applies the same save sent twice once, and answers the second time as the first', async () => {
    const fields = saveFields(world, { values: { impact: 6 }, key: randomUUID() });
    const first = await postFields(world, judge, civix(), fields);
    const state = writtenState();
    const second = await postFields(world, judge, civix(), fields);
    expect(writtenState()).toEqual(state);
    expect(second.status).toBe(200);
    expect(second.data).toEqual({ ...first.data, replayed: true });
  });

  it('answers a late retry with what it did then, even after newer saves', async () => {
    const key = randomUUID();
    const first = await postSheet(world, judge, civix(), { key, values: { impact: 6 } });
    await postSheet(world, judge, civix(), { revision: 1, values: { impact: 2 } });
    const state = writtenState();
    const retry = await postSheet(world, judge, civix(), { key, values: { impact: 6 } });
    expect(retry.data).toMatchObject({ result: 'saved', revision: 1, savedAt: first.data.savedAt, replayed: true });
    expect(writtenState()).toEqual(state);
    expect(sheetOf(world.roundId, judge.id, civix())!.values[world.criteria.impact]).toBe(2);
  });

  it('repeats a submit the same way: redirected again, submitted once', async () => {
    const fields = saveFields(world, { intent: 'submit', values: { impact: 8, feasibility: 6, team: 4 } });
    expect((await postFields(world, judge, civix(), fields)).status).toBe(302);
    const state = writtenState();
    const again = await postFields(world, judge, civix(), fields);
    expect(again.status).toBe(302);
    expect(writtenState()).toEqual(state);
    expect(auditOf(sheetOf(world.roundId, judge.id, civix())!.id).map((e) => e.action)).toEqual(['scoresheet.submit']);
  });

  it('refuses a key already used for another sheet, writing nothing', async () => {
    const key = randomUUID();
    await postSheet(world, judge, civix(), { key, values: { impact: 6 } });
    const result = await expectRefusedWritingNothing(writtenState, 
      () => postSheet(world, judge, world.apps.OpenLedger, { key, values: { impact: 6 } }),
      400,
    );
    expect(result.data).toMatchObject({ result: 'invalid', formError: 'scoring.errors.badRequest' });
  });
});

describe('revisions', () => {
  it('refuses a save based on an older revision with 409 and both versions, writing nothing', async () => {
    // Two tabs open at revision 0; the first saves, then the second.
    await postSheet(world, judge, civix(), { values: { impact: 7, feasibility: 5 }, comments: { impact: 'from the tablet' } });
    await postSheet(world, judge, civix(), { revision: 1, values: { impact: 7, feasibility: 6 }, comments: { impact: 'from the tablet' } });
    const result = await expectRefusedWritingNothing(writtenState, 
      () =>
        postSheet(world, judge, civix(), {
          revision: 1,
          values: { impact: 3, feasibility: 5 },
          comments: { team: 'from the laptop' },
          overallComment: 'laptop',
        }),
      409,
    );
    const { impact, feasibility, team } = world.criteria;
    expect(result.data).toMatchObject({
      result: 'stale',
      intent: 'save',
      mine: {
        values: { [impact]: 3, [feasibility]: 5, [team]: null },
        comments: { [impact]: '', [team]: 'from the laptop' },
        overallComment: 'laptop',
      },
      stored: {
        status: 'draft',
        revision: 2,
        values: { [impact]: 7, [feasibility]: 6, [team]: null },
        comments: { [impact]: 'from the tablet', [team]: '' },
        overallComment: '',
      },
    });
    expect(result.data.storedAt).toEqual(expect.any(String));
  });

  it('lets the judge keep their version by saving it again on top of the stored revision', async () => {
    await postSheet(world, judge, civix(), { values: { impact: 7 } });
    await postSheet(world, judge, civix(), { revision: 1, values: { impact: 8 } });
    const stale = await postSheet(world, judge, civix(), { revision: 1, values: { impact: 3 } });
    expect(stale.status).toBe(409);
    const kept = await postSheet(world, judge, civix(), { revision: stale.data.stored.revision, values: { impact: 3 } });
    expect(kept.data).toMatchObject({ result: 'saved', revision: 3 });
    expect(sheetOf(world.roundId, judge.id, civix())!.values[world.criteria.impact]).toBe(3);
  });

  it('refuses a first save that claims a revision the sheet never had', async () => {
    const result = await expectRefusedWritingNothing(writtenState, () => postSheet(world, judge, civix(), { revision: 4, values: { impact: 3 } }), 409);
    expect(result.data.stored).toMatchObject({ revision: 0, status: 'draft' });
  });
});

describe("the judge's page of the edition", () => {
  it('lists assigned pitches next-to-score first, with progress, and hides conflicts by number only', async () => {
    const [, other] = world.judges;
    assign(world.roundId, other.id, civix());
    declareConflictDirectly(judge.id, world.apps.Votabl);
    await postSheet(world, judge, world.apps.OpenLedger, { intent: 'submit', values: { impact: 8, feasibility: 6, team: 4 } });
    await postSheet(world, judge, civix(), { values: { impact: 8 } });
    await postSheet(world, other, civix(), { intent: 'submit', values: { impact: 1, feasibility: 1, team: 1 } });

    const result = await outcome(() =>
      judgeEditionLoader({ request: getRequest(`/judge/${world.year}`, { cookie: judge.cookie }), params: { year: String(world.year) }, context: context() }),
    );
    expect(result.status).toBe(200);
    expect(result.data.conflicts).toBe(1);
    const [round] = result.data.rounds;
    expect(round).toMatchObject({ id: world.roundId, locked: false, submitted: 1, hiddenForConflicts: 1, criteriaCount: 3 });
    expect(round.applications.map((p: { startupName: string; status: string | null; scored: number }) => [p.startupName, p.status, p.scored])).toEqual([
      ['Civix', 'draft', 1],
      ['OpenLedger', 'submitted', 3],
    ]);
    // Only the judge's own sheets count: the other judge's submitted Civix does not make it "submitted" here.
    expect(JSON.stringify(result.data)).not.toContain('Votabl');
  });
});
