/**
 * The simple ranking engine as it was before its flat-array pass (decision 045), kept as the
 * reference the fast path must match bit for bit (tests/unit/ranking-fast-path.test.ts) and timed
 * next to it by bench/ranking.bench.ts. Do not optimise it: it is the readable statement of
 * SCORING.md that the fast one is checked against.
 *
 * Only its two entry points the fast path replaced are kept: countSheets and rankRound. It takes
 * the domain's types (declarations, no behaviour, so the two cannot drift apart) and nothing
 * else: its constants, checks and every step of the computation are its own, so that a mistake
 * in app/domain/ranking.ts cannot be copied here and make the comparison pass.
 *
 * The ranking engine: docs/SCORING.md, and nothing else.
 *
 * Determinism: every sum is taken in a canonical order (criteria by display order, sheets by
 * application then judge), so the floating-point result is bit-for-bit the same whatever order
 * the caller passes things in. Comparisons then round to 9 decimals, as SCORING.md §3 says.
 */

import type {
  CountedScoresheet,
  RankedApplication,
  RankingApplication,
  RankingCriterion,
  RankingInput,
  RankingMethod,
  RankingSheet,
  RoundRanking,
  UnrankedApplication,
} from '~/domain/ranking';

// ---------------------------------------------------------------------------------------------
// SCORING.md's constants
// ---------------------------------------------------------------------------------------------

const RANKING_METHODS: readonly RankingMethod[] = ['mean', 'trimmed', 'zscore'];

/** SCORING.md §3: values are compared after rounding to this many decimals. */
const COMPARISON_DECIMALS = 9;

/** `trimmed` drops one highest and one lowest total only from this many sheets up. */
const TRIMMED_MIN_SHEETS = 5;

/** `zscore` reads a judge against their own scale only from this many sheets up. */
const ZSCORE_MIN_JUDGE_SHEETS = 3;

// ---------------------------------------------------------------------------------------------
// Small numeric helpers
// ---------------------------------------------------------------------------------------------

const SCALE = 10 ** COMPARISON_DECIMALS;

/** The value compared in every ordering decision; `+ 0` turns −0 into 0. */
function roundForComparison(value: number): number {
  return Math.round(value * SCALE) / SCALE + 0;
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

function mean(values: readonly number[]): number {
  return sum(values) / values.length;
}

function populationSd(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const mu = mean(values);
  let squares = 0;
  for (const value of values) squares += (value - mu) ** 2;
  return Math.sqrt(squares / values.length);
}

// ---------------------------------------------------------------------------------------------
// Validation: bad configuration is a bug to surface, not something to rank around
// ---------------------------------------------------------------------------------------------

function assertValidCriteria(criteria: readonly RankingCriterion[]): void {
  // With no criterion T(j,a) would be 0/0 for every sheet.
  if (criteria.length === 0) throw new Error('Ranking: the round has no criteria.');
  const seen = new Set<number>();
  for (const c of criteria) {
    if (seen.has(c.id)) throw new Error(`Ranking: criterion ${c.id} is listed twice.`);
    seen.add(c.id);
    if (!Number.isFinite(c.weight) || c.weight <= 0) {
      throw new Error(`Ranking: criterion ${c.id} has weight ${c.weight}; a weight must be a number > 0.`);
    }
    if (!Number.isInteger(c.min) || !Number.isInteger(c.max)) {
      throw new Error(`Ranking: criterion ${c.id} has scale ${c.min}…${c.max}; the bounds must be integers.`);
    }
    if (c.min >= c.max) {
      throw new Error(`Ranking: criterion ${c.id} has scale ${c.min}…${c.max}; min must be below max.`);
    }
  }
}

function assertValidMethod(method: unknown): asserts method is RankingMethod {
  if (!RANKING_METHODS.includes(method as RankingMethod)) {
    throw new Error(
      `Ranking: unknown method ${JSON.stringify(method)}; expected one of ${RANKING_METHODS.join(', ')}.`,
    );
  }
}

function assertValidMinSheets(minSheets: number): void {
  if (!Number.isInteger(minSheets) || minSheets < 0) {
    throw new Error(`Ranking: minSheets is ${minSheets}; it must be a whole number >= 0.`);
  }
}

function assertDistinctApplications(applications: readonly RankingApplication[]): void {
  const seen = new Set<number>();
  for (const a of applications) {
    if (seen.has(a.id)) throw new Error(`Ranking: application ${a.id} is listed twice.`);
    seen.add(a.id);
  }
}

// ---------------------------------------------------------------------------------------------
// Criteria orders
// ---------------------------------------------------------------------------------------------

/** Display order; also the fixed order in which a total is summed, so totals never depend on input order. */
function criteriaInDisplayOrder(criteria: readonly RankingCriterion[]): RankingCriterion[] {
  return [...criteria].sort((a, b) => a.position - b.position || a.id - b.id);
}

/** SCORING.md §3.1: heaviest first, equal weights in display order (id last, only to be total). */
function criteriaInTieBreakOrder(criteria: readonly RankingCriterion[]): RankingCriterion[] {
  return [...criteria].sort((a, b) => b.weight - a.weight || a.position - b.position || a.id - b.id);
}

// ---------------------------------------------------------------------------------------------
// 1. Scoresheet total
// ---------------------------------------------------------------------------------------------

function isCountableValue(criterion: RankingCriterion, value: number | null | undefined): value is number {
  return (
    typeof value === 'number' && Number.isInteger(value) && value >= criterion.min && value <= criterion.max
  );
}

/** True when every criterion holds an integer inside its scale — the only sheets SCORING.md counts. */
function scoresAreCountable(
  criteria: readonly RankingCriterion[],
  scores: Record<number, number | null | undefined>,
): boolean {
  return criteria.every((c) => isCountableValue(c, scores[c.id]));
}

function normalised(criterion: RankingCriterion, value: number): number {
  return (value - criterion.min) / (criterion.max - criterion.min);
}

/** T(j,a) with criteria already validated and in display order; no checks, it runs 50,000 times. */
function totalOf(
  ordered: readonly RankingCriterion[],
  weightSum: number,
  scores: Record<number, number>,
): number {
  let weighted = 0;
  for (const c of ordered) weighted += c.weight * normalised(c, scores[c.id]);
  return (100 * weighted) / weightSum;
}

// ---------------------------------------------------------------------------------------------
// Counted sheets
// ---------------------------------------------------------------------------------------------

/** Conflicted application ids per judge: a nested lookup, not a string key built for every sheet. */
function conflictedPairs(conflicts: RankingInput['conflicts']): Map<number, Set<number>> {
  const byJudge = new Map<number, Set<number>>();
  for (const { judgeId, applicationId } of conflicts ?? []) {
    const applications = byJudge.get(judgeId);
    if (applications) applications.add(applicationId);
    else byJudge.set(judgeId, new Set([applicationId]));
  }
  return byJudge;
}

/** Only the criteria's values: a stray key for a deleted criterion must not travel into exports. */
function criterionScores(
  ordered: readonly RankingCriterion[],
  scores: RankingSheet['scores'],
): Record<number, number> {
  const kept: Record<number, number> = {};
  for (const c of ordered) kept[c.id] = scores[c.id] as number;
  return kept;
}

/**
 * The sheets SCORING.md counts: submitted, complete, integers inside the scale, for an application
 * of the round, by a judge not conflicted with it. Ordered by application id, then judge id.
 * Two counted sheets by one judge for one application would be counted twice, so they throw.
 */
export function countSheets(input: RankingInput): CountedScoresheet[] {
  assertValidCriteria(input.criteria);
  const ordered = criteriaInDisplayOrder(input.criteria);
  const weightSum = sum(ordered.map((c) => c.weight));
  const eligible = new Set(input.applications.map((a) => a.id));
  const conflicted = conflictedPairs(input.conflicts);

  const counted: CountedScoresheet[] = [];
  for (const sheet of input.sheets) {
    if (sheet.status !== 'submitted') continue;
    if (!eligible.has(sheet.applicationId)) continue;
    if (conflicted.get(sheet.judgeId)?.has(sheet.applicationId)) continue;
    if (!scoresAreCountable(ordered, sheet.scores)) continue;
    const scores = criterionScores(ordered, sheet.scores);
    counted.push({
      judgeId: sheet.judgeId,
      applicationId: sheet.applicationId,
      scores,
      total: totalOf(ordered, weightSum, scores),
    });
  }
  counted.sort((a, b) => a.applicationId - b.applicationId || a.judgeId - b.judgeId);
  assertOneSheetPerPair(counted);
  return counted;
}

function assertOneSheetPerPair(sorted: readonly CountedScoresheet[]): void {
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1];
    const cur = sorted[i];
    if (prev.applicationId === cur.applicationId && prev.judgeId === cur.judgeId) {
      throw new Error(
        `Ranking: judge ${cur.judgeId} has two counted sheets for application ${cur.applicationId}.`,
      );
    }
  }
}

// ---------------------------------------------------------------------------------------------
// 2. Application scores
// ---------------------------------------------------------------------------------------------

/** Counted sheets per application id, each list keeping the canonical judge order. */
function sheetsByApplication(counted: readonly CountedScoresheet[]): Map<number, CountedScoresheet[]> {
  const grouped = new Map<number, CountedScoresheet[]>();
  for (const sheet of counted) {
    const list = grouped.get(sheet.applicationId);
    if (list) list.push(sheet);
    else grouped.set(sheet.applicationId, [sheet]);
  }
  return grouped;
}

function meanCriterionValues(
  ordered: readonly RankingCriterion[],
  sheets: readonly CountedScoresheet[],
): Record<number, number> {
  const means: Record<number, number> = {};
  if (sheets.length === 0) return means;
  for (const c of ordered) {
    let total = 0;
    for (const sheet of sheets) total += normalised(c, sheet.scores[c.id]);
    means[c.id] = total / sheets.length;
  }
  return means;
}

/** `trimmed`: from 5 sheets, one highest and one lowest total are dropped (one each, even if repeated). */
function trimmedMean(totals: readonly number[]): number {
  if (totals.length < TRIMMED_MIN_SHEETS) return mean(totals);
  const sorted = [...totals].sort((a, b) => a - b);
  return mean(sorted.slice(1, -1));
}

/** A judge's own scale, or null when it says nothing (see judgeScales). */
type JudgeScale = { mu: number; sigma: number } | null;

/**
 * μ_j and σ_j over every counted sheet of the round, including those of applications left
 * unranked. A judge with fewer than 3 sheets, or whose totals do not spread, gets null and so
 * z = 0: one or two sheets say nothing about a judge's own scale.
 * σ_j counts as 0 when it rounds to 0 at 9 decimals — equal totals reached by different
 * score vectors can differ in the last bit, and dividing by that noise would give z = ±1.
 */
function judgeScales(counted: readonly CountedScoresheet[]): Map<number, JudgeScale> {
  const totalsByJudge = new Map<number, number[]>();
  for (const sheet of counted) {
    const list = totalsByJudge.get(sheet.judgeId);
    if (list) list.push(sheet.total);
    else totalsByJudge.set(sheet.judgeId, [sheet.total]);
  }
  const scales = new Map<number, JudgeScale>();
  for (const [judgeId, totals] of totalsByJudge) {
    const sigma = populationSd(totals);
    const usable = totals.length >= ZSCORE_MIN_JUDGE_SHEETS && roundForComparison(sigma) !== 0;
    scales.set(judgeId, usable ? { mu: mean(totals), sigma } : null);
  }
  return scales;
}

function zScore(sheet: CountedScoresheet, scale: JudgeScale | undefined): number {
  return scale ? (sheet.total - scale.mu) / scale.sigma : 0;
}

function applicationScore(
  method: RankingMethod,
  sheets: readonly CountedScoresheet[],
  totals: readonly number[],
  scales: Map<number, JudgeScale>,
): number {
  switch (method) {
    case 'mean':
      return mean(totals);
    case 'trimmed':
      return trimmedMean(totals);
    case 'zscore':
      return mean(sheets.map((s) => zScore(s, scales.get(s.judgeId))));
  }
}

// ---------------------------------------------------------------------------------------------
// 3. Order and ties
// ---------------------------------------------------------------------------------------------

/**
 * Names in a human order that does not depend on the server's locale: ICU collation fixed to 'en'
 * with sensitivity 'base' (so "Émile" sits with "Emile", "civix" with "Civix"). Names equal at
 * that strength fall back to code-point order, then application id, so the listing never
 * depends on input order.
 */
const nameCollator = new Intl.Collator('en', { sensitivity: 'base' });

function compareByName(
  a: { name: string; applicationId: number },
  b: { name: string; applicationId: number },
): number {
  return (
    nameCollator.compare(a.name, b.name) ||
    (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) ||
    a.applicationId - b.applicationId
  );
}

/**
 * Everything an application is ordered by, higher first, already rounded where SCORING.md says so:
 * [score, tie-break criterion means…, counted sheets].
 */
function orderingKey(
  score: number,
  means: Record<number, number>,
  sheets: number,
  tieBreak: readonly RankingCriterion[],
): number[] {
  const key = [roundForComparison(score)];
  for (const c of tieBreak) key.push(roundForComparison(means[c.id]));
  key.push(sheets);
  return key;
}

/** Negative when `a` ranks ahead of `b`; 0 when tied after every tie-break. */
function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return b[i] - a[i];
  }
  return 0;
}

/** Orders entries best first by key; entries tied on every key are listed by name. */
function sortedByKey<T extends { key: readonly number[]; entry: { name: string; applicationId: number } }>(
  items: T[],
): T[] {
  return items.sort((a, b) => compareKeys(a.key, b.key) || compareByName(a.entry, b.entry));
}

/**
 * Standard competition ranks (1, 2, 2, 4) for keys already sorted best first: a rank is one more
 * than the number of entries strictly ahead. An entry sharing its rank is a tie.
 */
function competitionRanks(sortedKeys: readonly (readonly number[])[]): { rank: number; tie: boolean }[] {
  const places: { rank: number; tie: boolean }[] = [];
  let groupStart = 0;
  while (groupStart < sortedKeys.length) {
    let groupEnd = groupStart + 1;
    while (groupEnd < sortedKeys.length && compareKeys(sortedKeys[groupStart], sortedKeys[groupEnd]) === 0)
      groupEnd++;
    const tie = groupEnd - groupStart > 1;
    for (let i = groupStart; i < groupEnd; i++) places.push({ rank: groupStart + 1, tie });
    groupStart = groupEnd;
  }
  return places;
}

/** Spelled out, not `{ ...entry, ...place }`: V8 copies two-source spreads slowly, and at 10,000 applications it showed. */
function placed(
  entry: Omit<RankedApplication, 'rank' | 'tie'>,
  place: { rank: number; tie: boolean },
): RankedApplication {
  return {
    applicationId: entry.applicationId,
    name: entry.name,
    rank: place.rank,
    score: entry.score,
    sheets: entry.sheets,
    tie: place.tie,
    spread: entry.spread,
    meanTotal: entry.meanTotal,
    criterionMeans: entry.criterionMeans,
  };
}

// ---------------------------------------------------------------------------------------------
// The round
// ---------------------------------------------------------------------------------------------

/**
 * Ranks one round per SCORING.md. Applications with fewer counted sheets than `minSheets` — and
 * always those with none, which have no score — are listed in `unranked`, by name.
 */
export function rankRound(input: RankingInput): RoundRanking {
  assertValidMethod(input.method);
  assertValidMinSheets(input.minSheets);
  assertDistinctApplications(input.applications);
  const countedSheets = countSheets(input);

  const ordered = criteriaInDisplayOrder(input.criteria);
  const tieBreak = criteriaInTieBreakOrder(input.criteria);
  const bySheetApplication = sheetsByApplication(countedSheets);
  const scales = input.method === 'zscore' ? judgeScales(countedSheets) : new Map<number, JudgeScale>();
  // An application with no counted sheet has no score, whatever minSheets says.
  const minSheets = Math.max(input.minSheets, 1);

  const candidates: { key: number[]; entry: Omit<RankedApplication, 'rank' | 'tie'> }[] = [];
  const unranked: UnrankedApplication[] = [];
  for (const application of input.applications) {
    const sheets = bySheetApplication.get(application.id) ?? [];
    const criterionMeans = meanCriterionValues(ordered, sheets);
    if (sheets.length < minSheets) {
      unranked.push({
        applicationId: application.id,
        name: application.name,
        sheets: sheets.length,
        criterionMeans,
      });
      continue;
    }
    const totals = sheets.map((s) => s.total);
    const score = applicationScore(input.method, sheets, totals, scales);
    candidates.push({
      key: orderingKey(score, criterionMeans, sheets.length, tieBreak),
      entry: {
        applicationId: application.id,
        name: application.name,
        score,
        sheets: sheets.length,
        spread: populationSd(totals),
        meanTotal: mean(totals),
        criterionMeans,
      },
    });
  }

  const sorted = sortedByKey(candidates);
  const places = competitionRanks(sorted.map((c) => c.key));
  const ranked = sorted.map(({ entry }, i) => placed(entry, places[i]));
  unranked.sort(compareByName);
  return { method: input.method, ranked, unranked, countedSheets };
}
