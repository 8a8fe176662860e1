/**
 * GET /organise/:year/audit.csv — the edition's audit log with its raw values, for whoever checks
 * the record: every event (or those of the page's filters), oldest first, the action's code and
 * its label, times in UTC (ISO 8601), before and after as the JSON that was stored. The page
 * /organise/:year/audit says the same in words. `;` for French spreadsheets, `,` for English ones.
 */
import type { LoaderFunctionArgs } from '@remix-run/node';
import type { CsvCell } from '~/domain/csv';
import { isMessageKey, translate } from '~/i18n/messages.server';
import { listAudit } from '~/utils/audit.server';
import { csvResponse, organiserExport } from '~/utils/organiser-export.server';

const positiveId = (value: string | null) => (value && /^\d{1,12}$/.test(value) ? Number(value) : undefined);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { edition, lang } = await organiserExport(request, params);
  const search = new URL(request.url).searchParams;
  const events = listAudit({
    editionId: edition.id,
    entityType: search.get('type') || undefined,
    action: search.get('action') || undefined,
    actorId: positiveId(search.get('actor')),
    limit: 1_000_000,
  }).reverse();
  const label = (key: string, fallback: string) => (isMessageKey(key) ? translate(lang, key) : fallback);
  const json = (value: unknown) => (value === null || value === undefined ? '' : JSON.stringify(value));
  const header: CsvCell[] = [
    translate(lang, 'audit.csv.id'),
    translate(lang, 'audit.csv.at'),
    translate(lang, 'audit.csv.actorId'),
    translate(lang, 'audit.csv.actorName'),
    translate(lang, 'audit.csv.action'),
    translate(lang, 'audit.csv.actionLabel'),
    translate(lang, 'audit.csv.entityType'),
    translate(lang, 'audit.csv.entityId'),
    translate(lang, 'audit.csv.reason'),
    translate(lang, 'audit.csv.before'),
    translate(lang, 'audit.csv.after'),
  ];
  const body: CsvCell[][] = events.map((event) => [
    event.id,
    new Date(event.at).toISOString(),
    event.actorId,
    event.actorName,
    event.action,
    label(`audit.action.${event.action}`, event.action),
    event.entityType,
    event.entityId,
    event.reason,
    json(event.before),
    json(event.after),
  ]);
  return csvResponse(`audit-${edition.year}.csv`, [header, ...body], lang);
}
