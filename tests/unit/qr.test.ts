/**
 * The QR encoder, held against what the standard itself prints and against a decoder written
 * here from the standard's tables (not from the encoder's code):
 * - the format information table (ISO/IEC 18004 Table C.1) and the version information of
 *   versions 7–10 (Table D.1), plus the minimum distances of both BCH codes;
 * - the Reed–Solomon codewords of the classic "HELLO WORLD" 1-M example, and zero syndromes
 *   for every block the encoder produces;
 * - the symbols of ISO/IEC 18004 Figure 1 ("QR Code Symbol", byte mode 1-M, mask 101), Annex I
 *   ("01234567", 1-M, masks 010 and 000) and Figure 29 (version 4-M, two blocks, mask 100),
 *   module for module (as printed by the standard and reproduced by zint's test suite);
 * - round trips through the decoder for every version 1–10 and every mask.
 */
import { describe, expect, it } from 'vitest';
import {
  buildQr,
  byteCapacity,
  dataCapacity,
  dataCodewords,
  encodeQr,
  formatBits,
  gfMultiply,
  gfPower,
  penaltyScore,
  reedSolomonRemainder,
  versionBits,
  type ErrorCorrectionLevel,
  type QrCode,
} from '~/domain/qr';

// ─── A decoder, from the standard's tables ────────────────────────────────────

/** Table E.1: centres of the alignment patterns. */
const ALIGNMENT: Record<number, number[]> = {
  1: [],
  2: [6, 18],
  3: [6, 22],
  4: [6, 26],
  5: [6, 30],
  6: [6, 34],
  7: [6, 22, 38],
  8: [6, 24, 42],
  9: [6, 26, 46],
  10: [6, 28, 50],
};

/** Table 9, level M: [number of blocks, data codewords per block] and EC codewords per block. */
const BLOCKS_M: Record<number, { groups: [number, number][]; ec: number }> = {
  1: { groups: [[1, 16]], ec: 10 },
  2: { groups: [[1, 28]], ec: 16 },
  3: { groups: [[1, 44]], ec: 26 },
  4: { groups: [[2, 32]], ec: 18 },
  5: { groups: [[2, 43]], ec: 24 },
  6: { groups: [[4, 27]], ec: 16 },
  7: { groups: [[4, 31]], ec: 18 },
  8: {
    groups: [
      [2, 38],
      [2, 39],
    ],
    ec: 22,
  },
  9: {
    groups: [
      [3, 36],
      [2, 37],
    ],
    ec: 22,
  },
  10: {
    groups: [
      [4, 43],
      [1, 44],
    ],
    ec: 26,
  },
};

/** Table C.1, read as strings: level M, masks 000 to 111. */
const FORMAT_M = [
  '101010000010010',
  '101000100100101',
  '101111001111100',
  '101101101001011',
  '100010111111001',
  '100000011001110',
  '100111110010111',
  '100101010100000',
];
const FORMAT_L_MASK_0 = '111011111000100';
const FORMAT_Q_MASK_0 = '011010101011111';
const FORMAT_H_MASK_0 = '001011010001001';

/** Table D.1. */
const VERSION_INFO: Record<number, number> = { 7: 0x07c94, 8: 0x085bc, 9: 0x09a99, 10: 0x0a4d3 };

const LEVEL_OF_BITS: Record<number, ErrorCorrectionLevel> = { 0b01: 'L', 0b00: 'M', 0b11: 'Q', 0b10: 'H' };

function bitsOf(value: number, length: number): string {
  return value.toString(2).padStart(length, '0');
}

function hamming(a: number, b: number): number {
  let x = a ^ b;
  let n = 0;
  while (x) {
    n += x & 1;
    x >>>= 1;
  }
  return n;
}

/** i = row, j = column, as the standard writes the masks (§7.8.2, Table 10). */
const MASK_CONDITIONS: ((i: number, j: number) => boolean)[] = [
  (i, j) => (i + j) % 2 === 0,
  (i) => i % 2 === 0,
  (_i, j) => j % 3 === 0,
  (i, j) => (i + j) % 3 === 0,
  (i, j) => (Math.floor(i / 2) + Math.floor(j / 3)) % 2 === 0,
  (i, j) => ((i * j) % 2) + ((i * j) % 3) === 0,
  (i, j) => (((i * j) % 2) + ((i * j) % 3)) % 2 === 0,
  (i, j) => (((i * j) % 3) + ((i + j) % 2)) % 2 === 0,
];

interface Decoded {
  version: number;
  level: ErrorCorrectionLevel;
  mask: number;
  text: string;
  /** Every block's codewords (data then EC) had zero syndromes. */
  syndromesZero: boolean;
}

/** The nearest valid format codeword to what is read, for both copies. */
function readFormat(m: boolean[][]): { level: ErrorCorrectionLevel; mask: number; copiesAgree: boolean } {
  const size = m.length;
  const bit = (x: number, y: number) => (m[y][x] ? 1 : 0);
  // Copy 1, bit 14 first: row 8 from the left (skipping the timing column), then column 8 upwards.
  const first = [
    bit(0, 8),
    bit(1, 8),
    bit(2, 8),
    bit(3, 8),
    bit(4, 8),
    bit(5, 8),
    bit(7, 8),
    bit(8, 8),
    bit(8, 7),
    bit(8, 5),
    bit(8, 4),
    bit(8, 3),
    bit(8, 2),
    bit(8, 1),
    bit(8, 0),
  ];
  // Copy 2, bit 14 first: column 8 from the bottom up, then row 8 from the left of the top-right finder.
  const second = [
    ...Array.from({ length: 7 }, (_, k) => bit(8, size - 1 - k)),
    ...Array.from({ length: 8 }, (_, k) => bit(size - 8 + k, 8)),
  ];
  const toNumber = (bits: number[]) => bits.reduce((n, b) => (n << 1) | b, 0);
  const nearest = (read: number) => {
    let best = { distance: 99, level: 'M' as ErrorCorrectionLevel, mask: 0 };
    for (const levelBits of [0, 1, 2, 3]) {
      for (let mask = 0; mask < 8; mask++) {
        const level = LEVEL_OF_BITS[levelBits];
        const distance = hamming(read, formatBits(level, mask));
        if (distance < best.distance) best = { distance, level, mask };
      }
    }
    return best;
  };
  const a = nearest(toNumber(first));
  const b = nearest(toNumber(second));
  return { level: a.level, mask: a.mask, copiesAgree: a.level === b.level && a.mask === b.mask && a.distance === 0 && b.distance === 0 };
}

function functionModules(version: number): boolean[][] {
  const size = version * 4 + 17;
  const f = Array.from({ length: size }, () => new Array<boolean>(size).fill(false));
  const mark = (x: number, y: number) => {
    if (x >= 0 && y >= 0 && x < size && y < size) f[y][x] = true;
  };
  for (let y = 0; y < 9; y++) for (let x = 0; x < 9; x++) mark(x, y); // top-left finder, separator, format
  for (let y = 0; y < 9; y++) for (let x = size - 8; x < size; x++) mark(x, y); // top-right
  for (let y = size - 8; y < size; y++) for (let x = 0; x < 9; x++) mark(x, y); // bottom-left and dark module
  for (let i = 0; i < size; i++) {
    mark(6, i);
    mark(i, 6);
  }
  const centres = ALIGNMENT[version];
  for (const cy of centres) {
    for (const cx of centres) {
      const onFinder = (cx < 9 && cy < 9) || (cx > size - 9 && cy < 9) || (cx < 9 && cy > size - 9);
      if (onFinder) continue;
      for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) mark(cx + dx, cy + dy);
    }
  }
  if (version >= 7) {
    for (let y = 0; y < 6; y++) for (let x = size - 11; x < size - 8; x++) mark(x, y);
    for (let y = size - 11; y < size - 8; y++) for (let x = 0; x < 6; x++) mark(x, y);
  }
  return f;
}

function readVersionInfo(m: boolean[][]): number {
  const size = m.length;
  let value = 0;
  // Bit 17 first: the top-right block read from its bottom-right corner, row by row upwards.
  for (let i = 17; i >= 0; i--) value = (value << 1) | (m[Math.floor(i / 3)][size - 11 + (i % 3)] ? 1 : 0);
  return value;
}

function syndromesAreZero(codeword: number[], ecLength: number): boolean {
  for (let i = 0; i < ecLength; i++) {
    let s = 0;
    for (const byte of codeword) s = gfMultiply(s, gfPower(i)) ^ byte;
    if (s !== 0) return false;
  }
  return true;
}

function decode(modules: boolean[][]): Decoded {
  const size = modules.length;
  const version = (size - 17) / 4;
  if (!Number.isInteger(version) || version < 1 || version > 10) throw new Error(`not a version 1–10 symbol: ${size} modules`);
  if (version >= 7 && readVersionInfo(modules) !== VERSION_INFO[version]) throw new Error('version information does not match');
  const { level, mask, copiesAgree } = readFormat(modules);
  if (!copiesAgree) throw new Error('the two copies of the format information disagree or are damaged');
  const isFunction = functionModules(version);
  const condition = MASK_CONDITIONS[mask];
  const bits: number[] = [];
  let upward = true;
  for (let right = size - 1; right > 0; right -= 2) {
    if (right === 6) right--; // the vertical timing pattern
    for (let k = 0; k < size; k++) {
      const y = upward ? size - 1 - k : k;
      for (const x of [right, right - 1]) {
        if (isFunction[y][x]) continue;
        bits.push(modules[y][x] !== condition(y, x) ? 1 : 0);
      }
    }
    upward = !upward;
  }
  const codewords: number[] = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) codewords.push(bits.slice(i, i + 8).reduce((n, b) => (n << 1) | b, 0));

  if (level !== 'M') throw new Error(`this decoder reads level M only, not ${level}`);
  const { groups, ec } = BLOCKS_M[version];
  const lengths = groups.flatMap(([count, length]) => new Array<number>(count).fill(length));
  const blocks = lengths.map(() => [] as number[]);
  let index = 0;
  const longest = Math.max(...lengths);
  for (let i = 0; i < longest; i++) lengths.forEach((length, b) => i < length && blocks[b].push(codewords[index++]));
  const ecBlocks = lengths.map(() => [] as number[]);
  for (let i = 0; i < ec; i++) ecBlocks.forEach((block) => block.push(codewords[index++]));
  const syndromesZero = blocks.every((block, b) => syndromesAreZero([...block, ...ecBlocks[b]], ec));

  const data = blocks.flat();
  const stream = data.flatMap((byte) => bitsOf(byte, 8).split('').map(Number));
  let p = 0;
  const read = (n: number) => {
    let v = 0;
    for (let i = 0; i < n; i++) v = (v << 1) | stream[p++];
    return v;
  };
  const mode = read(4);
  if (mode !== 0b0100) throw new Error(`mode ${bitsOf(mode, 4)} is not byte mode`);
  const count = read(version <= 9 ? 8 : 16);
  const bytes = Uint8Array.from({ length: count }, () => read(8));
  return { version, level, mask, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), syndromesZero };
}

function fromRows(rows: string[]): boolean[][] {
  return rows.map((row) => row.split('').map((c) => c === '1'));
}

function toRows(code: QrCode): string[] {
  return code.modules.map((row) => row.map((m) => (m ? '1' : '0')).join(''));
}

// ─── The standard's examples ──────────────────────────────────────────────────

/** ISO/IEC 18004 Annex I, "01234567" in numeric mode, version 1-M: the data codewords of I.2. */
const ANNEX_I_DATA = [0x10, 0x20, 0x0c, 0x56, 0x61, 0x80, 0xec, 0x11, 0xec, 0x11, 0xec, 0x11, 0xec, 0x11, 0xec, 0x11];

/** Figure I.2 with mask 010, as printed by the standard (and reproduced by zint's test suite). */
const ANNEX_I_MASK_2 = [
  '111111100101101111111',
  '100000100111101000001',
  '101110101000001011101',
  '101110101100001011101',
  '101110101011101011101',
  '100000101000101000001',
  '111111101010101111111',
  '000000001001100000000',
  '101111100100101111100',
  '000101011010100101100',
  '001000110101010011111',
  '000010000100000111100',
  '000111111001010010000',
  '000000001011111001100',
  '111111100110101100000',
  '100000101011111000101',
  '101110101000100101100',
  '101110101100100100000',
  '101110101011010010100',
  '100000100000000110110',
  '111111101111010010100',
];

/** The same data with mask 000. */
const ANNEX_I_MASK_0 = [
  '111111100011101111111',
  '100000101110001000001',
  '101110100110001011101',
  '101110100101101011101',
  '101110101101101011101',
  '100000100001001000001',
  '111111101010101111111',
  '000000000000000000000',
  '101010100010100010010',
  '110100001011010100010',
  '000110111011011101110',
  '110011010101110110010',
  '001001110111011100001',
  '000000001010001000010',
  '111111100000100010001',
  '100000100010001001011',
  '101110101110101011101',
  '101110100101010101110',
  '101110101101011100101',
  '100000100001110111000',
  '111111101001011100101',
];

/** Figure 1: "QR Code Symbol" in byte mode, version 1-M, mask 101. */
const FIGURE_1 = [
  '111111100001101111111',
  '100000101001101000001',
  '101110101110101011101',
  '101110101010001011101',
  '101110100000101011101',
  '100000100010101000001',
  '111111101010101111111',
  '000000001100100000000',
  '100000101111011001110',
  '100010001110001000111',
  '011101111001100100010',
  '110100001011010100110',
  '011111111110001011011',
  '000000001000000010110',
  '111111100111111000110',
  '100000100010011011100',
  '101110100000111000111',
  '101110100100001010100',
  '101110100100101010011',
  '100000100001110111100',
  '111111101011001010010',
];

/** Figure 29 (top): 62 alphanumeric characters in version 4-M (two blocks of 32), mask 100. */
const FIGURE_29_TEXT = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const FIGURE_29 = [
  '111111101100110010010010101111111',
  '100000100010111010111000101000001',
  '101110100000001101101100001011101',
  '101110101010000111000110001011101',
  '101110101101100011010010001011101',
  '100000101100010100001101101000001',
  '111111101010101010101010101111111',
  '000000001010000000011100100000000',
  '100010111100001100100011011111001',
  '100101000111001001000110000101100',
  '010001100011111010101000011011001',
  '101101011101010010000010010000000',
  '001111110011010110010011101001100',
  '011001000101001000111100110101001',
  '101001111001111101001111000110111',
  '100100010001000111100101111100000',
  '110010111101110000011110111111100',
  '010000010111100010001000010000111',
  '111111111111010101000110010001111',
  '001100010000000111100101010101110',
  '111101111011101000111001010010001',
  '100110000101001010010111000100001',
  '000110111110111010010001011001000',
  '001011010011101000011111011101111',
  '111011111000010111001001111110000',
  '000000001110110011111100100010100',
  '111111101000110100101000101010011',
  '100000100001010010001011100010000',
  '101110101111011010000010111111100',
  '101110100000111000111100000000101',
  '101110100101010100001000010110100',
  '100000100010110111000110101001001',
  '111111101101101011010000111100011',
];

/** Alphanumeric mode (§7.4.4), to rebuild Figure 29's data codewords: pairs in 11 bits, 0xEC/0x11 padding. */
function alphanumericCodewords(text: string, capacity: number): number[] {
  const charset = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
  let bits = '0010' + bitsOf(text.length, 9);
  for (let i = 0; i < text.length; i += 2) {
    const a = charset.indexOf(text[i]);
    bits += i + 1 < text.length ? bitsOf(a * 45 + charset.indexOf(text[i + 1]), 11) : bitsOf(a, 6);
  }
  bits += '0000'.slice(0, Math.max(0, Math.min(4, capacity * 8 - bits.length)));
  bits = bits.padEnd(Math.ceil(bits.length / 8) * 8, '0');
  const out: number[] = [];
  for (let i = 0; i < bits.length; i += 8) out.push(parseInt(bits.slice(i, i + 8), 2));
  for (let pad = 0xec; out.length < capacity; pad = pad === 0xec ? 0x11 : 0xec) out.push(pad);
  return out;
}

// ─── Tests ────────────────────────────────────────────────────────────────────

describe('format and version information', () => {
  it('matches the standard table for level M and every mask', () => {
    FORMAT_M.forEach((expected, mask) => expect(bitsOf(formatBits('M', mask), 15), `mask ${mask}`).toBe(expected));
    expect(bitsOf(formatBits('L', 0), 15)).toBe(FORMAT_L_MASK_0);
    expect(bitsOf(formatBits('Q', 0), 15)).toBe(FORMAT_Q_MASK_0);
    expect(bitsOf(formatBits('H', 0), 15)).toBe(FORMAT_H_MASK_0);
  });

  it('gives 32 codewords at least 7 bits apart, so a reader corrects 3 damaged bits', () => {
    const all = (['L', 'M', 'Q', 'H'] as const).flatMap((level) => Array.from({ length: 8 }, (_, mask) => formatBits(level, mask)));
    expect(new Set(all).size).toBe(32);
    let min = 99;
    for (let i = 0; i < all.length; i++) for (let j = i + 1; j < all.length; j++) min = Math.min(min, hamming(all[i], all[j]));
    expect(min).toBe(7);
  });

  it('round-trips through the decoder with 3 flipped bits', () => {
    for (let mask = 0; mask < 8; mask++) {
      const damaged = formatBits('M', mask) ^ 0b100000010000001;
      let best = { d: 99, mask: -1 };
      for (let m = 0; m < 8; m++) {
        const d = hamming(damaged, formatBits('M', m));
        if (d < best.d) best = { d, mask: m };
      }
      expect(best.mask).toBe(mask);
    }
  });

  it('matches the standard table for versions 7–10, and decodes back to the version', () => {
    for (const [version, expected] of Object.entries(VERSION_INFO)) {
      expect(versionBits(Number(version)), `version ${version}`).toBe(expected);
      expect(versionBits(Number(version)) >>> 12).toBe(Number(version));
    }
    const codes = Array.from({ length: 34 }, (_, i) => versionBits(i + 7));
    let min = 99;
    for (let i = 0; i < codes.length; i++) for (let j = i + 1; j < codes.length; j++) min = Math.min(min, hamming(codes[i], codes[j]));
    expect(min).toBe(8);
  });
});

describe('Reed–Solomon', () => {
  it('gives the error correction codewords of "HELLO WORLD" 1-M', () => {
    const data = [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17];
    expect(reedSolomonRemainder(data, 10)).toEqual([196, 35, 39, 119, 235, 215, 231, 226, 93, 23]);
  });

  it('makes codewords whose syndromes are all zero', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 256;
    for (const degree of [10, 16, 18, 22, 24, 26]) {
      const data = Array.from({ length: 40 }, next);
      expect(syndromesAreZero([...data, ...reedSolomonRemainder(data, degree)], degree)).toBe(true);
      const flipped = [...data, ...reedSolomonRemainder(data, degree)];
      flipped[3] ^= 1;
      expect(syndromesAreZero(flipped, degree)).toBe(false);
    }
  });
});

describe('capacities', () => {
  it('has the standard number of data codewords at level M', () => {
    const expected = [16, 28, 44, 64, 86, 108, 124, 154, 182, 216];
    expect(expected.map((_, i) => dataCapacity(i + 1))).toEqual(expected);
    for (let v = 1; v <= 10; v++) {
      const { groups } = BLOCKS_M[v];
      expect(groups.reduce((n, [count, length]) => n + count * length, 0)).toBe(dataCapacity(v));
    }
  });

  it('holds 14 bytes in version 1-M and 213 in version 10-M', () => {
    expect(byteCapacity(1)).toBe(14);
    expect(byteCapacity(10)).toBe(213);
    expect(() => encodeQr('x'.repeat(214))).toThrow(RangeError);
  });

  it('pads byte mode as the standard says: terminator, zero bits, then 0xEC 0x11', () => {
    const codewords = dataCodewords(new TextEncoder().encode('AB'), 1);
    // 0100 | 00000010 | 01000001 | 01000010 | 0000: 32 bits, 40 24 14 20; then 12 padding codewords.
    expect(codewords.slice(0, 4)).toEqual([0x40, 0x24, 0x14, 0x20]);
    expect(codewords.slice(4)).toEqual([0xec, 0x11, 0xec, 0x11, 0xec, 0x11, 0xec, 0x11, 0xec, 0x11, 0xec, 0x11]);
  });
});

describe('the standard’s example symbols, module for module', () => {
  it('draws Annex I ("01234567", 1-M) with mask 010', () => {
    expect(toRows(buildQr(1, ANNEX_I_DATA, 2))).toEqual(ANNEX_I_MASK_2);
  });

  it('draws Annex I with mask 000', () => {
    expect(toRows(buildQr(1, ANNEX_I_DATA, 0))).toEqual(ANNEX_I_MASK_0);
  });

  it('chooses mask 010 for Annex I by penalty, as the standard does', () => {
    expect(buildQr(1, ANNEX_I_DATA).mask).toBe(2);
  });

  it('draws Figure 1 ("QR Code Symbol", byte mode, 1-M) with mask 101 from the text alone', () => {
    expect(toRows(encodeQr('QR Code Symbol', { mask: 5 }))).toEqual(FIGURE_1);
    expect(decode(fromRows(FIGURE_1))).toMatchObject({ version: 1, level: 'M', mask: 5, text: 'QR Code Symbol', syndromesZero: true });
  });

  it('draws Figure 29 (version 4-M, two interleaved blocks, alignment pattern) with mask 100', () => {
    const data = alphanumericCodewords(FIGURE_29_TEXT, dataCapacity(4));
    expect(toRows(buildQr(4, data, 4))).toEqual(FIGURE_29);
    expect(buildQr(4, data).mask).toBe(4);
  });

  it('reads the standard’s symbols back with the decoder (format and syndromes)', () => {
    expect(readFormat(fromRows(ANNEX_I_MASK_2))).toEqual({ level: 'M', mask: 2, copiesAgree: true });
    expect(readFormat(fromRows(FIGURE_29))).toEqual({ level: 'M', mask: 4, copiesAgree: true });
  });
});

describe('byte-mode symbols round-trip through the decoder', () => {
  const URLS = [
    'https://palmares.example/vote/2023',
    'http://localhost:41234/vote/2023',
    'https://palmares.govtech-summit.example.org/vote/2023?src=projector',
  ];

  it.each(URLS)('%s', (url) => {
    const code = encodeQr(url);
    const decoded = decode(code.modules);
    expect(decoded).toEqual({ version: code.version, level: 'M', mask: code.mask, text: url, syndromesZero: true });
  });

  it('works in every version 1–10 with every mask, including UTF-8 text', () => {
    for (let version = 1; version <= 10; version++) {
      const text = `Vote ${'é'.repeat(3)} ${'x'.repeat(Math.max(0, byteCapacity(version) - 12))}`;
      for (let mask = 0; mask < 8; mask++) {
        const code = encodeQr(text, { minVersion: version, mask });
        expect(code.version).toBe(version);
        expect(code.size).toBe(version * 4 + 17);
        const decoded = decode(code.modules);
        expect(decoded.text).toBe(text);
        expect(decoded.mask).toBe(mask);
        expect(decoded.syndromesZero).toBe(true);
      }
    }
  });

  it('picks the smallest version that fits', () => {
    expect(encodeQr('x'.repeat(14)).version).toBe(1);
    expect(encodeQr('x'.repeat(15)).version).toBe(2);
    expect(encodeQr('x'.repeat(213)).version).toBe(10);
  });

  it('chooses the mask with the lowest penalty', () => {
    for (const url of URLS) {
      const chosen = encodeQr(url);
      const scores = Array.from({ length: 8 }, (_, mask) => penaltyScore(encodeQr(url, { mask }).modules));
      expect(scores[chosen.mask]).toBe(Math.min(...scores));
    }
  });

  it('draws the three finder patterns and the timing patterns', () => {
    const { modules, size } = encodeQr(URLS[0]);
    const finder = ['1111111', '1000001', '1011101', '1011101', '1011101', '1000001', '1111111'];
    for (const [x0, y0] of [
      [0, 0],
      [size - 7, 0],
      [0, size - 7],
    ]) {
      const rows = finder.map((_, dy) =>
        modules[y0 + dy]
          .slice(x0, x0 + 7)
          .map((m) => (m ? '1' : '0'))
          .join(''),
      );
      expect(rows).toEqual(finder);
    }
    for (let i = 8; i < size - 8; i++) {
      expect(modules[6][i]).toBe(i % 2 === 0);
      expect(modules[i][6]).toBe(i % 2 === 0);
    }
    expect(modules[size - 8][8]).toBe(true);
  });
});
