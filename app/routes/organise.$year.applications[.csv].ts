/**
 * GET /organise/:year/applications.csv — the applications the list shows for the same query
 * parameters (every page), as a spreadsheet: UTF-8 with BOM, `;` between fields for French
 * spreadsheets and `,` for English ones (the organiser's language), dates in the edition's time zone.
 */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { countryName, parseListQuery } from '~/domain/application';
import { csvDateTime, toCsv, type CsvCell } from '~/domain/csv';
import type { MessageKey, Params } from '~/i18n';
import { translate } from '~/i18n/messages.server';
import { listEditionApplications } from '~/utils/application-list.server';
import { requireOrganiser } from '~/utils/auth.server';
import { requireEdition } from '~/utils/editions.server';
import { getLanguage } from '~/utils/language.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  const edition = requireEdition(params.year);
  const lang = await getLanguage(request);
  const query = parseListQuery(new URL(request.url).searchParams);
  const { rows } = listEditionApplications(edition.id, query, { all: true });
  const t = (key: MessageKey, values?: Params) => translate(lang, key, values);
  const yesNo = (value: unknown) => t(value ? 'applications.table.yes' : 'applications.table.no');
  const zone = { zone: edition.timeZone };

  const header: CsvCell[] = [
    t('applications.csv.id'),
    t('apply.fields.startupName'),
    t('applications.table.status'),
    t('apply.fields.trackId'),
    t('applications.csv.countryCode'),
    t('apply.fields.country'),
    t('apply.fields.website'),
    t('apply.fields.oneLiner'),
    t('apply.fields.problem'),
    t('apply.fields.solution'),
    t('apply.fields.impact'),
    t('apply.fields.businessModel'),
    t('apply.fields.traction'),
    t('apply.fields.team'),
    t('apply.fields.videoUrl'),
    t('apply.fields.consentToPublication'),
    t('apply.fields.deck'),
    t('apply.fields.logo'),
    t('applications.csv.founderName'),
    t('applications.csv.founderEmail'),
    t('applications.csv.createdAt', zone),
    t('applications.csv.submittedAt', zone),
    t('applications.csv.updatedAt', zone),
    t('applications.csv.withdrawnAt', zone),
  ];
  const body: CsvCell[][] = rows.map((row) => [
    row.id,
    row.startupName,
    t(`status.application.${row.status}`),
    lang === 'fr' ? row.trackFr : row.trackEn,
    row.country,
    countryName(row.country, lang),
    row.website,
    row.oneLiner,
    row.problem,
    row.solution,
    row.impact,
    row.businessModel,
    row.traction,
    row.team,
    row.videoUrl,
    yesNo(row.consentToPublication),
    yesNo(row.hasDeck),
    yesNo(row.hasLogo),
    row.founderName,
    row.founderEmail,
    csvDateTime(row.createdAt, edition.timeZone),
    csvDateTime(row.submittedAt, edition.timeZone),
    csvDateTime(row.updatedAt, edition.timeZone),
    csvDateTime(row.withdrawnAt, edition.timeZone),
  ]);
  const csv = toCsv([header, ...body], { delimiter: lang === 'fr' ? ';' : ',' });
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
