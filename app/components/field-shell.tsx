/**
 * The parts of the form kit (app/components/forms.tsx) that need neither Conform nor zod: the
 * frame of a field, the attributes of a control, and the error summary drawn from messages already
 * in words. A form with its own state (the judge's scoresheet) imports them from here, so that its
 * page does not download zod and Conform's zod bridge (first-load budget, tests/unit/bundle-budget);
 * forms.tsx re-exports them, and every other form keeps importing the kit from there.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { useT } from '~/i18n';

/** What a control says about itself: invalid or not, and the ids of its hint and error. */
export function ariaOf(id: string, { hint, error }: { hint?: ReactNode; error?: string | null }) {
  const describedBy = [hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined].filter(Boolean).join(' ');
  return { 'aria-invalid': error ? (true as const) : undefined, 'aria-describedby': describedBy || undefined };
}

/**
 * The frame of one field — label, hint, error, in that order — around a control. The Conform
 * fields of forms.tsx draw theirs; a form whose controls are driven by their own state (the
 * scoresheet and its autosave) wraps its controls in it, with `ariaOf` for their attributes.
 * `error` is the translated message.
 */
export function FieldShell({
  id,
  label,
  hint,
  optional,
  error,
  className,
  after,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  optional?: boolean;
  error?: string | null;
  className?: string;
  after?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useT();
  return (
    <div className={`field${className ? ` ${className}` : ''}${error ? ' field--error' : ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
        {optional ? <span className="field__optional"> {t('forms.optional')}</span> : null}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field__error">
          <span className="visually-hidden">{t('forms.errorPrefix')} </span>
          {error}
        </p>
      ) : null}
      {children}
      {after}
    </div>
  );
}

/**
 * A select of a search form (`<Form method="get">`: the list filters): no schema and no error, its
 * value is the URL's, so it is re-drawn (`key`) when the URL changes. Same markup as `SelectField`.
 */
export function FilterSelect({
  id,
  name,
  label,
  value,
  options,
  placeholder,
}: {
  id: string;
  name: string;
  label: ReactNode;
  value: string | number | null | undefined;
  options: readonly { value: string | number; label: ReactNode }[];
  /** A first choice with the empty value: "all", "any". */
  placeholder?: string;
}) {
  const current = String(value ?? '');
  return (
    <FieldShell id={id} label={label}>
      <select id={id} name={name} key={current} defaultValue={current} className="field__input field__select field__input--select">
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/** One select of a filter bar: its URL parameter, label and choices. */
export interface Filter<Name extends string = string> {
  name: Name;
  label: ReactNode;
  options: readonly { value: string | number; label: ReactNode }[];
  /** The empty choice ("all", "any"), when it differs from the bar's. */
  placeholder?: string;
}

/**
 * The selects of a filter bar (a list's GET form), one `FilterSelect` per filter, in order: the id
 * is `idPrefix` + the parameter's name, the value the URL's (`values`, the loader's reading of it).
 * The form around them, its buttons and its layout stay the page's.
 */
export function FilterSelects<Values extends { readonly [name: string]: string | number | null | undefined }>({
  idPrefix,
  values,
  placeholder,
  filters,
}: {
  idPrefix: string;
  values: Values;
  /** The empty choice of every filter that does not name its own. */
  placeholder?: string;
  filters: readonly Filter<Extract<keyof Values, string>>[];
}) {
  return filters.map((filter) => (
    <FilterSelect
      key={filter.name}
      id={`${idPrefix}${filter.name}`}
      name={filter.name}
      label={filter.label}
      value={values[filter.name]}
      placeholder={filter.placeholder ?? placeholder}
      options={filter.options}
    />
  ));
}

export interface SummaryItem {
  /** Where the link goes: a field of this page (`#id`) or another page. */
  href: string;
  text: string;
}


/**
 * The error summary itself, from messages already in words: the form's own, then links to the
 * fields. `ErrorSummary` draws it for a Conform form; a form with its own state (the
 * scoresheet) draws it directly.
 */
export function ProblemSummary({
  formId,
  formErrors = [],
  items,
  level = 2,
}: {
  /** The form it reports on (its id), so that it takes focus after that form's submit. */
  formId: string;
  formErrors?: string[];
  items: SummaryItem[];
  level?: 2 | 3;
}) {
  const { t } = useT();
  const ref = useRef<HTMLDivElement>(null);
  const hasErrors = items.length > 0 || formErrors.length > 0;
  const signature = `${formErrors.join('|')}#${items.map((l) => l.href + l.text).join('|')}`;
  useFocusAfterSubmit(formId, hasErrors, signature, ref);
  if (!hasErrors) return null;
  const titleId = `${formId}-errors-title`;
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby={titleId}>
      <Heading id={titleId} className="error-summary__title">
        {t('forms.errorSummaryTitle')}
      </Heading>
      <ul>
        {formErrors.map((message) => (
          <li key={message}>{message}</li>
        ))}
        {items.map((item) => (
          <li key={item.href + item.text}>
            <a href={item.href}>{item.text}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Focus on the summary when it appears or changes after this form was posted (the browser's
 * check or the server's answer), and not while the user corrects a field.
 */
function useFocusAfterSubmit(formId: string, hasErrors: boolean, signature: string, ref: React.RefObject<HTMLDivElement>) {
  const submitted = useRef(true);
  useEffect(() => {
    const element = document.getElementById(formId);
    if (!element) return;
    const onSubmit = () => {
      submitted.current = true;
    };
    element.addEventListener('submit', onSubmit, true);
    return () => element.removeEventListener('submit', onSubmit, true);
  }, [formId]);
  useEffect(() => {
    if (!hasErrors || !submitted.current) return;
    submitted.current = false;
    // After Conform has moved focus to the first invalid field (it does so as it reports), so
    // that the summary is what a screen reader reads first (GOV.UK).
    const timer = window.setTimeout(() => ref.current?.focus(), 0);
    return () => window.clearTimeout(timer);
  }, [hasErrors, signature, ref]);
}
