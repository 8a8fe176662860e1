import { createRemixStub } from '@remix-run/testing';
import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ErrorSummary, TextField } from '~/components/forms';
import { LanguageSwitch } from '~/components/LanguageSwitch';
import { StatusBadge } from '~/components/StatusBadge';
import type { Lang } from '~/i18n';
import { messagesIn } from '~/i18n/messages.server';

/** Renders inside a root route whose loader gives the language, as the real root does. */
function renderIn(lang: Lang, ui: () => JSX.Element) {
  const Stub = createRemixStub([
    { id: 'root', path: '/', loader: () => ({ lang, user: null, messages: messagesIn(lang, ['core', 'scoring', 'stage']) }), Component: ui, HydrateFallback: () => null },
  ]);
  render(<Stub />);
}

describe('TextField', () => {
  it('ties the label, the hint and the error to the input', async () => {
    renderIn('en', () => (
      <TextField name="email" label="Email address" hint="We never share it" error="errors.email.invalid" defaultValue="nope" />
    ));
    const input = await screen.findByLabelText('Email address');
    expect(input).toHaveValue('nope');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(/We never share it.*Enter an email address like name@example.org/);
  });

  it('says the error in French when the page is in French', async () => {
    renderIn('fr', () => <TextField name="password" label="Mot de passe" error="errors.password.tooShort" errorParams={{ min: 12 }} />);
    expect(await screen.findByText('Le mot de passe doit comporter au moins 12 caractères')).toBeInTheDocument();
  });
});

describe('ErrorSummary', () => {
  it('lists each error as a link to its field and takes focus', async () => {
    renderIn('en', () => (
      <ErrorSummary errors={{ email: 'errors.email.invalid', password: undefined }} fieldLabels={{ email: 'Email address' }} />
    ));
    const summary = await screen.findByRole('alert');
    await waitFor(() => expect(summary).toHaveFocus());
    const link = screen.getByRole('link', { name: 'Email address: Enter an email address like name@example.org' });
    expect(link).toHaveAttribute('href', '#field-email');
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
  });

  it('renders nothing when there is no error', async () => {
    renderIn('en', () => (
      <>
        <p>page</p>
        <ErrorSummary errors={{}} fieldLabels={{}} />
      </>
    ));
    await screen.findByText('page');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows a form-wide message with its parameters', async () => {
    renderIn('fr', () => <ErrorSummary errors={{}} fieldLabels={{}} formError="errors.auth.tooManyAttempts" formErrorParams={{ minutes: 7 }} />);
    expect(await screen.findByText('Trop de tentatives. Réessayez dans 7 minutes.')).toBeInTheDocument();
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
