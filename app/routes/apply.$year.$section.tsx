/**
 * /apply/:year/:section — one section of the application, saved on its own. A draft may leave
 * fields blank; a bad value is refused with a message next to its field, and what was typed is
 * kept. A form loaded before a newer save (another tab, another device) cannot overwrite it: the
 * founder sees the saved values beside their own and decides.
 */
import { invariantResponse } from '@epic-web/invariant';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react';
import { ChoiceField, ConformForm, ErrorSummary, Field, SelectField, TextareaField, useSchemaForm } from '~/components/forms';
import { ApplicationAnswers, SectionSavedNotice, sectionPath, useFocusOnArrival } from '~/components/application-sections';
import {
  countryOptions,
  formValuesOf,
  isFormSectionId,
  isSectionId,
  LIMITS,
  OPTIONAL_FIELDS,
  SECTION_FIELDS,
  SECTIONS,
  sectionSchema,
  type FormField,
  type FormSectionId,
} from '~/domain/application';
import { formatNumber, type MessageKey, tOf, useT } from '~/i18n';
import { messagesFor } from '~/i18n/messages.server';
import { saveSection } from '~/utils/applications.server';
import { requireFounder } from '~/utils/auth.server';
import { parseYear, requirePublicEdition } from '~/utils/editions.server';
import { fieldMessages, submissionOf } from '~/utils/form.server';
import { getLanguage } from '~/utils/language.server';
import { replyOf, type FormReply } from '~/domain/form-reply';
import { useApplyData } from './apply.$year';

function formSectionOf(param: string | undefined): FormSectionId {
  invariantResponse(isFormSectionId(param), 'Not Found', { status: 404 });
  return param;
}

export const meta: MetaFunction<typeof loader> = ({ matches, data: loaded }) => {
  const { t } = tOf(matches);
  const section = loaded?.section ? t(`apply.section.${loaded.section}.title`) : '';
  return [{ title: `${section} — ${t('apply.eyebrow')} — Palmarès` }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireFounder(request);
  parseYear(params.year);
  const section = formSectionOf(params.section);
  const lang = await getLanguage(request);
  return { messages: await messagesFor(request, ['applications']), section, countries: section === 'startup' ? countryOptions(lang) : [] };
}

function revisionOf(value: FormDataEntryValue | null): number {
  return typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : -1;
}

/** Where "Save and continue" goes: the next section, or the review after the last. */
function nextPath(year: number, section: FormSectionId, then: FormDataEntryValue | null): string {
  const next = SECTIONS[SECTIONS.indexOf(section) + 1];
  if (then === 'overview' || !next) return `/apply/${year}?saved=${section}`;
  return `${sectionPath(year, next)}?saved=${section}`;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireFounder(request);
  const edition = requirePublicEdition(params.year);
  const section = formSectionOf(params.section);
  const form = await request.formData();
  // A Conform intent (validate, reset…) is not a save: answer it without writing.
  if (form.has('__intent__')) {
    return data({ form: 'application', result: submissionOf(form).reply(), revision: revisionOf(form.get('revision')), saved: null }, { status: 400 });
  }
  const values: Record<string, string> = {};
  for (const field of SECTION_FIELDS[section]) {
    const value = form.get(field);
    if (typeof value === 'string') values[field] = value;
  }
  const revision = revisionOf(form.get('revision'));
  const result = saveSection({ founderId: user.id, edition, section, raw: values, revision });
  if (result.ok) return redirect(nextPath(edition.year, section, form.get('then')));
  const submission = submissionOf(form);
  /** Conform's reply, the revision the next save is based on, and after a conflicting save the values saved elsewhere. */
  const answer = (reply: FormReply['result'], status: number, next = revision, saved: Partial<Record<FormField, string>> | null = null) =>
    data({ form: 'application', result: reply, revision: next, saved }, { status });
  switch (result.reason) {
    case 'invalid':
      return answer(submission.reply({ fieldErrors: fieldMessages(result.fieldErrors) }), 400);
    case 'stale':
      return answer(submission.reply({ formErrors: ['apply.stale.message'] }), 409, result.revision, result.current);
    default:
      return answer(submission.reply({ formErrors: [`apply.errors.${result.reason}`] }), 403);
  }
}

export default function ApplicationSection() {
  const view = useApplyData();
  const { section, countries } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, lang } = useT();
  const year = view.edition.year;
  const index = SECTIONS.indexOf(section);
  const saving = navigation.state === 'submitting';
  const [search] = useSearchParams();
  const justSaved = search.get('saved');

  const arrival = useFocusOnArrival<HTMLDivElement>(section);

  const heading = (
    <div className="arrival stack" tabIndex={-1} ref={arrival}>
      {isSectionId(justSaved) && !result ? <SectionSavedNotice section={justSaved} /> : null}
      <div>
        <p className="eyebrow">{t('apply.section.counter', { n: index + 1, total: SECTIONS.length })}</p>
        <h2 className="apply-content__title">{t(`apply.section.${section}.title`)}</h2>
      </div>
    </div>
  );

  if (!view.editable) {
    return (
      <div className="stack">
        {heading}
        <ApplicationAnswers data={view.answers} sections={[section]} headingLevel={3} untitled />
        <p>
          <Link to={`/apply/${year}`}>{t('apply.backToReview')}</Link>
        </p>
      </div>
    );
  }

  const revision = result?.revision ?? view.application?.revision ?? 0;
  const params = (field: string) => ({ max: formatNumber(lang, LIMITS[field as keyof typeof LIMITS] ?? 0) });
  const trackName = (id: string) => {
    const track = view.tracks.find((tr) => String(tr.id) === id);
    return track ? (lang === 'fr' ? track.nameFr : track.nameEn) : '';
  };
  const shownSaved = (field: FormField): string | undefined => {
    const value = result?.saved?.[field];
    if (value === undefined) return undefined;
    if (field === 'country') return countries.find((c) => c.value === value)?.label ?? value;
    if (field === 'trackId') return trackName(value);
    if (field === 'consentToPublication') return t(value === 'yes' ? 'apply.consent.yes' : 'apply.consent.no');
    return value;
  };

  return (
    <div className="stack">
      {heading}
      <p className="lead">{t(`apply.section.${section}.lead`)}</p>
      <SectionForm
        key={section}
        section={section}
        lastResult={replyOf(result, 'application')}
        revision={revision}
        params={params}
        shownSaved={shownSaved}
        countries={countries}
        saving={saving}
      />
    </div>
  );
}

function SectionForm({
  section,
  lastResult,
  revision,
  params,
  shownSaved,
  countries,
  saving,
}: {
  section: FormSectionId;
  lastResult: ReturnType<typeof replyOf>;
  revision: number;
  params: (field: string) => Record<string, string>;
  shownSaved: (field: FormField) => string | undefined;
  countries: { value: string; label: string }[];
  saving: boolean;
}) {
  const view = useApplyData();
  const { t, lang } = useT();
  const [form, fields] = useSchemaForm({
    id: 'application',
    schema: sectionSchema(section, view.tracks.map((track) => track.id)),
    lastResult,
    defaultValue: formValuesOf(view.application),
    // A section saves as a draft with fields still empty: `saveSection` decides, the schema only gives the constraints.
    checkInBrowser: false,
  });
  const meta = fields as unknown as Record<FormField, Parameters<typeof Field>[0]['meta']>;
  const common = (field: FormField) => ({
    meta: meta[field],
    label: t(`apply.fields.${field}`),
    hint: t(`apply.hints.${field}`, params(field)),
    optional: OPTIONAL_FIELDS.includes(field),
    errorParams: params(field),
    savedValue: shownSaved(field),
  });
  const text = (field: FormField & keyof typeof LIMITS) => ({ ...common(field), maxLength: LIMITS[field] });
  const labels = Object.fromEntries(SECTION_FIELDS[section].map((field) => [field, t(`apply.fields.${field}`)]));
  const errorParams = Object.fromEntries(SECTION_FIELDS[section].map((field) => [field, params(field)]));

  return (
    <>
      <ErrorSummary form={form} labels={labels} errorParams={errorParams} />
      <ConformForm form={form} className="stack section-form">
        <input type="hidden" name="revision" value={revision} />
        {section === 'startup' ? (
          <>
            <Field {...text('startupName')} autoComplete="organization" />
            <SelectField {...common('country')} options={countries} placeholder={t('apply.form.chooseCountry')} />
            <Field {...text('website')} type="url" inputMode="url" autoComplete="url" spellCheck={false} />
            {view.tracks.length > 0 ? (
              <ChoiceField
                {...common('trackId')}
                options={view.tracks.map((track) => ({ value: String(track.id), label: lang === 'fr' ? track.nameFr : track.nameEn }))}
                required
              />
            ) : null}
          </>
        ) : null}
        {section === 'pitch' ? (
          <>
            {/* A textarea, so that a long line wraps on a phone; the schema keeps it on one line. */}
            <TextareaField {...text('oneLiner')} rows={2} />
            <TextareaField {...text('problem')} />
            <TextareaField {...text('solution')} />
            <Field {...text('videoUrl')} type="url" inputMode="url" spellCheck={false} />
          </>
        ) : null}
        {section === 'impact' ? <TextareaField {...text('impact')} rows={10} /> : null}
        {section === 'business' ? (
          <>
            <TextareaField {...text('businessModel')} />
            <TextareaField {...text('traction')} />
          </>
        ) : null}
        {section === 'team' ? <TextareaField {...text('team')} rows={8} /> : null}
        {section === 'consent' ? (
          <ChoiceField
            {...common('consentToPublication')}
            options={[
              { value: 'yes', label: t('apply.consent.yes'), hint: t('apply.consent.yesHint') },
              { value: 'no', label: t('apply.consent.no'), hint: t('apply.consent.noHint') },
            ]}
            required
          />
        ) : null}
        <div className="button-row">
          <button type="submit" name="then" value="next" className="button button--primary button--large" aria-disabled={saving || undefined}>
            {t('apply.form.saveAndContinue')}
          </button>
          <button type="submit" name="then" value="overview" className="button button--ghost button--large" aria-disabled={saving || undefined}>
            {t('apply.form.saveAndReview')}
          </button>
        </div>
        <p className="muted">{t('apply.form.draftNote')}</p>
      </ConformForm>
    </>
  );
}
