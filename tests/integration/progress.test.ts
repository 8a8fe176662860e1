/** The organisers' progress page: per judge, per application, filters, and who may see it. */
import { beforeAll, describe, expect, it } from 'vitest';
import { loader } from '~/routes/organise.$year.progress';
import { getDb, schema } from '~/utils/db.server';
import { context, getRequest, outcome } from '../fixtures/http';
import { assign, declareConflictDirectly, postSheet, scoringWorld, type ScoringWorld } from '../fixtures/scoring';

let world: ScoringWorld;
const COMPLETE = { intent: 'submit' as const, values: { impact: 8, feasibility: 6, team: 4 } };

beforeAll(async () => {
  world = await scoringWorld(2061, 3);
  const [alice, bob, carol] = world.judges;
  const { Civix, OpenLedger, Votabl } = world.apps;
  // k = 2 in this round.
  assign(world.roundId, alice.id, Civix, OpenLedger);
  assign(world.roundId, bob.id, Civix, OpenLedger, Votabl);
  assign(world.roundId, carol.id, Votabl);
  await postSheet(world, alice, Civix, COMPLETE);
  await postSheet(world, bob, Civix, COMPLETE);
  await postSheet(world, alice, OpenLedger, { values: { impact: 5 } });
  await postSheet(world, carol, Votabl, COMPLETE);
  // Carol then declares a conflict with Votabl: her submitted sheet no longer counts.
  declareConflictDirectly(carol.id, Votabl);
});

function progress(query = '', cookie = world.organiser.cookie) {
  return outcome(() =>
    loader({
      request: getRequest(`/organise/${world.year}/progress${query}`, { cookie }),
      params: { year: String(world.year) },
      context: context(),
    }),
  );
}

describe('progress of a round', () => {
  it('counts per judge: assigned, drafts, submitted (conflicts excluded)', async () => {
    const result = await progress();
    expect(result.status).toBe(200);
    const byName = Object.fromEntries(
      result.data.progress.judges.map((j: { name: string; assigned: number; drafts: number; submitted: number }) => [
        j.name,
        [j.assigned, j.drafts, j.submitted],
      ]),
    );
    expect(byName).toEqual({
      'judge1 2061': [2, 1, 1],
      'judge2 2061': [3, 0, 1],
      'judge3 2061': [0, 0, 0],
    });
    expect(result.data.progress.totals).toEqual({ assigned: 5, submitted: 2, drafts: 1, applicationsComplete: 1 });
  });

  it('counts per application: sheets in against k, and who is still missing, least advanced first', async () => {
    const result = await progress();
    const rows = result.data.progress.applications.map(
      (a: { startupName: string; submitted: number; assigned: number; complete: boolean; missing: { name: string; state: string }[] }) => ({
        name: a.startupName,
        in: a.submitted,
        assigned: a.assigned,
        complete: a.complete,
        missing: a.missing.map((m) => `${m.name}:${m.state}`),
      }),
    );
    expect(result.data.progress.k).toBe(2);
    expect(rows).toEqual([
      { name: 'OpenLedger', in: 0, assigned: 2, complete: false, missing: ['judge1 2061:draft', 'judge2 2061:none'] },
      { name: 'Votabl', in: 0, assigned: 1, complete: false, missing: ['judge2 2061:none'] },
      { name: 'Civix', in: 2, assigned: 2, complete: true, missing: [] },
    ]);
  });

  it('filters to what is incomplete', async () => {
    const result = await progress('?only=incomplete');
    expect(result.data.onlyIncomplete).toBe(true);
    expect(result.data.progress.judges.map((j: { name: string }) => j.name)).toEqual(['judge1 2061', 'judge2 2061']);
    expect(result.data.progress.applications.map((a: { startupName: string }) => a.startupName)).toEqual(['OpenLedger', 'Votabl']);
    expect(result.data.progress.applicationsTotal).toBe(3);
  });

  it('shows the chosen round, and ignores a filter it cannot read', async () => {
    const finalId = getDb()
      .insert(schema.rounds)
      .values({ editionId: world.editionId, kind: 'final', nameEn: 'Final', nameFr: 'Finale', position: 1 })
      .returning({ id: schema.rounds.id })
      .get().id;
    const final = await progress(`?round=${finalId}`);
    expect(final.data.roundId).toBe(finalId);
    expect(final.data.progress.applications).toEqual([]);
    expect(final.data.rounds.map((r: { nameEn: string }) => r.nameEn)).toEqual(['Screening', 'Final']);
    const garbled = await progress('?round=abc&only=everything');
    expect(garbled.status).toBe(200);
    expect(garbled.data.roundId).toBe(world.roundId);
    expect(garbled.data.onlyIncomplete).toBe(false);
  });

  it('is for organisers only', async () => {
    expect((await progress('', world.judges[0].cookie)).status).toBe(403);
    expect((await progress('', '')).status).toBe(302);
  });
});
