import { describe, expect, it } from 'vitest';
import { sameData } from '~/domain/same-data';

describe('sameData', () => {
  it('finds equal content in new objects, at any depth', () => {
    expect(sameData({ a: 1, b: [{ c: 'x', d: null }] }, { b: [{ d: null, c: 'x' }], a: 1 })).toBe(true);
    expect(sameData([], [])).toBe(true);
    expect(sameData(null, null)).toBe(true);
  });

  it('tells apart a changed value, a missing or extra key, a longer array, and an array from an object', () => {
    expect(sameData({ a: [{ sheet: 'draft' }] }, { a: [{ sheet: 'submitted' }] })).toBe(false);
    expect(sameData({ a: 1 }, { b: 1 })).toBe(false);
    expect(sameData({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameData([1, 2], [1, 2, 3])).toBe(false);
    expect(sameData([], {})).toBe(false);
    expect(sameData({ a: null }, { a: {} })).toBe(false);
    expect(sameData(1, '1')).toBe(false);
  });
});
