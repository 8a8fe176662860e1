/**
 * The ranking engine: docs/SCORING.md, and nothing else.
 *
 * Pure on purpose — no I/O, no imports — so that the results page, the open-data export and an
 * outsider re-running the published method all get the same numbers from the same inputs.
 *
 * Determinism: every sum is taken in a canonical order (criteria by display order, sheets by
 * application then judge), so the floating-point result is bit-for-bit the same whatever order
 * the caller passes things in. Comparisons then round to 9 decimals, as SCORING.md §3 says.
 */

// ---------------------------------------------------------------------------------------------
// Public types (other modules are written against these shapes: extend, do not rename)
// ---------------------------------------------------------------------------------------------

export type RankingMethod = 'mean' | 'trimmed' | 'zscore';

/** `position` is the display order; it also breaks ties between criteria of equal weight. */
export interface RankingCriterion {
  id: number;
  weight: number;
  min: number;
  max: number;
  position: number;
}

/** `scores` is keyed by criterion id; a missing, null or undefined value makes the sheet incomplete. */
export interface RankingSheet {
  judgeId: number;
  applicationId: number;
  status: 'draft' | 'submitted';
  scores: Record<number, number | null | undefined>;
}

export interface RankingApplication {
  id: number;
  name: string;
}

export interface RankingInput {
  criteria: RankingCriterion[];
  method: RankingMethod;
  minSheets: number;
  /** The eligible applications of the round (the caller removes withdrawn ones). */
  applications: RankingApplication[];
  sheets: RankingSheet[];
  conflicts?: { judgeId: number; applicationId: number }[];
}

/** A sheet that counts; `total` is T(j,a), 0..100. */
export interface CountedScoresheet {
  judgeId: number;
  applicationId: number;
  scores: Record<number, number>;
  total: number;
}

export interface RankedApplication {
  applicationId: number;
  name: string;
  /** Standard competition ranking: 1, 2, 2, 4. */
  rank: number;
  /** The method's score, unrounded. */
  score: number;
  /** Number of counted sheets. */
  sheets: number;
  /** Still tied after every tie-break: shares its rank with at least one other application. */
  tie: boolean;
  /** Population standard deviation of the sheet totals (0 for one sheet). */
  spread: number;
  /** Arithmetic mean of the sheet totals, whatever the method. */
  meanTotal: number;
  /** Per criterion id: mean normalised value (x − lo)/(hi − lo), 0..1. */
  criterionMeans: Record<number, number>;
}

/** Fewer counted sheets than `minSheets` ("insufficient scores"); `criterionMeans` is {} with no sheet. */
export interface UnrankedApplication {
  applicationId: number;
  name: string;
  sheets: number;
  criterionMeans: Record<number, number>;
}

export interface RoundRanking {
  method: RankingMethod;
  ranked: RankedApplication[];
  unranked: UnrankedApplication[];
  /** Every counted sheet, ordered by application id then judge id. */
  countedSheets: CountedScoresheet[];
}

export interface VoteCount {
  applicationId: number;
  name: string;
  votes: number;
}

export interface RankedVote extends VoteCount {
  rank: number;
  /** Shares its rank with at least one other finalist. */
  tie: boolean;
}

export const RANKING_METHODS: readonly RankingMethod[] = ['mean', 'trimmed', 'zscore'];

/** SCORING.md §2: the round's minSheets when the organiser has not chosen one. */
export const DEFAULT_MIN_SHEETS = 2;

/** SCORING.md §3: values are compared after rounding to this many decimals. */
export const COMPARISON_DECIMALS = 9;

/** `trimmed` drops one highest and one lowest total only from this many sheets up. */
export const TRIMMED_MIN_SHEETS = 5;

/** `zscore` reads a judge against their own scale only from this many sheets up. */
export const ZSCORE_MIN_JUDGE_SHEETS = 3;

// ---------------------------------------------------------------------------------------------
// Small numeric helpers
// ---------------------------------------------------------------------------------------------

const SCALE = 10 ** COMPARISON_DECIMALS;

/** The value compared in every ordering decision; `+ 0` turns −0 into 0. */
export function roundForComparison(value: number): number {
  return Math.round(value * SCALE) / SCALE + 0;
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
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
export function scoresAreCountable(
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

/**
 * T(j,a) = 100 · Σ w_c·(x_c − lo_c)/(hi_c − lo_c) / Σ w_c, in 0..100.
 * Throws on a value that would not count, rather than return a total outside 0..100 or NaN.
 */
export function sheetTotal(criteria: RankingCriterion[], scores: Record<number, number>): number {
  assertValidCriteria(criteria);
  for (const c of criteria) {
    if (!isCountableValue(c, scores[c.id])) {
      throw new Error(
        `Ranking: criterion ${c.id} has value ${scores[c.id]}; expected an integer in ${c.min}…${c.max}.`,
      );
    }
  }
  const ordered = criteriaInDisplayOrder(criteria);
  return totalOf(ordered, sum(ordered.map((c) => c.weight)), scores);
}

// ---------------------------------------------------------------------------------------------
// Counted sheets, validated in place into flat arrays
// ---------------------------------------------------------------------------------------------
//
// A round of 10,000 applications has 50,000 sheets: the counting, grouping and statistics below
// work on typed arrays (one Float64Array of values per round, sheet k's criterion i at k·C + i)
// rather than on an object per sheet, an array per application and a key array per candidate.
// The only objects made are the result's own — fresh, holding only the criteria's values, so
// neither the caller's objects nor a stray key for a deleted criterion reach the result. Every sum
// keeps the canonical order of the simple version (tests/unit/ranking-reference.ts), so the
// numbers are the same bit for bit (tests/unit/ranking-fast-path.test.ts).

/** The round's criteria in display order, as parallel arrays for the loops that run per sheet. */
interface CriteriaTable {
  ordered: RankingCriterion[];
  ids: number[];
  mins: Float64Array;
  maxs: Float64Array;
  /** max − min, exact: the bounds are integers. */
  ranges: Float64Array;
  weights: Float64Array;
  weightSum: number;
}

function criteriaTable(criteria: readonly RankingCriterion[]): CriteriaTable {
  assertValidCriteria(criteria);
  const ordered = criteriaInDisplayOrder(criteria);
  const count = ordered.length;
  const table: CriteriaTable = {
    ordered,
    ids: ordered.map((c) => c.id),
    mins: new Float64Array(count),
    maxs: new Float64Array(count),
    ranges: new Float64Array(count),
    weights: new Float64Array(count),
    weightSum: sum(ordered.map((c) => c.weight)),
  };
  ordered.forEach((c, i) => {
    table.mins[i] = c.min;
    table.maxs[i] = c.max;
    table.ranges[i] = c.max - c.min;
    table.weights[i] = c.weight;
  });
  return table;
}

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

/** Each distinct application id and its slot (its first place in `applications`). */
interface ApplicationSlots {
  slotOf: Map<number, number>;
  ids: number[];
}

function applicationSlots(applications: readonly RankingApplication[], requireDistinct: boolean): ApplicationSlots {
  const slotOf = new Map<number, number>();
  const ids: number[] = [];
  for (const a of applications) {
    if (slotOf.has(a.id)) {
      if (requireDistinct) throw new Error(`Ranking: application ${a.id} is listed twice.`);
      continue;
    }
    slotOf.set(a.id, ids.length);
    ids.push(a.id);
  }
  return { slotOf, ids };
}

/**
 * The counted sheets in canonical order (application id, then judge id): position p is the
 * validated sheet `order[p]`, whose values are at `values[order[p] · C …]`. The sheets of slot s
 * are the positions `start[s]` to `end[s]` (exclusive).
 */
interface CountedTable {
  count: number;
  order: Int32Array;
  values: Float64Array;
  /** By position. */
  totals: Float64Array;
  /** By position. */
  judgeIds: Float64Array;
  /** By position. */
  slots: Int32Array;
  start: Int32Array;
  end: Int32Array;
}

/**
 * The sheets SCORING.md counts: submitted, complete, integers inside the scale, for an application
 * of the round, by a judge not conflicted with it. Two counted sheets by one judge for one
 * application would be counted twice, so they throw.
 */
function countedTable(input: RankingInput, criteria: CriteriaTable, applications: ApplicationSlots): CountedTable {
  const { ids, mins, maxs, ranges, weights, weightSum } = criteria;
  const width = ids.length;
  const conflicted = conflictedPairs(input.conflicts);
  const size = input.sheets.length;
  const values = new Float64Array(size * width);
  const rawTotals = new Float64Array(size);
  const rawJudges = new Float64Array(size);
  const rawSlots = new Int32Array(size);
  let count = 0;
  sheets: for (const sheet of input.sheets) {
    if (sheet.status !== 'submitted') continue;
    const slot = applications.slotOf.get(sheet.applicationId);
    if (slot === undefined) continue;
    if (conflicted.size > 0 && conflicted.get(sheet.judgeId)?.has(sheet.applicationId)) continue;
    const scores = sheet.scores;
    const base = count * width;
    // T(j,a), summed in display order as `totalOf` does, while checking each value.
    let weighted = 0;
    for (let i = 0; i < width; i++) {
      const value = scores[ids[i]];
      if (typeof value !== 'number' || !Number.isInteger(value) || value < mins[i] || value > maxs[i]) continue sheets;
      values[base + i] = value;
      weighted += weights[i] * ((value - mins[i]) / ranges[i]);
    }
    rawTotals[count] = (100 * weighted) / weightSum;
    rawJudges[count] = sheet.judgeId;
    rawSlots[count] = slot;
    count++;
  }

  // Group by application in id order (a counting sort), then by judge inside each small group.
  const slotCount = applications.ids.length;
  const start = new Int32Array(slotCount);
  const end = new Int32Array(slotCount);
  for (let k = 0; k < count; k++) start[rawSlots[k]]++;
  let offset = 0;
  for (const slot of slotsInIdOrder(applications.ids)) {
    const sheetsOfSlot = start[slot];
    start[slot] = offset;
    end[slot] = offset;
    offset += sheetsOfSlot;
  }
  const order = new Int32Array(count);
  for (let k = 0; k < count; k++) order[end[rawSlots[k]]++] = k;
  for (let slot = 0; slot < slotCount; slot++) {
    for (let p = start[slot] + 1; p < end[slot]; p++) {
      const k = order[p];
      const judge = rawJudges[k];
      let q = p - 1;
      while (q >= start[slot] && rawJudges[order[q]] > judge) {
        order[q + 1] = order[q];
        q--;
      }
      order[q + 1] = k;
    }
  }

  const totals = new Float64Array(count);
  const judgeIds = new Float64Array(count);
  const slots = new Int32Array(count);
  for (let p = 0; p < count; p++) {
    const k = order[p];
    totals[p] = rawTotals[k];
    judgeIds[p] = rawJudges[k];
    slots[p] = rawSlots[k];
    if (p > 0 && slots[p - 1] === slots[p] && judgeIds[p - 1] === judgeIds[p]) {
      throw new Error(`Ranking: judge ${judgeIds[p]} has two counted sheets for application ${applications.ids[slots[p]]}.`);
    }
  }
  return { count, order, values, totals, judgeIds, slots, start, end };
}

/** Slots ordered by application id (already so when the caller lists applications by id). */
function slotsInIdOrder(ids: readonly number[]): number[] {
  const slots = ids.map((_, slot) => slot);
  let sorted = true;
  for (let i = 1; i < ids.length && sorted; i++) sorted = ids[i - 1] < ids[i];
  return sorted ? slots : slots.sort((a, b) => ids[a] - ids[b]);
}

/** The counted sheets as the result gives them: fresh objects holding only the criteria's values. */
function countedSheetsOf(counted: CountedTable, criteria: CriteriaTable, applications: ApplicationSlots): CountedScoresheet[] {
  const { ids } = criteria;
  const width = ids.length;
  const list: CountedScoresheet[] = new Array(counted.count);
  for (let p = 0; p < counted.count; p++) {
    const base = counted.order[p] * width;
    const scores: Record<number, number> = {};
    for (let i = 0; i < width; i++) scores[ids[i]] = counted.values[base + i];
    list[p] = { judgeId: counted.judgeIds[p], applicationId: applications.ids[counted.slots[p]], scores, total: counted.totals[p] };
  }
  return list;
}

/** The sheets SCORING.md counts (see countedTable), ordered by application id, then judge id. */
export function countSheets(input: RankingInput): CountedScoresheet[] {
  const criteria = criteriaTable(input.criteria);
  const applications = applicationSlots(input.applications, false);
  return countedSheetsOf(countedTable(input, criteria, applications), criteria, applications);
}

// ---------------------------------------------------------------------------------------------
// 2. Application scores
// ---------------------------------------------------------------------------------------------

/**
 * z(j,a) for every counted sheet, by position. μ_j and σ_j over every counted sheet of the
 * round, including those of applications left unranked. A judge with fewer than 3 sheets, or
 * whose totals do not spread, gets z = 0: one or two sheets say nothing about a judge's own scale.
 * σ_j counts as 0 when it rounds to 0 at 9 decimals — equal totals reached by different score
 * vectors can differ in the last bit, and dividing by that noise would give z = ±1.
 */
function zScores(counted: CountedTable): Float64Array {
  const judgeOf = new Map<number, number>();
  const judgeAt = new Int32Array(counted.count);
  const sums: number[] = [];
  const counts: number[] = [];
  for (let p = 0; p < counted.count; p++) {
    let judge = judgeOf.get(counted.judgeIds[p]);
    if (judge === undefined) {
      judge = sums.length;
      judgeOf.set(counted.judgeIds[p], judge);
      sums.push(0);
      counts.push(0);
    }
    judgeAt[p] = judge;
    sums[judge] += counted.totals[p];
    counts[judge]++;
  }
  const mus = sums.map((total, judge) => total / counts[judge]);
  const squares = new Float64Array(sums.length);
  for (let p = 0; p < counted.count; p++) squares[judgeAt[p]] += (counted.totals[p] - mus[judgeAt[p]]) ** 2;
  const sigmas = counts.map((n, judge) => {
    const sigma = n < 2 ? 0 : Math.sqrt(squares[judge] / n);
    return n >= ZSCORE_MIN_JUDGE_SHEETS && roundForComparison(sigma) !== 0 ? sigma : 0;
  });
  const z = new Float64Array(counted.count);
  for (let p = 0; p < counted.count; p++) {
    const sigma = sigmas[judgeAt[p]];
    z[p] = sigma === 0 ? 0 : (counted.totals[p] - mus[judgeAt[p]]) / sigma;
  }
  return z;
}

/** `trimmed`: from 5 sheets, one highest and one lowest total are dropped (one each, even if repeated). */
function trimmedMean(totals: Float64Array, start: number, end: number, mean: number): number {
  const n = end - start;
  if (n < TRIMMED_MIN_SHEETS) return mean;
  const sorted = totals.slice(start, end).sort();
  let total = 0;
  for (let i = 1; i < n - 1; i++) total += sorted[i];
  return total / (n - 2);
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
  const applications = applicationSlots(input.applications, true);
  const criteria = criteriaTable(input.criteria);
  const counted = countedTable(input, criteria, applications);
  const { ids, mins, ranges } = criteria;
  const width = ids.length;
  const { values, totals, order, start, end } = counted;
  const z = input.method === 'zscore' ? zScores(counted) : null;
  // Tie-break keys: [score, criterion means heaviest first…, counted sheets], rounded as SCORING.md says.
  const displayIndex = new Map(ids.map((id, i) => [id, i]));
  const tieBreak = criteriaInTieBreakOrder(input.criteria).map((c) => displayIndex.get(c.id)!);
  const keyWidth = tieBreak.length + 2;
  // An application with no counted sheet has no score, whatever minSheets says.
  const minSheets = Math.max(input.minSheets, 1);

  const slotCount = applications.ids.length;
  const keys = new Float64Array(slotCount * keyWidth);
  const scores = new Float64Array(slotCount);
  const spreads = new Float64Array(slotCount);
  const meanTotals = new Float64Array(slotCount);
  const means = new Float64Array(width);
  const meansBySlot: Record<number, number>[] = new Array(slotCount);
  const candidates: number[] = [];
  const unranked: UnrankedApplication[] = [];
  for (let slot = 0; slot < slotCount; slot++) {
    const first = start[slot];
    const last = end[slot];
    const n = last - first;
    const criterionMeans: Record<number, number> = {};
    if (n > 0) {
      for (let i = 0; i < width; i++) {
        let total = 0;
        for (let p = first; p < last; p++) total += (values[order[p] * width + i] - mins[i]) / ranges[i];
        means[i] = total / n;
        criterionMeans[ids[i]] = means[i];
      }
    }
    if (n < minSheets) {
      const application = input.applications[slot];
      unranked.push({ applicationId: application.id, name: application.name, sheets: n, criterionMeans });
      continue;
    }
    let total = 0;
    for (let p = first; p < last; p++) total += totals[p];
    const meanTotal = total / n;
    let squares = 0;
    if (n >= 2) for (let p = first; p < last; p++) squares += (totals[p] - meanTotal) ** 2;
    let score = meanTotal;
    if (input.method === 'trimmed') score = trimmedMean(totals, first, last, meanTotal);
    else if (z) {
      let zTotal = 0;
      for (let p = first; p < last; p++) zTotal += z[p];
      score = zTotal / n;
    }
    scores[slot] = score;
    meanTotals[slot] = meanTotal;
    spreads[slot] = n < 2 ? 0 : Math.sqrt(squares / n);
    meansBySlot[slot] = criterionMeans;
    const key = slot * keyWidth;
    keys[key] = roundForComparison(score);
    for (let j = 0; j < tieBreak.length; j++) keys[key + 1 + j] = roundForComparison(means[tieBreak[j]]);
    keys[key + keyWidth - 1] = n;
    candidates.push(slot);
  }

  const compareSlotKeys = (a: number, b: number): number => {
    for (let i = 0; i < keyWidth; i++) {
      const x = keys[a * keyWidth + i];
      const y = keys[b * keyWidth + i];
      if (x !== y) return y - x;
    }
    return 0;
  };
  const named = (slot: number) => ({ name: input.applications[slot].name, applicationId: applications.ids[slot] });
  candidates.sort((a, b) => compareSlotKeys(a, b) || compareByName(named(a), named(b)));

  // Standard competition ranks (1, 2, 2, 4): one more than the number of applications strictly ahead.
  const ranked: RankedApplication[] = new Array(candidates.length);
  let groupStart = 0;
  while (groupStart < candidates.length) {
    let groupEnd = groupStart + 1;
    while (groupEnd < candidates.length && compareSlotKeys(candidates[groupStart], candidates[groupEnd]) === 0) groupEnd++;
    const tie = groupEnd - groupStart > 1;
    for (let i = groupStart; i < groupEnd; i++) {
      const slot = candidates[i];
      ranked[i] = {
        applicationId: applications.ids[slot],
        name: input.applications[slot].name,
        rank: groupStart + 1,
        score: scores[slot],
        sheets: end[slot] - start[slot],
        tie,
        spread: spreads[slot],
        meanTotal: meanTotals[slot],
        criterionMeans: meansBySlot[slot],
      };
    }
    groupStart = groupEnd;
  }
  unranked.sort(compareByName);
  return { method: input.method, ranked, unranked, countedSheets: countedSheetsOf(counted, criteria, applications) };
}

// ---------------------------------------------------------------------------------------------
// 4. People's choice
// ---------------------------------------------------------------------------------------------

/** Most votes first; equal counts share a rank (1, 2, 2, 4) and are listed by name. */
export function rankVotes(counts: VoteCount[]): RankedVote[] {
  for (const c of counts) {
    if (!Number.isInteger(c.votes) || c.votes < 0) {
      throw new Error(
        `Ranking: application ${c.applicationId} has ${c.votes} votes; expected a whole number >= 0.`,
      );
    }
  }
  assertDistinctApplications(counts.map((c) => ({ id: c.applicationId, name: c.name })));
  const sorted = sortedByKey(counts.map((entry) => ({ key: [entry.votes], entry })));
  const places = competitionRanks(sorted.map((c) => c.key));
  return sorted.map(({ entry }, i) => ({
    applicationId: entry.applicationId,
    name: entry.name,
    votes: entry.votes,
    rank: places[i].rank,
    tie: places[i].tie,
  }));
}
