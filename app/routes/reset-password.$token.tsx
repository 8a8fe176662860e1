/**
 * /reset-password/:token — the link of a password-reset mail: a new password under sign-up's rule;
 * the link is then used up and every session of the account ends (docs/decisions/029).
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { ConformForm, ErrorSummary, NewPasswordField, PASSWORD_LENGTHS, SubmitButton, useSchemaForm } from '~/components/forms';
import { resetPasswordSchema } from '~/domain/account';
import { replyOf } from '~/domain/form-reply';
import { isRefusal } from '~/domain/refusal';
import { titleMeta, useT } from '~/i18n';
import { messagesFor } from '~/i18n/messages.server';
import { parseForm, refusedForm, replyTo } from '~/utils/form.server';
import { hashPassword } from '~/utils/password.server';
import { findPasswordReset, resetPassword } from '~/utils/password-reset.server';

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, 'reset.title');

export async function loader({ request, params }: LoaderFunctionArgs) {
  const reset = findPasswordReset(params.token ?? '');
  const messages = await messagesFor(request, ['recovery']);
  // A dead link is a page of its own (410), never a hint about the account.
  if (!reset) return data({ messages, email: null }, { status: 410 });
  return { messages, email: reset.email };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const submission = parseForm(await request.formData(), resetPasswordSchema);
  if (submission.status !== 'success') return replyTo('reset', submission.reply({ hideFields: ['password'] }));
  const token = params.token ?? '';
  // Checked before the (slow) hash so a dead link answers at once; checked again in the transaction.
  if (!findPasswordReset(token)) return data({ messages: null, invalid: true }, { status: 410 });
  const passwordHash = await hashPassword(submission.value.password);
  try {
    resetPassword({ token, passwordHash });
  } catch (error) {
    if (isRefusal(error)) return refusedForm('reset', submission, error);
    throw error;
  }
  return redirect('/login?reset=1');
}

export default function ResetPassword() {
  const { email } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useT();
  const [form, fields] = useSchemaForm({ id: 'reset', schema: resetPasswordSchema, lastResult: replyOf(answer, 'reset') });
  if (!email || (answer && 'invalid' in answer)) {
    return (
      <div className="page page--narrow">
        <h1>{t('reset.invalid.title')}</h1>
        <p>{t('reset.invalid.body')}</p>
        <p>
          <Link to="/forgot-password" className="button">
            {t('reset.invalid.action')}
          </Link>
        </p>
      </div>
    );
  }
  return (
    <div className="page page--narrow">
      <h1>{t('reset.title')}</h1>
      <p className="lead">{t('reset.lead', { email })}</p>
      <ErrorSummary form={form} labels={{ password: t('fields.newPassword') }} errorParams={{ password: PASSWORD_LENGTHS }} />
      <ConformForm form={form} className="stack">
        <input type="hidden" name="username" value={email} autoComplete="username" />
        <NewPasswordField meta={fields.password} label={t('fields.newPassword')} />
        <SubmitButton busy={navigation.state === 'submitting'}>{t('reset.submit')}</SubmitButton>
      </ConformForm>
    </div>
  );
}
