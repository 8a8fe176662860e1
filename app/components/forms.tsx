/**
 * The one form kit: Conform over the form's module-level zod schema, one `Field` family and one
 * error summary, in the GOV.UK / DSFR pattern: a visible label, the hint and the error tied to
 * the control (aria-describedby, aria-invalid), and an error summary at the top that links to
 * each field and takes focus after a failed submit.
 *
 * Every form works without JavaScript: the action parses with the same schema
 * (app/utils/form.server.ts) and answers Conform's reply, which this page renders on the server
 * as it would in the browser — messages next to the fields and in the summary, what was typed
 * kept. With JavaScript, the browser checks the same schema before posting.
 *
 * Ids: a field's id is `<form id>-<name>`, its error `<id>-error`, its hint `<id>-hint`, so two
 * forms on one page never share an id. Messages are dictionary keys (app/domain/form-reply.ts),
 * translated here.
 */
import {
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  useForm,
  type FieldMetadata,
  type FormMetadata,
  type Submission,
  type SubmissionResult,
} from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4';
import { Form, type FormProps } from '@remix-run/react';
import { type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '~/domain/account';
import { readFormMessage, replyOf } from '~/domain/form-reply';
import { ariaOf, FieldShell, FilterSelect, FilterSelects, ProblemSummary, type Filter, type SummaryItem } from './field-shell';
import { useT, type MessageKey, type T } from '~/i18n';

type Params = Record<string, string | number>;
// Conform's metadata is generic over the schema; the kit only reads names, ids, values and errors.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Meta = FieldMetadata<any, any, string[]>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyForm = FormMetadata<any, string[]>;

// ─── The form ───────────────────────────────────────────────────────────────

/**
 * Conform's `useForm` with the house settings: the schema gives the HTML constraints and the
 * browser's check on submit (then again as the user corrects); the server's reply (`lastResult`)
 * gives the messages and the values typed after a refused post.
 */
export function useSchemaForm<S extends z.ZodType<unknown, Record<string, unknown>>>({
  id,
  schema,
  lastResult,
  defaultValue,
  checkInBrowser = true,
}: {
  id: string;
  schema: S;
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue?: Record<string, unknown>;
  /**
   * False where the server accepts more than the schema (an application section saves as a
   * draft with fields still empty; the schema is what a complete section needs).
   */
  checkInBrowser?: boolean;
}) {
  return useForm<z.input<S>, z.output<S>, string[]>({
    id,
    lastResult,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    defaultValue: defaultValue as any,
    constraint: getZodConstraint(schema),
    shouldValidate: 'onSubmit',
    // Without a check in the browser, Conform would revalidate on input by posting a "validate"
    // intent to the action: keep every round trip to an explicit submit.
    shouldRevalidate: checkInBrowser ? 'onInput' : 'onSubmit',
    onValidate: checkInBrowser
      ? ({ formData }) => parseWithZod(formData, { schema, disableAutoCoercion: true }) as Submission<z.input<S>, string[], z.output<S>>
      : undefined,
  });
}

/** A Remix `<Form>` wired to its Conform form (id, submit check, noValidate). */
export function ConformForm({ form, children, ...props }: { form: AnyForm; children: ReactNode } & Omit<FormProps, 'id' | 'onSubmit' | 'noValidate'>) {
  return (
    <Form method="post" {...getFormProps(form)} {...props}>
      {children}
    </Form>
  );
}

// ─── Messages ───────────────────────────────────────────────────────────────

/** The text of a wire message: its key translated with its parameters (and the field's). */
export function messageText(t: T, message: string, fieldParams: Params = {}) {
  const { key, params } = readFormMessage(message);
  // Wire messages are written by the server from the schemas' and services' typed keys.
  return t(key as MessageKey, { ...fieldParams, ...params });
}

function ErrorText({ id, errors, params }: { id: string; errors: string[] | undefined; params?: Params }) {
  const { t } = useT();
  if (!errors?.length) return null;
  return (
    <p id={id} className="field__error">
      <span className="visually-hidden">{t('forms.errorPrefix')} </span>
      {messageText(t, errors[0], params)}
    </p>
  );
}

// ─── Fields ─────────────────────────────────────────────────────────────────

interface FieldFrame {
  meta: Meta;
  label: ReactNode;
  hint?: ReactNode;
  /** Marks the field "(optional)" in its label. */
  optional?: boolean;
  /** The numbers its messages may mention (a maximum length…), when the message itself has none. */
  errorParams?: Params;
  /** After a conflicting save: the value saved elsewhere, shown under the field. */
  savedValue?: string | null;
  /** Messages about a hidden field of the form (the item it acts on), shown with this one. */
  alsoErrors?: string[];
}

const errorsOf = ({ meta, alsoErrors }: Pick<FieldFrame, 'meta' | 'alsoErrors'>) => [...(meta.errors ?? []), ...(alsoErrors ?? [])];

/** The ids a control is described by, in reading order: hint, error, value saved elsewhere. */
function idsOf({ meta, hint, savedValue, alsoErrors }: Pick<FieldFrame, 'meta' | 'hint' | 'savedValue' | 'alsoErrors'>) {
  const hintId = hint ? `${meta.id}-hint` : undefined;
  const errorId = errorsOf({ meta, alsoErrors }).length ? meta.errorId : undefined;
  const savedId = savedValue !== undefined && savedValue !== null ? `${meta.id}-saved` : undefined;
  return { hintId, savedId, describedBy: [hintId, errorId, savedId].filter(Boolean).join(' ') || undefined };
}

/** A field's props split into its frame (label, hint, messages, saved value), the frame's ids, and the control's own props. */
function splitFrame<P extends FieldFrame>({ meta, label, hint, optional, errorParams, savedValue, alsoErrors, ...control }: P) {
  const frame: FieldFrame = { meta, label, hint, optional, errorParams, savedValue, alsoErrors };
  return { frame, ids: idsOf(frame), control };
}

function SavedValue({ id, value }: { id?: string; value?: string | null }) {
  const { t } = useT();
  if (!id) return null;
  return (
    <div id={id} className="field__saved">
      <p className="field__saved-title">{t('apply.stale.savedValue')}</p>
      <p className="field__saved-value">{value || t('apply.stale.savedEmpty')}</p>
    </div>
  );
}

function Frame({ frame, ids, children }: { frame: FieldFrame; ids: ReturnType<typeof idsOf>; children: ReactNode }) {
  const { t } = useT();
  const errors = errorsOf(frame);
  return (
    <FieldShell
      id={frame.meta.id}
      label={frame.label}
      hint={frame.hint}
      optional={frame.optional}
      error={errors.length ? messageText(t, errors[0], frame.errorParams) : null}
      after={<SavedValue id={ids.savedId} value={frame.savedValue} />}
    >
      {children}
    </FieldShell>
  );
}

/** A one-line input: text, email, password, or a number typed as text (`inputMode`). */
export function Field({
  type = 'text',
  ...field
}: FieldFrame & { type?: 'text' | 'email' | 'password' | 'url' | 'tel' | 'number' | 'date' | 'datetime-local' } & Omit<
    InputHTMLAttributes<HTMLInputElement>,
    'name' | 'id' | 'type' | 'form'
  >) {
  const { frame, ids, control: input } = splitFrame(field);
  const { key, ...props } = getInputProps(frame.meta, { type });
  return (
    <Frame frame={frame} ids={ids}>
      <input key={key} className="field__input" {...props} aria-describedby={ids.describedBy} {...input} />
    </Frame>
  );
}

/** The numbers of the password length rule, for a password field's messages and the error summary. */
export const PASSWORD_LENGTHS = { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH };

/** A password being chosen (sign-up, reset, invitation): the length rule as hint, the browser's suggestion asked for. */
export function NewPasswordField({ meta, label }: { meta: Meta; label: string }) {
  const { t } = useT();
  return (
    <Field
      meta={meta}
      type="password"
      label={label}
      hint={t('signup.passwordHint', { min: PASSWORD_MIN_LENGTH })}
      autoComplete="new-password"
      errorParams={PASSWORD_LENGTHS}
    />
  );
}

/** A whole or decimal number, typed as text so a French "1,5" is kept as typed and the schema reads it. */
export function NumberField({ decimal, ...props }: Parameters<typeof Field>[0] & { decimal?: boolean }) {
  return <Field inputMode={decimal ? 'decimal' : 'numeric'} {...props} type="text" />;
}

export function TextareaField({
  rows = 6,
  ...field
}: FieldFrame & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'name' | 'id' | 'form'>) {
  const { frame, ids, control: textarea } = splitFrame(field);
  const { key, ...props } = getTextareaProps(frame.meta);
  return (
    <Frame frame={frame} ids={ids}>
      <textarea
        key={key}
        rows={rows}
        className="field__input field__textarea field__input--textarea"
        {...props}
        aria-invalid={errorsOf(frame).length ? true : undefined}
        aria-describedby={ids.describedBy}
        {...textarea}
      />
    </Frame>
  );
}

export function SelectField({
  options,
  placeholder,
  ...field
}: FieldFrame & {
  options: readonly { value: string | number; label: string; disabled?: boolean }[];
  /** A first, empty choice ("Choose a judge"), for selects that must be chosen on purpose. */
  placeholder?: string;
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'name' | 'id' | 'form'>) {
  const { frame, ids, control: select } = splitFrame(field);
  const { key, ...props } = getSelectProps(frame.meta);
  return (
    <Frame frame={frame} ids={ids}>
      <select key={key} className="field__input field__select field__input--select" {...props} aria-describedby={ids.describedBy} {...select}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}

/** One checkbox with its label beside it, 44 px tall. */
export function CheckboxField({
  meta,
  label,
  hint,
  errorParams,
  value = 'on',
  ...input
}: Omit<FieldFrame, 'optional' | 'savedValue'> & { value?: string } & Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'id' | 'type' | 'value' | 'form'>) {
  const { hintId, describedBy } = idsOf({ meta, hint });
  const { key, ...props } = getInputProps(meta, { type: 'checkbox', value });
  return (
    <div className={`field field--checkbox${meta.errors?.length ? ' field--error' : ''}`}>
      <ErrorText id={meta.errorId} errors={meta.errors} params={errorParams} />
      <div className="checkbox">
        <input key={key} {...props} aria-describedby={describedBy} {...input} />
        <label htmlFor={meta.id}>{label}</label>
      </div>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/**
 * Radios (one answer) or checkboxes (several) in a fieldset whose legend is the question.
 * The first control carries the field's id, so the error summary's link lands on it.
 */
export function ChoiceField({
  meta,
  label,
  hint,
  errorParams,
  savedValue,
  type = 'radio',
  options,
  required,
  className,
}: Omit<FieldFrame, 'optional'> & {
  type?: 'radio' | 'checkbox';
  options: readonly { value: string; label: ReactNode; hint?: ReactNode; disabled?: boolean }[];
  required?: boolean;
  className?: string;
}) {
  const frame = { meta, label, hint, errorParams, savedValue };
  const ids = idsOf(frame);
  const invalid = Boolean(meta.errors?.length);
  const initial = meta.initialValue as unknown;
  const checked = (value: string) => (Array.isArray(initial) ? initial.includes(value) : initial === value);
  return (
    <div className={`field${invalid ? ' field--error' : ''}${className ? ` ${className}` : ''}`}>
      <fieldset className="fieldset" aria-describedby={ids.describedBy}>
        <legend className="field__label fieldset__legend">{label}</legend>
        {hint ? (
          <p id={ids.hintId} className="field__hint">
            {hint}
          </p>
        ) : null}
        <ErrorText id={meta.errorId} errors={meta.errors} params={errorParams} />
        <div className="radios">
          {options.map((option, index) => {
            const id = index === 0 ? meta.id : `${meta.id}-${option.value}`;
            // Not `${id}-hint`: the first option's id is the field's, whose hint is the group's.
            const optionHintId = `${meta.id}-${option.value}-hint`;
            return (
              <div key={`${meta.key ?? ''}${option.value}`} className="radios__item">
                <input
                  type={type}
                  id={id}
                  name={meta.name}
                  form={meta.formId}
                  value={option.value}
                  defaultChecked={checked(option.value)}
                  disabled={option.disabled}
                  required={required}
                  aria-invalid={invalid || undefined}
                  aria-describedby={option.hint ? optionHintId : undefined}
                  className="radios__input"
                />
                <label htmlFor={id} className="radios__label">
                  {option.label}
                </label>
                {option.hint ? (
                  <p id={optionHintId} className="radios__hint">
                    {option.hint}
                  </p>
                ) : null}
              </div>
            );
          })}
        </div>
        <SavedValue id={ids.savedId} value={savedValue} />
      </fieldset>
    </div>
  );
}

// ─── The error summary ──────────────────────────────────────────────────────

export { ariaOf, FieldShell, FilterSelect, FilterSelects, ProblemSummary, type Filter, type SummaryItem };

/**
 * The errors of one form, at its top (GOV.UK): the form's own message, then one link per
 * field, in the order of `labels`. Takes focus when a submit fails, so keyboard and
 * screen-reader users hear it first.
 */
export function ErrorSummary({
  form,
  labels,
  errorParams = {},
  items = [],
  level = 2,
  targets = {},
}: {
  form: AnyForm;
  /** Each field's label, in the order of the form. */
  labels: Record<string, string>;
  /** The numbers each field's messages may mention. */
  errorParams?: Record<string, Params>;
  /** Problems that are not a field of this form (a section of the application to finish…). */
  items?: SummaryItem[];
  /** The heading level that fits where the summary sits (3 inside a page's sections). */
  level?: 2 | 3;
  /** Where a hidden field's message links to: the visible field it is shown with. */
  targets?: Record<string, string>;
}) {
  const { t } = useT();
  const formErrors = form.errors ?? [];
  const fieldErrors = Object.entries(form.allErrors)
    .filter(([name, messages]) => name !== '' && name !== form.id && messages.length > 0)
    .sort(([a], [b]) => order(labels, a) - order(labels, b));
  const links: SummaryItem[] = [
    ...fieldErrors.map(([name, messages]) => {
      const text = messageText(t, messages[0], errorParams[name]);
      const label = labels[targets[name] ?? name];
      return { href: `#${form.id}-${targets[name] ?? name}`, text: label ? t('forms.summaryItem', { label, message: text }) : text };
    }),
    ...items,
  ];
  return <ProblemSummary formId={form.id} formErrors={formErrors.map((message) => messageText(t, message))} items={links} level={level} />;
}

function order(labels: Record<string, string>, name: string) {
  const index = Object.keys(labels).indexOf(name);
  return index < 0 ? Number.MAX_SAFE_INTEGER : index;
}

const NOTHING_TYPED = z.object({});

/**
 * The refusal of a one-button form (remove, lock, revoke: nothing typed), shown where the page
 * puts it, as the same error summary. `form` is the name the action answered under.
 */
export function RefusalSummary({ answer, form, level = 3 }: { answer: unknown; form: string; level?: 2 | 3 }) {
  const [conform] = useSchemaForm({ id: form.replace(/[.:]/g, '-'), schema: NOTHING_TYPED, lastResult: replyOf(answer, form) });
  return <ErrorSummary form={conform} labels={{}} level={level} />;
}

/** The form's main button; `busy` while it posts. */
export function SubmitButton({ children, busy }: { children: ReactNode; busy?: boolean }) {
  return (
    <button type="submit" className="button button--primary button--large" aria-disabled={busy || undefined}>
      {children}
    </button>
  );
}

/** The row under a form's fields: its main button, then any other action (a "Cancel" link). */
export function FormActions({ submitLabel, children }: { submitLabel: ReactNode; children?: ReactNode }) {
  return (
    <div className="form-actions">
      <button type="submit" className="button button--primary">
        {submitLabel}
      </button>
      {children}
    </div>
  );
}

/**
 * A form of one button that posts one `intent` with its hidden `fields` (remove, revoke): the
 * button says `label`, and its accessible name ends with `of` (visually hidden), so that a list of
 * such buttons reads apart.
 */
export function IntentButton({
  intent,
  fields,
  label,
  of,
  variant,
}: {
  intent: string;
  fields: Record<string, string | number>;
  label: string;
  of: string;
  variant: 'danger' | 'ghost';
}) {
  return (
    <Form method="post" preventScrollReset>
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={`button button--${variant}`}>
        {label}
        <span className="visually-hidden"> {of}</span>
      </button>
    </Form>
  );
}
