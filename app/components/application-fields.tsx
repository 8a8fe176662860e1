/**
 * Form pieces of the application form, in the pattern of forms.tsx (GOV.UK / DSFR): a visible
 * label, the hint and the error tied to the control, `field-<name>` ids so the error summary can
 * link to them. Adds what the application needs: text areas, a select, a radio group in a
 * fieldset, the saved value of a field after a conflicting save, and an error summary whose
 * messages take parameters (maximum lengths).
 */
import { useEffect, useRef, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { useT, type MessageKey, type T } from '~/i18n';

type Params = Record<string, string | number>;

interface FieldFrame {
  name: string;
  label: string;
  hint?: string;
  /** Marks the field "(optional)" in its label. */
  optional?: boolean;
  /** A dictionary key for the error; translated here. */
  error?: MessageKey | null;
  errorParams?: Params;
  /** After a conflicting save: the value saved elsewhere, shown under the field. */
  savedValue?: string | null;
}

function describedBy(...ids: (string | undefined)[]) {
  return ids.filter(Boolean).join(' ') || undefined;
}

function Frame({
  fieldId,
  frame,
  children,
  hintId,
  errorId,
  savedId,
}: {
  fieldId: string;
  frame: FieldFrame;
  children: ReactNode;
  hintId?: string;
  errorId?: string;
  savedId?: string;
}) {
  const { t } = useT();
  return (
    <div className={`field${frame.error ? ' field--error' : ''}`}>
      <label htmlFor={fieldId} className="field__label">
        {frame.label}
        {frame.optional ? <span className="field__optional"> {t('apply.form.optional')}</span> : null}
      </label>
      {frame.hint ? (
        <p id={hintId} className="field__hint">
          {frame.hint}
        </p>
      ) : null}
      {frame.error ? (
        <p id={errorId} className="field__error">
          <span className="visually-hidden">{t('forms.errorPrefix')} </span>
          {t(frame.error, frame.errorParams)}
        </p>
      ) : null}
      {children}
      {frame.savedValue !== undefined && frame.savedValue !== null ? (
        <div id={savedId} className="field__saved">
          <p className="field__saved-title">{t('apply.stale.savedValue')}</p>
          <p className="field__saved-value">{frame.savedValue || t('apply.stale.savedEmpty')}</p>
        </div>
      ) : null}
    </div>
  );
}

function ids(name: string, frame: FieldFrame) {
  const fieldId = `field-${name}`;
  return {
    fieldId,
    hintId: frame.hint ? `${fieldId}-hint` : undefined,
    errorId: frame.error ? `${fieldId}-error` : undefined,
    savedId: frame.savedValue !== undefined && frame.savedValue !== null ? `${fieldId}-saved` : undefined,
  };
}

export function TextAreaField({
  name,
  label,
  hint,
  optional,
  error,
  errorParams,
  savedValue,
  rows = 6,
  ...textarea
}: FieldFrame & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'name' | 'id'>) {
  const frame = { name, label, hint, optional, error, errorParams, savedValue };
  const { fieldId, hintId, errorId, savedId } = ids(name, frame);
  return (
    <Frame fieldId={fieldId} frame={frame} hintId={hintId} errorId={errorId} savedId={savedId}>
      <textarea
        id={fieldId}
        name={name}
        rows={rows}
        className="field__input field__textarea"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hintId, errorId, savedId)}
        {...textarea}
      />
    </Frame>
  );
}

export function InputField({
  name,
  label,
  hint,
  optional,
  error,
  errorParams,
  savedValue,
  ...input
}: FieldFrame & Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'id'>) {
  const frame = { name, label, hint, optional, error, errorParams, savedValue };
  const { fieldId, hintId, errorId, savedId } = ids(name, frame);
  return (
    <Frame fieldId={fieldId} frame={frame} hintId={hintId} errorId={errorId} savedId={savedId}>
      <input
        id={fieldId}
        name={name}
        className="field__input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hintId, errorId, savedId)}
        {...input}
      />
    </Frame>
  );
}

export function SelectField({
  name,
  label,
  hint,
  optional,
  error,
  errorParams,
  savedValue,
  options,
  placeholder,
  ...select
}: FieldFrame & {
  options: { value: string; label: string }[];
  placeholder: string;
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'name' | 'id'>) {
  const frame = { name, label, hint, optional, error, errorParams, savedValue };
  const { fieldId, hintId, errorId, savedId } = ids(name, frame);
  return (
    <Frame fieldId={fieldId} frame={frame} hintId={hintId} errorId={errorId} savedId={savedId}>
      <select
        id={fieldId}
        name={name}
        className="field__input field__select"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hintId, errorId, savedId)}
        {...select}
      >
        <option value="">{placeholder}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}

/** Radios in a fieldset whose legend is the question; the first radio carries `field-<name>`. */
export function RadioGroupField({
  name,
  label,
  hint,
  error,
  errorParams,
  savedValue,
  options,
  defaultValue,
  required,
}: FieldFrame & {
  options: { value: string; label: string; hint?: string }[];
  defaultValue?: string;
  required?: boolean;
}) {
  const { t } = useT();
  const fieldId = `field-${name}`;
  const hintId = hint ? `${fieldId}-hint` : undefined;
  const errorId = error ? `${fieldId}-error` : undefined;
  const savedId = savedValue !== undefined && savedValue !== null ? `${fieldId}-saved` : undefined;
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <fieldset className="fieldset" aria-describedby={describedBy(hintId, errorId, savedId)}>
        <legend className="field__label fieldset__legend">{label}</legend>
        {hint ? (
          <p id={hintId} className="field__hint">
            {hint}
          </p>
        ) : null}
        {error ? (
          <p id={errorId} className="field__error">
            <span className="visually-hidden">{t('forms.errorPrefix')} </span>
            {t(error, errorParams)}
          </p>
        ) : null}
        <div className="radios">
          {options.map((option, index) => {
            const id = index === 0 ? fieldId : `${fieldId}-${option.value}`;
            return (
              <div key={option.value} className="radios__item">
                <input
                  type="radio"
                  id={id}
                  name={name}
                  value={option.value}
                  defaultChecked={defaultValue === option.value}
                  required={required}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={option.hint ? `${id}-hint` : undefined}
                  className="radios__input"
                />
                <label htmlFor={id} className="radios__label">
                  {option.label}
                </label>
                {option.hint ? (
                  <p id={`${id}-hint`} className="radios__hint">
                    {option.hint}
                  </p>
                ) : null}
              </div>
            );
          })}
        </div>
        {savedId ? (
          <div id={savedId} className="field__saved">
            <p className="field__saved-title">{t('apply.stale.savedValue')}</p>
            <p className="field__saved-value">{savedValue || t('apply.stale.savedEmpty')}</p>
          </div>
        ) : null}
      </fieldset>
    </div>
  );
}

export interface SummaryItem {
  /** Where the link goes: `#field-x` on this page, or another page. */
  href: string;
  text: string;
}

/**
 * The error summary at the top of a form (GOV.UK): a heading, one link per problem, and focus
 * on it after a failed submit so that screen-reader users hear it first.
 */
export function ProblemSummary({ items, formError }: { items: SummaryItem[]; formError?: string | null }) {
  const { t } = useT();
  const ref = useRef<HTMLDivElement>(null);
  const hasProblems = items.length > 0 || Boolean(formError);
  const signature = `${formError ?? ''}|${items.map((i) => i.href + i.text).join('|')}`;
  useEffect(() => {
    if (hasProblems) ref.current?.focus();
  }, [hasProblems, signature]);
  if (!hasProblems) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title" className="error-summary__title">
        {t('forms.errorSummaryTitle')}
      </h2>
      <ul>
        {formError ? <li>{formError}</li> : null}
        {items.map((item) => (
          <li key={item.href + item.text}>
            <a href={item.href}>{item.text}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Summary items for a form's field errors, in the order of the form's fields. */
export function fieldSummaryItems(
  errors: Partial<Record<string, MessageKey>>,
  order: readonly string[],
  label: (field: string) => string,
  t: T,
  paramsOf: (field: string) => Params = () => ({}),
): SummaryItem[] {
  return order
    .filter((field) => errors[field])
    .map((field) => ({
      href: `#field-${field}`,
      text: t('forms.summaryItem', { label: label(field), message: t(errors[field]!, paramsOf(field)) }),
    }));
}
