import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useActionData, useNavigation, useSearchParams } from '@remix-run/react';
import { ConformForm, ErrorSummary, Field, SubmitButton, useSchemaForm } from '~/components/forms';
import { loginSchema, safeRedirect } from '~/domain/account';
import { replyOf } from '~/domain/form-reply';
import { titleMeta, useT } from '~/i18n';
import { AuthFailure, authenticate, getUser, homeOf } from '~/utils/auth.server';
import { parseForm, refusedAuth, replyTo } from '~/utils/form.server';
import { getLanguage } from '~/utils/language.server';
import { messagesFor } from '~/i18n/messages.server';
import { DoneNotice } from '~/components/notices';

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, 'login.title');

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  if (user) {
    const to = new URL(request.url).searchParams.get('redirectTo');
    throw redirect(safeRedirect(to, homeOf(user)));
  }
  return { messages: await messagesFor(request, ['recovery']) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const redirectTo = new URL(request.url).searchParams.get('redirectTo');
  const form = await request.clone().formData();
  const submission = parseForm(form, loginSchema);
  if (submission.status !== 'success') return replyTo('login', submission.reply({ hideFields: ['password'] }));
  try {
    const { user, setCookie } = await authenticate('login', request, context);
    return redirect(safeRedirect(form.get('redirectTo') ?? redirectTo, homeOf(user)), {
      headers: { 'Set-Cookie': setCookie },
    });
  } catch (error) {
    if (error instanceof AuthFailure) return refusedAuth('login', submission, error);
    throw error;
  }
}

export default function Login() {
  const answer = useActionData<typeof action>();
  const { t } = useT();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const redirectTo = params.get('redirectTo') ?? '';
  const [form, fields] = useSchemaForm({ id: 'login', schema: loginSchema, lastResult: replyOf(answer, 'login') });
  return (
    <div className="page page--narrow">
      <h1>{t('login.title')}</h1>
      {params.get('reset') === '1' ? <DoneNotice>{t('reset.done')}</DoneNotice> : null}
      <ErrorSummary form={form} labels={{ email: t('fields.email'), password: t('fields.password') }} />
      <ConformForm form={form} className="stack">
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <Field meta={fields.email} type="email" label={t('fields.email')} autoComplete="email" />
        <Field meta={fields.password} type="password" label={t('fields.password')} autoComplete="current-password" />
        <SubmitButton busy={navigation.state === 'submitting'}>{t('login.submit')}</SubmitButton>
      </ConformForm>
      <p className="after-form">
        <Link to="/forgot-password">{t('login.forgotLink')}</Link>
      </p>
      <p>
        {t('login.noAccount')} <Link to="/signup">{t('login.signupLink')}</Link>
      </p>
    </div>
  );
}
