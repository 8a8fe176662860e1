import fc from 'fast-check';
import { roundPublicScore, roundScaleOf, scoreOutOf100 } from '~/domain/public-score';
import { rankRound } from '~/domain/ranking';
import { workedExample } from '../fixtures/ranking';

describe('roundScaleOf', () => {
  it('is the mean and population standard deviation of the totals', () => {
    expect(roundScaleOf([40, 60])).toEqual({ mean: 50, spread: 10 });
    expect(roundScaleOf([70])).toEqual({ mean: 70, spread: 0 });
    expect(roundScaleOf([])).toEqual({ mean: 0, spread: 0 });
  });
});

describe('scoreOutOf100', () => {
  it('leaves a mean or trimmed score as it is: already out of 100', () => {
    const scale = { mean: 50, spread: 10 };
    expect(scoreOutOf100('mean', 73.148148, scale)).toBe(73.148148);
    expect(scoreOutOf100('trimmed', 68.5, scale)).toBe(68.5);
  });

  it('puts a z-score back on the round’s scale: mean + z × spread, kept within 0–100', () => {
    const scale = { mean: 60, spread: 15 };
    expect(scoreOutOf100('zscore', 0, scale)).toBe(60);
    expect(scoreOutOf100('zscore', 1, scale)).toBe(75);
    expect(scoreOutOf100('zscore', -2, scale)).toBe(30);
    expect(scoreOutOf100('zscore', 3, scale)).toBe(100);
    expect(scoreOutOf100('zscore', -5, scale)).toBe(0);
  });

  it('keeps the order of SCORING.md’s worked example under the z-score method', () => {
    const ranking = rankRound(workedExample('zscore'));
    const scale = roundScaleOf(ranking.countedSheets.map((s) => s.total));
    // The nine totals of the example's table.
    expect(scale.mean).toBeCloseTo(70.0617, 4);
    const shown = ranking.ranked.map((r) => ({ name: r.name, points: roundPublicScore(scoreOutOf100('zscore', r.score, scale)) }));
    expect(shown.map((r) => r.name)).toEqual(['OpenLedger', 'Civix', 'Votabl']);
    expect(shown[0].points).toBeGreaterThan(shown[1].points);
    expect(shown[1].points).toBeGreaterThan(shown[2].points);
    // OpenLedger: z = +0.2649 → 70.06 + 0.2649 × 15.23.
    expect(shown[0].points).toBe(roundPublicScore(scale.mean + 0.26490917 * scale.spread));
  });

  it('never reverses two scores of the same round (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('mean' as const, 'trimmed' as const, 'zscore' as const),
        fc.double({ min: -4, max: 100, noNaN: true }),
        fc.double({ min: -4, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        (method, a, b, mean, spread) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const scale = { mean, spread };
          const points = [scoreOutOf100(method, lo, scale), scoreOutOf100(method, hi, scale)];
          expect(points[0]).toBeLessThanOrEqual(points[1]);
          for (const p of points) {
            expect(p).toBeGreaterThanOrEqual(0);
            expect(p).toBeLessThanOrEqual(100);
          }
        },
      ),
    );
  });
});

describe('roundPublicScore', () => {
  it('rounds to one decimal, half up', () => {
    expect(roundPublicScore(93.00411522633745)).toBe(93);
    expect(roundPublicScore(73.14814814)).toBe(73.1);
    expect(roundPublicScore(68.25)).toBe(68.3);
    expect(roundPublicScore(0)).toBe(0);
  });
});
