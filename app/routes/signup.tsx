import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useActionData, useNavigation } from '@remix-run/react';
import { ConformForm, ErrorSummary, Field, NewPasswordField, PASSWORD_LENGTHS, SubmitButton, useSchemaForm } from '~/components/forms';
import { signupSchema } from '~/domain/account';
import { replyOf } from '~/domain/form-reply';
import { titleMeta, useT } from '~/i18n';
import { AuthFailure, authenticate, getUser, homeOf } from '~/utils/auth.server';
import { parseForm, refusedAuth, replyTo } from '~/utils/form.server';

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, 'signup.title');

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  if (user) throw redirect(homeOf(user));
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseForm(await request.clone().formData(), signupSchema);
  if (submission.status !== 'success') return replyTo('signup', submission.reply({ hideFields: ['password'] }));
  try {
    const { setCookie } = await authenticate('signup', request, context);
    return redirect('/me', { headers: { 'Set-Cookie': setCookie } });
  } catch (error) {
    if (error instanceof AuthFailure) return refusedAuth('signup', submission, error);
    throw error;
  }
}

export default function Signup() {
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useT();
  const [form, fields] = useSchemaForm({ id: 'signup', schema: signupSchema, lastResult: replyOf(answer, 'signup') });
  return (
    <div className="page page--narrow">
      <h1>{t('signup.title')}</h1>
      <p className="lead">{t('signup.lead')}</p>
      <ErrorSummary
        form={form}
        labels={{ name: t('fields.name'), email: t('fields.email'), password: t('fields.password') }}
        errorParams={{ password: PASSWORD_LENGTHS }}
      />
      <ConformForm form={form} className="stack">
        <Field meta={fields.name} label={t('fields.name')} autoComplete="name" />
        <Field meta={fields.email} type="email" label={t('fields.email')} autoComplete="email" />
        <NewPasswordField meta={fields.password} label={t('fields.password')} />
        <SubmitButton busy={navigation.state === 'submitting'}>{t('signup.submit')}</SubmitButton>
      </ConformForm>
      <p>
        {t('signup.haveAccount')} <Link to="/login">{t('signup.loginLink')}</Link>
      </p>
    </div>
  );
}
