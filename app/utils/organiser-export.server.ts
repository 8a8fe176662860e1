/**
 * The organisers' downloads (app/routes/organise.$year.*[.csv|.xlsx].ts): one prelude (organiser
 * guard, the edition of the URL, the organiser's language), one CSV response, and the applications
 * table that the .csv and the .xlsx share (same query parameters as the list, same file name).
 * The tables themselves are built in exports.server.ts; the workbook response in xlsx.server.ts.
 */
import type { Params } from '@remix-run/react';
import { parseListQuery } from '~/domain/application';
import { toCsv, type CsvCell } from '~/domain/csv';
import type { Lang } from '~/i18n';
import { requireOrganiser } from './auth.server';
import { requireEdition } from './editions.server';
import { applicationsTable } from './exports.server';
import { getLanguage } from './language.server';

/** `{ edition, lang }` for an organiser's download, or the guard's redirect / 403 / 404. */
export async function organiserExport(request: Request, params: Params) {
  await requireOrganiser(request);
  const edition = requireEdition(params.year);
  return { edition, lang: await getLanguage(request) };
}

/** A CSV download (UTF-8 with BOM): `;` between fields for French spreadsheets, `,` for English ones; never cached. */
export function csvResponse(filename: string, rows: CsvCell[][], lang: Lang): Response {
  return new Response(toCsv(rows, { delimiter: lang === 'fr' ? ';' : ',' }), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

/** The applications the list shows for the URL's query (every page), and the file's name without its extension. */
export async function applicationsExport(request: Request, params: Params) {
  const { edition, lang } = await organiserExport(request, params);
  const query = parseListQuery(new URL(request.url).searchParams);
  const { header, rows } = applicationsTable(edition, lang, query);
  return { lang, header, rows, basename: `applications-${edition.year}${query.status ? `-${query.status}` : ''}` };
}
