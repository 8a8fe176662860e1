/**
 * The fields of an edition's settings, shared by /organise/new and /organise/:year/settings:
 * names in both languages, the summit's dates and place, the application window in Paris time
 * (with the exact instant stated under each time once saved), and the public descriptions.
 */
import type { FieldMetadata } from '@conform-to/react';
import { CheckboxField, Field, TextareaField } from '~/components/forms';
import { EDITION_LIMITS } from '~/domain/edition-form';
import { useT } from '~/i18n';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Meta = FieldMetadata<any, any, string[]>;

export interface ExactInstant {
  local: string;
  offset: string;
  utc: string;
}

export const EDITION_FIELD_ORDER = [
  'year',
  'nameEn',
  'nameFr',
  'startsOn',
  'endsOn',
  'city',
  'venue',
  'opensAt',
  'closesAt',
  'confirmDeadline',
  'descriptionEn',
  'descriptionFr',
] as const;

/** The labels of the fields, in the form's order (for the error summary). */
export function useEditionLabels(): Record<(typeof EDITION_FIELD_ORDER)[number], string> {
  const { t } = useT();
  return {
    year: t('editions.fields.year'),
    nameEn: t('editions.fields.nameEn'),
    nameFr: t('editions.fields.nameFr'),
    startsOn: t('editions.fields.startsOn'),
    endsOn: t('editions.fields.endsOn'),
    city: t('editions.fields.city'),
    venue: t('editions.fields.venue'),
    opensAt: t('editions.fields.opensAt'),
    closesAt: t('editions.fields.closesAt'),
    confirmDeadline: t('editions.fields.confirmDeadline'),
    descriptionEn: t('editions.fields.descriptionEn'),
    descriptionFr: t('editions.fields.descriptionFr'),
  };
}

export const EDITION_ERROR_PARAMS = {
  nameEn: { max: EDITION_LIMITS.name },
  nameFr: { max: EDITION_LIMITS.name },
  city: { max: EDITION_LIMITS.city },
  venue: { max: EDITION_LIMITS.venue },
  descriptionEn: { max: EDITION_LIMITS.description },
  descriptionFr: { max: EDITION_LIMITS.description },
};

function Exact({ id, label, exact, ambiguous }: { id: string; label: string; exact?: ExactInstant; ambiguous?: boolean }) {
  const { t } = useT();
  if (!exact) return null;
  return (
    <p className="field__hint" id={id} data-testid={id}>
      {t('editions.fields.exact', { label, ...exact })}
      {ambiguous ? ` ${t('editions.fields.ambiguous')}` : null}
    </p>
  );
}

/** The edition's description in one language: optional, a few lines, at most EDITION_LIMITS.description. */
function DescriptionField({ meta, label, lang }: { meta: Meta; label: string; lang: 'en' | 'fr' }) {
  const { t } = useT();
  return (
    <TextareaField
      meta={meta}
      label={label}
      hint={t('editions.fields.descriptionHint')}
      optional
      rows={4}
      lang={lang}
      errorParams={EDITION_ERROR_PARAMS[lang === 'en' ? 'descriptionEn' : 'descriptionFr']}
    />
  );
}

export function EditionFields({
  fields,
  exact,
  showConfirmDeadline,
}: {
  fields: Record<string, Meta>;
  /** The saved window, as exact instants (settings page only). */
  exact?: { opensAt: ExactInstant; closesAt: ExactInstant; opensAmbiguous?: boolean; closesAmbiguous?: boolean };
  showConfirmDeadline?: boolean;
}) {
  const { t } = useT();
  const labels = useEditionLabels();
  return (
    <>
      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t('editions.fields.names')}</legend>
        <div className="grid-2">
          <Field meta={fields.nameEn} label={labels.nameEn} lang="en" errorParams={EDITION_ERROR_PARAMS.nameEn} />
          <Field meta={fields.nameFr} label={labels.nameFr} lang="fr" errorParams={EDITION_ERROR_PARAMS.nameFr} />
        </div>
      </fieldset>
      <div className="grid-2">
        <Field meta={fields.startsOn} type="date" label={labels.startsOn} />
        <Field meta={fields.endsOn} type="date" label={labels.endsOn} />
        <Field meta={fields.city} label={labels.city} errorParams={EDITION_ERROR_PARAMS.city} />
        <Field meta={fields.venue} label={labels.venue} optional errorParams={EDITION_ERROR_PARAMS.venue} />
      </div>
      <div className="grid-2">
        <div>
          <Field meta={fields.opensAt} type="datetime-local" label={labels.opensAt} hint={t('editions.fields.timeHint')} />
          <Exact id="exact-opens" label={labels.opensAt} exact={exact?.opensAt} ambiguous={exact?.opensAmbiguous} />
        </div>
        <div>
          <Field meta={fields.closesAt} type="datetime-local" label={labels.closesAt} hint={t('editions.fields.timeHint')} />
          <Exact id="exact-closes" label={labels.closesAt} exact={exact?.closesAt} ambiguous={exact?.closesAmbiguous} />
        </div>
      </div>
      {showConfirmDeadline ? (
        <CheckboxField meta={fields.confirmDeadline} value="yes" label={labels.confirmDeadline} hint={t('editions.fields.confirmDeadlineHint')} />
      ) : null}
      <DescriptionField meta={fields.descriptionEn} label={labels.descriptionEn} lang="en" />
      <DescriptionField meta={fields.descriptionFr} label={labels.descriptionFr} lang="fr" />
    </>
  );
}
