import { describe, expect, it } from 'vitest';
import { judgeLetters, onScale, placing, pseudonymLetter, quantile, quartiles, rankBand } from '~/domain/feedback';

describe('quartiles', () => {
  it('interpolates between the nearest ranks', () => {
    expect(quartiles([4, 1, 3, 2])).toEqual({ q1: 1.75, median: 2.5, q3: 3.25, count: 4 });
    expect(quartiles([7])).toEqual({ q1: 7, median: 7, q3: 7, count: 1 });
    expect(quartiles([1, 2, 3, 4, 5])).toEqual({ q1: 2, median: 3, q3: 4, count: 5 });
  });

  it('says nothing of no value, and ignores values that are not numbers', () => {
    expect(quartiles([])).toBeNull();
    expect(quartiles([Number.NaN, 2])).toEqual({ q1: 2, median: 2, q3: 2, count: 1 });
    expect(() => quantile([], 0.5)).toThrow();
    expect(() => quantile([1], 1.5)).toThrow();
  });

  it('puts a normalised mean back on its scale', () => {
    expect(onScale(0.5, 1, 10)).toBe(5.5);
    expect(onScale(0, 1, 5)).toBe(1);
  });
});

describe('the place', () => {
  it('tells the narrowest band, or none in the second half', () => {
    expect(rankBand(1, 40)).toBe(10);
    expect(rankBand(4, 40)).toBe(10);
    expect(rankBand(5, 40)).toBe(25);
    expect(rankBand(10, 40)).toBe(25);
    expect(rankBand(20, 40)).toBe(50);
    expect(rankBand(21, 40)).toBeNull();
    expect(rankBand(1, 3)).toBe(50);
    expect(() => rankBand(5, 4)).toThrow();
  });

  it('gives the rank or the band as the edition says', () => {
    expect(placing('rank', { rank: 2, tie: true }, 9)).toEqual({ kind: 'rank', rank: 2, total: 9, tie: true });
    expect(placing('band', { rank: 2, tie: false }, 9)).toEqual({ kind: 'band', band: 25, total: 9 });
    expect(placing('band', null, 9)).toEqual({ kind: 'unranked' });
  });
});

describe("the judges' letters", () => {
  it('counts A… Z, then AA', () => {
    expect([0, 1, 25, 26, 27].map(pseudonymLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB']);
  });

  it('orders judges by the keyed hash, not by id nor by the order given', () => {
    const keys: Record<number, string> = { 3: 'c0', 8: '1f', 5: '9a' };
    const letters = judgeLetters([3, 5, 8], (id) => keys[id]);
    expect(Object.fromEntries(letters)).toEqual({ 8: 'A', 5: 'B', 3: 'C' });
    expect(Object.fromEntries(judgeLetters([8, 3, 5, 3], (id) => keys[id]))).toEqual({ 8: 'A', 5: 'B', 3: 'C' });
  });
});
