/**
 * /organise/:year/settings — the edition's status and settings. Status: each step the machine
 * offers from here (app/domain/edition-status.ts) is a button under its pre-check summary, with a
 * confirmation or a reason where the step asks for one; publication is a link to the results page,
 * which seals and publishes. Settings: names, dates, place, window (Paris time, with the exact
 * instants), descriptions; the year is fixed. Rules in app/utils/edition-settings.server.ts.
 */
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { EDITION_ERROR_PARAMS, EditionFields, useEditionLabels } from '~/components/edition-form';
import { CheckboxField, ConformForm, ErrorSummary, FormActions, TextareaField, useSchemaForm } from '~/components/forms';
import { DoneNotice } from '~/components/notices';
import { StatusBadge } from '~/components/StatusBadge';
import { EDITION_TIME_ZONE, exactInstant, instantToLocal, localToInstant } from '~/domain/edition-time';
import { EDITION_LIMITS, editionSettingsSchema, editionStepSchema } from '~/domain/edition-form';
import type { StepCheck } from '~/domain/edition-status';
import { replyOf } from '~/domain/form-reply';
import type { EditionStatus } from '~/domain/statuses';
import { useT } from '~/i18n';
import styles from '~/styles/judging-setup.css';
import { statusSteps, stepEdition, updateEditionSettings, windowConfirmationShown } from '~/utils/edition-settings.server';
import { attempt, parseForm, replyTo } from '~/utils/form.server';
import { organiserAction, organiserPage } from '~/utils/organiser-page.server';
import { organiserPageHead } from '~/utils/organiser-page';

export const { links, meta } = organiserPageHead(styles, 'editions.tabs.settings');

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { edition, messages } = await organiserPage(request, params, ['editions', 'judging']);
  const opensAt = instantToLocal(edition.applicationsOpenAt, EDITION_TIME_ZONE);
  const closesAt = instantToLocal(edition.applicationsCloseAt, EDITION_TIME_ZONE);
  const ambiguous = (local: string) => {
    const result = localToInstant(local, EDITION_TIME_ZONE);
    return result.ok && result.ambiguous;
  };
  return {
    messages,
    edition: { id: edition.id, year: edition.year, status: edition.status },
    values: {
      nameEn: edition.name,
      nameFr: edition.nameFr,
      city: edition.city,
      venue: edition.venue,
      startsOn: edition.startsOn,
      endsOn: edition.endsOn,
      opensAt,
      closesAt,
      descriptionFr: edition.descriptionFr,
      descriptionEn: edition.descriptionEn,
    },
    exact: {
      opensAt: exactInstant(edition.applicationsOpenAt, EDITION_TIME_ZONE),
      closesAt: exactInstant(edition.applicationsCloseAt, EDITION_TIME_ZONE),
      opensAmbiguous: ambiguous(opensAt),
      closesAmbiguous: ambiguous(closesAt),
    },
    showConfirmDeadline: windowConfirmationShown(edition),
    steps: statusSteps(edition.id),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { edition, formData, intent, act } = await organiserAction(request, params);
  switch (intent) {
    case 'edition.update': {
      const submission = parseForm(formData, editionSettingsSchema);
      if (submission.status !== 'success') return replyTo(intent, submission.reply());
      return attempt(intent, submission, () => {
        updateEditionSettings(edition.id, submission.value, act);
        return redirect(`/organise/${edition.year}/settings?done=updated#settings`);
      });
    }
    case 'edition.step': {
      const submission = parseForm(formData, editionStepSchema);
      const form = `${intent}:${formData.get('to') ?? ''}`;
      if (submission.status !== 'success') return replyTo(form, submission.reply());
      const { from, to, reason, confirm } = submission.value;
      return attempt(form, submission, () => {
        stepEdition(edition.id, { from, to, reason, confirm: confirm === 'yes' }, act);
        return redirect(`/organise/${edition.year}/settings?done=stepped#status`);
      });
    }
    default:
      throw new Response('Bad Request', { status: 400 });
  }
}

export default function EditionSettings() {
  const { edition, values, exact, showConfirmDeadline, steps } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useT();
  const labels = useEditionLabels();
  const [search] = useSearchParams();
  const done = search.get('done');
  const [form, fields] = useSchemaForm({ id: 'edition-settings', schema: editionSettingsSchema, lastResult: replyOf(answer, 'edition.update'), defaultValue: values });

  return (
    <div className="judging-setup">
      {done === 'created' ? <DoneNotice>{t('editions.done.created', { year: edition.year })}</DoneNotice> : null}

      <section id="status" aria-labelledby="status-title" className="setup-section">
        <h2 id="status-title">{t('editions.status.title')}</h2>
        {done === 'stepped' ? <DoneNotice>{t('editions.done.stepped', { status: t(`status.edition.${edition.status}`) })}</DoneNotice> : null}
        <p>
          {t('editions.status.current')}{' '}
          <StatusBadge kind="edition" status={edition.status} />
        </p>
        <p className="muted">{t('editions.status.lead')}</p>
        {steps.length === 0 ? (
          <p>{t('editions.status.none')}</p>
        ) : (
          <ul className="item-list">
            {steps.map((step) => (
              <StepItem key={step.to} year={edition.year} from={edition.status} to={step.to} check={step.check} answer={answer} />
            ))}
          </ul>
        )}
      </section>

      <section id="settings" aria-labelledby="settings-title" className="setup-section">
        <h2 id="settings-title">{t('editions.tabs.settings')}</h2>
        {done === 'updated' ? <DoneNotice>{t('editions.done.updated')}</DoneNotice> : null}
        <p>
          {labels.year}: <strong>{edition.year}</strong> <span className="muted">({t('editions.fields.yearHint')})</span>
        </p>
        <ConformForm form={form} className="setup-form edition-form" preventScrollReset>
          <ErrorSummary form={form} labels={labels} errorParams={EDITION_ERROR_PARAMS} />
          <input type="hidden" name="intent" value="edition.update" />
          <EditionFields fields={fields} exact={exact} showConfirmDeadline={showConfirmDeadline} />
          <FormActions submitLabel={t('editions.save')} />
        </ConformForm>
      </section>
    </div>
  );
}

function stepTitleKey(from: EditionStatus, to: EditionStatus) {
  if (from === 'judging' && to === 'open') return 'editions.step.back.open' as const;
  return `editions.step.to.${to as Exclude<EditionStatus, 'draft'>}` as const;
}

function StepItem({
  year,
  from,
  to,
  check,
  answer,
}: {
  year: number;
  from: EditionStatus;
  to: EditionStatus;
  check: StepCheck;
  answer: unknown;
}) {
  const { t } = useT();
  const formId = `edition.step:${to}`;
  const [form, fields] = useSchemaForm({ id: `step-${to}`, schema: editionStepSchema, lastResult: replyOf(answer, formId) });
  const title = t(stepTitleKey(from, to));
  return (
    <li className="item" data-testid={`step-${to}`}>
      <div className="item__body">
        <h3 className="item__title">{title}</h3>
        {check.allowed ? (
          <ul>
            {check.notes.map((note) => (
              <li key={note.key}>{t(note.key, note.params)}</li>
            ))}
          </ul>
        ) : (
          <p>
            <span className="muted">{to === 'published' ? null : `${t('editions.step.blocked')} `}</span>
            {t(check.refusal)}
          </p>
        )}
      </div>
      {to === 'published' ? (
        <Link to={`/organise/${year}/results`} className="button button--ghost">
          {t('editions.step.goPublish')}
        </Link>
      ) : check.allowed ? (
        <ConformForm form={form} className="step-form" preventScrollReset>
          <ErrorSummary
            form={form}
            labels={{ reason: t('editions.step.reason'), confirm: t('editions.step.confirm') }}
            errorParams={{ reason: { max: EDITION_LIMITS.reason } }}
            level={3}
          />
          <input type="hidden" name="intent" value="edition.step" />
          <input type="hidden" name="from" value={from} />
          <input type="hidden" name="to" value={to} />
          {check.needsReason ? (
            <TextareaField meta={fields.reason} label={t('editions.step.reason')} hint={t('editions.step.reasonHint')} rows={2} />
          ) : null}
          {check.needsConfirmation ? <CheckboxField meta={fields.confirm} value="yes" label={t('editions.step.confirm')} /> : null}
          <button type="submit" className={`button ${check.direction === 'back' ? 'button--danger' : 'button--primary'}`}>
            {t(check.direction === 'back' ? 'editions.step.submit.back' : `editions.step.submit.${to as 'open' | 'judging' | 'final'}`)}
          </button>
        </ConformForm>
      ) : null}
    </li>
  );
}
