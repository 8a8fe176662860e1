/**
 * GET /organise/:year/applications.csv — the applications the list shows for the same query
 * parameters (every page), as a spreadsheet: UTF-8 with BOM, `;` between fields for French
 * spreadsheets and `,` for English ones (the organiser's language), dates in the edition's time zone.
 * The same table as applications.xlsx (app/utils/exports.server.ts).
 */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { parseListQuery } from '~/domain/application';
import { toCsv } from '~/domain/csv';
import { requireOrganiser } from '~/utils/auth.server';
import { requireEdition } from '~/utils/editions.server';
import { applicationsTable } from '~/utils/exports.server';
import { getLanguage } from '~/utils/language.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  const edition = requireEdition(params.year);
  const lang = await getLanguage(request);
  const query = parseListQuery(new URL(request.url).searchParams);
  const { header, rows } = applicationsTable(edition, lang, query);
  const csv = toCsv([header, ...rows], { delimiter: lang === 'fr' ? ';' : ',' });
  const filename = `applications-${edition.year}${query.status ? `-${query.status}` : ''}.csv`;
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
