/**
 * datapackage.json of a published edition: a Frictionless Data Package (Table Schema) that
 * describes results.csv and scores.csv — every column with its type, unit, constraints and
 * meaning — next to the files, so that a program can read them without guessing (decision 041).
 * The CSV files stay RFC 4180 (comma, CRLF, UTF-8 with a byte-order mark, a header row).
 *
 * Pure: built from the edition's identity and the column lists of open-data.ts; the test reads
 * the CSV headers back against these fields, so the two cannot drift apart.
 */
import { LICENCE, METHOD_PAGE, RESULTS_CSV_COLUMNS, SCORES_CSV_COLUMNS } from './open-data';
import { COMPARISON_DECIMALS, RANKING_METHODS } from './ranking';
import { ROUND_KINDS } from './statuses';

export interface TableField {
  name: string;
  type: 'integer' | 'number' | 'string' | 'boolean';
  description: string;
  constraints?: { required?: boolean; enum?: readonly string[]; minimum?: number };
  trueValues?: string[];
  falseValues?: string[];
}

const BOOLEAN = { trueValues: ['true'], falseValues: ['false'] };

const COMMON: Record<'edition' | 'round_id' | 'round_kind' | 'application_id' | 'startup', TableField> = {
  edition: { name: 'edition', type: 'integer', description: 'The edition’s year.', constraints: { required: true } },
  round_id: { name: 'round_id', type: 'integer', description: 'The round’s id, as in results.json ("rounds[].id").', constraints: { required: true } },
  round_kind: {
    name: 'round_kind',
    type: 'string',
    description: 'screening (on written applications) or final (live on stage).',
    constraints: { required: true, enum: ROUND_KINDS },
  },
  application_id: { name: 'application_id', type: 'integer', description: 'The application’s id, stable across files.', constraints: { required: true } },
  startup: {
    name: 'startup',
    type: 'string',
    description: 'The startup’s name, or "Startup A<id>" when it did not consent to publication.',
    constraints: { required: true },
  },
};

const RESULTS_FIELDS: Record<(typeof RESULTS_CSV_COLUMNS)[number], TableField> = {
  ...COMMON,
  round: { name: 'round', type: 'string', description: 'The round’s name in English (results.json also has it in French).' },
  method: {
    name: 'method',
    type: 'string',
    description: `The round's ranking method, explained on ${METHOD_PAGE}: mean, trimmed (trimmed mean) or zscore.`,
    constraints: { required: true, enum: RANKING_METHODS },
  },
  rank: {
    name: 'rank',
    type: 'integer',
    description: 'Standard competition ranking (1, 2, 2, 4); empty when the application has too few sheets to be ranked.',
    constraints: { minimum: 1 },
  },
  tie: { name: 'tie', type: 'boolean', description: 'Still tied after every tie-break: shares its rank (ex æquo).', ...BOOLEAN },
  track: { name: 'track', type: 'string', description: 'The track’s name in English; empty without a track.' },
  score: {
    name: 'score',
    type: 'number',
    description:
      `The round's score for the application. mean and trimmed: points out of 100 (the mean of the sheet totals T). ` +
      `zscore: the mean of the judges' z-scores, in standard deviations (about −3 to +3). Rounded to ${COMPARISON_DECIMALS} decimals, ` +
      `the precision at which the method compares scores. Empty when not ranked.`,
  },
  sheets: { name: 'sheets', type: 'integer', description: 'The number of counted scoresheets.', constraints: { required: true, minimum: 0 } },
  status: {
    name: 'status',
    type: 'string',
    description: 'ranked, or insufficient_scores (fewer counted sheets than the round’s minimum).',
    constraints: { required: true, enum: ['ranked', 'insufficient_scores'] },
  },
};

const SCORES_FIELDS: Record<(typeof SCORES_CSV_COLUMNS)[number], TableField> = {
  ...COMMON,
  judge: { name: 'judge', type: 'string', description: 'The judge’s pseudonym in this edition (J1, J2…).', constraints: { required: true } },
  criterion_id: { name: 'criterion_id', type: 'integer', description: 'The criterion’s id, as in results.json ("criteria[].id").', constraints: { required: true } },
  criterion: { name: 'criterion', type: 'string', description: 'The criterion’s name in English.', constraints: { required: true } },
  weight: { name: 'weight', type: 'number', description: 'The criterion’s weight in the sheet total.', constraints: { required: true } },
  min: { name: 'min', type: 'integer', description: 'The lowest value of the criterion’s scale.', constraints: { required: true } },
  max: { name: 'max', type: 'integer', description: 'The highest value of the criterion’s scale.', constraints: { required: true } },
  value: { name: 'value', type: 'integer', description: 'The value the judge gave, between min and max.', constraints: { required: true } },
};

function csvResource(name: string, path: string, title: string, fields: TableField[], primaryKey: string[]) {
  return {
    name,
    path,
    title,
    profile: 'tabular-data-resource',
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8',
    dialect: { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true },
    schema: { fields, primaryKey, missingValues: [''] },
  };
}

/** The Data Package of a published edition's CSV files (paths relative to /editions/:year/). */
export function dataPackageOf(edition: { year: number; name: string; publishedAt: Date | null }) {
  return {
    profile: 'tabular-data-package',
    name: `palmares-${edition.year}`,
    title: `Palmarès — ${edition.name} — results`,
    description:
      `The rankings of every round and every counted scoresheet of ${edition.name}, from which each ranking can be recomputed ` +
      `(method: ${METHOD_PAGE}). results.json holds the same data in one document, with the seal.`,
    ...(edition.publishedAt ? { created: edition.publishedAt.toISOString() } : {}),
    licenses: [{ name: LICENCE.id, title: LICENCE.name, path: LICENCE.url }],
    resources: [
      csvResource(
        'results',
        'results.csv',
        'Rankings: one row per application and round',
        RESULTS_CSV_COLUMNS.map((c) => RESULTS_FIELDS[c]),
        ['round_id', 'application_id'],
      ),
      csvResource(
        'scores',
        'scores.csv',
        'Counted scoresheets: one row per sheet and criterion',
        SCORES_CSV_COLUMNS.map((c) => SCORES_FIELDS[c]),
        ['round_id', 'judge', 'application_id', 'criterion_id'],
      ),
    ],
  };
}
