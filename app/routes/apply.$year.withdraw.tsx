/**
 * /apply/:year/withdraw — the confirmation step before withdrawing (a page of its own, so it
 * works without JavaScript). A withdrawn application leaves every ranking; the change is audited,
 * with the reason the founder gives, if any.
 */
import { editionName } from '~/domain/edition';
import { plainText } from '~/domain/text';
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useActionData } from '@remix-run/react';
import { z } from 'zod';
import { ConformForm, ErrorSummary, TextareaField, useSchemaForm } from '~/components/forms';
import { formMessage, replyOf } from '~/domain/form-reply';
import { canWithdraw } from '~/domain/application';
import { type MessageKey, tOf, useT } from '~/i18n';
import { messagesFor } from '~/i18n/messages.server';
import { founderApplication, withdrawApplication } from '~/utils/applications.server';
import { parseForm, replyTo } from '~/utils/form.server';
import { requireFounder } from '~/utils/auth.server';
import { requirePublicEdition } from '~/utils/editions.server';
import { useApplyData } from './apply.$year';

const WITHDRAW_REASON_MAX = 500;

/** The optional reason for withdrawing; the service stores it as typed. */
const withdrawSchema = z.object({
  reason: plainText(z.string().refine((reason) => reason.trim().length <= WITHDRAW_REASON_MAX, 'apply.errors.tooLong')).default(''),
});

export const meta: MetaFunction = ({ matches }) => {
  const { t } = tOf(matches);
  return [{ title: `${t('apply.withdraw.confirmTitle')} — Palmarès` }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireFounder(request);
  const edition = requirePublicEdition(params.year);
  const application = founderApplication(edition.id, user.id);
  if (!application || !canWithdraw(application.status, edition.status)) throw redirect(`/apply/${edition.year}`);
  return { messages: await messagesFor(request, ['applications']) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireFounder(request);
  const edition = requirePublicEdition(params.year);
  const submission = parseForm(await request.formData(), withdrawSchema);
  if (submission.status !== 'success') return replyTo('withdraw', submission.reply());
  const result = withdrawApplication({ founderId: user.id, edition, reason: submission.value.reason });
  if (result.ok) return redirect(`/apply/${edition.year}`);
  return replyTo('withdraw', submission.reply({ formErrors: [formMessage(`apply.withdraw.errors.${result.reason}`)] }), 409);
}

export default function WithdrawApplication() {
  const view = useApplyData();
  const [form, fields] = useSchemaForm({ id: 'withdraw', schema: withdrawSchema, lastResult: replyOf(useActionData<typeof action>(), 'withdraw') });
  const { t, lang } = useT();
  const params = { max: WITHDRAW_REASON_MAX };
  const startup = view.application?.startupName || t('me.untitled');
  return (
    <div className="stack">
      <ErrorSummary form={form} labels={{ reason: t('apply.withdraw.reason') }} errorParams={{ reason: params }} />
      <h2 className="apply-content__title">{t('apply.withdraw.confirmTitle')}</h2>
      <div className="warning-box">
        <p>
          <strong>{t('apply.withdraw.confirmLead', { startup, edition: editionName(view.edition, lang) })}</strong>
        </p>
        <ul>
          <li>{t('apply.withdraw.consequenceRanking')}</li>
          <li>{t('apply.withdraw.consequenceFinal')}</li>
          <li>{t('apply.withdraw.consequenceRecord')}</li>
        </ul>
      </div>
      <ConformForm form={form} className="stack">
        <TextareaField
          meta={fields.reason}
          label={t('apply.withdraw.reason')}
          hint={t('apply.withdraw.reasonHint', params)}
          optional
          rows={3}
          maxLength={WITHDRAW_REASON_MAX}
          errorParams={params}
        />
        <div className="button-row">
          <button type="submit" className="button button--danger button--large">
            {t('apply.withdraw.confirm')}
          </button>
          <Link to={`/apply/${view.edition.year}`} className="button button--ghost button--large">
            {t('apply.withdraw.cancel')}
          </Link>
        </div>
      </ConformForm>
    </div>
  );
}
