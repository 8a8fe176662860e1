/**
 * Organisers' spreadsheets as .xlsx (write-excel-file): unlike a CSV, a workbook opens with its
 * columns in Excel whatever the computer's language and list separator (a French Excel reads a
 * comma CSV as one column). The open data stays RFC 4180 CSV plus a schema (decision 041).
 *
 * Cells are typed: numbers stay numbers (Excel sums and sorts them), text stays text — a value
 * that starts with = + - @ is written as a string cell, never as a formula.
 */
import writeXlsxFile, { type Row, type Sheet } from 'write-excel-file/node';

export type XlsxCell = string | number | boolean | null | undefined;

export interface XlsxSheet {
  /** The tab's name (Excel allows 31 characters, no : \ / ? * [ ]). */
  name: string;
  header: string[];
  rows: XlsxCell[][];
}

const HEADER_STYLE = { fontWeight: 'bold', backgroundColor: '#E3E3FD', bottomBorderStyle: 'thin' } as const;

function cellOf(value: XlsxCell) {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? { type: Number, value } : null;
  if (typeof value === 'boolean') return { type: Boolean, value };
  return { type: String, value };
}

/** Column widths in characters, from the longest value (header included), within 8–60. */
function widthsOf(sheet: XlsxSheet): { width: number }[] {
  return sheet.header.map((title, i) => {
    let longest = title.length;
    for (const row of sheet.rows) {
      const value = row[i];
      const length = value === null || value === undefined ? 0 : String(value).split('\n')[0].length;
      if (length > longest) longest = length;
    }
    return { width: Math.min(60, Math.max(8, longest + 2)) };
  });
}

function safeSheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);
}

/** The workbook's bytes. */
export async function xlsxBuffer(sheets: XlsxSheet[]): Promise<Buffer> {
  const workbook: Sheet<Buffer>[] = sheets.map((sheet) => ({
    sheet: safeSheetName(sheet.name),
    data: [sheet.header.map((title) => ({ value: title, type: String, ...HEADER_STYLE })), ...sheet.rows.map((row) => row.map(cellOf) as Row)],
    columns: widthsOf(sheet),
    stickyRowsCount: 1,
  }));
  return writeXlsxFile(workbook).toBuffer();
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A download of the workbook, never cached (organisers' data). */
export async function xlsxResponse(filename: string, sheets: XlsxSheet[]): Promise<Response> {
  const body = await xlsxBuffer(sheets);
  return new Response(new Uint8Array(body), {
    headers: {
      'Content-Type': XLSX_TYPE,
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Content-Length': String(body.length),
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
