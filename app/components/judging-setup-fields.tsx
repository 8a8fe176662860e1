/**
 * Form pieces for pages that hold many forms at once (set-up, judges, assignments): the same
 * GOV.UK / DSFR pattern as forms.tsx (visible label, hint and error tied to the control, an
 * error summary that links to each field and takes focus), with ids prefixed per form so
 * that two forms on one page never share an id, and messages that carry their parameters.
 */
import { useEffect, useRef, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import type { FormFailure, Message } from '~/domain/judging-setup';
import { useT } from '~/i18n';

export const fieldId = (prefix: string, name: string) => `${prefix}-${name}`;

interface FieldShell {
  prefix: string;
  name: string;
  label: string;
  hint?: string;
  error?: Message | null;
  /** Shown after the label for optional fields. */
  optional?: boolean;
}

function useDescribedBy(prefix: string, name: string, hint?: string, error?: Message | null) {
  const id = fieldId(prefix, name);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return { id, hintId, errorId, describedBy: [hintId, errorId].filter(Boolean).join(' ') || undefined };
}

function Shell({ label, hint, error, optional, ids, children }: FieldShell & { ids: ReturnType<typeof useDescribedBy>; children: ReactNode }) {
  const { t } = useT();
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label htmlFor={ids.id} className="field__label">
        {label}
        {optional ? <span className="field__optional"> {t('judging.optional')}</span> : null}
      </label>
      {hint ? (
        <p id={ids.hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={ids.errorId} className="field__error">
          <span className="visually-hidden">{t('forms.errorPrefix')} </span>
          {t(error.key, error.params)}
        </p>
      ) : null}
      {children}
    </div>
  );
}

export function InputField({
  prefix,
  name,
  label,
  hint,
  error,
  optional,
  ...input
}: FieldShell & Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'id'>) {
  const ids = useDescribedBy(prefix, name, hint, error);
  return (
    <Shell prefix={prefix} name={name} label={label} hint={hint} error={error} optional={optional} ids={ids}>
      <input
        id={ids.id}
        name={name}
        className="field__input"
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
        {...input}
      />
    </Shell>
  );
}

export function TextAreaField({
  prefix,
  name,
  label,
  hint,
  error,
  optional,
  ...textarea
}: FieldShell & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'name' | 'id'>) {
  const ids = useDescribedBy(prefix, name, hint, error);
  return (
    <Shell prefix={prefix} name={name} label={label} hint={hint} error={error} optional={optional} ids={ids}>
      <textarea
        id={ids.id}
        name={name}
        className="field__input field__input--textarea"
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
        {...textarea}
      />
    </Shell>
  );
}

export function SelectField({
  prefix,
  name,
  label,
  hint,
  error,
  optional,
  options,
  placeholder,
  ...select
}: FieldShell & {
  options: { value: string | number; label: string; disabled?: boolean }[];
  /** A first, empty choice ("Choose a judge"), for selects that must be chosen on purpose. */
  placeholder?: string;
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'name' | 'id'>) {
  const ids = useDescribedBy(prefix, name, hint, error);
  return (
    <Shell prefix={prefix} name={name} label={label} hint={hint} error={error} optional={optional} ids={ids}>
      <select
        id={ids.id}
        name={name}
        className="field__input field__input--select"
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
        {...select}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
      </select>
    </Shell>
  );
}

/** One checkbox with its label beside it, 44 px tall. */
export function CheckboxField({
  prefix,
  name,
  label,
  hint,
  error,
  ...input
}: Omit<FieldShell, 'optional'> & Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'id' | 'type'>) {
  const { t } = useT();
  const ids = useDescribedBy(prefix, name, hint, error);
  return (
    <div className={`field field--checkbox${error ? ' field--error' : ''}`}>
      {error ? (
        <p id={ids.errorId} className="field__error">
          <span className="visually-hidden">{t('forms.errorPrefix')} </span>
          {t(error.key, error.params)}
        </p>
      ) : null}
      <div className="checkbox">
        <input
          type="checkbox"
          id={ids.id}
          name={name}
          aria-invalid={error ? true : undefined}
          aria-describedby={ids.describedBy}
          {...input}
        />
        <label htmlFor={ids.id}>{label}</label>
      </div>
      {hint ? (
        <p id={ids.hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/**
 * The errors of one form, at its top: the form's own message, then one link per field.
 * Takes focus when it appears, so keyboard and screen-reader users land on it.
 */
export function FormErrors({
  failure,
  prefix,
  labels,
  level = 3,
}: {
  failure: FormFailure | null;
  prefix: string;
  labels: Record<string, string>;
  /** The heading level that fits where the summary sits (3 inside a page's sections). */
  level?: 2 | 3;
}) {
  const { t } = useT();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (failure) ref.current?.focus();
  }, [failure]);
  if (!failure) return null;
  const entries = Object.entries(failure.fieldErrors);
  if (entries.length === 0 && !failure.formError) return null;
  const titleId = `${prefix}-errors-title`;
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby={titleId}>
      <Heading id={titleId} className="error-summary__title">
        {t('forms.errorSummaryTitle')}
      </Heading>
      <ul>
        {failure.formError ? <li>{t(failure.formError.key, failure.formError.params)}</li> : null}
        {entries.map(([field, message]) => (
          <li key={field}>
            <a href={`#${fieldId(prefix, field)}`}>
              {labels[field]
                ? t('forms.summaryItem', { label: labels[field], message: t(message.key, message.params) })
                : t(message.key, message.params)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A confirmation that something was done, read out politely by screen readers. */
export function DoneNotice({ children }: { children: ReactNode }) {
  return (
    <div className="notice notice--done" role="status">
      <span aria-hidden="true">✓ </span>
      {children}
    </div>
  );
}

/** An explanation of why a part of the page cannot be changed (icon and words, not colour alone). */
export function LockedNotice({ id, title, children }: { id?: string; title: string; children?: ReactNode }) {
  return (
    <div className="notice notice--locked" id={id}>
      <p className="notice__title">
        <Icon name="lock" /> {title}
      </p>
      {children}
    </div>
  );
}

const ICON_PATHS = {
  // Padlock: body and shackle.
  lock: 'M7 10V7a5 5 0 0 1 10 0v3h1a1 1 0 0 1 1 1v9a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1v-9a1 1 0 0 1 1-1h1Zm2 0h6V7a3 3 0 0 0-6 0v3Z',
  // Hourglass.
  pending: 'M6 2h12v2h-1v3.6L13.4 12l3.6 4.4V20h1v2H6v-2h1v-3.6l3.6-4.4L7 7.6V4H6V2Zm3 2v2.9l3 3.6 3-3.6V4H9Z',
  // Clock.
  expired: 'M12 2a10 10 0 1 1 0 20 10 10 0 0 1 0-20Zm0 2a8 8 0 1 0 0 16 8 8 0 0 0 0-16Zm1 3v4.6l3.2 3.2-1.4 1.4L11 12.4V7h2Z',
} as const;

/**
 * A small inline icon that repeats what the words next to it say (decorative: hidden from
 * screen readers). Inline SVG, so it looks the same on every device, with or without emoji fonts.
 */
export function Icon({ name }: { name: keyof typeof ICON_PATHS }) {
  return (
    <svg className="icon" viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true" focusable="false">
      <path fill="currentColor" fillRule="evenodd" d={ICON_PATHS[name]} />
    </svg>
  );
}
