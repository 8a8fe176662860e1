/**
 * GET /organise/:year/applications.xlsx — the applications the list shows for the same query
 * parameters (every page), as an Excel workbook in the organiser's language: the same table as
 * applications.csv (app/utils/exports.server.ts), opening in columns whatever Excel's locale.
 */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { translate } from '~/i18n/messages.server';
import { applicationsExport } from '~/utils/organiser-export.server';
import { xlsxResponse } from '~/utils/xlsx.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lang, header, rows, basename } = await applicationsExport(request, params);
  return xlsxResponse(`${basename}.xlsx`, [{ name: translate(lang, 'layout.export.sheet.applications'), header, rows }]);
}
