/**
 * Who may open and score a scoresheet. Every refusal is checked on GET and on POST, and a refused
 * POST must have written nothing: no scoresheet, no score, no idempotency receipt, no audit event.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { loader as judgeEditionLoader } from '~/routes/judge.$year._index';
import { loader as scoresheetLoader } from '~/routes/judge.$year.rounds.$roundId.$applicationId';
import { getDb, schema } from '~/utils/db.server';
import { context, getRequest, outcome } from '../fixtures/http';
import {
  assign,
  declareConflictDirectly,
  openSheet,
  postSheet,
  setRoundState,
  sheetOf,
  writtenState,
  type ScoringWorld,
  scoringWorld,
} from '../fixtures/scoring';
import { expectRefusedWritingNothing } from './helpers';
import { addJudge, createEdition, createUser, sessionCookie } from '../fixtures/users';

let world: ScoringWorld;
let other: ScoringWorld;
const COMPLETE = { values: { impact: 8, feasibility: 6, team: 4 } } as const;

beforeAll(async () => {
  world = await scoringWorld(2041);
  other = await scoringWorld(2042, 1);
  const [alice, bob] = world.judges;
  assign(world.roundId, alice.id, world.apps.Civix, world.apps.OpenLedger, world.apps.Votabl);
  assign(world.roundId, bob.id, world.apps.Civix, world.apps.Parlio);
  assign(other.roundId, other.judges[0].id, other.apps.Civix);
});

describe('a conflicted judge', () => {
  it('gets 403 on GET and on POST for that application, and nothing is written', async () => {
    const [, , carol] = world.judges;
    // Assigned first, conflict declared afterwards: the conflict wins.
    assign(world.roundId, carol.id, world.apps.Votabl);
    declareConflictDirectly(carol.id, world.apps.Votabl);
    expect((await openSheet(world, carol, world.apps.Votabl)).status).toBe(403);
    await expectRefusedWritingNothing(writtenState, () => postSheet(world, carol, world.apps.Votabl, { ...COMPLETE, intent: 'submit' }), 403);
    await expectRefusedWritingNothing(writtenState, () => postSheet(world, carol, world.apps.Votabl, { values: { impact: 3 } }), 403);
    expect(sheetOf(world.roundId, carol.id, world.apps.Votabl)).toBeNull();
    const audit = getDb().select().from(schema.auditEvents).all();
    expect(audit.filter((e) => e.actorId === carol.id)).toEqual([]);
  });

  it('never sees that application in their list, only how many are hidden', async () => {
    const [, , carol] = world.judges;
    const result = await outcome(() =>
      judgeEditionLoader({ request: getRequest(`/judge/${world.year}`, { cookie: carol.cookie }), params: { year: String(world.year) }, context: context() }),
    );
    expect(result.status).toBe(200);
    const [round] = result.data.rounds;
    expect(round.applications).toEqual([]);
    expect(round.hiddenForConflicts).toBe(1);
    expect(JSON.stringify(result.data)).not.toContain('Votabl');
  });
});

describe('a judge who is not assigned to the application in that round', () => {
  it('gets 404 on GET and POST (nothing says whether it exists), and nothing is written', async () => {
    const [alice] = world.judges;
    expect((await openSheet(world, alice, world.apps.Parlio)).status).toBe(404);
    await expectRefusedWritingNothing(writtenState, () => postSheet(world, alice, world.apps.Parlio, COMPLETE), 404);
  });

  it('cannot reach an application or a round of another edition through this edition', async () => {
    const [alice] = world.judges;
    expect((await openSheet(world, alice, other.apps.Civix)).status).toBe(404);
    expect((await openSheet(world, alice, world.apps.Civix, other.roundId)).status).toBe(404);
    await expectRefusedWritingNothing(writtenState, () => postSheet(world, alice, world.apps.Civix, COMPLETE, other.roundId), 404);
  });

  it('gets 404 for ids that are not ids', async () => {
    const [alice] = world.judges;
    for (const [roundId, applicationId] of [
      ['abc', '1'],
      ['1', '0'],
      ['1', '-4'],
      ['1', '1.5'],
    ]) {
      const result = await outcome(() => openSheetRaw(alice.cookie, roundId, applicationId));
      expect(result.status, `${roundId}/${applicationId}`).toBe(404);
    }
  });
});

function openSheetRaw(cookie: string, roundId: string, applicationId: string) {
  return scoresheetLoader({
    request: getRequest(`/judge/${world.year}/rounds/${roundId}/${applicationId}`, { cookie }),
    params: { year: String(world.year), roundId, applicationId },
    context: context(),
  });
}

describe('people who are not judges of the edition', () => {
  it('sends the anonymous to log in, on GET and POST', async () => {
    const get = await openSheet(world, null, world.apps.Civix);
    expect(get.status).toBe(302);
    expect(get.headers.get('Location')).toMatch(/^\/login\?redirectTo=/);
    await expectRefusedWritingNothing(writtenState, () => postSheet(world, null, world.apps.Civix, COMPLETE), 302);
  });

  it('refuses an organiser (not a judge by role), a founder and a judge of another edition with 403', async () => {
    const founder = await createUser('guard-founder-2041@example.org', 'founder');
    const founderCookie = await sessionCookie(founder.id);
    for (const cookie of [world.organiser.cookie, founderCookie, other.judges[0].cookie]) {
      expect((await openSheet(world, { cookie }, world.apps.Civix)).status).toBe(403);
      await expectRefusedWritingNothing(writtenState, () => postSheet(world, { cookie }, world.apps.Civix, COMPLETE), 403);
    }
  });

  it('refuses the judge page of an edition the judge does not belong to', async () => {
    const result = await outcome(() =>
      judgeEditionLoader({
        request: getRequest(`/judge/${other.year}`, { cookie: world.judges[0].cookie }),
        params: { year: String(other.year) },
        context: context(),
      }),
    );
    expect(result.status).toBe(403);
  });
});

describe('one judge, one sheet', () => {
  it("never shows a judge another judge's sheet on the same application", async () => {
    const [alice, bob] = world.judges;
    const saved = await postSheet(world, alice, world.apps.Civix, {
      values: { impact: 9, feasibility: 2 },
      comments: { impact: 'alice-only-comment' },
      overallComment: 'alice-only-overall',
    });
    expect(saved.status).toBe(200);
    const bobsView = await openSheet(world, bob, world.apps.Civix);
    expect(bobsView.status).toBe(200);
    expect(bobsView.data.sheet).toBeNull();
    expect(JSON.stringify(bobsView.data)).not.toMatch(/alice-only/);
    // Bob's own save creates his own sheet and leaves Alice's untouched.
    const bobs = await postSheet(world, bob, world.apps.Civix, { values: { impact: 2 } });
    expect(bobs.data).toMatchObject({ result: 'saved', revision: 1 });
    expect(sheetOf(world.roundId, alice.id, world.apps.Civix)!.values[world.criteria.impact]).toBe(9);
    expect(sheetOf(world.roundId, bob.id, world.apps.Civix)!.values[world.criteria.impact]).toBe(2);
    const again = await openSheet(world, bob, world.apps.Civix);
    expect(again.data.sheet.content.values[world.criteria.impact]).toBe(2);
    expect(JSON.stringify(again.data)).not.toMatch(/alice-only/);
  });

  it("cannot reach another judge's sheet by posting to it: a post only ever writes the poster's own", async () => {
    const [alice, bob] = world.judges;
    const alicesBefore = sheetOf(world.roundId, alice.id, world.apps.Civix);
    // Bob posts Alice's revision to the same URL: it is his own sheet (revision 1) that answers.
    const result = await postSheet(world, bob, world.apps.Civix, { revision: alicesBefore!.revision, values: { impact: 3 } });
    expect(result.data).toMatchObject({ result: 'saved', revision: 2 });
    expect(sheetOf(world.roundId, alice.id, world.apps.Civix)).toEqual(alicesBefore);
  });
});

describe('a locked round', () => {
  it('shows the sheet read only and refuses every change with 409 and a message, writing nothing', async () => {
    const locked = await scoringWorld(2043, 1);
    const [judge] = locked.judges;
    assign(locked.roundId, judge.id, locked.apps.Civix, locked.apps.Votabl);
    expect((await postSheet(locked, judge, locked.apps.Civix, { values: { impact: 5 } })).status).toBe(200);
    setRoundState(locked.roundId, 'locked');

    const page = await openSheet(locked, judge, locked.apps.Civix);
    expect(page.status).toBe(200);
    expect(page.data.locked).toBe(true);
    expect(page.data.sheet.content.values[locked.criteria.impact]).toBe(5);

    for (const save of [
      { revision: 1, values: { impact: 6 } },
      { revision: 1, intent: 'submit' as const, values: { impact: 8, feasibility: 6, team: 4 } },
      { revision: 0, values: { impact: 1 } },
    ]) {
      const applicationId = save.revision === 0 ? locked.apps.Votabl : locked.apps.Civix;
      const result = await expectRefusedWritingNothing(writtenState, () => postSheet(locked, judge, applicationId, save), 409);
      expect(result.data).toMatchObject({ result: 'locked' });
    }

    const list = await outcome(() =>
      judgeEditionLoader({ request: getRequest(`/judge/${locked.year}`, { cookie: judge.cookie }), params: { year: String(locked.year) }, context: context() }),
    );
    expect(list.data.rounds[0].locked).toBe(true);
  });

  it('treats every round of a published edition as closed', async () => {
    const published = await scoringWorld(2044, 1);
    const [judge] = published.judges;
    assign(published.roundId, judge.id, published.apps.Civix);
    getDb().update(schema.editions).set({ status: 'published' }).where(eq(schema.editions.id, published.editionId)).run();
    expect((await openSheet(published, judge, published.apps.Civix)).data.locked).toBe(true);
    await expectRefusedWritingNothing(writtenState, () => postSheet(published, judge, published.apps.Civix, { values: { impact: 4 } }), 409);
  });
});

it('does not create an edition judge by scoring (membership is required first)', async () => {
  const edition = createEdition(2045, 'judging');
  const stranger = await createUser('stranger-2045@example.org', 'judge');
  addJudge(edition.id, stranger.id);
  const cookie = await sessionCookie(stranger.id);
  expect((await openSheet(world, { cookie }, world.apps.Civix)).status).toBe(403);
});
