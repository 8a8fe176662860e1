/**
 * GET /organise/:year/applications.xlsx — the applications the list shows for the same query
 * parameters (every page), as an Excel workbook in the organiser's language: the same table as
 * applications.csv (app/utils/exports.server.ts), opening in columns whatever Excel's locale.
 */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { parseListQuery } from '~/domain/application';
import { translate } from '~/i18n/messages.server';
import { requireOrganiser } from '~/utils/auth.server';
import { requireEdition } from '~/utils/editions.server';
import { applicationsTable } from '~/utils/exports.server';
import { getLanguage } from '~/utils/language.server';
import { xlsxResponse } from '~/utils/xlsx.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  const edition = requireEdition(params.year);
  const lang = await getLanguage(request);
  const query = parseListQuery(new URL(request.url).searchParams);
  const { header, rows } = applicationsTable(edition, lang, query);
  const filename = `applications-${edition.year}${query.status ? `-${query.status}` : ''}.xlsx`;
  return xlsxResponse(filename, [{ name: translate(lang, 'layout.export.sheet.applications'), header, rows }]);
}
