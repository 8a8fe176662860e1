import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calibrate, MIN_PAIRED_SHEETS, type CalibrationScoresheet } from '~/domain/calibration';

/** Four applications, three judges on each; judge 2 gives 20 points less, judge 3 ten more. */
function panel(): CalibrationScoresheet[] {
  const quality = [60, 70, 50, 80];
  const bias: Record<number, number> = { 1: 0, 2: -20, 3: 10 };
  return quality.flatMap((q, i) => [1, 2, 3].map((judgeId) => ({ judgeId, applicationId: i + 1, total: q + bias[judgeId] })));
}

describe('judge calibration', () => {
  it("gives each judge's mean, spread and sheets, and the panel's", () => {
    const { panel: all, judges } = calibrate(panel());
    expect(all).toMatchObject({ sheets: 12, judges: 3 });
    expect(all.mean).toBeCloseTo((65 * 3 - 20 + 10) / 3, 9);
    const j2 = judges.find((j) => j.judgeId === 2)!;
    expect(j2).toMatchObject({ sheets: 4, min: 30, max: 60, pairedSheets: 4 });
    expect(j2.mean).toBeCloseTo(45, 9);
    expect(j2.spread).toBeCloseTo(Math.sqrt(125), 9);
  });

  it('measures each judge against the other judges on the same applications, and labels the outliers', () => {
    const { judges, threshold } = calibrate(panel());
    const gap = Object.fromEntries(judges.map((j) => [j.judgeId, j.gap]));
    // Judge 1 vs the mean of judges 2 and 3 on each application: q − (q − 20 + q + 10)/2 = +5.
    expect(gap[1]).toBeCloseTo(5, 9);
    expect(gap[2]).toBeCloseTo(-20 - 5, 9);
    expect(gap[3]).toBeCloseTo(10 + 10, 9);
    expect(threshold).toBeGreaterThan(5);
    expect(Object.fromEntries(judges.map((j) => [j.judgeId, j.leaning]))).toEqual({ 1: 'in_line', 2: 'severe', 3: 'lenient' });
  });

  it(`says nothing of a judge with fewer than ${MIN_PAIRED_SHEETS} sheets shared with another judge`, () => {
    const sheets = [...panel(), { judgeId: 4, applicationId: 1, total: 5 }, { judgeId: 4, applicationId: 9, total: 5 }];
    const j4 = calibrate(sheets).judges.find((j) => j.judgeId === 4)!;
    expect(j4).toMatchObject({ sheets: 2, pairedSheets: 1, leaning: 'too_few' });
    const alone = calibrate([{ judgeId: 1, applicationId: 1, total: 40 }]).judges[0];
    expect(alone).toMatchObject({ gap: null, pairedSheets: 0, leaning: 'too_few', spread: 0 });
  });

  it('labels nobody when every total is the same', () => {
    const flat = panel().map((s) => ({ ...s, total: 50 }));
    expect(calibrate(flat).judges.every((j) => j.leaning === 'in_line')).toBe(true);
  });

  it('returns nothing for a round without counted sheets', () => {
    expect(calibrate([])).toEqual({ panel: { sheets: 0, mean: 0, spread: 0, min: 0, max: 0, judges: 0 }, threshold: 0, judges: [] });
  });

  it('does not depend on the order of the sheets, to the last bit', () => {
    const sheets = panel().map((s, i) => ({ ...s, total: s.total + i / 7 }));
    const expected = calibrate(sheets);
    fc.assert(
      fc.property(fc.shuffledSubarray(sheets, { minLength: sheets.length, maxLength: sheets.length }), (shuffled) => {
        expect(calibrate(shuffled)).toEqual(expected);
      }),
    );
  });
});
