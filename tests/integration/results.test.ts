/**
 * The organiser's ranking and calibration pages on a judged screening round: what the engine says,
 * with withdrawn applications never shown, ties and insufficient scores flagged, the other methods
 * previewed side by side, and a severe judge visible. And every message these pages use exists in
 * both languages.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '~/i18n/en';
import { fr } from '~/i18n/fr';
import { loader as calibrationLoader } from '~/routes/organise.$year.rounds.$roundId.calibration';
import { loader as rankingLoader } from '~/routes/organise.$year.rounds.$roundId.ranking';
import { getDb, schema } from '~/utils/db.server';
import { context, getRequest, outcome } from '../fixtures/http';
import { marks, resultsWorld, writeSheet, type ResultsWorld } from '../fixtures/results';
import { createUser } from '../fixtures/users';

let world: ResultsWorld;
let latecomer: number;

function ranking(query = '') {
  const path = `/organise/${world.year}/rounds/${world.screeningId}/ranking${query}`;
  return outcome(() =>
    rankingLoader({ request: getRequest(path, { cookie: world.organiser.cookie }), params: { year: String(world.year), roundId: String(world.screeningId) }, context: context() }),
  );
}

beforeAll(async () => {
  world = await resultsWorld(2081);
  // An application with a single sheet: not enough to be ranked (minSheets 2).
  const founder = await createUser('latecomer-2081@example.org', 'founder');
  latecomer = getDb()
    .insert(schema.applications)
    .values({ editionId: world.editionId, founderId: founder.id, status: 'submitted', startupName: 'Latecomer', updatedAt: new Date(), submittedAt: new Date() })
    .returning({ id: schema.applications.id })
    .get().id;
  writeSheet(world.screeningId, world.judges[0].id, latecomer, marks(world, 'Parlio', 0));
  // A draft never counts.
  writeSheet(world.screeningId, world.judges[1].id, latecomer, { [world.criteria.impact]: 10, [world.criteria.feasibility]: null, [world.criteria.team]: 5 }, 'draft');
});

describe('the ranking page', () => {
  it('ranks the round by its method; withdrawn applications never appear, drafts never count', async () => {
    const { data } = await ranking();
    const names = data.view.rows.map((r: { name: string }) => r.name);
    expect(names).not.toContain('Gone');
    expect(names.slice(0, 2)).toEqual(['Votabl', 'Civix']);
    expect(names.at(-1)).toBe('Latecomer');
    // 8 applications × 4 judges, plus the latecomer's one sheet; the withdrawn one's 4 sheets and the draft do not count.
    expect(data.view.counted).toBe(33);
    expect(data.view.submitted).toBe(37);
    expect(data.view.criteria.map((c: { nameEn: string }) => c.nameEn)).toEqual(['Impact', 'Feasibility', 'Team']);
    const votabl = data.view.rows[0];
    expect(votabl).toMatchObject({ rank: 1, sheets: 4, tie: false, status: 'submitted' });
    expect(votabl.spread).toBeGreaterThan(0);
    for (const c of Object.values(world.criteria)) expect(votabl.criterionMeans[c]).toBeGreaterThan(0.5);
  });

  it('flags ties after every tie-break and applications with insufficient scores', async () => {
    const { data } = await ranking();
    const tied = data.view.rows.filter((r: { tie: boolean }) => r.tie);
    expect(tied.map((r: { name: string }) => r.name)).toEqual(['Lexio', 'OpenLedger']);
    expect(new Set(tied.map((r: { rank: number }) => r.rank))).toEqual(new Set([3]));
    expect(data.view.ties).toBe(2);
    expect(data.view.insufficient).toBe(1);
    expect(data.view.rows.at(-1)).toMatchObject({ name: 'Latecomer', rank: null, score: null, sheets: 1 });
  });

  it('previews the other methods side by side only when asked (?compare=methods)', async () => {
    const plain = (await ranking()).data;
    expect(plain.compare).toBe(false);
    expect(plain.view.compared).toEqual([]);
    const { data } = await ranking('?compare=methods');
    expect(data.view.compared).toEqual(['mean', 'trimmed', 'zscore']);
    for (const row of data.view.rows) {
      expect(row.ranks.mean).toBe(row.rank);
      // With 4 sheets (fewer than 5) the trimmed mean is the mean.
      expect(row.ranks.trimmed).toBe(row.rank);
      expect(row.ranks.zscore === null).toBe(row.rank === null);
    }
    const zRanks = data.view.rows.filter((r: { rank: number | null }) => r.rank !== null).map((r: { ranks: { zscore: number } }) => r.ranks.zscore);
    expect([...zRanks].sort((a, b) => a - b)[0]).toBe(1);
  });
});

describe('the calibration page', () => {
  it('shows the severe judge against the panel, with every figure', async () => {
    const path = `/organise/${world.year}/rounds/${world.screeningId}/calibration`;
    const { data } = await outcome(() =>
      calibrationLoader({ request: getRequest(path, { cookie: world.organiser.cookie }), params: { year: String(world.year), roundId: String(world.screeningId) }, context: context() }),
    );
    const { calibration, judges } = data.view;
    expect(calibration.panel).toMatchObject({ sheets: 33, judges: 4 });
    const byId = Object.fromEntries(judges.map((j: { judgeId: number }) => [j.judgeId, j]));
    expect(byId[world.judges[1].id]).toMatchObject({ leaning: 'severe', sheets: 8, pairedSheets: 8, name: expect.stringContaining('judge2') });
    expect(byId[world.judges[1].id].gap).toBeLessThan(-calibration.threshold);
    expect(byId[world.judges[0].id].leaning).toBe('in_line');
    expect(byId[world.judges[1].id].mean).toBeLessThan(calibration.panel.mean);
  });
});

describe('messages of the results pages', () => {
  it('use the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)(?:\}|, plural,)/g)].map((m) => m[1]))].sort();
    const mismatched = Object.keys(en)
      .filter((key) => key.startsWith('results.') || key.startsWith('organise.tabs.'))
      .filter((key) => JSON.stringify(placeholders((en as Record<string, string>)[key])) !== JSON.stringify(placeholders((fr as Record<string, string>)[key])));
    expect(mismatched).toEqual([]);
  });
});
