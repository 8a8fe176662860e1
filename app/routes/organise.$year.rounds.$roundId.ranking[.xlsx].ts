/**
 * GET /organise/:year/rounds/:roundId/ranking.xlsx — a round's live ranking and its counted
 * scoresheets (judges by name), as an Excel workbook in the organiser's language.
 */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { roundWorkbook } from '~/utils/exports.server';
import { organiserExport } from '~/utils/organiser-export.server';
import { xlsxResponse } from '~/utils/xlsx.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { edition, lang } = await organiserExport(request, params);
  const { sheets, filename } = roundWorkbook(edition, params.roundId, lang);
  return xlsxResponse(filename, sheets);
}
