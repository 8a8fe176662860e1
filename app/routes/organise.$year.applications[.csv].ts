/**
 * GET /organise/:year/applications.csv — the applications the list shows for the same query
 * parameters (every page), as a spreadsheet: UTF-8 with BOM, `;` between fields for French
 * spreadsheets and `,` for English ones (the organiser's language), dates in the edition's time zone.
 * The same table as applications.xlsx (app/utils/exports.server.ts).
 */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { applicationsExport, csvResponse } from '~/utils/organiser-export.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lang, header, rows, basename } = await applicationsExport(request, params);
  return csvResponse(`${basename}.csv`, [header, ...rows], lang);
}
