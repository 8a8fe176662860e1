/**
 * assignJudges over random editions. Every property is checked against an independent
 * oracle written here: the panels are recounted, the conflicts re-checked, and the best
 * achievable spread of loads is computed exactly with a max-flow (loads within [L, L + d]).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assignEveryJudge,
  assignJudges,
  countPanels,
  describeAssignments,
  type AssignmentInput,
  type AssignmentPair,
} from '~/domain/assignment';
import { createPrng } from '~/domain/prng';

// ---------------------------------------------------------------------------------------------
// Oracles
// ---------------------------------------------------------------------------------------------

/** Max flow (Edmonds–Karp) on a dense capacity matrix: the instances here have a few dozen nodes. */
function maxFlow(capacity: number[][], source: number, sink: number): number {
  const size = capacity.length;
  let total = 0;
  for (;;) {
    const parent = new Array<number>(size).fill(-1);
    parent[source] = source;
    const queue = [source];
    for (let head = 0; head < queue.length && parent[sink] === -1; head++) {
      const u = queue[head];
      for (let v = 0; v < size; v++) {
        if (parent[v] === -1 && capacity[u][v] > 0) {
          parent[v] = u;
          queue.push(v);
        }
      }
    }
    if (parent[sink] === -1) return total;
    let push = Infinity;
    for (let v = sink; v !== source; v = parent[v]) push = Math.min(push, capacity[parent[v]][v]);
    for (let v = sink; v !== source; v = parent[v]) {
      capacity[parent[v]][v] -= push;
      capacity[v][parent[v]] += push;
    }
    total += push;
  }
}

/** Is there an assignment (k judges per application, no conflict) with every load in [low, high]? */
function feasibleLoads(apps: number[], judges: number[], conflicts: AssignmentPair[], k: number, low: number, high: number) {
  // Nodes: S, T, applications, judges, then the super source and sink of the lower-bound reduction.
  const n = apps.length;
  const m = judges.length;
  const S = 0;
  const T = 1;
  const A = 2;
  const J = 2 + n;
  const SS = 2 + n + m;
  const TT = SS + 1;
  const size = TT + 1;
  const cap = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  const excess = new Array<number>(size).fill(0);
  const blocked = new Set(conflicts.map((c) => `${c.judgeId}:${c.applicationId}`));
  apps.forEach((app, a) => {
    // S → application with lower bound = capacity = k.
    excess[A + a] += k;
    excess[S] -= k;
    judges.forEach((judge, j) => {
      if (!blocked.has(`${judge}:${app}`)) cap[A + a][J + j] = 1;
    });
  });
  judges.forEach((_, j) => {
    cap[J + j][T] = high - low;
    excess[T] += low;
    excess[J + j] -= low;
  });
  cap[T][S] = Number.MAX_SAFE_INTEGER;
  let required = 0;
  for (let v = 0; v < SS; v++) {
    if (excess[v] > 0) {
      cap[SS][v] = excess[v];
      required += excess[v];
    } else if (excess[v] < 0) {
      cap[v][TT] = -excess[v];
    }
  }
  return maxFlow(cap, SS, TT) === required;
}

/** The smallest possible gap between the most and the least loaded judge. */
function bestSpread(input: AssignmentInput): number {
  const apps = [...new Set(input.applications)];
  const judges = [...new Set(input.judges)];
  const total = apps.length * input.k;
  for (let d = 0; d <= total; d++) {
    for (let low = 0; low * judges.length <= total; low++) {
      if (feasibleLoads(apps, judges, input.conflicts, input.k, low, low + d)) return d;
    }
  }
  throw new Error('no assignment exists');
}

/** Judge groups linked by shared applications, recounted with a plain graph search. */
function panelsOf(pairs: AssignmentPair[]): number {
  const byJudge = new Map<number, number[]>();
  const byApp = new Map<number, number[]>();
  for (const p of pairs) {
    byJudge.set(p.judgeId, [...(byJudge.get(p.judgeId) ?? []), p.applicationId]);
    byApp.set(p.applicationId, [...(byApp.get(p.applicationId) ?? []), p.judgeId]);
  }
  const seen = new Set<number>();
  let groups = 0;
  for (const start of byJudge.keys()) {
    if (seen.has(start)) continue;
    groups++;
    const stack = [start];
    seen.add(start);
    while (stack.length) {
      const judge = stack.pop()!;
      for (const app of byJudge.get(judge)!) {
        for (const other of byApp.get(app)!) {
          if (!seen.has(other)) {
            seen.add(other);
            stack.push(other);
          }
        }
      }
    }
  }
  return groups;
}

function loadsOf(judges: number[], pairs: AssignmentPair[]) {
  const load = new Map([...new Set(judges)].map((j) => [j, 0]));
  for (const p of pairs) load.set(p.judgeId, load.get(p.judgeId)! + 1);
  const values = [...load.values()];
  return { min: Math.min(...values), max: Math.max(...values) };
}

function shortOfJudges(input: AssignmentInput): number[] {
  const judges = new Set(input.judges);
  return [...new Set(input.applications)]
    .filter((app) => {
      const conflicted = new Set(input.conflicts.filter((c) => c.applicationId === app && judges.has(c.judgeId)).map((c) => c.judgeId));
      return judges.size - conflicted.size < input.k;
    })
    .sort((a, b) => a - b);
}

// ---------------------------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------------------------

/** Ids that are not 1..n, so that no code can confuse an id with an index. */
const ids = (count: number, base: number) => Array.from({ length: count }, (_, i) => base + i * 7);

/**
 * Editions of the sizes `sizes` draws, each with a seed and a conflict on each judge × application
 * pair with a probability drawn in `density`.
 */
function withRandomConflicts(
  sizes: fc.Arbitrary<Pick<AssignmentInput, 'applications' | 'judges' | 'k'>>,
  density: { min: number; max: number },
) {
  return fc
    .record({ sizes, density: fc.double({ ...density, noNaN: true }), seed: fc.nat(), conflictSeed: fc.nat() })
    .map(({ sizes: { applications, judges, k }, density, seed, conflictSeed }): AssignmentInput => {
      const rng = createPrng(conflictSeed);
      const conflicts: AssignmentPair[] = [];
      for (const applicationId of applications) {
        for (const judgeId of judges) if (rng.next() < density) conflicts.push({ judgeId, applicationId });
      }
      return { applications, judges, conflicts, k, seed };
    });
}

/** Any small edition, conflicts anywhere (some instances are impossible on purpose). */
const anyEdition = withRandomConflicts(
  fc
    .record({ n: fc.integer({ min: 0, max: 14 }), m: fc.integer({ min: 0, max: 7 }), k: fc.integer({ min: 1, max: 4 }) })
    .map(({ n, m, k }) => ({ applications: ids(n, 101), judges: ids(m, 9001), k })),
  { min: 0, max: 0.7 },
);

/**
 * About as many applications as judges, k of 2 or 3, moderate conflicts: where a plain greedy
 * most often misses the best spread (about one case in twenty), so the oracle has teeth.
 */
const tightEdition = withRandomConflicts(
  fc
    .record({ m: fc.integer({ min: 4, max: 8 }), nRoom: fc.integer({ min: 0, max: 9 }), k: fc.integer({ min: 2, max: 3 }) })
    .map(({ m, nRoom, k }) => ({ applications: ids(1 + (nRoom % (m + 2)), 301), judges: ids(m, 8001), k })),
  { min: 0.1, max: 0.5 },
);

/** Tiny editions (every assignment can be enumerated) with many conflicts. */
const tinyEdition = withRandomConflicts(
  fc
    .record({ n: fc.integer({ min: 2, max: 4 }), m: fc.integer({ min: 3, max: 5 }) })
    .map(({ n, m }) => ({ applications: ids(n, 11), judges: ids(m, 601), k: 2 })),
  { min: 0.1, max: 0.6 },
);

/** Every k-subset of a list. */
function subsets(items: number[], k: number): number[][] {
  if (k === 0) return [[]];
  if (items.length < k) return [];
  const [first, ...rest] = items;
  return [...subsets(rest, k - 1).map((s) => [first, ...s]), ...subsets(rest, k)];
}

/** Whether some assignment with loads no further apart than `spread` has all panels overlapping (exhaustive). */
function overlapPossible(input: AssignmentInput, spread: number): boolean {
  const blocked = new Set(input.conflicts.map((c) => `${c.judgeId}:${c.applicationId}`));
  const options = input.applications.map((app) => subsets(input.judges.filter((j) => !blocked.has(`${j}:${app}`)), input.k));
  const chosen: number[][] = [];
  const search = (i: number): boolean => {
    if (i === options.length) {
      const pairs = chosen.flatMap((panel, a) => panel.map((judgeId) => ({ judgeId, applicationId: input.applications[a] })));
      const { min, max } = loadsOf(input.judges, pairs);
      return max - min <= spread && panelsOf(pairs) === 1;
    }
    return options[i].some((panel) => {
      chosen.push(panel);
      const found = search(i + 1);
      chosen.pop();
      return found;
    });
  };
  return search(0);
}

/**
 * Editions where balance and overlap are possible: more places than judges, a few conflicts
 * (at most one per judge and one per application), and at least k + 2 judges.
 */
const roomyEdition = fc
  .record({
    m: fc.integer({ min: 2, max: 12 }),
    extraApps: fc.integer({ min: 0, max: 30 }),
    kRoom: fc.integer({ min: 0, max: 10 }),
    conflictCount: fc.integer({ min: 0, max: 6 }),
    seed: fc.nat(),
    conflictSeed: fc.nat(),
  })
  .filter(({ m }) => m >= 4)
  .map(({ m, extraApps, kRoom, conflictCount, seed, conflictSeed }): AssignmentInput => {
    const k = 2 + (kRoom % (m - 3));
    const n = m + extraApps;
    const applications = ids(n, 501);
    const judges = ids(m, 7001);
    const rng = createPrng(conflictSeed);
    const shuffledApps = rng.shuffle(applications);
    const shuffledJudges = rng.shuffle(judges);
    const count = Math.min(conflictCount, m, n);
    const conflicts = Array.from({ length: count }, (_, i) => ({ judgeId: shuffledJudges[i], applicationId: shuffledApps[i] }));
    return { applications, judges, conflicts, k, seed };
  });

const RUNS = { numRuns: 150 };

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

describe('assignJudges', () => {
  it('gives each application exactly k distinct judges, never a conflicted one, or says why not and assigns nothing', () => {
    fc.assert(
      fc.property(anyEdition, (input) => {
        const result = assignJudges(input);
        const short = shortOfJudges(input);
        const n = input.applications.length;
        const m = input.judges.length;
        if (!result.ok) {
          expect(result).not.toHaveProperty('assignments');
          if (m === 0) expect(result.reason).toEqual({ code: 'no_judges' });
          else if (input.k > m) expect(result.reason).toEqual({ code: 'k_exceeds_judges', k: input.k, judges: m });
          else expect(result.reason).toEqual({ code: 'too_few_unconflicted_judges', k: input.k, count: short.length, applicationIds: short });
          return;
        }
        expect(n === 0 || (input.k <= m && short.length === 0)).toBe(true);
        const blocked = new Set(input.conflicts.map((c) => `${c.judgeId}:${c.applicationId}`));
        for (const applicationId of input.applications) {
          const panel = result.assignments.filter((p) => p.applicationId === applicationId).map((p) => p.judgeId);
          expect(panel).toHaveLength(input.k);
          expect(new Set(panel).size).toBe(input.k);
          for (const judgeId of panel) {
            expect(input.judges).toContain(judgeId);
            expect(blocked.has(`${judgeId}:${applicationId}`)).toBe(false);
          }
        }
        expect(result.assignments).toHaveLength(n * input.k);
      }),
      RUNS,
    );
  });

  it('reaches the most even loads the conflicts allow (checked against an exact max-flow oracle)', () => {
    fc.assert(
      fc.property(fc.oneof(anyEdition, tightEdition), (input) => {
        const result = assignJudges(input);
        if (!result.ok || input.applications.length === 0) return;
        const { min, max } = loadsOf(input.judges, result.assignments);
        expect(max - min).toBe(bestSpread(input));
        expect(result.quality).toMatchObject({ minLoad: min, maxLoad: max });
        expect(result.warnings.some((w) => w.code === 'unbalanced')).toBe(max - min > 1);
      }),
      RUNS,
    );
  });

  it('keeps loads within one of each other and panels overlapping when conflicts are few', () => {
    fc.assert(
      fc.property(roomyEdition, (input) => {
        const result = assignJudges(input);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const { min, max } = loadsOf(input.judges, result.assignments);
        expect(max - min).toBeLessThanOrEqual(1);
        expect(panelsOf(result.assignments)).toBe(1);
        expect(result.quality.panels).toBe(1);
        expect(result.warnings).toEqual([]);
      }),
      RUNS,
    );
  });

  it('reports separate panels truthfully whenever it cannot join them', () => {
    fc.assert(
      fc.property(anyEdition, (input) => {
        const result = assignJudges(input);
        if (!result.ok) return;
        const groups = panelsOf(result.assignments);
        expect(result.quality.panels).toBe(groups);
        expect(result.warnings.some((w) => w.code === 'separate_panels')).toBe(groups > 1);
      }),
      RUNS,
    );
  });

  it('joins the panels whenever some assignment with the same spread would (exhaustive check on tiny editions)', () => {
    fc.assert(
      fc.property(tinyEdition, (input) => {
        const result = assignJudges(input);
        if (!result.ok || result.quality.panels <= 1) return;
        expect(overlapPossible(input, result.quality.maxLoad - result.quality.minLoad)).toBe(false);
      }),
      RUNS,
    );
  });

  it('is deterministic: the same seed gives the same result', () => {
    fc.assert(
      fc.property(anyEdition, (input) => {
        expect(assignJudges(structuredClone(input))).toEqual(assignJudges(structuredClone(input)));
      }),
      RUNS,
    );
  });

  it('gives exactly the same result whatever order the ids and conflicts arrive in', () => {
    fc.assert(
      fc.property(anyEdition, fc.nat(), (input, shuffleSeed) => {
        const rng = createPrng(shuffleSeed);
        const shuffled: AssignmentInput = {
          ...input,
          applications: rng.shuffle(input.applications),
          judges: rng.shuffle(input.judges),
          conflicts: rng.shuffle(input.conflicts),
        };
        expect(assignJudges(shuffled)).toEqual(assignJudges(input));
      }),
      RUNS,
    );
  });

  it('uses the seed: different seeds usually give different panels, equally valid', () => {
    const input: AssignmentInput = { applications: ids(30, 1), judges: ids(8, 500), conflicts: [], k: 3, seed: 1 };
    const results = [1, 2, 3, 4, 5].map((seed) => assignJudges({ ...input, seed }));
    const distinct = new Set(results.map((r) => JSON.stringify(r.ok && r.assignments)));
    expect(distinct.size).toBeGreaterThan(1);
    for (const r of results) expect(r.ok && r.warnings).toEqual([]);
  });
});

describe('assignJudges says exactly why it cannot assign', () => {
  it('k larger than the number of judges', () => {
    expect(assignJudges({ applications: [1, 2], judges: [10, 11], conflicts: [], k: 3, seed: 0 })).toEqual({
      ok: false,
      reason: { code: 'k_exceeds_judges', k: 3, judges: 2 },
    });
  });

  it('applications with fewer than k unconflicted judges, listed', () => {
    const result = assignJudges({
      applications: [1, 2, 3, 4],
      judges: [10, 11, 12],
      conflicts: [
        { judgeId: 10, applicationId: 2 },
        { judgeId: 11, applicationId: 4 },
        { judgeId: 12, applicationId: 4 },
      ],
      k: 2,
      seed: 0,
    });
    expect(result).toEqual({ ok: false, reason: { code: 'too_few_unconflicted_judges', k: 2, count: 1, applicationIds: [4] } });
  });

  it('no judges, and a k that is not a positive integer', () => {
    expect(assignJudges({ applications: [1], judges: [], conflicts: [], k: 1, seed: 0 })).toEqual({ ok: false, reason: { code: 'no_judges' } });
    expect(assignJudges({ applications: [1], judges: [1], conflicts: [], k: 0, seed: 0 })).toEqual({ ok: false, reason: { code: 'invalid_k', k: 0 } });
    expect(assignJudges({ applications: [1], judges: [1, 2], conflicts: [], k: 1.5, seed: 0 })).toMatchObject({ ok: false, reason: { code: 'invalid_k' } });
  });

  it('warns, without refusing, when k = 1 leaves panels that cannot overlap', () => {
    const result = assignJudges({ applications: [1, 2, 3, 4], judges: [10, 11], conflicts: [], k: 1, seed: 0 });
    expect(result.ok).toBe(true);
    expect(result.ok && result.warnings).toEqual([{ code: 'separate_panels', panels: 2 }]);
  });

  it('warns when there are more judges than places', () => {
    const result = assignJudges({ applications: [1], judges: [10, 11, 12, 13], conflicts: [], k: 2, seed: 0 });
    expect(result.ok && result.warnings).toEqual([{ code: 'idle_judges', count: 2, judgeIds: expect.any(Array) }]);
  });
});

describe('at the size of a real edition', () => {
  it('30 applications × 8 judges × k = 3 with 5 conflicts: loads 11–12, one group, fast', () => {
    const applications = ids(30, 1);
    const judges = ids(8, 1000);
    const conflicts = [0, 1, 2, 3, 4].map((i) => ({ judgeId: judges[i], applicationId: applications[i * 6] }));
    const started = performance.now();
    const result = assignJudges({ applications, judges, conflicts, k: 3, seed: 2021 });
    const elapsed = performance.now() - started;
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.quality).toEqual({ minLoad: 11, maxLoad: 12, panels: 1 });
    expect(elapsed).toBeLessThan(100);
  });

  it('300 applications × 40 judges × k = 4 with 60 conflicts in well under a second', () => {
    const applications = ids(300, 1);
    const judges = ids(40, 5000);
    const rng = createPrng(7);
    const conflicts = Array.from({ length: 60 }, () => ({ judgeId: judges[rng.below(40)], applicationId: applications[rng.below(300)] }));
    const started = performance.now();
    const result = assignJudges({ applications, judges, conflicts, k: 4, seed: 99 });
    const elapsed = performance.now() - started;
    expect(result.ok && result.quality).toEqual({ minLoad: 30, maxLoad: 30, panels: 1 });
    expect(elapsed).toBeLessThan(1000);
  });
});

describe('the final round and the current state of a round', () => {
  it('puts every judge on every finalist, minus conflicts, and names finalists left without a judge', () => {
    const result = assignEveryJudge({
      applications: [2, 1],
      judges: [10, 11],
      conflicts: [
        { judgeId: 10, applicationId: 1 },
        { judgeId: 10, applicationId: 2 },
        { judgeId: 11, applicationId: 2 },
      ],
    });
    expect(result).toEqual({ assignments: [{ judgeId: 11, applicationId: 1 }], withoutJudge: [2] });
  });

  it('describes loads and overlap of any set of assignments', () => {
    const pairs = [
      { judgeId: 1, applicationId: 10 },
      { judgeId: 2, applicationId: 10 },
      { judgeId: 3, applicationId: 11 },
    ];
    expect(countPanels(pairs)).toBe(2);
    expect(describeAssignments([1, 2, 3, 4], pairs)).toEqual({
      loads: [
        { judgeId: 1, load: 1 },
        { judgeId: 2, load: 1 },
        { judgeId: 3, load: 1 },
        { judgeId: 4, load: 0 },
      ],
      quality: { minLoad: 0, maxLoad: 1, panels: 2 },
    });
  });
});
