/**
 * An audit event's before and after, as a readable table: one row per field that changed
 * (or every field, for a creation or a deletion). Long values (lists of assignments, a deleted
 * scoresheet) fold into a disclosure. Changes are said in words, never by colour alone.
 */
import { AUDIT_ID_FIELDS, type AuditNames } from '~/domain/judging-setup';
import { formatDate, useT, type Lang } from '~/i18n';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const INLINE_MAX = 80;

function isObject(value: unknown): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function same(a: unknown, b: unknown) {
  return JSON.stringify(a) === JSON.stringify(b);
}

function Value({ value, lang, emptyLabel, name }: { value: Json | undefined; lang: Lang; emptyLabel: string; name?: string }) {
  if (name !== undefined) {
    return (
      <span className="audit-diff__text">
        {name} <span className="audit-diff__id">#{String(value)}</span>
      </span>
    );
  }
  if (value === null || value === undefined || value === '') {
    return (
      <span className="audit-diff__empty">
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">{emptyLabel}</span>
      </span>
    );
  }
  if (typeof value === 'string' && ISO_DATE.test(value)) {
    return <time dateTime={value}>{formatDate(lang, value, { dateStyle: 'medium', timeStyle: 'medium' })}</time>;
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return <span className="audit-diff__text">{String(value)}</span>;
  }
  const compact = JSON.stringify(value);
  if (compact.length <= INLINE_MAX) return <code>{compact}</code>;
  const size = Array.isArray(value) ? value.length : Object.keys(value).length;
  return (
    <details className="audit-diff__more">
      <summary>{Array.isArray(value) ? `[${size}]` : `{${size}}`}</summary>
      <pre>{JSON.stringify(value, null, 2)}</pre>
    </details>
  );
}

export function AuditDiff({ before, after, caption, names }: { before: unknown; after: unknown; caption: string; names?: AuditNames }) {
  const { t, lang, has } = useT();
  const b = (before ?? null) as Json;
  const a = (after ?? null) as Json;
  if (b === null && a === null) return null;

  let rows: { field: string; before: Json | undefined; after: Json | undefined }[];
  let unchanged = 0;
  if (isObject(b) || isObject(a)) {
    const beforeObject = isObject(b) ? b : {};
    const afterObject = isObject(a) ? a : {};
    const fields = [...new Set([...Object.keys(beforeObject), ...Object.keys(afterObject)])];
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
  const nameOf = (field: string, value: Json | undefined) => {
    const kind = (AUDIT_ID_FIELDS as Record<string, keyof AuditNames>)[field];
    return kind && typeof value === 'number' ? names?.[kind][value] : undefined;
  };
  const fieldLabel = (field: string, key = `audit.field.${field}`) => (has(key) ? t(key) : field);

  return (
    <div className="audit-diff">
      <table className="table table--compact">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.diff.field')}</th>
            <th scope="col">{t('audit.diff.before')}</th>
            <th scope="col">{t('audit.diff.after')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.field}>
              <th scope="row">
                {row.field ? fieldLabel(row.field) : '—'}
                {row.field && fieldLabel(row.field) !== row.field ? <code className="audit-diff__key"> {row.field}</code> : null}
              </th>
              <td>
                <Value value={row.before} lang={lang} emptyLabel={t('audit.diff.none')} name={nameOf(row.field, row.before)} />
              </td>
              <td>
                <Value value={row.after} lang={lang} emptyLabel={t('audit.diff.none')} name={nameOf(row.field, row.after)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {unchanged > 0 ? <p className="audit-diff__unchanged">{t('audit.diff.unchanged', { count: unchanged })}</p> : null}
    </div>
  );
}
