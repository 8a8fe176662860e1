/**
 * Form pieces that follow the GOV.UK / DSFR pattern: a visible label, the hint and
 * the error tied to the input (aria-describedby), and an error summary at the top
 * that links to each field and takes focus after a failed submit.
 */
import { useEffect, useRef, type InputHTMLAttributes, type ReactNode } from 'react';
import { useT, type MessageKey, type Params } from '~/i18n';

/** A field's message: its key, with the numbers it mentions when it has any. */
export type FieldMessage = MessageKey | { key: MessageKey; params?: Params };

type TextFieldProps = {
  name: string;
  label: string;
  hint?: string;
  /** A dictionary key for the error; translated here. */
  error?: MessageKey | null;
  errorParams?: Record<string, string | number>;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'name'>;

export function TextField({ name, label, hint, error, errorParams, id, ...input }: TextFieldProps) {
  const { t } = useT();
  const fieldId = id ?? `field-${name}`;
  const hintId = hint ? `${fieldId}-hint` : undefined;
  const errorId = error ? `${fieldId}-error` : undefined;
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label htmlFor={fieldId} className="field__label">
        {label}
      </label>
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
      <input
        id={fieldId}
        name={name}
        className="field__input"
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        {...input}
      />
    </div>
  );
}

export function ErrorSummary({
  errors,
  fieldLabels,
  formError,
  formErrorParams,
}: {
  errors: Partial<Record<string, FieldMessage>>;
  fieldLabels: Record<string, string>;
  formError?: MessageKey | null;
  formErrorParams?: Record<string, string | number>;
}) {
  const { t } = useT();
  const ref = useRef<HTMLDivElement>(null);
  const words = (m: FieldMessage) => (typeof m === 'string' ? t(m) : t(m.key, m.params));
  const entries = Object.entries(errors).filter((e): e is [string, FieldMessage] => Boolean(e[1]));
  const hasErrors = entries.length > 0 || Boolean(formError);
  useEffect(() => {
    if (hasErrors) ref.current?.focus();
  }, [hasErrors, errors, formError]);
  if (!hasErrors) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title" className="error-summary__title">
        {t('forms.errorSummaryTitle')}
      </h2>
      <ul>
        {formError ? <li>{t(formError, formErrorParams)}</li> : null}
        {entries.map(([field, message]) => (
          <li key={field}>
            <a href={`#field-${field}`}>
              {fieldLabels[field] ? t('forms.summaryItem', { label: fieldLabels[field], message: words(message) }) : words(message)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function SubmitButton({ children, busy }: { children: ReactNode; busy?: boolean }) {
  return (
    <button type="submit" className="button button--primary button--large" aria-disabled={busy || undefined}>
      {children}
    </button>
  );
}
