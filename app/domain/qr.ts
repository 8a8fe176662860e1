/**
 * A QR code encoder (ISO/IEC 18004, Model 2): byte mode, error correction level M, versions 1–10
 * (up to 213 bytes: a short URL needs far less). Pure and synchronous, so the projector can draw
 * its code on the server and in the browser alike.
 *
 * The steps, each exported so that tests can hold it against the standard's own examples:
 * 1. data codewords: mode indicator, character count, bytes, terminator, padding (`dataCodewords`);
 * 2. error correction: Reed–Solomon over GF(256) with the polynomial x⁸+x⁴+x³+x²+1, per block,
 *    then blocks interleaved (`reedSolomonRemainder`, `interleave`);
 * 3. the matrix: finder, separator, timing and alignment patterns, the dark module, format and
 *    version information, codewords placed in the two-column zigzag (`buildQr`);
 * 4. the mask with the lowest penalty (rules N1–N4) among the eight (`penaltyScore`).
 */

export type ErrorCorrectionLevel = 'L' | 'M' | 'Q' | 'H';

export interface QrCode {
  version: number;
  /** Modules per side: 4 × version + 17. */
  size: number;
  mask: number;
  /** `modules[y][x]`, true for a dark module; row 0 is the top. No quiet zone. */
  modules: boolean[][];
}

export const MIN_VERSION = 1;
export const MAX_VERSION = 10;

/** Level M, by version (index 0 unused): error correction codewords per block, and blocks. */
const EC_CODEWORDS_PER_BLOCK_M = [0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26] as const;
const BLOCKS_M = [0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5] as const;

/** The two bits that stand for each level in the format information. */
const LEVEL_BITS: Record<ErrorCorrectionLevel, number> = { L: 0b01, M: 0b00, Q: 0b11, H: 0b10 };

// ─── GF(256) ──────────────────────────────────────────────────────────────────

const EXP = new Uint8Array(512);
const LOG = new Uint8Array(256);
{
  let x = 1;
  for (let i = 0; i < 255; i++) {
    EXP[i] = x;
    LOG[x] = i;
    x <<= 1;
    if (x & 0x100) x ^= 0x11d;
  }
  for (let i = 255; i < 512; i++) EXP[i] = EXP[i - 255];
}

/** Product in GF(256). */
export function gfMultiply(a: number, b: number): number {
  return a === 0 || b === 0 ? 0 : EXP[LOG[a] + LOG[b]];
}

/** α^i in GF(256). */
export function gfPower(i: number): number {
  return EXP[((i % 255) + 255) % 255];
}

/** (x − α⁰)(x − α¹)…(x − α^(degree−1)), coefficients from the highest degree; the first is 1. */
function generatorPolynomial(degree: number): number[] {
  let poly = [1];
  for (let i = 0; i < degree; i++) {
    const next = new Array<number>(poly.length + 1).fill(0);
    for (let j = 0; j < poly.length; j++) {
      next[j] ^= poly[j];
      next[j + 1] ^= gfMultiply(poly[j], EXP[i]);
    }
    poly = next;
  }
  return poly;
}

/** The `degree` error correction codewords of one block: data(x)·x^degree mod generator(x). */
export function reedSolomonRemainder(data: readonly number[], degree: number): number[] {
  const generator = generatorPolynomial(degree);
  const remainder = new Array<number>(degree).fill(0);
  for (const byte of data) {
    const factor = byte ^ remainder[0];
    remainder.shift();
    remainder.push(0);
    for (let j = 0; j < degree; j++) remainder[j] ^= gfMultiply(generator[j + 1], factor);
  }
  return remainder;
}

// ─── Capacities ───────────────────────────────────────────────────────────────

function assertVersion(version: number): void {
  if (!Number.isInteger(version) || version < MIN_VERSION || version > MAX_VERSION) {
    throw new RangeError(`QR: version ${version} is outside ${MIN_VERSION}–${MAX_VERSION}.`);
  }
}

/** Modules left for codewords once every function pattern is drawn (remainder bits included). */
export function rawDataModules(version: number): number {
  let modules = (16 * version + 128) * version + 64;
  if (version >= 2) {
    const alignments = Math.floor(version / 7) + 2;
    modules -= (25 * alignments - 10) * alignments - 55;
    if (version >= 7) modules -= 36;
  }
  return modules;
}

/** Data codewords of a version at level M. */
export function dataCapacity(version: number): number {
  assertVersion(version);
  return Math.floor(rawDataModules(version) / 8) - EC_CODEWORDS_PER_BLOCK_M[version] * BLOCKS_M[version];
}

function characterCountBits(version: number): number {
  return version <= 9 ? 8 : 16;
}

/** The most bytes a version holds in byte mode at level M. */
export function byteCapacity(version: number): number {
  return Math.floor((dataCapacity(version) * 8 - 4 - characterCountBits(version)) / 8);
}

/** Centres of the alignment patterns' rows and columns (none for version 1). */
export function alignmentPositions(version: number): number[] {
  if (version === 1) return [];
  const count = Math.floor(version / 7) + 2;
  const size = version * 4 + 17;
  const step = Math.ceil((version * 4 + 4) / (count * 2 - 2)) * 2;
  const positions = [6];
  for (let pos = size - 7; positions.length < count; pos -= step) positions.splice(1, 0, pos);
  return positions;
}

// ─── 1. Data codewords ────────────────────────────────────────────────────────

class BitBuffer {
  readonly bits: number[] = [];
  push(value: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) this.bits.push((value >>> i) & 1);
  }
}

/** Mode, count, bytes, terminator, zero bits to a byte, then 0xEC 0x11… to the version's capacity. */
export function dataCodewords(bytes: Uint8Array, version: number): number[] {
  assertVersion(version);
  if (bytes.length > byteCapacity(version)) {
    throw new RangeError(`QR: ${bytes.length} bytes do not fit version ${version}-M (at most ${byteCapacity(version)}).`);
  }
  const capacityBits = dataCapacity(version) * 8;
  const buffer = new BitBuffer();
  buffer.push(0b0100, 4);
  buffer.push(bytes.length, characterCountBits(version));
  for (const byte of bytes) buffer.push(byte, 8);
  buffer.push(0, Math.min(4, capacityBits - buffer.bits.length));
  buffer.push(0, (8 - (buffer.bits.length % 8)) % 8);
  const codewords: number[] = [];
  for (let i = 0; i < buffer.bits.length; i += 8) {
    let byte = 0;
    for (let j = 0; j < 8; j++) byte = (byte << 1) | buffer.bits[i + j];
    codewords.push(byte);
  }
  for (let pad = 0xec; codewords.length < capacityBits / 8; pad ^= 0xec ^ 0x11) codewords.push(pad);
  return codewords;
}

// ─── 2. Error correction and interleaving ────────────────────────────────────

/** Splits the data into the version's blocks, adds each block's error correction, interleaves. */
export function interleave(data: readonly number[], version: number): number[] {
  assertVersion(version);
  const blocks = BLOCKS_M[version];
  const ecLength = EC_CODEWORDS_PER_BLOCK_M[version];
  const total = Math.floor(rawDataModules(version) / 8);
  if (data.length !== total - ecLength * blocks) {
    throw new RangeError(`QR: version ${version}-M takes ${total - ecLength * blocks} data codewords, not ${data.length}.`);
  }
  // Shorter blocks first; the long ones have one more data codeword.
  const shortBlocks = blocks - (total % blocks);
  const shortDataLength = Math.floor(total / blocks) - ecLength;
  const dataBlocks: number[][] = [];
  const ecBlocks: number[][] = [];
  let offset = 0;
  for (let b = 0; b < blocks; b++) {
    const length = shortDataLength + (b < shortBlocks ? 0 : 1);
    const block = data.slice(offset, offset + length);
    offset += length;
    dataBlocks.push(block);
    ecBlocks.push(reedSolomonRemainder(block, ecLength));
  }
  const result: number[] = [];
  for (let i = 0; i <= shortDataLength; i++) {
    for (const block of dataBlocks) if (i < block.length) result.push(block[i]);
  }
  for (let i = 0; i < ecLength; i++) {
    for (const block of ecBlocks) result.push(block[i]);
  }
  return result;
}

// ─── Format and version information ───────────────────────────────────────────

/** 15 bits: level and mask, BCH(15,5) with generator 0x537, XOR 0x5412. Bit 14 is the first. */
export function formatBits(level: ErrorCorrectionLevel, mask: number): number {
  const data = (LEVEL_BITS[level] << 3) | mask;
  let remainder = data;
  for (let i = 0; i < 10; i++) remainder = (remainder << 1) ^ ((remainder >>> 9) * 0x537);
  return ((data << 10) | remainder) ^ 0x5412;
}

/** 18 bits for versions 7 and up: the version, then BCH(18,6) with generator 0x1F25. */
export function versionBits(version: number): number {
  let remainder = version;
  for (let i = 0; i < 12; i++) remainder = (remainder << 1) ^ ((remainder >>> 11) * 0x1f25);
  return (version << 12) | remainder;
}

// ─── 3. The matrix ────────────────────────────────────────────────────────────

const MASKS: ((x: number, y: number) => boolean)[] = [
  (x, y) => (x + y) % 2 === 0,
  (_x, y) => y % 2 === 0,
  (x) => x % 3 === 0,
  (x, y) => (x + y) % 3 === 0,
  (x, y) => (Math.floor(x / 3) + Math.floor(y / 2)) % 2 === 0,
  (x, y) => ((x * y) % 2) + ((x * y) % 3) === 0,
  (x, y) => (((x * y) % 2) + ((x * y) % 3)) % 2 === 0,
  (x, y) => (((x + y) % 2) + ((x * y) % 3)) % 2 === 0,
];

class Matrix {
  readonly size: number;
  readonly modules: boolean[][];
  readonly isFunction: boolean[][];

  constructor(readonly version: number) {
    this.size = version * 4 + 17;
    this.modules = Array.from({ length: this.size }, () => new Array<boolean>(this.size).fill(false));
    this.isFunction = Array.from({ length: this.size }, () => new Array<boolean>(this.size).fill(false));
  }

  private setFunction(x: number, y: number, dark: boolean): void {
    this.modules[y][x] = dark;
    this.isFunction[y][x] = true;
  }

  drawFunctionPatterns(): void {
    const { size } = this;
    for (let i = 0; i < size; i++) {
      this.setFunction(6, i, i % 2 === 0);
      this.setFunction(i, 6, i % 2 === 0);
    }
    // Finder patterns with their separators (the light ring at distance 4).
    for (const [cx, cy] of [
      [3, 3],
      [size - 4, 3],
      [3, size - 4],
    ]) {
      for (let dy = -4; dy <= 4; dy++) {
        for (let dx = -4; dx <= 4; dx++) {
          const x = cx + dx;
          const y = cy + dy;
          if (x < 0 || y < 0 || x >= size || y >= size) continue;
          const distance = Math.max(Math.abs(dx), Math.abs(dy));
          this.setFunction(x, y, distance !== 2 && distance !== 4);
        }
      }
    }
    const positions = alignmentPositions(this.version);
    const last = positions.length - 1;
    for (let i = 0; i <= last; i++) {
      for (let j = 0; j <= last; j++) {
        // Not over the three finder patterns.
        if ((i === 0 && j === 0) || (i === 0 && j === last) || (i === last && j === 0)) continue;
        for (let dy = -2; dy <= 2; dy++) {
          for (let dx = -2; dx <= 2; dx++) {
            this.setFunction(positions[i] + dx, positions[j] + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1);
          }
        }
      }
    }
    // Reserve the format areas now (drawn for real once the mask is known) and draw the version.
    this.drawFormat(0);
    if (this.version >= 7) {
      const bits = versionBits(this.version);
      for (let i = 0; i < 18; i++) {
        const dark = ((bits >>> i) & 1) === 1;
        const a = size - 11 + (i % 3);
        const b = Math.floor(i / 3);
        this.setFunction(a, b, dark);
        this.setFunction(b, a, dark);
      }
    }
  }

  drawFormat(mask: number): void {
    const { size } = this;
    const bits = formatBits('M', mask);
    const bit = (i: number) => ((bits >>> i) & 1) === 1;
    // Around the top-left finder.
    for (let i = 0; i <= 5; i++) this.setFunction(8, i, bit(i));
    this.setFunction(8, 7, bit(6));
    this.setFunction(8, 8, bit(7));
    this.setFunction(7, 8, bit(8));
    for (let i = 9; i < 15; i++) this.setFunction(14 - i, 8, bit(i));
    // The copy split between the top-right and bottom-left finders.
    for (let i = 0; i < 8; i++) this.setFunction(size - 1 - i, 8, bit(i));
    for (let i = 8; i < 15; i++) this.setFunction(8, size - 15 + i, bit(i));
    // The dark module.
    this.setFunction(8, size - 8, true);
  }

  /** Codewords in the zigzag: two columns at a time from the right, up then down, skipping column 6. */
  placeCodewords(codewords: readonly number[]): void {
    const { size } = this;
    let bitIndex = 0;
    const totalBits = codewords.length * 8;
    for (let right = size - 1; right >= 1; right -= 2) {
      if (right === 6) right = 5;
      const upward = ((right + 1) & 2) === 0;
      for (let vertical = 0; vertical < size; vertical++) {
        const y = upward ? size - 1 - vertical : vertical;
        for (let j = 0; j < 2; j++) {
          const x = right - j;
          if (this.isFunction[y][x]) continue;
          // Remainder bits (past the last codeword) stay light before masking.
          if (bitIndex < totalBits) {
            this.modules[y][x] = ((codewords[bitIndex >>> 3] >>> (7 - (bitIndex & 7))) & 1) === 1;
            bitIndex++;
          }
        }
      }
    }
  }

  /** XORs the mask over every non-function module (applying it twice undoes it). */
  applyMask(mask: number): void {
    const condition = MASKS[mask];
    for (let y = 0; y < this.size; y++) {
      for (let x = 0; x < this.size; x++) {
        if (!this.isFunction[y][x] && condition(x, y)) this.modules[y][x] = !this.modules[y][x];
      }
    }
  }
}

// ─── 4. Mask penalty ──────────────────────────────────────────────────────────

/** 1011101 with four light modules on one side (the finder's 1:1:3:1:1 look-alike). */
function finderLikeCount(line: readonly boolean[]): number {
  const n = line.length;
  const lightRun = (from: number, to: number) => {
    for (let i = Math.max(from, 0); i < Math.min(to, n); i++) if (line[i]) return false;
    return true;
  };
  let count = 0;
  for (let i = 0; i + 6 < n; i++) {
    if (
      line[i] &&
      !line[i + 1] &&
      line[i + 2] &&
      line[i + 3] &&
      line[i + 4] &&
      !line[i + 5] &&
      line[i + 6] &&
      // The light margin may run past the symbol: the quiet zone is light.
      (lightRun(i - 4, i) || lightRun(i + 7, i + 11))
    ) {
      count++;
    }
  }
  return count;
}

function runPenalty(line: readonly boolean[]): number {
  let penalty = 0;
  let run = 1;
  for (let i = 1; i <= line.length; i++) {
    if (i < line.length && line[i] === line[i - 1]) {
      run++;
      continue;
    }
    if (run >= 5) penalty += 3 + (run - 5);
    run = 1;
  }
  return penalty;
}

/** ISO/IEC 18004 §7.8.3: N1 = 3 (runs), N2 = 3 (2×2 blocks), N3 = 40 (finder look-alikes), N4 = 10 (balance). */
export function penaltyScore(modules: readonly (readonly boolean[])[]): number {
  const size = modules.length;
  let penalty = 0;
  const columns = Array.from({ length: size }, (_, x) => modules.map((row) => row[x]));
  for (const line of [...modules, ...columns]) {
    penalty += runPenalty(line);
    penalty += 40 * finderLikeCount(line);
  }
  for (let y = 0; y + 1 < size; y++) {
    for (let x = 0; x + 1 < size; x++) {
      const c = modules[y][x];
      if (modules[y][x + 1] === c && modules[y + 1][x] === c && modules[y + 1][x + 1] === c) penalty += 3;
    }
  }
  let dark = 0;
  for (const row of modules) for (const module of row) if (module) dark++;
  const total = size * size;
  penalty += 10 * Math.floor((Math.abs(dark * 2 - total) * 10) / total);
  return penalty;
}

// ─── Putting it together ──────────────────────────────────────────────────────

/**
 * The symbol of a version from its data codewords (already padded to the version's capacity),
 * with the given mask, or the lowest-penalty mask when none is given.
 */
export function buildQr(version: number, data: readonly number[], mask?: number): QrCode {
  if (mask !== undefined && !(Number.isInteger(mask) && mask >= 0 && mask <= 7)) {
    throw new RangeError(`QR: mask ${mask} is outside 0–7.`);
  }
  const codewords = interleave(data, version);
  const matrix = new Matrix(version);
  matrix.drawFunctionPatterns();
  matrix.placeCodewords(codewords);
  let chosen = mask;
  if (chosen === undefined) {
    let best = Infinity;
    for (let candidate = 0; candidate < 8; candidate++) {
      matrix.applyMask(candidate);
      matrix.drawFormat(candidate);
      const score = penaltyScore(matrix.modules);
      if (score < best) {
        best = score;
        chosen = candidate;
      }
      matrix.applyMask(candidate);
    }
  }
  matrix.applyMask(chosen!);
  matrix.drawFormat(chosen!);
  return { version, size: matrix.size, mask: chosen!, modules: matrix.modules };
}

/** The smallest version (1–10) at level M that holds this many bytes. */
export function versionFor(byteLength: number, minVersion = MIN_VERSION): number {
  for (let version = Math.max(minVersion, MIN_VERSION); version <= MAX_VERSION; version++) {
    if (byteLength <= byteCapacity(version)) return version;
  }
  throw new RangeError(`QR: ${byteLength} bytes do not fit a version ${MAX_VERSION}-M symbol (at most ${byteCapacity(MAX_VERSION)}).`);
}

/** Encodes text (as UTF-8 bytes) in byte mode at level M, in the smallest version that holds it. */
export function encodeQr(text: string, options: { mask?: number; minVersion?: number } = {}): QrCode {
  const bytes = new TextEncoder().encode(text);
  const version = versionFor(bytes.length, options.minVersion);
  return buildQr(version, dataCodewords(bytes, version), options.mask);
}
