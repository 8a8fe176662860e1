/**
 * /forgot-password — asks for a link to choose a new password. The answer is the same whether or
 * not the address has an account; asking is rate-limited (docs/decisions/029).
 */
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useActionData, useNavigation } from '@remix-run/react';
import { ConformForm, ErrorSummary, Field, SubmitButton, useSchemaForm } from '~/components/forms';
import { DoneNotice } from '~/components/notices';
import { forgotPasswordSchema } from '~/domain/account';
import { formMessage, replyOf } from '~/domain/form-reply';
import { titleMeta, useT } from '~/i18n';
import { messagesFor } from '~/i18n/messages.server';
import { parseForm, replyTo } from '~/utils/form.server';
import { mailContext } from '~/utils/mail.server';
import { requestPasswordReset } from '~/utils/password-reset.server';
import { clientOf } from '~/utils/request.server';

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, 'forgot.title');

export async function loader({ request }: LoaderFunctionArgs) {
  return { messages: await messagesFor(request, ['recovery']) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseForm(await request.formData(), forgotPasswordSchema);
  if (submission.status !== 'success') return replyTo('forgot', submission.reply());
  const { email } = submission.value;
  const { waitMinutes } = requestPasswordReset({ email, ip: clientOf(request, context).ip, mail: await mailContext(request) });
  if (waitMinutes > 0) {
    return replyTo('forgot', submission.reply({ formErrors: [formMessage('errors.auth.tooManyAttempts', { minutes: waitMinutes })] }), 429);
  }
  return data({ sent: email });
}

export default function ForgotPassword() {
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useT();
  const sent = answer && 'sent' in answer ? answer.sent : null;
  const [form, fields] = useSchemaForm({ id: 'forgot', schema: forgotPasswordSchema, lastResult: replyOf(answer, 'forgot') });
  return (
    <div className="page page--narrow">
      <h1>{t('forgot.title')}</h1>
      {sent ? (
        <DoneNotice>{t('forgot.sent', { email: sent })}</DoneNotice>
      ) : (
        <>
          <p className="lead">{t('forgot.lead')}</p>
          <ErrorSummary form={form} labels={{ email: t('fields.email') }} />
          <ConformForm form={form} className="stack">
            <Field meta={fields.email} type="email" label={t('fields.email')} autoComplete="email" />
            <SubmitButton busy={navigation.state === 'submitting'}>{t('forgot.submit')}</SubmitButton>
          </ConformForm>
        </>
      )}
      <p>
        <Link to="/login">{t('signup.loginLink')}</Link>
      </p>
    </div>
  );
}
