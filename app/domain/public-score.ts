/**
 * The score the public reads on a results page: a score out of 100, whatever the round's method,
 * with the method named beside it (docs/decisions/040-public-score-out-of-100.md).
 *
 * - `mean` and `trimmed` already are on the 0–100 scale of sheet totals (SCORING.md step 1):
 *   the public score is the method's score itself.
 * - `zscore` is a number of standard deviations ("+1.097"), which means nothing to a visitor.
 *   It is put back on the round's own 100-point scale: the round's mean sheet total plus the
 *   z-score times the round's standard deviation of sheet totals (every counted sheet of the round,
 *   population SD), kept within 0–100. "A judge-adjusted total": what the application would have
 *   scored from a judge of average severity and spread.
 *
 * The mapping increases with the score, so it never changes the ranking's order; ranks and ties
 * still come from the method's own score (the open data and /method keep the z-scores).
 *
 * Pure: no I/O.
 */
import type { RankingMethod } from './ranking';

/** The spread of a round's sheet totals, which the z-score mapping reads against. */
export interface RoundScale {
  /** Mean of every counted sheet total of the round (0–100). */
  mean: number;
  /** Population standard deviation of those totals. */
  spread: number;
}

/** Decimals of a public score out of 100 ("73.1"). */
export const PUBLIC_SCORE_DECIMALS = 1;

/** The round's scale, from the totals T(j,a) of its counted sheets. No sheet: 0 and 0. */
export function roundScaleOf(totals: readonly number[]): RoundScale {
  if (totals.length === 0) return { mean: 0, spread: 0 };
  let sum = 0;
  for (const t of totals) sum += t;
  const mean = sum / totals.length;
  let squares = 0;
  for (const t of totals) squares += (t - mean) ** 2;
  return { mean, spread: Math.sqrt(squares / totals.length) };
}

/** The method's score as a score out of 100 (unrounded; see `roundPublicScore`). */
export function scoreOutOf100(method: RankingMethod, score: number, scale: RoundScale): number {
  const points = method === 'zscore' ? scale.mean + score * scale.spread : score;
  return Math.min(100, Math.max(0, points));
}

/** A score out of 100 rounded to PUBLIC_SCORE_DECIMALS, half away from zero (scores are ≥ 0). */
export function roundPublicScore(points: number): number {
  const factor = 10 ** PUBLIC_SCORE_DECIMALS;
  return Math.round(points * factor) / factor + 0;
}
