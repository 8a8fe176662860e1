import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalSealText, isSealHash, sealDocument, sealHash, type SealInput, type SealScoresheet } from '~/domain/seal';

const sheets: SealScoresheet[] = [
  { applicationId: 12, judge: 'J10', scores: { 7: 8, 10: 4, 9: 6 } },
  { applicationId: 3, judge: 'J2', scores: { 7: 5, 10: 3, 9: 5 } },
  { applicationId: 12, judge: 'J2', scores: { 7: 9, 10: 5, 9: 7 } },
];
const input: SealInput = { edition: 2019, round: 57, method: 'zscore', minSheets: 2, sheets };

/** The text the method page documents, written out by hand. */
const EXPECTED_TEXT =
  '{"edition":2019,"method":"zscore","minSheets":2,"round":57,"sheets":[' +
  '{"applicationId":3,"judge":"J2","scores":{"10":3,"7":5,"9":5}},' +
  '{"applicationId":12,"judge":"J2","scores":{"10":5,"7":9,"9":7}},' +
  '{"applicationId":12,"judge":"J10","scores":{"10":4,"7":8,"9":6}}' +
  '],"version":1}';

describe('canonical JSON (RFC 8785, integers only)', () => {
  it('sorts keys by UTF-16 code units at every level, writes no whitespace, keeps array order', () => {
    expect(canonicalJson({ b: 1, a: [3, 1, 2], '10': 0, '9': { z: null, y: true } })).toBe('{"10":0,"9":{"y":true,"z":null},"a":[3,1,2],"b":1}');
  });

  it('writes strings as JSON does and -0 as 0', () => {
    expect(canonicalJson({ s: 'Él "x"\n', n: -0 })).toBe('{"n":0,"s":"Él \\"x\\"\\n"}');
  });

  it('refuses what would not read the same in every language: fractions, huge numbers, undefined values in arrays', () => {
    expect(() => canonicalJson(1.5)).toThrow(/integers only/);
    expect(() => canonicalJson(2 ** 60)).toThrow(/integers only/);
    expect(() => canonicalJson(Number.NaN)).toThrow(/integers only/);
    expect(() => canonicalJson([() => 1])).toThrow(/function/);
  });
});

describe('the seal', () => {
  it('is the SHA-256 of the documented canonical text', () => {
    expect(canonicalSealText(input)).toBe(EXPECTED_TEXT);
    expect(sealHash(input)).toBe(createHash('sha256').update(EXPECTED_TEXT, 'utf8').digest('hex'));
    expect(isSealHash(sealHash(input))).toBe(true);
  });

  it('orders sheets by application id, then by the pseudonym number (J2 before J10)', () => {
    expect(sealDocument(input).sheets.map((s) => `${s.applicationId}/${s.judge}`)).toEqual(['3/J2', '12/J2', '12/J10']);
  });

  it('does not depend on the order of the sheets or of their scores', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(sheets, { minLength: sheets.length, maxLength: sheets.length }), (shuffled) => {
        const reordered = shuffled.map((s) => ({ ...s, scores: Object.fromEntries(Object.entries(s.scores).reverse()) }));
        expect(sealHash({ ...input, sheets: reordered })).toBe(sealHash(input));
      }),
    );
  });

  it('changes with any value, any sheet, the round, the method or minSheets', () => {
    const base = sealHash(input);
    const variants: SealInput[] = [
      { ...input, sheets: [{ ...sheets[0], scores: { ...sheets[0].scores, 9: 7 } }, sheets[1], sheets[2]] },
      { ...input, sheets: sheets.slice(1) },
      { ...input, sheets: [{ ...sheets[0], judge: 'J11' }, sheets[1], sheets[2]] },
      { ...input, round: 58 },
      { ...input, edition: 2020 },
      { ...input, method: 'mean' },
      { ...input, minSheets: 3 },
    ];
    const hashes = variants.map(sealHash);
    expect(new Set([base, ...hashes]).size).toBe(variants.length + 1);
  });

  it('refuses a sheet it could not publish as is', () => {
    expect(() => sealHash({ ...input, sheets: [{ applicationId: 1, judge: 'Alice', scores: { 1: 3 } }] })).toThrow(/pseudonym/);
    expect(() => sealHash({ ...input, sheets: [{ applicationId: 1, judge: 'J0', scores: { 1: 3 } }] })).toThrow(/pseudonym/);
    expect(() => sealHash({ ...input, sheets: [{ applicationId: 1, judge: 'J1', scores: { 1: 3.5 } }] })).toThrow(/integers only/);
    expect(() =>
      sealHash({
        ...input,
        sheets: [
          { applicationId: 1, judge: 'J1', scores: { 1: 3 } },
          { applicationId: 1, judge: 'J1', scores: { 1: 4 } },
        ],
      }),
    ).toThrow(/two sheets/);
  });
});
