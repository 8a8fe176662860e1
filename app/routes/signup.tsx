import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useNavigation } from '@remix-run/react';
import { ErrorSummary, SubmitButton, TextField } from '~/components/forms';
import { EMAIL_MAX_LENGTH, NAME_MAX_LENGTH, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '~/domain/account';
import { useT } from '~/i18n';
import { titleMeta } from '~/i18n/meta';
import { AuthFailure, authenticate, getUser, homeOf } from '~/utils/auth.server';

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, 'signup.title');

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  if (user) throw redirect(homeOf(user));
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  try {
    const { setCookie } = await authenticate('signup', request, context);
    return redirect('/me', { headers: { 'Set-Cookie': setCookie } });
  } catch (error) {
    if (error instanceof AuthFailure) {
      const status = error.formError === 'errors.auth.tooManyAttempts' ? 429 : 400;
      return data(
        { fieldErrors: error.fieldErrors, formError: error.formError, params: error.params, values: error.values },
        { status },
      );
    }
    throw error;
  }
}

export default function Signup() {
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useT();
  const errors = result?.fieldErrors ?? {};
  return (
    <div className="page page--narrow">
      <h1>{t('signup.title')}</h1>
      <p className="lead">{t('signup.lead')}</p>
      <ErrorSummary
        errors={errors}
        fieldLabels={{ name: t('fields.name'), email: t('fields.email'), password: t('fields.password') }}
        formError={result?.formError}
        formErrorParams={result?.params}
      />
      <Form method="post" className="stack" noValidate>
        <TextField
          name="name"
          label={t('fields.name')}
          autoComplete="name"
          required
          maxLength={NAME_MAX_LENGTH}
          defaultValue={result?.values.name ?? ''}
          error={errors.name}
        />
        <TextField
          name="email"
          type="email"
          label={t('fields.email')}
          autoComplete="email"
          required
          maxLength={EMAIL_MAX_LENGTH}
          defaultValue={result?.values.email ?? ''}
          error={errors.email}
        />
        <TextField
          name="password"
          type="password"
          label={t('fields.password')}
          hint={t('signup.passwordHint', { min: PASSWORD_MIN_LENGTH })}
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN_LENGTH}
          maxLength={PASSWORD_MAX_LENGTH}
          error={errors.password}
          errorParams={{ min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH }}
        />
        <SubmitButton busy={navigation.state === 'submitting'}>{t('signup.submit')}</SubmitButton>
      </Form>
      <p>
        {t('signup.haveAccount')} <Link to="/login">{t('signup.loginLink')}</Link>
      </p>
    </div>
  );
}
