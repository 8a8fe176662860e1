import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useNavigation, useSearchParams } from '@remix-run/react';
import { ErrorSummary, SubmitButton, TextField } from '~/components/forms';
import { safeRedirect } from '~/domain/account';
import { useT } from '~/i18n';
import { titleMeta } from '~/i18n/meta';
import { AuthFailure, authenticate, getUser, homeOf } from '~/utils/auth.server';
import { getLanguage } from '~/utils/language.server';

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, 'login.title');

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  if (user) {
    const to = new URL(request.url).searchParams.get('redirectTo');
    throw redirect(safeRedirect(to, homeOf(user)));
  }
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const redirectTo = new URL(request.url).searchParams.get('redirectTo');
  try {
    const form = await request.clone().formData();
    const { user, setCookie } = await authenticate('login', request, context);
    return redirect(safeRedirect(form.get('redirectTo') ?? redirectTo, homeOf(user)), {
      headers: { 'Set-Cookie': setCookie },
    });
  } catch (error) {
    if (error instanceof AuthFailure) {
      const status = error.formError === 'errors.auth.tooManyAttempts' ? 429 : 400;
      return data(
        { fieldErrors: error.fieldErrors, formError: error.formError, params: error.params, values: { email: error.values.email } },
        { status },
      );
    }
    throw error;
  }
}

export default function Login() {
  const result = useActionData<typeof action>();
  const { t } = useT();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const redirectTo = params.get('redirectTo') ?? '';
  const errors = result?.fieldErrors ?? {};
  return (
    <div className="page page--narrow">
      <h1>{t('login.title')}</h1>
      <ErrorSummary
        errors={errors}
        fieldLabels={{ email: t('fields.email'), password: t('fields.password') }}
        formError={result?.formError}
        formErrorParams={result?.params}
      />
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField
          name="email"
          type="email"
          label={t('fields.email')}
          autoComplete="email"
          required
          defaultValue={result?.values.email ?? ''}
          error={errors.email}
        />
        <TextField
          name="password"
          type="password"
          label={t('fields.password')}
          autoComplete="current-password"
          required
          error={errors.password}
        />
        <SubmitButton busy={navigation.state === 'submitting'}>{t('login.submit')}</SubmitButton>
      </Form>
      <p>
        {t('login.noAccount')} <Link to="/signup">{t('login.signupLink')}</Link>
      </p>
    </div>
  );
}
