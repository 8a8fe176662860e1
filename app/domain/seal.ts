/**
 * The seal of a round: the SHA-256 of its counted sheets written as one canonical JSON text.
 *
 * The organiser seals the final round before the winners are revealed on stage; the hash is
 * stored and published, and anyone can recompute it from the open data (results.json holds the
 * same sheets). The canonical form is specified in docs/decisions/ (seal canonical form) and on
 * the public method page; in short:
 *
 *   {"edition":<year>,"method":"<method>","minSheets":<int>,"round":<round id>,
 *    "sheets":[{"applicationId":<int>,"judge":"J<n>","scores":{"<criterion id>":<int>,…}},…],
 *    "version":1}
 *
 * - RFC 8785 (JSON Canonicalization Scheme) serialisation: no whitespace, object keys sorted by
 *   UTF-16 code units ("10" sorts before "7"), strings as JSON.stringify writes them;
 * - every number is an integer (no fraction, no exponent), so the text is the same in every
 *   language: Python's `json.dumps(doc, sort_keys=True, separators=(",", ":"))` writes it too;
 * - sheets sorted by applicationId (numerically), then by the judge pseudonym's number
 *   (J2 before J10); arrays are never re-sorted by the serialisation itself;
 * - the text is encoded as UTF-8 and hashed with SHA-256; the seal is the lowercase hex digest.
 *
 * Pure: the same sheets give the same seal whatever order they come in.
 */
import { createHash } from 'node:crypto';

/** Bumped if the canonical form ever changes, so that old seals stay checkable. */
export const SEAL_VERSION = 1;

const PSEUDONYM = /^J([1-9]\d*)$/;

/** One counted sheet as the open data publishes it: the judge's pseudonym and integer values. */
export interface SealScoresheet {
  applicationId: number;
  judge: string;
  /** Keyed by criterion id (number or its decimal string). */
  scores: Readonly<Record<string, number>>;
}

export interface SealInput {
  /** The edition's year. */
  edition: number;
  /** The round's id. */
  round: number;
  method: string;
  minSheets: number;
  sheets: readonly SealScoresheet[];
}

/** The number of a pseudonym "J<n>"; throws on anything else. */
export function pseudonymNumber(judge: string): number {
  const match = PSEUDONYM.exec(judge);
  if (!match) throw new Error(`Seal: judge pseudonym ${JSON.stringify(judge)} is not of the form J1, J2, …`);
  return Number(match[1]);
}

/** Sheets in seal order: application id, then pseudonym number (J2 before J10). */
export function compareSealScoresheets(a: SealScoresheet, b: SealScoresheet): number {
  return a.applicationId - b.applicationId || pseudonymNumber(a.judge) - pseudonymNumber(b.judge);
}

function assertInteger(value: unknown, what: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new Error(`Seal: ${what} is ${JSON.stringify(value)}; the sealed document holds integers only.`);
  }
}

/**
 * RFC 8785 serialisation of a JSON value restricted to integers, strings, booleans, null, arrays
 * and plain objects: keys sorted by UTF-16 code units, no whitespace.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      assertInteger(value, 'a number');
      // `+ 0` writes -0 as 0, as RFC 8785 does.
      return String(value + 0);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
      const entries = Object.keys(value as object)
        .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
        // Array.prototype.sort without a comparator compares UTF-16 code units: RFC 8785 §3.2.3.
        .sort()
        .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
      return `{${entries.join(',')}}`;
    }
    default:
      throw new Error(`Seal: a ${typeof value} cannot be part of the sealed document.`);
  }
}

/** The document that is sealed, with its sheets in seal order and every value checked. */
export function sealDocument(input: SealInput) {
  assertInteger(input.edition, 'the edition');
  assertInteger(input.round, 'the round');
  assertInteger(input.minSheets, 'minSheets');
  const seen = new Set<string>();
  const sheets = input.sheets.map((sheet) => {
    assertInteger(sheet.applicationId, 'an application id');
    pseudonymNumber(sheet.judge);
    const pair = `${sheet.applicationId}:${sheet.judge}`;
    if (seen.has(pair)) throw new Error(`Seal: judge ${sheet.judge} has two sheets for application ${sheet.applicationId}.`);
    seen.add(pair);
    const scores: Record<string, number> = {};
    for (const [criterionId, value] of Object.entries(sheet.scores)) {
      if (!/^[1-9]\d*$/.test(criterionId)) throw new Error(`Seal: criterion id ${JSON.stringify(criterionId)} is not a positive integer.`);
      assertInteger(value, `the value of criterion ${criterionId}`);
      scores[criterionId] = value;
    }
    return { applicationId: sheet.applicationId, judge: sheet.judge, scores };
  });
  sheets.sort(compareSealScoresheets);
  return {
    edition: input.edition,
    method: input.method,
    minSheets: input.minSheets,
    round: input.round,
    sheets,
    version: SEAL_VERSION,
  };
}

/** The exact text that is hashed. */
export function canonicalSealText(input: SealInput): string {
  return canonicalJson(sealDocument(input));
}

/** SHA-256 of the canonical text, UTF-8 encoded, as 64 lowercase hex digits. */
export function sealHash(input: SealInput): string {
  return createHash('sha256').update(canonicalSealText(input), 'utf8').digest('hex');
}

/** Whether a string looks like a seal (for reading one back from a form or a file). */
export function isSealHash(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);
}
