/**
 * The set-up forms of an edition's judging: a track, a criterion, a round (new or edited).
 * Plain forms (they post without JavaScript); the HTML constraints come from the schemas' LIMITS,
 * the truth from the action. A refused form shows its errors and keeps what was typed.
 */
import { Form, Link } from '@remix-run/react';
import type { ReactNode } from 'react';
import { LIMITS, type FormFailure } from '~/domain/judging-setup';
import { ROUND_KINDS, ROUND_METHODS } from '~/domain/statuses';
import { useT } from '~/i18n';
import { FormErrors, InputField, SelectField, TextAreaField } from './judging-setup-fields';

type Values = Record<string, unknown>;

interface SetupFormProps {
  /** `track.create`, `criterion.update`, … */
  intent: string;
  /** The edited item's id (absent when adding). */
  itemId?: number;
  failure: FormFailure | null;
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

/** The typed value after a refusal, else the default. */
function valueOf(failure: FormFailure | null, defaults: Values, name: string): string {
  if (failure && name in failure.values) return failure.values[name];
  const value = defaults[name];
  return value === null || value === undefined ? '' : String(value);
}

function SetupForm({ intent, itemId, failure, legend, submitLabel, cancelTo, disabled, describedBy, prefix, labels, children }: SetupFormProps & {
  prefix: string;
  labels: Record<string, string>;
  children: ReactNode;
}) {
  const { t } = useT();
  return (
    <Form method="post" className="setup-form" noValidate preventScrollReset>
      <FormErrors failure={failure} prefix={prefix} labels={labels} />
      <fieldset className="fieldset" disabled={disabled} aria-describedby={describedBy}>
        <legend className="fieldset__legend">{legend}</legend>
        <input type="hidden" name="intent" value={intent} />
        {itemId !== undefined ? <input type="hidden" name="id" value={itemId} /> : null}
        {children}
        <div className="form-actions">
          <button type="submit" className="button button--primary">
            {submitLabel}
          </button>
          {cancelTo ? (
            <Link to={cancelTo} className="button button--ghost">
              {t('judging.cancel')}
            </Link>
          ) : null}
        </div>
      </fieldset>
    </Form>
  );
}

const prefixOf = (intent: string, itemId?: number) => `${intent.replace('.', '-')}-${itemId ?? 'new'}`;

export function TrackForm(props: SetupFormProps) {
  const { t } = useT();
  const prefix = prefixOf(props.intent, props.itemId);
  const errors = props.failure?.fieldErrors ?? {};
  const v = (name: string) => valueOf(props.failure, props.defaults, name);
  const labels = { nameFr: t('setup.fields.nameFr'), nameEn: t('setup.fields.nameEn'), position: t('setup.fields.position') };
  return (
    <SetupForm {...props} prefix={prefix} labels={labels}>
      <div className="grid-2">
        <InputField prefix={prefix} name="nameFr" lang="fr" label={labels.nameFr} required maxLength={LIMITS.name} defaultValue={v('nameFr')} error={errors.nameFr} />
        <InputField prefix={prefix} name="nameEn" lang="en" label={labels.nameEn} required maxLength={LIMITS.name} defaultValue={v('nameEn')} error={errors.nameEn} />
      </div>
      <InputField
        prefix={prefix}
        name="position"
        label={labels.position}
        hint={t('setup.hints.position')}
        inputMode="numeric"
        className="field__input field__input--short"
        required
        defaultValue={v('position')}
        error={errors.position}
      />
    </SetupForm>
  );
}

export function CriterionForm(props: SetupFormProps) {
  const { t } = useT();
  const prefix = prefixOf(props.intent, props.itemId);
  const errors = props.failure?.fieldErrors ?? {};
  const v = (name: string) => valueOf(props.failure, props.defaults, name);
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
    <SetupForm {...props} prefix={prefix} labels={labels}>
      <div className="grid-2">
        <InputField prefix={prefix} name="nameFr" lang="fr" label={labels.nameFr} required maxLength={LIMITS.name} defaultValue={v('nameFr')} error={errors.nameFr} />
        <InputField prefix={prefix} name="nameEn" lang="en" label={labels.nameEn} required maxLength={LIMITS.name} defaultValue={v('nameEn')} error={errors.nameEn} />
        <TextAreaField
          prefix={prefix}
          name="helpFr"
          lang="fr"
          label={labels.helpFr}
          hint={t('setup.hints.help')}
          optional
          rows={3}
          maxLength={LIMITS.help}
          defaultValue={v('helpFr')}
          error={errors.helpFr}
        />
        <TextAreaField
          prefix={prefix}
          name="helpEn"
          lang="en"
          label={labels.helpEn}
          hint={t('setup.hints.help')}
          optional
          rows={3}
          maxLength={LIMITS.help}
          defaultValue={v('helpEn')}
          error={errors.helpEn}
        />
      </div>
      <div className="grid-4">
        <InputField
          prefix={prefix}
          name="weight"
          label={labels.weight}
          hint={t('setup.hints.weight')}
          inputMode="decimal"
          required
          defaultValue={v('weight')}
          error={errors.weight}
        />
        <InputField
          prefix={prefix}
          name="scaleMin"
          label={labels.scaleMin}
          hint={t('setup.hints.scale', LIMITS.scale)}
          inputMode="numeric"
          required
          defaultValue={v('scaleMin')}
          error={errors.scaleMin}
        />
        <InputField
          prefix={prefix}
          name="scaleMax"
          label={labels.scaleMax}
          hint={t('setup.hints.scale', LIMITS.scale)}
          inputMode="numeric"
          required
          defaultValue={v('scaleMax')}
          error={errors.scaleMax}
        />
        <InputField
          prefix={prefix}
          name="position"
          label={labels.position}
          hint={t('setup.hints.position')}
          inputMode="numeric"
          required
          defaultValue={v('position')}
          error={errors.position}
        />
      </div>
    </SetupForm>
  );
}

export function RoundForm(props: SetupFormProps & { kinds?: readonly (typeof ROUND_KINDS)[number][] }) {
  const { t } = useT();
  const prefix = prefixOf(props.intent, props.itemId);
  const errors = props.failure?.fieldErrors ?? {};
  const v = (name: string) => valueOf(props.failure, props.defaults, name);
  const labels = {
    kind: t('setup.fields.kind'),
    nameFr: t('setup.fields.nameFr'),
    nameEn: t('setup.fields.nameEn'),
    method: t('setup.fields.method'),
    minSheets: t('setup.fields.minSheets'),
    judgesPerApplication: t('setup.fields.judgesPerApplication'),
  };
  return (
    <SetupForm {...props} prefix={prefix} labels={labels}>
      {props.kinds ? (
        <SelectField
          prefix={prefix}
          name="kind"
          label={labels.kind}
          hint={t('setup.hints.kind')}
          options={props.kinds.map((kind) => ({ value: kind, label: t(`setup.kind.${kind}`) }))}
          defaultValue={v('kind')}
          error={errors.kind}
        />
      ) : null}
      <div className="grid-2">
        <InputField prefix={prefix} name="nameFr" lang="fr" label={labels.nameFr} required maxLength={LIMITS.name} defaultValue={v('nameFr')} error={errors.nameFr} />
        <InputField prefix={prefix} name="nameEn" lang="en" label={labels.nameEn} required maxLength={LIMITS.name} defaultValue={v('nameEn')} error={errors.nameEn} />
      </div>
      <SelectField
        prefix={prefix}
        name="method"
        label={labels.method}
        hint={t('setup.hints.method')}
        options={ROUND_METHODS.map((method) => ({ value: method, label: t(`setup.method.${method}`) }))}
        defaultValue={v('method')}
        error={errors.method}
      />
      <div className="grid-2">
        <InputField
          prefix={prefix}
          name="minSheets"
          label={labels.minSheets}
          hint={t('setup.hints.minSheets')}
          inputMode="numeric"
          required
          defaultValue={v('minSheets')}
          error={errors.minSheets}
        />
        <InputField
          prefix={prefix}
          name="judgesPerApplication"
          label={labels.judgesPerApplication}
          hint={t('setup.hints.judgesPerApplication')}
          inputMode="numeric"
          required
          defaultValue={v('judgesPerApplication')}
          error={errors.judgesPerApplication}
        />
      </div>
    </SetupForm>
  );
}
