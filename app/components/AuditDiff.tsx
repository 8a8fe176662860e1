/**
 * An audit event's before and after, as a readable table: one row per field that changed
 * (or every field, for a creation or a deletion), each field and value in words — names instead
 * of ids, statuses by their label, times and durations formatted, yes/no for flags. The raw
 * values stay in the CSV export of the log. Long values (lists of assignments, a deleted
 * scoresheet) fold into a disclosure. Changes are said in words, never by colour alone.
 */
import { AUDIT_ID_FIELDS, AUDIT_ID_LIST_FIELDS, type AuditNames } from '~/domain/judging-setup';
import { formatDate, formatNumber, useT, type Lang, type MessageKey } from '~/i18n';
import { DataTable } from './DataTable';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
/** Bookkeeping that changes with every command and says nothing to a reader (kept in the CSV). */
const HIDDEN_FIELDS = new Set(['version']);

function isObject(value: unknown): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function same(a: unknown, b: unknown) {
  return JSON.stringify(a) === JSON.stringify(b);
}

interface Context {
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  has: (key: string) => key is MessageKey;
  lang: Lang;
  names?: AuditNames;
  entityType: string;
  timeZone?: string;
}

function label({ t, has }: Context, key: string, fallback: string) {
  return has(key) ? t(key) : fallback;
}

function nameOf(ctx: Context, kind: keyof AuditNames, id: number) {
  return ctx.names?.[kind][id] ?? `#${id}`;
}

function fileSize(lang: Lang, bytes: number) {
  return bytes >= 1_000_000
    ? `${formatNumber(lang, bytes / 1_000_000, { maximumFractionDigits: 1 })} MB`
    : `${formatNumber(lang, Math.ceil(bytes / 1000))} kB`;
}

/** A field's value in words, or null when it needs the generic rendering. */
function words(ctx: Context, field: string, value: Json): string | null {
  const { t, lang } = ctx;
  if (typeof value === 'boolean') return t(value ? 'audit.value.yes' : 'audit.value.no');
  if (/At$/.test(field) && (typeof value === 'number' || (typeof value === 'string' && ISO_DATE.test(value)))) {
    return formatDate(lang, value, { dateStyle: 'medium', timeStyle: 'medium' }, ctx.timeZone);
  }
  if (/Ms$/.test(field) && typeof value === 'number') {
    const seconds = Math.round(value / 1000);
    return t('audit.value.duration', { minutes: Math.floor(seconds / 60), seconds: seconds % 60 });
  }
  const idKind = (AUDIT_ID_FIELDS as Record<string, keyof AuditNames>)[field];
  if (idKind && typeof value === 'number') return nameOf(ctx, idKind, value);
  const listKind = (AUDIT_ID_LIST_FIELDS as Record<string, keyof AuditNames>)[field];
  if (listKind && Array.isArray(value) && value.every((id) => typeof id === 'number')) {
    return value.map((id) => nameOf(ctx, listKind, id as number)).join(', ');
  }
  if (typeof value === 'string') {
    const byField: Record<string, string> = {
      status: ctx.entityType === 'scoresheet' ? `audit.value.scoresheet.${value}` : `status.${ctx.entityType}.${value}`,
      state: ctx.entityType === 'invitation' ? `audit.value.invitation.${value}` : `status.round.${value}`,
      method: `method.${value}`,
      kind: `setup.kind.${value}`,
      mode: `audit.value.mode.${value}`,
      timerKind: `audit.value.timerKind.${value}`,
    };
    return field in byField ? label(ctx, byField[field], value) : value;
  }
  if (typeof value === 'number') return formatNumber(lang, value);
  if (isObject(value) && typeof value.name === 'string' && typeof value.sizeBytes === 'number') {
    return t('audit.value.file', { name: value.name, size: fileSize(lang, value.sizeBytes) });
  }
  return null;
}

/** One line per item of a list (awards, assignments) or entry of an object (scores), in words where known. */
function itemText(ctx: Context, item: Json): string {
  if (isObject(item)) {
    if (typeof item.kind === 'string' && typeof item.place === 'number' && 'applicationId' in item) {
      const award = label(ctx, `audit.value.award.${item.kind}`, item.kind);
      const text = ctx.has(`audit.value.award.${item.kind}`)
        ? ctx.t(`audit.value.award.${item.kind}` as MessageKey, {
            place: item.place,
            track: typeof item.trackId === 'number' ? nameOf(ctx, 'tracks', item.trackId) : '',
          })
        : award;
      return `${text} — ${typeof item.applicationId === 'number' ? nameOf(ctx, 'applications', item.applicationId) : ''}`;
    }
    return Object.entries(item)
      .map(([field, value]) => `${fieldLabel(ctx, field)}: ${value === null ? '—' : (words(ctx, field, value) ?? JSON.stringify(value))}`)
      .join(' · ');
  }
  return item === null ? '—' : String(item);
}

function fieldLabel(ctx: Context, field: string) {
  return label(ctx, `audit.field.${field}`, label(ctx, `apply.fields.${field}`, field));
}

function Value({ ctx, field, value }: { ctx: Context; field: string; value: Json | undefined }) {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
    return (
      <span className="audit-diff__empty">
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">{ctx.t('audit.diff.none')}</span>
      </span>
    );
  }
  if (typeof value === 'string' && ISO_DATE.test(value)) {
    return <time dateTime={value}>{words(ctx, 'changedAt', value)}</time>;
  }
  const text = words(ctx, field, value);
  if (text !== null) return <span className="audit-diff__text">{text}</span>;
  const items = Array.isArray(value) ? value : isObject(value) ? Object.entries(value).map(([k, v]) => ({ [k]: v })) : [value];
  return (
    <details className="audit-diff__more">
      <summary>{ctx.t('audit.value.items', { count: items.length })}</summary>
      <ul>
        {items.map((item, index) => (
          <li key={index}>{itemText(ctx, item)}</li>
        ))}
      </ul>
    </details>
  );
}

export function AuditDiff({
  before,
  after,
  caption,
  names,
  entityType,
  timeZone,
}: {
  before: unknown;
  after: unknown;
  caption: string;
  names?: AuditNames;
  entityType: string;
  timeZone?: string;
}) {
  const { t, lang, has } = useT();
  const b = (before ?? null) as Json;
  const a = (after ?? null) as Json;
  if (b === null && a === null) return null;
  const ctx: Context = { t, has, lang, names, entityType, timeZone };

  let rows: { field: string; before: Json | undefined; after: Json | undefined }[];
  let unchanged = 0;
  if (isObject(b) || isObject(a)) {
    const beforeObject = isObject(b) ? b : {};
    const afterObject = isObject(a) ? a : {};
    const fields = [...new Set([...Object.keys(beforeObject), ...Object.keys(afterObject)])].filter((field) => !HIDDEN_FIELDS.has(field));
    rows = [];
    for (const field of fields) {
      if (isObject(b) && isObject(a) && same(beforeObject[field], afterObject[field])) {
        unchanged++;
        continue;
      }
      rows.push({ field, before: isObject(b) ? beforeObject[field] : undefined, after: isObject(a) ? afterObject[field] : undefined });
    }
  } else {
    rows = [{ field: '', before: b, after: a }];
  }

  return (
    <div className="audit-diff">
      <DataTable
        caption={caption}
        region={false}
        className="table--compact"
        columns={[{ label: t('audit.diff.field') }, { label: t('audit.diff.before') }, { label: t('audit.diff.after') }]}
      >
        {rows.map((row) => (
          <tr key={row.field}>
            <th scope="row">{row.field ? fieldLabel(ctx, row.field) : '—'}</th>
            <td>
              <Value ctx={ctx} field={row.field} value={row.before} />
            </td>
            <td>
              <Value ctx={ctx} field={row.field} value={row.after} />
            </td>
          </tr>
        ))}
      </DataTable>
      {unchanged > 0 ? <p className="audit-diff__unchanged">{t('audit.diff.unchanged', { count: unchanged })}</p> : null}
    </div>
  );
}
