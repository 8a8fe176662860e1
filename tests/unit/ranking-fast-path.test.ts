/**
 * The flat-array ranking engine (app/domain/ranking.ts) gives the very output of the simple one it
 * replaced (tests/unit/ranking-reference.ts): same rankings, same counted sheets, same numbers to
 * the last bit, same key order in JSON (what the open-data export writes), same errors — on seeded
 * random rounds with drafts, gaps, values off the scale, stray keys, conflicts, ties and judges
 * with too few sheets for a z-score (decision 045).
 */
import { createPrng } from '~/domain/prng';
import { describe, expect, it } from 'vitest';
import {
  countSheets,
  rankRound,
  RANKING_METHODS,
  type RankingCriterion,
  type RankingInput,
  type RankingSheet,
} from '~/domain/ranking';
import { countSheets as referenceCountSheets, rankRound as referenceRankRound } from './ranking-reference';


const NAMES = ['Civix', 'civix', 'Émile', 'Emile', 'OpenLedger', 'Votabl', 'Zeta', 'Ålborg', 'beta'];

function randomRound(seed: number): Omit<RankingInput, 'method'> {
  const random = createPrng(seed).next;
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  let criterionId = 10;
  const criteria: RankingCriterion[] = Array.from({ length: int(1, 5) }, () => {
    const min = pick([0, 1, -2]);
    return { id: (criterionId += int(1, 7)), weight: pick([1, 1, 2, 3, 0.5]), min, max: min + int(1, 6), position: int(0, 3) };
  });
  let id = 100;
  const applications = Array.from({ length: int(1, 40) }, (_, i) => ({ id: (id += int(1, 3)), name: `${pick(NAMES)}${random() < 0.7 ? '' : ` ${i}`}` }));
  // The caller's order is arbitrary.
  applications.sort(() => random() - 0.5);
  const judges = int(1, 8);
  const sheets: RankingSheet[] = [];
  for (const application of applications) {
    const picked = new Set<number>();
    const wanted = int(0, judges);
    while (picked.size < wanted) picked.add(int(1, judges));
    for (const judgeId of picked) {
      const scores: RankingSheet['scores'] = {};
      for (const c of criteria) {
        const roll = random();
        scores[c.id] = roll < 0.03 ? null : roll < 0.05 ? undefined : roll < 0.07 ? c.max + 1 : roll < 0.08 ? c.min + 0.5 : int(c.min, c.max);
        if (roll > 0.99) delete scores[c.id];
      }
      if (random() < 0.1) scores[999] = 5; // a deleted criterion's value
      sheets.push({ judgeId, applicationId: application.id, status: random() < 0.1 ? 'draft' : 'submitted', scores });
    }
  }
  // A sheet for an application outside the round (withdrawn), and conflicts, some naming real sheets.
  sheets.push({ judgeId: 1, applicationId: 7, status: 'submitted', scores: Object.fromEntries(criteria.map((c) => [c.id, c.min])) });
  sheets.sort(() => random() - 0.5);
  const conflicts = Array.from({ length: int(0, 6) }, () => ({ judgeId: int(1, judges), applicationId: pick(applications).id }));
  return { criteria, minSheets: int(0, 3), applications, sheets, conflicts };
}

describe('the fast ranking engine matches the simple reference', () => {
  const seeds = Array.from({ length: 80 }, (_, i) => 7_919 * (i + 1));

  it.each(RANKING_METHODS)('%s: same output on 80 seeded random rounds, bit for bit and key for key', (method) => {
    const seen = { ties: 0, unranked: 0, counted: 0 };
    for (const seed of seeds) {
      const input = { ...randomRound(seed), method };
      const fast = rankRound(input);
      const reference = referenceRankRound(input);
      expect(fast, `seed ${seed}`).toEqual(reference);
      expect(JSON.stringify(fast), `seed ${seed}`).toBe(JSON.stringify(reference));
      // Object.is on every number, so that 0 and −0 or a last-bit difference would show.
      const numbers = (r: typeof fast) => r.ranked.flatMap((a) => [a.score, a.spread, a.meanTotal, ...Object.values(a.criterionMeans)]).concat(r.countedSheets.map((s) => s.total));
      const expected = numbers(reference);
      expect(numbers(fast).every((n, i) => Object.is(n, expected[i])), `seed ${seed}`).toBe(true);
      seen.ties += fast.ranked.filter((r) => r.tie).length;
      seen.unranked += fast.unranked.length;
      seen.counted += fast.countedSheets.length;
    }
    // The rounds are worth comparing: they hold ties, unranked applications and counted sheets.
    expect(Math.min(seen.ties, seen.unranked, seen.counted)).toBeGreaterThan(10);
  });

  it('countSheets: same sheets, fresh objects with only the criteria’s values', () => {
    for (const seed of seeds.slice(0, 50)) {
      const input = { ...randomRound(seed), method: 'mean' as const };
      const counted = countSheets(input);
      expect(counted).toEqual(referenceCountSheets(input));
      const given = new Set(input.sheets.map((s) => s.scores));
      expect(counted.some((s) => given.has(s.scores))).toBe(false);
      expect(counted.every((s) => !(999 in s.scores))).toBe(true);
    }
  });

  it('a round shaped like the bench: 500 applications × 5 sheets, same output', () => {
    const random = createPrng(20_240_601).next;
    const criteria: RankingCriterion[] = [
      { id: 1, weight: 3, min: 1, max: 10, position: 1 },
      { id: 2, weight: 2, min: 1, max: 10, position: 2 },
      { id: 3, weight: 2, min: 0, max: 5, position: 3 },
    ];
    const applications = Array.from({ length: 500 }, (_, i) => ({ id: i + 1, name: `Application ${i + 1}` }));
    const sheets: RankingSheet[] = applications.flatMap((a) =>
      [1, 2, 3, 4, 5].map((k) => ({
        judgeId: ((a.id * 7 + k * 13) % 40) + 1,
        applicationId: a.id,
        status: 'submitted' as const,
        scores: Object.fromEntries(criteria.map((c) => [c.id, c.min + Math.floor(random() * (c.max - c.min + 1))])),
      })),
    );
    for (const method of RANKING_METHODS) {
      const input = { criteria, applications, sheets, method, minSheets: 2 };
      expect(JSON.stringify(rankRound(input))).toBe(JSON.stringify(referenceRankRound(input)));
    }
  });

  it('the same errors', () => {
    const base = randomRound(11);
    const twice = { ...base, method: 'mean' as const, applications: [...base.applications, base.applications[0]] };
    expect(() => rankRound(twice)).toThrow(captured(() => referenceRankRound(twice)));
    const criteria = [{ id: 1, weight: 1, min: 0, max: 4, position: 1 }];
    const sheet = (judgeId: number, applicationId: number): RankingSheet => ({ judgeId, applicationId, status: 'submitted', scores: { 1: 2 } });
    const doubled: RankingInput = {
      criteria,
      method: 'zscore',
      minSheets: 1,
      applications: [{ id: 9, name: 'Nine' }, { id: 3, name: 'Three' }],
      sheets: [sheet(2, 9), sheet(1, 3), sheet(5, 9), sheet(2, 9), sheet(1, 3)],
    };
    expect(() => rankRound(doubled)).toThrow(captured(() => referenceRankRound(doubled)));
    expect(() => countSheets(doubled)).toThrow(captured(() => referenceCountSheets(doubled)));
  });
});

function captured(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the reference did not throw');
}
