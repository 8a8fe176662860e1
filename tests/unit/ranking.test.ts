import fc from 'fast-check';
import {
  countSheets,
  rankRound,
  rankVotes,
  sheetTotal,
  type RankingApplication,
  type RankingCriterion,
  type RankingInput,
  type RankingMethod,
  type RankingSheet,
} from '~/domain/ranking';
import { createPrng } from '~/domain/prng';
import { applicationsNamed, CIVIX, criterion, OPENLEDGER, round, sheet, VOTABL, WORKED_EXAMPLE, workedExample } from '../fixtures/ranking';

// ---------------------------------------------------------------------------------------------
// Helpers (the input builders criterion, sheet and round are in tests/fixtures/ranking.ts)
// ---------------------------------------------------------------------------------------------

/** One criterion 0–100 with weight 1: T(j,a) is the value itself, which keeps expectations readable. */
const percent = [criterion(1, 1, 0, 100)];

function scoreOf(ranking: ReturnType<typeof rankRound>, applicationId: number): number {
  const found = ranking.ranked.find((r) => r.applicationId === applicationId);
  if (!found) throw new Error(`application ${applicationId} is not ranked`);
  return found.score;
}

function names(ranking: ReturnType<typeof rankRound>): string[] {
  return ranking.ranked.map((r) => r.name);
}

// ---------------------------------------------------------------------------------------------
// SCORING.md's worked example
// ---------------------------------------------------------------------------------------------

describe('the worked example of SCORING.md', () => {
  const { criteria, table } = WORKED_EXAMPLE;

  it.each(table)('judge %i, application %i: %j gives T = %d', (judge, application, values, expected) => {
    expect(
      sheetTotal(criteria, sheet(judge, application, values).scores as Record<number, number>),
    ).toBeCloseTo(expected, 4);
    const counted = countSheets(workedExample('mean')).find(
      (s) => s.judgeId === judge && s.applicationId === application,
    );
    expect(counted?.total).toBeCloseTo(expected, 4);
  });

  it('mean: Votabl 73.1481, Civix 68.6728, OpenLedger 68.3642', () => {
    const ranking = rankRound(workedExample('mean'));
    expect(names(ranking)).toEqual(['Votabl', 'Civix', 'OpenLedger']);
    expect(ranking.ranked.map((r) => r.rank)).toEqual([1, 2, 3]);
    expect(scoreOf(ranking, VOTABL)).toBeCloseTo(73.1481, 4);
    expect(scoreOf(ranking, CIVIX)).toBeCloseTo(68.6728, 4);
    expect(scoreOf(ranking, OPENLEDGER)).toBeCloseTo(68.3642, 4);
    expect(ranking.ranked.every((r) => !r.tie && r.sheets === 3)).toBe(true);
  });

  it('zscore: OpenLedger 0.2649, Civix −0.0968, Votabl −0.1681 (each judge has exactly 3 sheets)', () => {
    const ranking = rankRound(workedExample('zscore'));
    expect(names(ranking)).toEqual(['OpenLedger', 'Civix', 'Votabl']);
    expect(scoreOf(ranking, OPENLEDGER)).toBeCloseTo(0.2649, 4);
    expect(scoreOf(ranking, CIVIX)).toBeCloseTo(-0.0968, 4);
    expect(scoreOf(ranking, VOTABL)).toBeCloseTo(-0.1681, 4);
  });

  it('reports the mean total, spread and criterion means whatever the method', () => {
    const votabl = rankRound(workedExample('zscore')).ranked.find((r) => r.applicationId === VOTABL)!;
    expect(votabl.meanTotal).toBeCloseTo(73.1481, 4);
    const totals = [70.37037037, 68.05555556, 81.01851852];
    const mu = totals.reduce((a, b) => a + b) / 3;
    expect(votabl.spread).toBeCloseTo(Math.sqrt(totals.reduce((s, t) => s + (t - mu) ** 2, 0) / 3), 6);
    // Impact 6, 7, 8 on 1–10 → (5 + 6 + 7) / 9 / 3
    expect(votabl.criterionMeans[1]).toBeCloseTo(18 / 27, 9);
    expect(votabl.criterionMeans[3]).toBeCloseTo((4 + 3 + 3) / 4 / 3, 9);
  });

  it('trimmed equals mean with 3 sheets', () => {
    const trimmed = rankRound(workedExample('trimmed'));
    const mean = rankRound(workedExample('mean'));
    expect(trimmed.ranked.map((r) => [r.name, r.score])).toEqual(mean.ranked.map((r) => [r.name, r.score]));
  });
});

// ---------------------------------------------------------------------------------------------
// Methods
// ---------------------------------------------------------------------------------------------

describe('trimmed', () => {
  const applications = [{ id: 1, name: 'Solo' }];
  const withTotals = (totals: number[]) =>
    round({
      criteria: percent,
      applications,
      method: 'trimmed',
      sheets: totals.map((t, j) => sheet(j + 1, 1, [t])),
    });

  it('with 5 sheets drops one highest and one lowest total', () => {
    // mean would be 58; without 10 and 100 it is (50 + 60 + 70) / 3 = 60
    expect(scoreOf(rankRound(withTotals([10, 100, 50, 70, 60])), 1)).toBeCloseTo(60, 9);
  });

  it('drops only one of a repeated extreme', () => {
    expect(scoreOf(rankRound(withTotals([10, 10, 50, 100, 100])), 1)).toBeCloseTo(160 / 3, 9);
  });

  it('with 4 sheets equals mean', () => {
    // trimming would give (20 + 30) / 2 = 25
    const ranking = rankRound(withTotals([10, 20, 30, 100]));
    expect(scoreOf(ranking, 1)).toBeCloseTo(40, 9);
    expect(ranking.ranked[0].meanTotal).toBe(ranking.ranked[0].score);
  });
});

describe('zscore', () => {
  // Judge 1 sees the three applications: totals 20, 50, 80 → μ = 50, σ = √600.
  const applications = applicationsNamed('Alpha', 'Bravo', 'Charlie');
  const judgeOne = [sheet(1, 1, [20]), sheet(1, 2, [50]), sheet(1, 3, [80])];
  const zOfJudgeOne = (total: number) => (total - 50) / Math.sqrt(600);

  it('a judge with fewer than 3 sheets contributes 0', () => {
    const input = (low: number) =>
      round({
        criteria: percent,
        applications,
        method: 'zscore',
        sheets: [...judgeOne, sheet(2, 1, [low]), sheet(2, 2, [100])],
      });
    const ranking = rankRound(input(0));
    expect(scoreOf(ranking, 1)).toBeCloseTo(zOfJudgeOne(20) / 2, 9);
    expect(scoreOf(ranking, 2)).toBeCloseTo(0, 9);
    expect(scoreOf(ranking, 3)).toBeCloseTo(zOfJudgeOne(80), 9);
    // Whatever judge 2 gives, the scores do not move.
    expect(rankRound(input(90)).ranked.map((r) => r.score)).toEqual(ranking.ranked.map((r) => r.score));
  });

  it('a judge whose totals do not spread (σ = 0) contributes 0', () => {
    // Two equal-weight criteria: (3,0), (2,1), (0,3) are the same total, 15, reached three ways;
    // in floating point (2,1) gives 15.000000000000002, so the computed σ is a rounding crumb,
    // not 0 — dividing by it would hand this judge z-scores of about ±1.
    const criteria = [criterion(1, 1, 0, 10), criterion(2, 1, 0, 10)];
    const flat = [sheet(2, 1, [3, 0]), sheet(2, 2, [2, 1]), sheet(2, 3, [0, 3])];
    const spread = [sheet(1, 1, [2, 2]), sheet(1, 2, [5, 5]), sheet(1, 3, [8, 8])];
    const ranking = rankRound(
      round({ criteria, applications, method: 'zscore', sheets: [...spread, ...flat] }),
    );
    const z = (t: number) => (t - 50) / Math.sqrt(600);
    expect(scoreOf(ranking, 1)).toBeCloseTo(z(20) / 2, 9);
    expect(scoreOf(ranking, 2)).toBeCloseTo(0, 9);
    expect(scoreOf(ranking, 3)).toBeCloseTo(z(80) / 2, 9);
  });

  it("a judge's statistics include sheets of applications left unranked", () => {
    // Judge 1's third sheet is Charlie's only one; with minSheets 2 Charlie is unranked,
    // but judge 1 still has 3 sheets, so z applies to Alpha and Bravo.
    const sheets = [...judgeOne, sheet(2, 1, [40]), sheet(2, 2, [40])];
    const ranking = rankRound(
      round({ criteria: percent, applications, method: 'zscore', minSheets: 2, sheets }),
    );
    expect(ranking.unranked.map((u) => u.name)).toEqual(['Charlie']);
    expect(scoreOf(ranking, 1)).toBeCloseTo(zOfJudgeOne(20) / 2, 9);
  });
});

// ---------------------------------------------------------------------------------------------
// What counts
// ---------------------------------------------------------------------------------------------

describe('minSheets', () => {
  const applications = applicationsNamed('Zephyr', 'Kept', 'Atlas');
  const sheets = [sheet(1, 1, [90]), sheet(1, 2, [40]), sheet(2, 2, [60])];

  it('an application with 1 sheet and minSheets 2 is unranked; one with none too; listed by name', () => {
    const ranking = rankRound(round({ criteria: percent, applications, sheets, minSheets: 2 }));
    expect(names(ranking)).toEqual(['Kept']);
    expect(ranking.unranked).toEqual([
      { applicationId: 3, name: 'Atlas', sheets: 0, criterionMeans: {} },
      { applicationId: 1, name: 'Zephyr', sheets: 1, criterionMeans: { 1: 0.9 } },
    ]);
  });

  it('with minSheets 1 the single-sheet application is ranked, the sheetless one still is not', () => {
    const ranking = rankRound(round({ criteria: percent, applications, sheets, minSheets: 1 }));
    expect(names(ranking)).toEqual(['Zephyr', 'Kept']);
    expect(ranking.unranked.map((u) => u.name)).toEqual(['Atlas']);
  });

  it('a sheet that does not count does not count towards minSheets either', () => {
    const ranking = rankRound(
      round({
        criteria: percent,
        applications,
        sheets: [...sheets, sheet(2, 1, [80], 'draft')],
        minSheets: 2,
      }),
    );
    expect(ranking.unranked.find((u) => u.applicationId === 1)?.sheets).toBe(1);
  });
});

describe('sheets that never count', () => {
  const criteria = [criterion(1, 2, 1, 10), criterion(2, 1, 1, 5)];
  const applications = [{ id: 1, name: 'Civix' }];
  const good = [sheet(1, 1, [10, 5]), sheet(2, 1, [1, 1])]; // totals 100 and 0 → mean 50

  function rankedWith(extra: RankingSheet, conflicts?: RankingInput['conflicts']) {
    return rankRound(round({ criteria, applications, sheets: [...good, extra], conflicts }));
  }

  function expectIgnored(ranking: ReturnType<typeof rankRound>) {
    expect(ranking.countedSheets.map((s) => s.judgeId)).toEqual([1, 2]);
    expect(ranking.ranked[0].sheets).toBe(2);
    expect(ranking.ranked[0].score).toBeCloseTo(50, 9);
  }

  it('a complete, in-scale sheet counts (control)', () => {
    const ranking = rankedWith(sheet(3, 1, [10, 5]));
    expect(ranking.ranked[0].sheets).toBe(3);
    expect(ranking.ranked[0].score).toBeCloseTo(200 / 3, 9);
  });

  it('drafts', () => expectIgnored(rankedWith(sheet(3, 1, [10, 5], 'draft'))));

  it.each([
    ['a missing key', sheet(3, 1, [10], 'submitted', [1])],
    ['null', sheet(3, 1, [10, null])],
    ['undefined', sheet(3, 1, [undefined, 5])],
  ])('incomplete sheets (%s)', (_, incomplete) => expectIgnored(rankedWith(incomplete)));

  it.each([
    ['above max', [11, 5]],
    ['below min', [0, 5]],
    ['non-integer', [7.5, 5]],
    ['NaN', [Number.NaN, 5]],
  ])('out-of-scale or non-integer values (%s)', (_, values) =>
    expectIgnored(rankedWith(sheet(3, 1, values))),
  );

  it('the sheet of a conflicted judge × application pair', () => {
    expectIgnored(rankedWith(sheet(3, 1, [10, 5]), [{ judgeId: 3, applicationId: 1 }]));
    // The conflict is about that pair only: judge 3's sheet for another application still counts.
    const other = rankRound(
      round({
        criteria,
        applications: [...applications, { id: 2, name: 'Other' }],
        sheets: [...good, sheet(3, 1, [10, 5]), sheet(3, 2, [10, 5])],
        conflicts: [{ judgeId: 3, applicationId: 1 }],
      }),
    );
    expect(other.countedSheets.filter((s) => s.judgeId === 3).map((s) => s.applicationId)).toEqual([2]);
  });

  it('sheets of an application not in the round (e.g. withdrawn)', () => {
    const ranking = rankedWith(sheet(3, 99, [10, 5]));
    expectIgnored(ranking);
    expect(ranking.ranked.map((r) => r.applicationId)).toEqual([1]);
  });

  it('a stray score for an unknown criterion is ignored, not copied', () => {
    const stray = sheet(3, 1, [10, 5, 7], 'submitted', [1, 2, 42]);
    const counted = countSheets(round({ criteria, applications, sheets: [stray] }));
    expect(counted).toEqual([{ judgeId: 3, applicationId: 1, scores: { 1: 10, 2: 5 }, total: 100 }]);
  });

  it('two counted sheets by one judge for one application are a data error', () => {
    expect(() => rankedWith(sheet(1, 1, [5, 5]))).toThrow(/two counted sheets/);
  });
});

// ---------------------------------------------------------------------------------------------
// Order and ties
// ---------------------------------------------------------------------------------------------

describe('tie-breaks', () => {
  /** Alpha (id 1) and Bravo (id 2), ranked on `criteria` from `sheets`. */
  const rankAlphaBravo = (criteria: RankingCriterion[], sheets: RankingSheet[]) =>
    rankRound(round({ criteria, applications: applicationsNamed('Alpha', 'Bravo'), sheets }));

  it('an equal score is broken by the heaviest criterion', () => {
    // T ∝ 2·a + b: Alpha (4, 2) and Bravo (5, 0) both give 10/30, Bravo is better on a.
    const criteria = [criterion(1, 2, 0, 10), criterion(2, 1, 0, 10)];
    const ranking = rankAlphaBravo(criteria, [sheet(1, 1, [4, 2]), sheet(1, 2, [5, 0])]);
    expect(ranking.ranked[0].score).toBeCloseTo(ranking.ranked[1].score, 12);
    expect(names(ranking)).toEqual(['Bravo', 'Alpha']);
    expect(ranking.ranked.map((r) => [r.rank, r.tie])).toEqual([
      [1, false],
      [2, false],
    ]);
  });

  it('then by the next heaviest criterion', () => {
    // T ∝ 3a + 2b + c: Alpha (5, 2, 2) and Bravo (5, 3, 0) give 21; equal on a, Bravo better on b.
    const criteria = [criterion(1, 1, 0, 10, 1), criterion(2, 3, 0, 10, 2), criterion(3, 2, 0, 10, 3)];
    // values by criterion id: c1 (w1), c2 (w3), c3 (w2)
    const ranking = rankAlphaBravo(criteria, [sheet(1, 1, [2, 5, 2]), sheet(1, 2, [0, 5, 3])]);
    expect(names(ranking)).toEqual(['Bravo', 'Alpha']);
  });

  it('equal weights are taken in display order (position), not by id', () => {
    // Criterion 2 is shown first. Alpha is better on criterion 1, Bravo on criterion 2.
    const criteria = [criterion(1, 1, 0, 10, 2), criterion(2, 1, 0, 10, 1)];
    const ranking = rankAlphaBravo(criteria, [sheet(1, 1, [6, 4]), sheet(1, 2, [4, 6])]);
    expect(names(ranking)).toEqual(['Bravo', 'Alpha']);
  });

  it('then more counted sheets first', () => {
    const ranking = rankAlphaBravo(percent, [
      sheet(1, 1, [70]),
      sheet(2, 1, [70]),
      sheet(1, 2, [70]),
      sheet(2, 2, [70]),
      sheet(3, 2, [70]),
    ]);
    expect(names(ranking)).toEqual(['Bravo', 'Alpha']);
    expect(ranking.ranked.map((r) => [r.sheets, r.rank, r.tie])).toEqual([
      [3, 1, false],
      [2, 2, false],
    ]);
  });

  it('still tied: the same rank (1, 2, 2, 4), listed by name, marked as a tie', () => {
    const criteria = [criterion(1, 2, 0, 10), criterion(2, 1, 0, 10)];
    const ranking = rankRound(
      round({
        criteria,
        // 'alpha' in lower case: 'en' collation puts it before 'Mu', code points would not.
        applications: applicationsNamed('Last', 'alpha', 'Mu', 'Top'),
        sheets: [sheet(1, 1, [1, 1]), sheet(1, 2, [6, 6]), sheet(1, 3, [6, 6]), sheet(1, 4, [9, 9])],
      }),
    );
    expect(ranking.ranked.map((r) => [r.name, r.rank, r.tie])).toEqual([
      ['Top', 1, false],
      ['alpha', 2, true],
      ['Mu', 2, true],
      ['Last', 4, false],
    ]);
  });

  it('scores equal at 9 decimals are equal (float noise does not decide)', () => {
    // Same total reached as 0.1 + 0.2 and as 0.3 in weighted sum: not bit-identical in floats.
    const criteria = [criterion(1, 1, 0, 10), criterion(2, 1, 0, 10)];
    const ranking = rankRound(
      round({
        criteria,
        applications: applicationsNamed('Bravo', 'Alpha'),
        sheets: [sheet(1, 1, [1, 2]), sheet(1, 2, [3, 0])],
      }),
    );
    // Alpha wins on criterion 1 (0.3 vs 0.1), which is only reached if the totals compare equal.
    expect(names(ranking)).toEqual(['Alpha', 'Bravo']);
  });
});

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

describe('invalid input', () => {
  const base = round({ criteria: percent, applications: [{ id: 1, name: 'A' }], sheets: [] });

  it.each([
    ['weight 0', criterion(1, 0, 0, 10), /weight/],
    ['negative weight', criterion(1, -1, 0, 10), /weight/],
    ['min equal to max', criterion(1, 1, 5, 5), /min must be below max/],
    ['min above max', criterion(1, 1, 10, 1), /min must be below max/],
  ])('throws for a criterion with %s', (_, bad, message) => {
    expect(() => rankRound({ ...base, criteria: [bad] })).toThrow(message);
    expect(() => countSheets({ ...base, criteria: [bad] })).toThrow(message);
    expect(() => sheetTotal([bad], { 1: 5 })).toThrow(message);
  });

  it('throws for an unknown method', () => {
    expect(() => rankRound({ ...base, method: 'median' as RankingMethod })).toThrow(
      /unknown method "median"/,
    );
  });

  it('sheetTotal throws for a value outside the scale instead of returning a total above 100', () => {
    expect(() => sheetTotal(percent, { 1: 101 })).toThrow(/expected an integer in 0…100/);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

/** Deterministic Fisher–Yates driven by a fast-check seed, so a failing permutation shrinks and replays. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  return createPrng(seed).shuffle(items);
}

const criteriaArb = fc
  .array(
    fc.record({
      weight: fc.integer({ min: 1, max: 5 }),
      min: fc.integer({ min: 0, max: 2 }),
      span: fc.integer({ min: 1, max: 9 }),
      position: fc.integer({ min: 0, max: 3 }),
    }),
    { minLength: 1, maxLength: 3 },
  )
  .map((list) => list.map((c, i) => criterion(i + 1, c.weight, c.min, c.min + c.span, c.position)));

/** A whole round: some judge × application pairs have a sheet, some drafts, some conflicts. */
const roundArb = criteriaArb.chain((criteria) => {
  const apps = fc.integer({ min: 1, max: 6 });
  const judges = fc.integer({ min: 1, max: 5 });
  return fc.tuple(apps, judges).chain(([appCount, judgeCount]) => {
    const applications: RankingApplication[] = Array.from({ length: appCount }, (_, i) => ({
      id: i + 1,
      name: `App ${i % 3}`,
    }));
    const pairs = applications.flatMap((a) =>
      Array.from({ length: judgeCount }, (_, j) => ({ judgeId: j + 1, applicationId: a.id })),
    );
    const sheetArb = (pair: { judgeId: number; applicationId: number }) =>
      fc
        .record({
          present: fc.boolean(),
          draft: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
          conflicted: fc.integer({ min: 0, max: 7 }).map((n) => n === 0),
          values: fc.tuple(...criteria.map((c) => fc.integer({ min: c.min, max: c.max }))),
        })
        .map((s) => ({ ...s, pair }));
    return fc
      .record({
        drawn: fc.tuple(...pairs.map(sheetArb)),
        method: fc.constantFrom<RankingMethod>('mean', 'trimmed', 'zscore'),
        minSheets: fc.integer({ min: 0, max: 3 }),
      })
      .map(
        ({ drawn, method, minSheets }): RankingInput => ({
          criteria,
          applications,
          method,
          minSheets,
          sheets: drawn
            .filter((d) => d.present)
            .map((d) =>
              sheet(
                d.pair.judgeId,
                d.pair.applicationId,
                d.values,
                d.draft ? 'draft' : 'submitted',
                criteria.map((c) => c.id),
              ),
            ),
          conflicts: drawn.filter((d) => d.conflicted).map((d) => d.pair),
        }),
      );
  });
});

describe('properties', () => {
  it('the ranking does not depend on the order of sheets, applications, criteria or conflicts', () => {
    fc.assert(
      fc.property(roundArb, fc.integer(), (input, seed) => {
        const reordered: RankingInput = {
          ...input,
          sheets: shuffled(input.sheets, seed),
          applications: shuffled(input.applications, seed + 1),
          criteria: shuffled(input.criteria, seed + 2),
          conflicts: shuffled(input.conflicts ?? [], seed + 3),
        };
        expect(rankRound(reordered)).toEqual(rankRound(input));
      }),
      { numRuns: 100 },
    );
  });

  it('zscore: adding a constant to every total of one judge changes nothing', () => {
    // One criterion 0–1000 with values in 100..800, so every value can move by −100..+200 and
    // stay in scale; every judge scores every application, so a shift moves every application's
    // criterion mean by the same amount and the tie-breaks keep their order too.
    const wide = [criterion(1, 1, 0, 1000)];
    const arb = fc
      .tuple(fc.integer({ min: 3, max: 7 }), fc.integer({ min: 3, max: 5 }))
      .chain(([appCount, judgeCount]) =>
        fc.record({
          values: fc.array(
            fc.array(fc.integer({ min: 100, max: 800 }), { minLength: appCount, maxLength: appCount }),
            {
              minLength: judgeCount,
              maxLength: judgeCount,
            },
          ),
          shiftedJudge: fc.integer({ min: 1, max: judgeCount }),
          shift: fc.integer({ min: -100, max: 200 }),
        }),
      );
    fc.assert(
      fc.property(arb, ({ values, shiftedJudge, shift }) => {
        const applications = values[0].map((_, i) => ({ id: i + 1, name: `App ${i + 1}` }));
        const build = (delta: number) =>
          round({
            criteria: wide,
            applications,
            method: 'zscore',
            minSheets: 2,
            sheets: values.flatMap((row, j) =>
              row.map((v, a) => sheet(j + 1, a + 1, [j + 1 === shiftedJudge ? v + delta : v])),
            ),
          });
        const before = rankRound(build(0)).ranked;
        const after = rankRound(build(shift)).ranked;
        expect(after.map((r) => [r.applicationId, r.rank])).toEqual(
          before.map((r) => [r.applicationId, r.rank]),
        );
        after.forEach((r, i) => expect(r.score).toBeCloseTo(before[i].score, 9));
      }),
      { numRuns: 100 },
    );
  });

  it('mean: raising one value of one sheet never lowers that application’s score', () => {
    fc.assert(
      fc.property(
        roundArb,
        fc.nat(),
        fc.nat(),
        fc.nat(),
        (generated, sheetPick, criterionPick, raisePick) => {
          const input: RankingInput = { ...generated, method: 'mean', minSheets: 1, conflicts: [] };
          const counted = input.sheets.filter((s) => s.status === 'submitted');
          fc.pre(counted.length > 0);
          const target = counted[sheetPick % counted.length];
          const c = input.criteria[criterionPick % input.criteria.length];
          const current = target.scores[c.id] as number;
          fc.pre(current < c.max);
          const raised = current + 1 + (raisePick % (c.max - current));
          const bumped: RankingInput = {
            ...input,
            sheets: input.sheets.map((s) =>
              s === target ? { ...s, scores: { ...s.scores, [c.id]: raised } } : s,
            ),
          };
          const before = scoreOf(rankRound(input), target.applicationId);
          const after = scoreOf(rankRound(bumped), target.applicationId);
          expect(after).toBeGreaterThan(before);
        },
      ),
      { numRuns: 100 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// People's choice
// ---------------------------------------------------------------------------------------------

describe('rankVotes', () => {
  it('most votes first; equal counts share a rank (1, 2, 2, 4) and are listed by name', () => {
    const ranked = rankVotes([
      { applicationId: 1, name: 'Votabl', votes: 5 },
      { applicationId: 2, name: 'Last', votes: 0 },
      { applicationId: 3, name: 'Civix', votes: 5 },
      { applicationId: 4, name: 'Fourth', votes: 2 },
      { applicationId: 5, name: 'OpenLedger', votes: 12 },
    ]);
    expect(ranked.map((r) => [r.name, r.votes, r.rank, r.tie])).toEqual([
      ['OpenLedger', 12, 1, false],
      ['Civix', 5, 2, true],
      ['Votabl', 5, 2, true],
      ['Fourth', 2, 4, false],
      ['Last', 0, 5, false],
    ]);
  });

  it('everyone tied at zero shares rank 1', () => {
    const ranked = rankVotes([
      { applicationId: 1, name: 'B', votes: 0 },
      { applicationId: 2, name: 'A', votes: 0 },
    ]);
    expect(ranked.map((r) => [r.name, r.rank, r.tie])).toEqual([
      ['A', 1, true],
      ['B', 1, true],
    ]);
  });

  it('throws for a count that is not a whole number', () => {
    expect(() => rankVotes([{ applicationId: 1, name: 'A', votes: -1 }])).toThrow(/whole number/);
  });
});
