/**
 * Ranking engine benchmark — a plain script, not a vitest test:
 *
 *     npx tsx bench/ranking.bench.ts
 *
 * `--applications N` and `--runs N` (measured runs) make it smaller, to check that it runs:
 *
 *     npx tsx bench/ranking.bench.ts --applications 500 --runs 3
 *
 * A deterministic round far larger than any real edition (10,000 applications × 5 sheets × 6
 * criteria, 40 judges) so that a slow path in rankRound shows up as a ratio, not as noise.
 * The baseline, measured in the same process, is the least work any ranking must do: compute
 * the 50,000 sheet totals and sort the applications by their mean. The ratio is what the spec's
 * extras cost (validation, counting rules, tie-break keys, z-scores, canonical ordering).
 *
 * It also times, interleaved in the same process, the simple version the engine had before its
 * flat-array pass (tests/unit/ranking-reference.ts, decision 045), which gives the same output: the
 * ratio of the two is the speed-up, whatever the machine's load.
 */
import { createPrng } from '../app/domain/prng';
import { performance } from 'node:perf_hooks';
import {
  rankRound,
  type RankingCriterion,
  type RankingInput,
  type RankingMethod,
  type RankingSheet,
} from '../app/domain/ranking';
import { rankRound as referenceRankRound } from '../tests/unit/ranking-reference';
import { numberOption } from './options';

const APPLICATIONS = numberOption('applications', 10_000);
const SHEETS_PER_APPLICATION = 5;
const JUDGES = 40;
const WARM_UP_RUNS = 3;
const MEASURED_RUNS = numberOption('runs', 15);
const SEED = 20_240_601;


const criteria: RankingCriterion[] = [
  { id: 1, weight: 3, min: 1, max: 10, position: 1 },
  { id: 2, weight: 2, min: 1, max: 10, position: 2 },
  { id: 3, weight: 2, min: 0, max: 5, position: 3 },
  { id: 4, weight: 1, min: 1, max: 5, position: 4 },
  { id: 5, weight: 1, min: 0, max: 100, position: 5 },
  { id: 6, weight: 1, min: 1, max: 7, position: 6 },
];

/** Each judge has a severity, each application a quality, so z-scores and ties are realistic. */
function generateRound(): Omit<RankingInput, 'method'> {
  const random = createPrng(SEED).next;
  const severity = Array.from({ length: JUDGES }, () => random() * 0.4 - 0.2);
  const applications = Array.from({ length: APPLICATIONS }, (_, i) => ({
    id: i + 1,
    name: `Application ${i + 1}`,
  }));
  const sheets: RankingSheet[] = [];
  for (const application of applications) {
    const quality = random();
    for (const judgeId of distinctJudges(random, SHEETS_PER_APPLICATION)) {
      const scores: Record<number, number> = {};
      for (const c of criteria) {
        const level = Math.min(1, Math.max(0, quality + severity[judgeId - 1] + (random() - 0.5) * 0.3));
        scores[c.id] = c.min + Math.round(level * (c.max - c.min));
      }
      sheets.push({ judgeId, applicationId: application.id, status: 'submitted', scores });
    }
  }
  // Conflicts stop assignment in real life, so they name pairs without a sheet: the lookup is still paid.
  const conflicts = Array.from({ length: 200 }, (_, i) => ({
    judgeId: (i % JUDGES) + 1,
    applicationId: APPLICATIONS + i + 1,
  }));
  return { criteria, minSheets: 2, applications, sheets, conflicts };
}

function distinctJudges(random: () => number, count: number): number[] {
  const picked = new Set<number>();
  while (picked.size < count) picked.add(1 + Math.floor(random() * JUDGES));
  return [...picked];
}

/** The floor: totals and a sort, nothing else (no checks, no tie-breaks, no copies). */
function baselineRanking(round: Omit<RankingInput, 'method'>): number[] {
  const weightSum = criteria.reduce((s, c) => s + c.weight, 0);
  const sums = new Float64Array(APPLICATIONS + 1);
  const counts = new Uint32Array(APPLICATIONS + 1);
  for (const sheet of round.sheets) {
    let weighted = 0;
    for (const c of criteria)
      weighted += (c.weight * ((sheet.scores[c.id] as number) - c.min)) / (c.max - c.min);
    sums[sheet.applicationId] += (100 * weighted) / weightSum;
    counts[sheet.applicationId] += 1;
  }
  const ids = round.applications.map((a) => a.id);
  return ids.sort((a, b) => sums[b] / counts[b] - sums[a] / counts[a]);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function elapsedMs(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

function main(): void {
  const round = generateRound();
  const methods: RankingMethod[] = ['mean', 'trimmed', 'zscore'];

  // A benchmark of a wrong answer is worthless: check the shape once before timing.
  for (const method of methods) {
    const result = rankRound({ ...round, method });
    if (
      result.ranked.length !== APPLICATIONS ||
      result.countedSheets.length !== APPLICATIONS * SHEETS_PER_APPLICATION
    ) {
      throw new Error(
        `bench: ${method} ranked ${result.ranked.length} applications from ${result.countedSheets.length} sheets`,
      );
    }
  }

  // Warm every path first, so the method timed first does not pay the JIT and the heap growth.
  for (let i = 0; i < WARM_UP_RUNS; i++) {
    baselineRanking(round);
    for (const method of methods) {
      rankRound({ ...round, method });
      referenceRankRound({ ...round, method });
    }
  }

  // Interleaved, each method right after its own baseline run: on a shared 2-core machine a
  // burst of someone else's work then lands on both sides of the ratio, not on one method.
  const times = new Map(methods.map((m) => [m, { ranking: [] as number[], reference: [] as number[], baseline: [] as number[] }]));
  for (let i = 0; i < MEASURED_RUNS; i++) {
    for (const method of methods) {
      const t = times.get(method)!;
      t.baseline.push(elapsedMs(() => baselineRanking(round)));
      t.ranking.push(elapsedMs(() => rankRound({ ...round, method })));
      t.reference.push(elapsedMs(() => referenceRankRound({ ...round, method })));
    }
  }
  const rows = methods.map((method) => {
    const t = times.get(method)!;
    return { method, ranking: median(t.ranking), reference: median(t.reference), baseline: median(t.baseline) };
  });

  console.log(
    `rankRound — ${APPLICATIONS.toLocaleString('en')} applications × ${SHEETS_PER_APPLICATION} sheets × ${
      criteria.length
    } criteria, ` +
      `${JUDGES} judges; median of ${MEASURED_RUNS} interleaved runs after ${WARM_UP_RUNS} warm-up; Node ${process.version}\n`,
  );
  console.log('| method | median ms | baseline ms | ratio | before (reference) ms | before ratio | speed-up |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const { method, ranking, reference, baseline } of rows) {
    console.log(
      `| ${method} | ${ranking.toFixed(1)} | ${baseline.toFixed(1)} | ${(ranking / baseline).toFixed(1)}× | ` +
        `${reference.toFixed(1)} | ${(reference / baseline).toFixed(1)}× | ${(reference / ranking).toFixed(2)}× |`,
    );
  }
}

main();
