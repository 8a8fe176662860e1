/**
 * /apply/:year — the founder reviews every answer (each section with its state and a link to
 * change it), submits, and finds the way to withdraw. After the deadline it is the read-only
 * record of what was submitted.
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { ApplicationAnswers, SectionSavedNotice, sectionPath, useFocusOnArrival } from '~/components/application-sections';
import { ProblemSummary, type SummaryItem } from '~/components/forms';
import { isSectionId, LIMITS, type SectionId } from '~/domain/application';
import { formatNumber, useT, type MessageKey } from '~/i18n';
import { messagesFor } from '~/i18n/messages.server';
import { submitApplication } from '~/utils/applications.server';
import { requireFounder } from '~/utils/auth.server';
import { parseYear, requirePublicEdition } from '~/utils/editions.server';
import { useApplyData } from './apply.$year';
import { mailContext } from '~/utils/mail.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireFounder(request);
  parseYear(params.year);
  const url = new URL(request.url);
  const saved = url.searchParams.get('saved');
  return {
    messages: await messagesFor(request, ['applications']),
    saved: isSectionId(saved) ? saved : null,
    submitted: url.searchParams.get('submitted') === '1',
    stale: url.searchParams.get('stale') === '1',
  };
}

function revisionOf(value: FormDataEntryValue | null): number {
  return typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : -1;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireFounder(request);
  const edition = requirePublicEdition(params.year);
  const form = await request.formData();
  if (form.get('intent') !== 'submit') throw new Response('Bad Request', { status: 400 });
  const result = submitApplication({
    founderId: user.id,
    edition,
    revision: revisionOf(form.get('revision')),
    mail: await mailContext(request),
  });
  if (result.ok) return redirect(`/apply/${edition.year}?submitted=1`);
  switch (result.reason) {
    case 'incomplete':
      return data({ formError: 'apply.submit.incomplete' as MessageKey, problems: result.problems }, { status: 400 });
    // The review on this page is out of date: reload it, and say why.
    case 'stale':
      return redirect(`/apply/${edition.year}?stale=1`);
    case 'notYetOpen':
    case 'closed':
    case 'readOnly':
      return data({ formError: `apply.errors.${result.reason}` as MessageKey, problems: [] }, { status: 403 });
    case 'alreadySubmitted':
      return data({ formError: 'apply.errors.alreadySubmitted' as MessageKey, problems: [] }, { status: 409 });
    case 'notStarted':
      return data({ formError: 'apply.errors.notStarted' as MessageKey, problems: [] }, { status: 400 });
  }
}

export default function ApplicationReview() {
  const view = useApplyData();
  const { saved, submitted, stale } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t, lang } = useT();
  const year = view.edition.year;
  const status = view.application?.status;
  const arrival = useFocusOnArrival<HTMLDivElement>(`review-${submitted}-${saved}-${stale}`);

  const items: SummaryItem[] = (result?.problems ?? []).flatMap(({ section, fieldErrors }) =>
    Object.entries(fieldErrors).map(([field, message]) => ({
      href: `${sectionPath(year, section as SectionId)}#application-${field}`,
      text: t('apply.submit.problem', {
        section: t(`apply.section.${section}.title`),
        message: t(message, { max: formatNumber(lang, LIMITS[field as keyof typeof LIMITS] ?? 0) }),
      }),
    })),
  );

  return (
    <div className="stack">
      <div className="arrival stack" tabIndex={-1} ref={arrival}>
        {submitted && status === 'submitted' ? (
          <div className="panel panel--success" role="status">
            <h2 className="panel__title">{t('apply.submit.doneTitle')}</h2>
            <p>{t('apply.submit.doneBody')}</p>
          </div>
        ) : null}
        {saved && !submitted ? <SectionSavedNotice section={saved} /> : null}
        {stale ? (
          <p className="notice notice--warning" role="alert">
            {t('apply.errors.staleSubmit')}
          </p>
        ) : null}
        <h2 className="apply-content__title">{t(view.editable ? 'apply.review.title' : 'apply.review.titleReadOnly')}</h2>
      </div>
      <ProblemSummary formId="submit" items={items} formErrors={result?.formError ? [t(result.formError)] : []} />

      {view.editable ? <p className="lead">{t(view.application ? 'apply.review.lead' : 'apply.review.leadNew')}</p> : null}
      {!view.application && view.editable ? (
        <p>
          <Link to={sectionPath(year, 'startup')} className="button button--primary button--large">
            {t('apply.start')}
          </Link>
        </p>
      ) : null}

      <ApplicationAnswers
        data={view.answers}
        states={view.sections}
        changeHref={view.editable ? (section) => sectionPath(year, section) : undefined}
      />

      {view.canSubmit ? (
        <Form method="post" id="submit" className="submit-box" noValidate>
          <h2 className="submit-box__title">{t('apply.submit.title')}</h2>
          <p>{t('apply.submit.lead')}</p>
          <input type="hidden" name="intent" value="submit" />
          <input type="hidden" name="revision" value={view.application?.revision ?? 0} />
          <button type="submit" className="button button--primary button--large">
            {t('apply.submit.button')}
          </button>
        </Form>
      ) : null}

      {view.canWithdraw ? (
        <div className="withdraw-box">
          <h2 className="withdraw-box__title">{t('apply.withdraw.title')}</h2>
          <p>{t('apply.withdraw.lead')}</p>
          <Link to={`/apply/${year}/withdraw`} className="button button--danger">
            {t('apply.withdraw.link')}
          </Link>
        </div>
      ) : null}
    </div>
  );
}
