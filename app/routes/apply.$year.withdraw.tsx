/**
 * /apply/:year/withdraw — the confirmation step before withdrawing (a page of its own, so it
 * works without JavaScript). A withdrawn application leaves every ranking; the change is audited,
 * with the reason the founder gives, if any.
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData } from '@remix-run/react';
import { ProblemSummary, TextAreaField } from '~/components/application-fields';
import { canWithdraw } from '~/domain/application';
import { useT, type MessageKey } from '~/i18n';
import { tOf } from '~/i18n/meta';
import { messagesFor } from '~/i18n/messages.server';
import { founderApplication, withdrawApplication } from '~/utils/applications.server';
import { requireFounder } from '~/utils/auth.server';
import { requireEdition } from '~/utils/editions.server';
import { useApplyData } from './apply.$year';

const WITHDRAW_REASON_MAX = 500;

export const meta: MetaFunction = ({ matches }) => {
  const { t } = tOf(matches);
  return [{ title: `${t('apply.withdraw.confirmTitle')} — Palmarès` }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireFounder(request);
  const edition = requireEdition(params.year);
  const application = founderApplication(edition.id, user.id);
  if (!application || !canWithdraw(application.status, edition.status)) throw redirect(`/apply/${edition.year}`);
  return { messages: await messagesFor(request, ['applications']) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireFounder(request);
  const edition = requireEdition(params.year);
  const form = await request.formData();
  const reason = typeof form.get('reason') === 'string' ? String(form.get('reason')) : '';
  if (reason.trim().length > WITHDRAW_REASON_MAX) {
    return data({ fieldErrors: { reason: 'apply.errors.tooLong' as MessageKey }, formError: null, reason }, { status: 400 });
  }
  const result = withdrawApplication({ founderId: user.id, edition, reason });
  if (result.ok) return redirect(`/apply/${edition.year}`);
  return data({ fieldErrors: {}, formError: `apply.withdraw.errors.${result.reason}` as const, reason }, { status: 409 });
}

export default function WithdrawApplication() {
  const view = useApplyData();
  const result = useActionData<typeof action>();
  const { t } = useT();
  const errors: Partial<Record<'reason', MessageKey>> = result?.fieldErrors ?? {};
  const startup = view.application?.startupName || t('me.untitled');
  return (
    <div className="stack">
      <ProblemSummary
        items={
          errors.reason
            ? [{ href: '#field-reason', text: t('forms.summaryItem', { label: t('apply.withdraw.reason'), message: t(errors.reason, { max: WITHDRAW_REASON_MAX }) }) }]
            : []
        }
        formError={result?.formError ? t(result.formError) : null}
      />
      <h2 className="apply-content__title">{t('apply.withdraw.confirmTitle')}</h2>
      <div className="warning-box">
        <p>
          <strong>{t('apply.withdraw.confirmLead', { startup, edition: view.edition.name })}</strong>
        </p>
        <ul>
          <li>{t('apply.withdraw.consequenceRanking')}</li>
          <li>{t('apply.withdraw.consequenceFinal')}</li>
          <li>{t('apply.withdraw.consequenceRecord')}</li>
        </ul>
      </div>
      <Form method="post" className="stack" noValidate>
        <TextAreaField
          name="reason"
          label={t('apply.withdraw.reason')}
          hint={t('apply.withdraw.reasonHint', { max: WITHDRAW_REASON_MAX })}
          optional
          rows={3}
          maxLength={WITHDRAW_REASON_MAX}
          defaultValue={result?.reason ?? ''}
          error={errors.reason}
          errorParams={{ max: WITHDRAW_REASON_MAX }}
        />
        <div className="button-row">
          <button type="submit" className="button button--danger button--large">
            {t('apply.withdraw.confirm')}
          </button>
          <Link to={`/apply/${view.edition.year}`} className="button button--ghost button--large">
            {t('apply.withdraw.cancel')}
          </Link>
        </div>
      </Form>
    </div>
  );
}
