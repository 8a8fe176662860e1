/**
 * Judge calibration: how each judge's totals compare with the panel's, so that a severe or a
 * lenient judge is visible before their scores decide a ranking.
 *
 * Input: the counted sheets of one round with their totals T(j,a) (0–100, SCORING.md §1), as
 * the ranking engine returns them. Judges usually see different applications, so a judge's
 * plain mean says as much about the applications they drew as about the judge. The measure
 * that decides the label is therefore paired: on each application the judge scored, the gap
 * between the judge's total and the mean of the other judges' totals on that same application;
 * the judge's gap is the mean of those. A judge is marked severe (lenient) when that gap is
 * below (above) minus (plus) half the panel's standard deviation, with at least
 * MIN_PAIRED_SHEETS such comparisons — the same 3 sheets from which SCORING.md's z-score reads
 * a judge against their own scale.
 *
 * Pure: no I/O; the result does not depend on the order of the sheets.
 */

/** Comparisons needed before a judge is labelled at all. */
export const MIN_PAIRED_SHEETS = 3;

/** A gap beyond this fraction of the panel's standard deviation earns a label. */
export const GAP_THRESHOLD_SD = 0.5;

export interface CalibrationScoresheet {
  judgeId: number;
  applicationId: number;
  /** T(j,a), 0–100. */
  total: number;
}

/** `too_few`: fewer than MIN_PAIRED_SHEETS sheets shared with another judge. */
export type Leaning = 'severe' | 'lenient' | 'in_line' | 'too_few';

export interface Spread {
  sheets: number;
  mean: number;
  /** Population standard deviation of the totals (0 with one sheet). */
  spread: number;
  min: number;
  max: number;
}

export interface JudgeCalibration extends Spread {
  judgeId: number;
  /** Mean of (own total − other judges' mean total) over shared applications; null with none. */
  gap: number | null;
  /** Sheets on applications that at least one other judge also scored. */
  pairedSheets: number;
  leaning: Leaning;
}

export interface Calibration {
  panel: Spread & { judges: number };
  /** The gap beyond which a judge is labelled, in points of 0–100 (half the panel's spread). */
  threshold: number;
  /** By judge id. */
  judges: JudgeCalibration[];
}

function spreadOf(totals: readonly number[]): Spread {
  const sheets = totals.length;
  if (sheets === 0) return { sheets, mean: 0, spread: 0, min: 0, max: 0 };
  let sum = 0;
  for (const t of totals) sum += t;
  const mean = sum / sheets;
  let squares = 0;
  for (const t of totals) squares += (t - mean) ** 2;
  return {
    sheets,
    mean,
    spread: sheets < 2 ? 0 : Math.sqrt(squares / sheets),
    min: Math.min(...totals),
    max: Math.max(...totals),
  };
}

/** Canonical order, so that sums (and so the last bits of every mean) never depend on input order. */
function canonical(sheets: readonly CalibrationScoresheet[]): CalibrationScoresheet[] {
  return [...sheets].sort((a, b) => a.applicationId - b.applicationId || a.judgeId - b.judgeId);
}

export function calibrate(input: readonly CalibrationScoresheet[]): Calibration {
  const sheets = canonical(input);
  const panelSpread = spreadOf(sheets.map((s) => s.total));
  const byApplication = new Map<number, CalibrationScoresheet[]>();
  const byJudge = new Map<number, CalibrationScoresheet[]>();
  for (const sheet of sheets) {
    const onApplication = byApplication.get(sheet.applicationId) ?? [];
    onApplication.push(sheet);
    byApplication.set(sheet.applicationId, onApplication);
    const ofJudge = byJudge.get(sheet.judgeId) ?? [];
    ofJudge.push(sheet);
    byJudge.set(sheet.judgeId, ofJudge);
  }
  const threshold = GAP_THRESHOLD_SD * panelSpread.spread;

  const judges: JudgeCalibration[] = [...byJudge.keys()]
    .sort((a, b) => a - b)
    .map((judgeId) => {
      const own = byJudge.get(judgeId)!;
      const gaps: number[] = [];
      for (const sheet of own) {
        const others = byApplication.get(sheet.applicationId)!.filter((s) => s.judgeId !== judgeId);
        if (others.length === 0) continue;
        let sum = 0;
        for (const o of others) sum += o.total;
        gaps.push(sheet.total - sum / others.length);
      }
      const gap = gaps.length === 0 ? null : gaps.reduce((a, b) => a + b, 0) / gaps.length;
      return {
        judgeId,
        ...spreadOf(own.map((s) => s.total)),
        gap,
        pairedSheets: gaps.length,
        leaning: leaningOf(gap, gaps.length, threshold),
      };
    });

  return { panel: { ...panelSpread, judges: judges.length }, threshold, judges };
}

function leaningOf(gap: number | null, paired: number, threshold: number): Leaning {
  if (gap === null || paired < MIN_PAIRED_SHEETS) return 'too_few';
  // A panel whose totals do not spread at all has no one to call severe.
  if (threshold === 0) return 'in_line';
  if (gap <= -threshold) return 'severe';
  if (gap >= threshold) return 'lenient';
  return 'in_line';
}
