import { describe, expect, it } from 'vitest';
import { CSV_BOM } from '~/domain/csv';
import {
  buildOpenResults,
  judgePseudonyms,
  LICENCE,
  neutralStartupLabel,
  resultsCsv,
  scoresCsv,
  sealInputOf,
  type OpenDataInput,
} from '~/domain/open-data';
import { roundForComparison, type RankingSheet } from '~/domain/ranking';
import { sealHash } from '~/domain/seal';

// SCORING.md's worked example: Impact w=3 (1–10), Feasibility w=2 (1–10), Team w=1 (1–5).
const IMPACT = 1;
const FEASIBILITY = 2;
const TEAM = 3;
const [A, B, C, D] = [101, 102, 103, 104];
const [CIVIX, OPENLEDGER, VOTABL, PARLIO] = [11, 12, 13, 14];

function sheet(judgeId: number, applicationId: number, [i, f, t]: (number | null)[], status: RankingSheet['status'] = 'submitted'): RankingSheet {
  return { judgeId, applicationId, status, scores: { [IMPACT]: i, [FEASIBILITY]: f, [TEAM]: t } };
}

const finalSheets = [
  sheet(A, CIVIX, [8, 6, 4]),
  sheet(A, OPENLEDGER, [9, 7, 3]),
  sheet(A, VOTABL, [6, 8, 5]),
  sheet(B, CIVIX, [5, 5, 3]),
  sheet(B, OPENLEDGER, [6, 4, 2]),
  sheet(B, VOTABL, [7, 7, 4]),
  sheet(C, CIVIX, [9, 9, 5]),
  sheet(C, OPENLEDGER, [9, 8, 5]),
  sheet(C, VOTABL, [8, 9, 4]),
  // Not counted: a draft, and a judge conflicted with Civix.
  sheet(D, VOTABL, [10, 10, 5], 'draft'),
  sheet(D, CIVIX, [1, 1, 1]),
];

function input(overrides: Partial<OpenDataInput> = {}): OpenDataInput {
  return {
    edition: { year: 2019, name: 'GovTech Summit 2019', publishedAt: new Date('2019-11-20T17:30:00Z') },
    criteria: [
      { id: TEAM, nameEn: 'Team', nameFr: 'Équipe', weight: 1, min: 1, max: 5, position: 2 },
      { id: IMPACT, nameEn: 'Impact', nameFr: 'Impact', weight: 3, min: 1, max: 10, position: 0 },
      { id: FEASIBILITY, nameEn: 'Feasibility', nameFr: 'Faisabilité', weight: 2, min: 1, max: 10, position: 1 },
    ],
    tracks: [{ id: 5, nameEn: 'Transparency', nameFr: 'Transparence' }],
    applications: [
      { id: CIVIX, startupName: 'Civix', consent: true, trackId: 5 },
      { id: OPENLEDGER, startupName: 'OpenLedger', consent: false, trackId: 5 },
      { id: VOTABL, startupName: 'Votabl', consent: true, trackId: null },
      { id: PARLIO, startupName: 'Parlio, "the" =app', consent: true, trackId: null },
    ],
    rounds: [
      {
        id: 1,
        kind: 'screening',
        nameEn: 'Screening',
        nameFr: 'Présélection',
        method: 'mean',
        minSheets: 2,
        sealHash: null,
        sealedAt: null,
        applicationIds: [CIVIX, OPENLEDGER, VOTABL, PARLIO],
        sheets: [sheet(A, CIVIX, [7, 7, 4]), sheet(B, CIVIX, [6, 6, 3]), sheet(A, OPENLEDGER, [5, 5, 5]), sheet(C, OPENLEDGER, [8, 8, 2]), sheet(A, PARLIO, [9, 9, 5])],
      },
      {
        id: 2,
        kind: 'final',
        nameEn: 'Final',
        nameFr: 'Finale',
        method: 'zscore',
        minSheets: 2,
        sealHash: 'f'.repeat(64),
        sealedAt: new Date('2019-11-20T16:55:00Z'),
        applicationIds: [CIVIX, OPENLEDGER, VOTABL],
        sheets: finalSheets,
      },
    ],
    conflicts: [{ judgeId: D, applicationId: CIVIX }],
    votes: null,
    awards: [
      { kind: 'peoples_choice', place: 1, trackId: null, applicationId: VOTABL },
      { kind: 'overall', place: 1, trackId: null, applicationId: OPENLEDGER },
    ],
    pseudonyms: judgePseudonyms([D, B, A, C]),
    ...overrides,
  };
}

describe('open data of a published edition', () => {
  it('numbers judges J1…Jn in the order of their ids', () => {
    expect([...judgePseudonyms([104, 7, 55, 7])]).toEqual([
      [7, 'J1'],
      [55, 'J2'],
      [104, 'J3'],
    ]);
  });

  it('ranks each round with the engine, under the names the public sees (SCORING.md worked example, z-score)', () => {
    const { document } = buildOpenResults(input());
    const final = document.rounds.find((r) => r.kind === 'final')!;
    expect(final.ranking.map((r) => [r.rank, r.startup])).toEqual([
      [1, neutralStartupLabel(OPENLEDGER)],
      [2, 'Civix'],
      [3, 'Votabl'],
    ]);
    expect(final.ranking[0].score).toBeCloseTo(0.2649, 4);
    // Published at the precision the method compares at: 9 decimals, no float noise.
    for (const round of document.rounds) for (const r of round.ranking) expect(roundForComparison(r.score)).toBe(r.score);
    expect(final.ranking[0]).toMatchObject({ applicationId: OPENLEDGER, sheets: 3, tie: false, track: 5 });
    expect(document.seal).toBe('f'.repeat(64));
    expect(document.sealedRound).toBe(2);
  });

  it('publishes counted sheets only, keyed by criterion id, ordered by application then pseudonym', () => {
    const { document } = buildOpenResults(input());
    const final = document.rounds.find((r) => r.kind === 'final')!;
    expect(final.sheets).toHaveLength(9);
    expect(final.sheets.map((s) => `${s.applicationId}/${s.judge}`)).toEqual(
      [CIVIX, OPENLEDGER, VOTABL].flatMap((id) => ['J1', 'J2', 'J3'].map((j) => `${id}/${j}`)),
    );
    expect(final.sheets[0]).toEqual({ judge: 'J1', applicationId: CIVIX, scores: { [IMPACT]: 8, [FEASIBILITY]: 6, [TEAM]: 4 } });
    expect(JSON.stringify(document)).not.toContain('"judgeId"');
  });

  it('lists applications with too few sheets as unranked, and criteria in display order with their position', () => {
    const { document } = buildOpenResults(input());
    const screening = document.rounds.find((r) => r.kind === 'screening')!;
    expect(screening.ranking.map((r) => r.applicationId)).toEqual([CIVIX, OPENLEDGER]);
    expect(screening.unranked).toEqual([
      { applicationId: PARLIO, startup: 'Parlio, "the" =app', track: null, sheets: 1 },
      { applicationId: VOTABL, startup: 'Votabl', track: null, sheets: 0 },
    ]);
    expect(document.criteria.map((c) => [c.id, c.position])).toEqual([
      [IMPACT, 0],
      [FEASIBILITY, 1],
      [TEAM, 2],
    ]);
  });

  it('carries the licence, the method constants, the awards in a fixed order, and the votes when there were some', () => {
    const { document } = buildOpenResults(input());
    expect(document.licence).toMatchObject({ name: LICENCE.name, url: LICENCE.url });
    expect(document.method).toMatchObject({ page: '/method', comparisonDecimals: 9, trimmedMinSheets: 5, zscoreMinJudgeSheets: 3, sealVersion: 1 });
    expect(document.awards.map((a) => a.kind)).toEqual(['overall', 'peoples_choice']);
    expect(document.peoplesChoice).toBeNull();
    const voted = buildOpenResults(
      input({
        votes: [
          { applicationId: VOTABL, votes: 40 },
          { applicationId: CIVIX, votes: 40 },
        ],
      }),
    ).document;
    expect(voted.peoplesChoice).toEqual([
      { rank: 1, applicationId: CIVIX, startup: 'Civix', votes: 40, tie: true },
      { rank: 1, applicationId: VOTABL, startup: 'Votabl', votes: 40, tie: true },
      { rank: 3, applicationId: OPENLEDGER, startup: neutralStartupLabel(OPENLEDGER), votes: 0, tie: false },
    ]);
  });

  it("gives the seal input straight from the document, so anyone's recomputation hashes what was published", () => {
    const { document } = buildOpenResults(input());
    const sealed = sealInputOf(document, 2);
    expect(sealed).toMatchObject({ edition: 2019, round: 2, method: 'zscore', minSheets: 2 });
    expect(sealHash(sealed)).toMatch(/^[0-9a-f]{64}$/);
    // Re-read from the JSON text: the same hash.
    expect(sealHash(sealInputOf(JSON.parse(JSON.stringify(document)), 2))).toBe(sealHash(sealed));
  });

  it('refuses to publish a counted sheet whose judge has no pseudonym', () => {
    expect(() => buildOpenResults(input({ pseudonyms: judgePseudonyms([A, B]) }))).toThrow(/pseudonym/);
  });
});

describe('open-data CSV files', () => {
  const { document } = buildOpenResults(input());

  it('results.csv: UTF-8 BOM, comma-separated, one row per application and round, unranked last', () => {
    const text = resultsCsv(document);
    expect(text.startsWith(CSV_BOM)).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines.pop()).toBe('');
    expect(lines[0]).toBe('edition,round_id,round_kind,round,method,rank,tie,application_id,startup,track,score,sheets,status');
    expect(lines).toHaveLength(1 + 4 + 3);
    // Civix and OpenLedger tie in screening on the score and on every tie-break: same rank, both marked.
    expect(lines[1]).toMatch(/^2019,1,screening,Screening,mean,1,true,11,Civix,Transparency,61\.34\d+,2,ranked$/);
    expect(lines[2]).toMatch(/^2019,1,screening,Screening,mean,1,true,12,Startup A12,Transparency,61\.34\d+,2,ranked$/);
    // Quoted where it must be, and a formula-looking name neutralised by the shared CSV writer.
    expect(lines[3]).toBe(`2019,1,screening,Screening,mean,,false,14,"Parlio, ""the"" =app",,,1,insufficient_scores`);
    expect(lines[5]).toContain(`${neutralStartupLabel(OPENLEDGER)}`);
  });

  it('scores.csv: one row per counted sheet and criterion', () => {
    const lines = scoresCsv(document).slice(1).split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('edition,round_id,round_kind,judge,application_id,startup,criterion_id,criterion,weight,min,max,value');
    const sheetCount = document.rounds.reduce((n, r) => n + r.sheets.length, 0);
    expect(lines).toHaveLength(1 + sheetCount * 3);
    expect(lines[1]).toBe('2019,1,screening,J1,11,Civix,1,Impact,3,1,10,7');
  });
});
