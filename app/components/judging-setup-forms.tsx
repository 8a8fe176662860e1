/**
 * The set-up forms of an edition's judging: a track, a criterion, a round (new or edited).
 * Built on the form kit (./forms.tsx): they post without JavaScript, the schemas of
 * app/domain/judging-setup.ts give the browser's constraints and the action's truth, and a
 * refused form shows its errors and keeps what was typed.
 */
import { Link } from '@remix-run/react';
import type { ReactNode } from 'react';
import type { z } from 'zod';
import { replyOf } from '~/domain/form-reply';
import { criterionSchema, LIMITS, newRoundSchema, roundSchema, trackSchema } from '~/domain/judging-setup';
import { ROUND_KINDS, ROUND_METHODS } from '~/domain/statuses';
import { useT } from '~/i18n';
import { ConformForm, ErrorSummary, Field, FormActions, NumberField, SelectField, TextareaField, useSchemaForm } from './forms';

type Values = Record<string, unknown>;

interface SetupFormProps {
  /** `track.create`, `criterion.update`, … */
  intent: string;
  /** The edited item's id (absent when adding). */
  itemId?: number;
  /** The action's last answer (shown if it is about this form). */
  answer: unknown;
  /** The item's current values (when editing) or suggested ones (when adding). */
  defaults: Values;
  legend: string;
  submitLabel: string;
  /** Where "Cancel" goes (editing only). */
  cancelTo?: string;
  disabled?: boolean;
  /** Ids of the text explaining why the form is disabled. */
  describedBy?: string;
}

/** The name the action answers under: the intent, and the item's id when there is one. */
export const setupFormName = (intent: string, itemId?: number) => (itemId === undefined ? intent : `${intent}:${itemId}`);
const formIdOf = (intent: string, itemId?: number) => `${intent.replace('.', '-')}-${itemId ?? 'new'}`;

/** Text for the form: numbers as strings, nothing for null. */
function textValues(defaults: Values) {
  return Object.fromEntries(Object.entries(defaults).map(([k, v]) => [k, v === null || v === undefined ? '' : String(v)]));
}

function useSetupForm<S extends z.ZodType<unknown, Record<string, unknown>>>(props: SetupFormProps, schema: S) {
  return useSchemaForm({
    id: formIdOf(props.intent, props.itemId),
    schema,
    lastResult: replyOf(props.answer, setupFormName(props.intent, props.itemId)),
    defaultValue: textValues(props.defaults),
  });
}

function SetupForm({
  form,
  intent,
  itemId,
  legend,
  submitLabel,
  cancelTo,
  disabled,
  describedBy,
  labels,
  errorParams,
  children,
}: SetupFormProps & {
  form: Parameters<typeof ErrorSummary>[0]['form'];
  labels: Record<string, string>;
  errorParams: Record<string, Record<string, number>>;
  children: ReactNode;
}) {
  const { t } = useT();
  return (
    <ConformForm form={form} className="setup-form" preventScrollReset>
      <ErrorSummary form={form} labels={labels} errorParams={errorParams} level={3} />
      <fieldset className="fieldset" disabled={disabled} aria-describedby={describedBy}>
        <legend className="fieldset__legend">{legend}</legend>
        <input type="hidden" name="intent" value={intent} />
        {itemId !== undefined ? <input type="hidden" name="id" value={itemId} /> : null}
        {children}
        <FormActions submitLabel={submitLabel}>
          {cancelTo ? (
            <Link to={cancelTo} className="button button--ghost">
              {t('judging.cancel')}
            </Link>
          ) : null}
        </FormActions>
      </fieldset>
    </ConformForm>
  );
}

/** The numbers each set-up field's messages mention, from LIMITS (stated once). */
const PARAMS = {
  nameFr: { max: LIMITS.name },
  nameEn: { max: LIMITS.name },
  helpFr: { max: LIMITS.help },
  helpEn: { max: LIMITS.help },
  position: LIMITS.position,
  weight: LIMITS.weight,
  scaleMin: LIMITS.scale,
  scaleMax: LIMITS.scale,
  minSheets: LIMITS.minSheets,
  judgesPerApplication: LIMITS.judgesPerApplication,
};

type Meta = Parameters<typeof Field>[0]['meta'];

/** The French and English names of a track, criterion or round, side by side; `children`: more fields of that grid. */
function NameFields({
  fields,
  labels,
  children,
}: {
  fields: { nameFr: Meta; nameEn: Meta };
  labels: { nameFr: string; nameEn: string };
  children?: ReactNode;
}) {
  return (
    <div className="grid-2">
      <Field meta={fields.nameFr} lang="fr" label={labels.nameFr} errorParams={PARAMS.nameFr} />
      <Field meta={fields.nameEn} lang="en" label={labels.nameEn} errorParams={PARAMS.nameEn} />
      {children}
    </div>
  );
}

export function TrackForm(props: SetupFormProps) {
  const { t } = useT();
  const [form, fields] = useSetupForm(props, trackSchema);
  const labels = { nameFr: t('setup.fields.nameFr'), nameEn: t('setup.fields.nameEn'), position: t('setup.fields.position') };
  return (
    <SetupForm {...props} form={form} labels={labels} errorParams={PARAMS}>
      <NameFields fields={fields} labels={labels} />
      <NumberField
        meta={fields.position}
        label={labels.position}
        hint={t('setup.hints.position')}
        className="field__input field__input--short"
        errorParams={PARAMS.position}
      />
    </SetupForm>
  );
}

export function CriterionForm(props: SetupFormProps) {
  const { t } = useT();
  const [form, fields] = useSetupForm(props, criterionSchema);
  const labels = {
    nameFr: t('setup.fields.nameFr'),
    nameEn: t('setup.fields.nameEn'),
    helpFr: t('setup.fields.helpFr'),
    helpEn: t('setup.fields.helpEn'),
    weight: t('setup.fields.weight'),
    scaleMin: t('setup.fields.scaleMin'),
    scaleMax: t('setup.fields.scaleMax'),
    position: t('setup.fields.position'),
  };
  return (
    <SetupForm {...props} form={form} labels={labels} errorParams={PARAMS}>
      <NameFields fields={fields} labels={labels}>
        <TextareaField meta={fields.helpFr} lang="fr" label={labels.helpFr} hint={t('setup.hints.help')} optional rows={3} errorParams={PARAMS.helpFr} />
        <TextareaField meta={fields.helpEn} lang="en" label={labels.helpEn} hint={t('setup.hints.help')} optional rows={3} errorParams={PARAMS.helpEn} />
      </NameFields>
      <div className="grid-4">
        <NumberField decimal meta={fields.weight} label={labels.weight} hint={t('setup.hints.weight')} errorParams={PARAMS.weight} />
        <NumberField meta={fields.scaleMin} label={labels.scaleMin} hint={t('setup.hints.scale', LIMITS.scale)} errorParams={PARAMS.scaleMin} />
        <NumberField meta={fields.scaleMax} label={labels.scaleMax} hint={t('setup.hints.scale', LIMITS.scale)} errorParams={PARAMS.scaleMax} />
        <NumberField meta={fields.position} label={labels.position} hint={t('setup.hints.position')} errorParams={PARAMS.position} />
      </div>
    </SetupForm>
  );
}

export function RoundForm(props: SetupFormProps & { kinds?: readonly (typeof ROUND_KINDS)[number][] }) {
  const { t } = useT();
  const [form, fields] = useSetupForm(props, props.kinds ? newRoundSchema : roundSchema);
  const labels = {
    kind: t('setup.fields.kind'),
    nameFr: t('setup.fields.nameFr'),
    nameEn: t('setup.fields.nameEn'),
    method: t('setup.fields.method'),
    minSheets: t('setup.fields.minSheets'),
    judgesPerApplication: t('setup.fields.judgesPerApplication'),
  };
  return (
    <SetupForm {...props} form={form} labels={labels} errorParams={PARAMS}>
      {props.kinds ? (
        <SelectField
          meta={(fields as unknown as Record<'kind', typeof fields.method>).kind}
          label={labels.kind}
          hint={t('setup.hints.kind')}
          options={props.kinds.map((kind) => ({ value: kind, label: t(`setup.kind.${kind}`) }))}
        />
      ) : null}
      <NameFields fields={fields} labels={labels} />
      <SelectField
        meta={fields.method}
        label={labels.method}
        hint={t('setup.hints.method')}
        options={ROUND_METHODS.map((method) => ({ value: method, label: t(`setup.method.${method}`) }))}
      />
      <div className="grid-2">
        <NumberField meta={fields.minSheets} label={labels.minSheets} hint={t('setup.hints.minSheets')} errorParams={PARAMS.minSheets} />
        <NumberField
          meta={fields.judgesPerApplication}
          label={labels.judgesPerApplication}
          hint={t('setup.hints.judgesPerApplication')}
          errorParams={PARAMS.judgesPerApplication}
        />
      </div>
    </SetupForm>
  );
}
