import type { SubmissionResult } from '@conform-to/react';
import { createRemixStub } from '@remix-run/testing';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ConformForm, ErrorSummary, Field, SubmitButton, useSchemaForm } from '~/components/forms';
import { LanguageSwitch } from '~/components/LanguageSwitch';
import { StatusBadge } from '~/components/StatusBadge';
import { loginSchema, signupSchema } from '~/domain/account';
import { formMessage } from '~/domain/form-reply';
import type { Lang } from '~/i18n';
import { messagesIn } from '~/i18n/messages.server';

/** Renders inside a root route whose loader gives the language, as the real root does. */
function renderIn(lang: Lang, ui: () => JSX.Element) {
  const Stub = createRemixStub([
    { id: 'root', path: '/', loader: () => ({ lang, user: null, messages: messagesIn(lang, ['core', 'scoring', 'stage']) }), Component: ui, HydrateFallback: () => null },
  ]);
  render(<Stub />);
}

/** The log-in form as a page renders it, given the server's last answer (as without JavaScript). */
function LoginForm({ lastResult, hint }: { lastResult?: SubmissionResult<string[]>; hint?: string }) {
  const [form, fields] = useSchemaForm({ id: 'login', schema: loginSchema, lastResult });
  return (
    <>
      <ErrorSummary form={form} labels={{ email: 'Email address', password: 'Password' }} />
      <ConformForm form={form}>
        <Field meta={fields.email} type="email" label="Email address" hint={hint} />
        <Field meta={fields.password} type="password" label="Password" />
        <SubmitButton>Log in</SubmitButton>
      </ConformForm>
    </>
  );
}

describe('Field', () => {
  it('ties the label, the hint and the error to the input, and keeps what was typed', async () => {
    const lastResult = { status: 'error' as const, initialValue: { email: 'nope' }, error: { email: ['errors.email.invalid'] } };
    renderIn('en', () => <LoginForm lastResult={lastResult} hint="We never share it" />);
    const input = await screen.findByLabelText('Email address');
    expect(input).toHaveValue('nope');
    expect(input).toHaveAttribute('id', 'login-email');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(/We never share it.*Enter an email address like name@example.org/);
    expect(screen.getByLabelText('Password')).not.toHaveAttribute('aria-invalid');
  });

  it('says the error in French, with the numbers the field gives', async () => {
    function Signup() {
      const [form, fields] = useSchemaForm({
        id: 'signup',
        schema: signupSchema,
        lastResult: { status: 'error', initialValue: {}, error: { password: ['errors.password.tooShort'] } },
      });
      return (
        <ConformForm form={form}>
          <Field meta={fields.password} type="password" label="Mot de passe" errorParams={{ min: 12 }} />
        </ConformForm>
      );
    }
    renderIn('fr', () => <Signup />);
    expect(await screen.findByText('Le mot de passe doit comporter au moins 12 caractères')).toBeInTheDocument();
  });
});

describe('ErrorSummary', () => {
  it('lists each error as a link to its field and takes focus', async () => {
    const lastResult = { status: 'error' as const, initialValue: { email: 'nope' }, error: { email: ['errors.email.invalid'] } };
    renderIn('en', () => <LoginForm lastResult={lastResult} />);
    const summary = await screen.findByRole('alert');
    await waitFor(() => expect(summary).toHaveFocus());
    const link = screen.getByRole('link', { name: 'Email address: Enter an email address like name@example.org' });
    expect(link).toHaveAttribute('href', '#login-email');
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
  });

  it('renders nothing when there is no error', async () => {
    renderIn('en', () => <LoginForm />);
    await screen.findByLabelText('Email address');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows a form-wide message with its parameters', async () => {
    const lastResult = { status: 'error' as const, initialValue: {}, error: { '': [formMessage('errors.auth.tooManyAttempts', { minutes: 7 })] } };
    renderIn('fr', () => <LoginForm lastResult={lastResult} />);
    expect(await screen.findByText('Trop de tentatives. Réessayez dans 7 minutes.')).toBeInTheDocument();
  });

  it('with JavaScript, the browser checks the same schema before posting and the summary takes focus', async () => {
    renderIn('en', () => <LoginForm />);
    fireEvent.change(await screen.findByLabelText('Email address'), { target: { value: 'name@example.org' } });
    fireEvent.click(screen.getByRole('button', { name: 'Log in' }));
    const summary = await screen.findByRole('alert');
    expect(screen.getByRole('link', { name: 'Password: Enter your password' })).toHaveAttribute('href', '#login-password');
    await waitFor(() => expect(summary).toHaveFocus());
    expect(screen.getByLabelText('Password')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Email address')).toHaveValue('name@example.org');
  });
});

describe('LanguageSwitch', () => {
  it('offers both languages as buttons of one form and marks the current one without colour', async () => {
    renderIn('fr', () => <LanguageSwitch redirectTo="/me" />);
    const french = await screen.findByRole('button', { name: 'Afficher en français' });
    const english = screen.getByRole('button', { name: 'Show in English' });
    expect(french).toHaveAttribute('aria-pressed', 'true');
    expect(english).toHaveAttribute('aria-pressed', 'false');
    expect(english).toHaveAttribute('value', 'en');
    expect(english.closest('form')).toHaveAttribute('action', '/set-language');
    expect(english.closest('form')).toHaveAttribute('method', 'post');
  });
});

describe('StatusBadge', () => {
  it('says the status in words', async () => {
    renderIn('fr', () => <StatusBadge kind="application" status="not_selected" />);
    expect(await screen.findByText('Non retenue')).toBeInTheDocument();
  });
});
