/**
 * GET /organise/:year/rounds/:roundId/ranking.xlsx — a round's live ranking and its counted
 * scoresheets (judges by name), as an Excel workbook in the organiser's language.
 */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireOrganiser } from '~/utils/auth.server';
import { requireEdition } from '~/utils/editions.server';
import { roundWorkbook } from '~/utils/exports.server';
import { getLanguage } from '~/utils/language.server';
import { xlsxResponse } from '~/utils/xlsx.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  const edition = requireEdition(params.year);
  const { sheets, filename } = roundWorkbook(edition, params.roundId, await getLanguage(request));
  return xlsxResponse(filename, sheets);
}
