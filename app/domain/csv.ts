/**
 * A CSV writer for spreadsheets people open with a double click: UTF-8 with a byte-order mark
 * (Excel reads accents right only with it), CRLF line ends (RFC 4180), and every field that
 * holds a separator of either convention (`;` or `,`), a quote, CR or LF quoted, so the file
 * splits the same way whichever separator the reader's locale expects.
 *
 * Text that a spreadsheet would run as a formula (starting with = + - @, tab or CR) gets a
 * leading apostrophe (OWASP "CSV injection"): a startup named "=HYPERLINK(…)" stays text.
 */
export type CsvCell = string | number | boolean | null | undefined;

export const CSV_BOM = '\uFEFF';

export interface CsvOptions {
  /** `;` for French spreadsheets (the default here), `,` for English ones. */
  delimiter?: ';' | ',';
  /** Start with the UTF-8 byte-order mark (default true). */
  bom?: boolean;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[;,"\r\n]/;

/** One field, neutralised and quoted as needed. Numbers and booleans are never formulas. */
export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  let text: string;
  if (typeof value === 'number') text = Number.isFinite(value) ? String(value) : '';
  else if (typeof value === 'boolean') text = value ? 'true' : 'false';
  else text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly CsvCell[], delimiter: ';' | ',' = ';'): string {
  return cells.map(csvField).join(delimiter);
}

/** The whole document: header row first, each row ended by CRLF. */
export function toCsv(rows: readonly (readonly CsvCell[])[], options: CsvOptions = {}): string {
  const delimiter = options.delimiter ?? ';';
  const body = rows.map((row) => `${csvLine(row, delimiter)}\r\n`).join('');
  return (options.bom ?? true) ? CSV_BOM + body : body;
}

/** "2022-09-14 23:59" in the given time zone: a form every spreadsheet reads as a date and time. */
export function csvDateTime(date: Date | number | null | undefined, timeZone: string): string {
  if (date === null || date === undefined) return '';
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(date));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}
