/**
 * GET /organise/:year/audit.xlsx — the edition's whole audit log as an Excel workbook: each
 * action and record named in the organiser's language beside its raw code, and the raw before
 * and after values (JSON), newest first.
 */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireOrganiser } from '~/utils/auth.server';
import { requireEdition } from '~/utils/editions.server';
import { auditWorkbook } from '~/utils/exports.server';
import { getLanguage } from '~/utils/language.server';
import { xlsxResponse } from '~/utils/xlsx.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  const edition = requireEdition(params.year);
  const { sheets, filename } = auditWorkbook(edition, await getLanguage(request));
  return xlsxResponse(filename, sheets);
}
