/**
 * What a founder reads after publication (issue 15), as pure rules: where the application stands
 * among the field on each criterion (median and quartiles), its place as a rank or a band, and the
 * letters that stand for the judges. No I/O: app/utils/feedback.server.ts loads and calls.
 */
import { z } from 'zod';
import { FEEDBACK_RANK_MODES, type FeedbackRankMode } from './statuses';
import { plainText } from './text';

// ─── Median and quartiles ────────────────────────────────────────────────────

export interface Quartiles {
  q1: number;
  median: number;
  q3: number;
  /** How many values they were computed from. */
  count: number;
}

/**
 * The value at quantile `p` (0..1) of sorted values, by linear interpolation between the two
 * nearest ranks (the "type 7" rule of R and NumPy's default): the median of 1, 2, 3, 4 is 2.5.
 */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new Error('quantile of no value');
  if (p < 0 || p > 1) throw new Error(`quantile ${p} outside 0..1`);
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

/** First quartile, median and third quartile of the values (any order), or null for none. */
export function quartiles(values: readonly number[]): Quartiles | null {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return null;
  const sorted = [...finite].sort((a, b) => a - b);
  return { q1: quantile(sorted, 0.25), median: quantile(sorted, 0.5), q3: quantile(sorted, 0.75), count: sorted.length };
}

/** A criterion's normalised mean (0..1, as rankRound gives it) back on the criterion's scale. */
export function onScale(normalised: number, min: number, max: number): number {
  return min + normalised * (max - min);
}

// ─── The place ───────────────────────────────────────────────────────────────

/** The bands a place is told in, best first: "top 10 %", "top 25 %", "top 50 %". */
export const RANK_BANDS = [10, 25, 50] as const;
export type RankBand = (typeof RANK_BANDS)[number];

/**
 * The narrowest band that holds the rank among `total` ranked applications, or null when it is in
 * the second half. Ties share a rank (1, 2, 2, 4), so a tie never splits two startups' bands.
 */
export function rankBand(rank: number, total: number): RankBand | null {
  if (!Number.isInteger(rank) || !Number.isInteger(total) || rank < 1 || total < rank) throw new Error(`rank ${rank} of ${total}`);
  for (const band of RANK_BANDS) {
    if (rank * 100 <= band * total) return band;
  }
  return null;
}

export type Placing =
  | { kind: 'rank'; rank: number; total: number; tie: boolean }
  | { kind: 'band'; band: RankBand | null; total: number }
  /** Fewer counted sheets than the round asks for: not ranked. */
  | { kind: 'unranked' };

/** What the page says of the place, as the edition's organiser chose (`feedbackRank`). */
export function placing(mode: FeedbackRankMode, ranked: { rank: number; tie: boolean } | null, total: number): Placing {
  if (!ranked) return { kind: 'unranked' };
  return mode === 'rank'
    ? { kind: 'rank', rank: ranked.rank, total, tie: ranked.tie }
    : { kind: 'band', band: rankBand(ranked.rank, total), total };
}

// ─── The judges' letters ─────────────────────────────────────────────────────

/** "Judge A", "Judge B"… then AA, AB… past Z (never reached by a real jury, but never wrong). */
export function pseudonymLetter(index: number): string {
  let n = index;
  let letters = '';
  do {
    letters = String.fromCharCode(65 + (n % 26)) + letters;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return letters;
}

/**
 * The letter of each judge of one application: judges ordered by a keyed hash of (application,
 * judge) that only the server can compute, so the letters follow neither names, accounts nor the
 * order of assignment, and the same judge has unrelated letters on two applications. `keyOf`
 * returns that hash (hex); equal hashes (never in practice) fall back to the judge id for a total
 * order.
 */
export function judgeLetters(judgeIds: readonly number[], keyOf: (judgeId: number) => string): Map<number, string> {
  const ordered = [...new Set(judgeIds)]
    .map((judgeId) => ({ judgeId, key: keyOf(judgeId) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.judgeId - b.judgeId));
  return new Map(ordered.map(({ judgeId }, i) => [judgeId, pseudonymLetter(i)]));
}

// ─── The organiser's forms ───────────────────────────────────────────────────

export const WITHHOLD_REASON_MAX = 500;

const rowId = z.string({ error: 'feedback.errors.noComment' }).regex(/^[1-9]\d{0,15}$/, 'feedback.errors.noComment').transform(Number);

/** Withhold one shared comment: the sheet, the criterion (or `overall`), and why. */
export const withholdSchema = z.object({
  scoresheetId: rowId,
  criterionId: z
    .string({ error: 'feedback.errors.noComment' })
    .regex(/^(overall|[1-9]\d{0,15})$/, 'feedback.errors.noComment')
    .transform((v) => (v === 'overall' ? null : Number(v))),
  reason: plainText(
    z.string({ error: 'feedback.errors.reasonRequired' }).trim().min(1, 'feedback.errors.reasonRequired').max(WITHHOLD_REASON_MAX, 'feedback.errors.reasonTooLong'),
  ),
});

/** The edition's feedback settings: a checkbox (absent when off) and the place's wording. */
export const feedbackSettingsSchema = z.object({
  enabled: z.literal('on').optional().transform((v) => v === 'on'),
  rank: z.enum(FEEDBACK_RANK_MODES, { error: 'feedback.errors.noComment' }),
});
