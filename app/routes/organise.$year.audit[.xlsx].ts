/**
 * GET /organise/:year/audit.xlsx — the edition's whole audit log as an Excel workbook: each
 * action and record named in the organiser's language beside its raw code, and the raw before
 * and after values (JSON), newest first.
 */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { auditWorkbook } from '~/utils/exports.server';
import { organiserExport } from '~/utils/organiser-export.server';
import { xlsxResponse } from '~/utils/xlsx.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { edition, lang } = await organiserExport(request, params);
  const { sheets, filename } = auditWorkbook(edition, lang);
  return xlsxResponse(filename, sheets);
}
