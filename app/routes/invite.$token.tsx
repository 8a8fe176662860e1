/**
 * /invite/:token — the link an organiser hands to a future judge. A new person sets a name and
 * a password (the sign-up rules) and is logged in as a judge of the edition; someone with an
 * account logs in (or is already logged in as the invited address) and joins. Expired, revoked,
 * used or unknown links get a page that says so. The rules live in invitations.server.ts.
 */
import { invariantResponse } from '@epic-web/invariant';
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { FormErrors, InputField } from '~/components/judging-setup-fields';
import { typedValues, type FormFailure } from '~/domain/judging-setup';
import { NAME_MAX_LENGTH, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, fieldErrorsOf, signupSchema } from '~/domain/account';
import { Refusal } from '~/domain/refusal';
import { useT } from '~/i18n';
import { tOf } from '~/i18n/meta';
import { messagesFor } from '~/i18n/messages.server';
import styles from '~/styles/judging-setup.css';
import { AuthFailure, authenticate, getUser } from '~/utils/auth.server';
import { acceptInvitation, findInvitation, isEditionJudge } from '~/utils/invitations.server';
import { hashPassword } from '~/utils/password.server';
import { clientOf } from '~/utils/request.server';
import { startSession } from '~/utils/session.server';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

export const meta: MetaFunction = ({ matches }) => {
  const { t } = tOf(matches);
  return [{ title: `${t('invite.title')} — Palmarès` }, { name: 'robots', content: 'noindex' }];
};

const PASSWORD_PARAMS = { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const invitation = findInvitation(params.token ?? '');
  if (!invitation) return data({ messages: await messagesFor(request, ['judging']), state: 'unknown' as const, invitation: null, user: null, judgeOf: null }, { status: 404 });
  const edition = { year: invitation.year, name: invitation.editionName };
  const user = await getUser(request);
  if (invitation.state !== 'pending') {
    // Whoever used the link and comes back to it is pointed to their judging page.
    const judge = user !== null && isEditionJudge(invitation.editionId, user.id);
    return data(
      { messages: await messagesFor(request, ['judging']), state: invitation.state, invitation: { ...edition, email: null, hasAccount: false }, user: null, judgeOf: judge ? edition.year : null },
      { status: 410 },
    );
  }
  return {
    messages: await messagesFor(request, ['judging']),
    state: 'pending' as const,
    invitation: { ...edition, email: invitation.email, hasAccount: invitation.hasAccount },
    user: user ? { name: user.name, email: user.email } : null,
    judgeOf: null,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const token = params.token ?? '';
  const invitation = findInvitation(token);
  invariantResponse(invitation, 'Not Found', { status: 404 });
  const form = await request.clone().formData();
  const values = typedValues(form);
  const intent = values.intent ?? '';
  const refused = (failure: Omit<FormFailure, 'form' | 'values'>, status: number, headers?: HeadersInit) =>
    data<FormFailure>({ form: intent, values: { name: values.name ?? '' }, ...failure }, { status, headers });
  /** Set once a log-in succeeded, so that a refusal after it still logs the person in. */
  let setCookie: string | undefined;

  try {
    if (invitation.state !== 'pending') {
      return refused({ fieldErrors: {}, formError: { key: `invite.state.${invitation.state}` } }, 410);
    }
    if (intent === 'signup') {
      const parsed = signupSchema.safeParse({ name: values.name, email: invitation.email, password: values.password ?? '' });
      if (!parsed.success) {
        const errors = fieldErrorsOf<'name' | 'password' | 'email'>(parsed.error);
        const fieldErrors: FormFailure['fieldErrors'] = {};
        if (errors.name) fieldErrors.name = { key: errors.name };
        if (errors.password) fieldErrors.password = { key: errors.password, params: PASSWORD_PARAMS };
        return refused({ fieldErrors, formError: null }, 400);
      }
      const passwordHash = await hashPassword(parsed.data.password);
      const { userId, year } = acceptInvitation({ token, invitee: { kind: 'new', name: parsed.data.name, passwordHash } });
      setCookie = await startSession(userId, clientOf(request, context));
      return redirect(`/judge/${year}`, { headers: { 'Set-Cookie': setCookie } });
    }
    if (intent === 'login') {
      // Always the invited address: the form only asks for the password.
      const body = new URLSearchParams({ email: invitation.email, password: values.password ?? '' });
      const login = new Request(request.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'User-Agent': request.headers.get('User-Agent') ?? '' },
        body,
      });
      const authenticated = await authenticate('login', login, context);
      setCookie = authenticated.setCookie;
      const { year } = acceptInvitation({ token, invitee: { kind: 'existing', userId: authenticated.user.id } });
      return redirect(`/judge/${year}`, { headers: { 'Set-Cookie': setCookie } });
    }
    if (intent === 'join') {
      const user = await getUser(request);
      if (!user) return refused({ fieldErrors: {}, formError: { key: 'invite.errors.loggedOut' } }, 401);
      const { year } = acceptInvitation({ token, invitee: { kind: 'existing', userId: user.id } });
      return redirect(`/judge/${year}`);
    }
    throw new Response('Bad Request', { status: 400 });
  } catch (error) {
    if (error instanceof Refusal) {
      const headers = setCookie ? { 'Set-Cookie': setCookie } : undefined;
      return refused({ fieldErrors: {}, formError: { key: error.key, params: error.params } }, error.status, headers);
    }
    if (error instanceof AuthFailure) {
      const status = error.formError === 'errors.auth.tooManyAttempts' ? 429 : 400;
      return refused(
        {
          fieldErrors: error.fieldErrors.password ? { password: { key: error.fieldErrors.password } } : {},
          formError: error.formError ? { key: error.formError, params: error.params } : null,
        },
        status,
      );
    }
    throw error;
  }
}

export default function Invite() {
  const { state, invitation, user, judgeOf } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useT();

  if (state !== 'pending' || !invitation?.email) {
    // A pending invitation always has its address; without one the link is as good as unknown.
    const closed = state === 'pending' ? 'unknown' : state;
    return (
      <div className="page page--narrow judging-setup">
        <h1>{t(`invite.closed.${closed}.title`)}</h1>
        <p className="lead">{t(`invite.closed.${closed}.body`, { edition: invitation?.name ?? '' })}</p>
        {judgeOf ? (
          <p>
            <Link to={`/judge/${judgeOf}`} className="button button--primary">
              {t('invite.closed.toJudging')}
            </Link>
          </p>
        ) : (
          <>
            <p>{t('invite.closed.askAgain')}</p>
            <p>
              <Link to="/">{t('errors.page.backHome')}</Link>
            </p>
          </>
        )}
      </div>
    );
  }

  const failure = result && 'form' in result ? (result as FormFailure) : null;
  const labels = { name: t('fields.name'), password: t('fields.password') };
  const sameAccount = user !== null && user.email === invitation.email;

  return (
    <div className="page page--narrow judging-setup">
      <p className="eyebrow">{t('invite.eyebrow', { edition: invitation.name })}</p>
      <h1>{t('invite.heading')}</h1>
      <p className="lead">{t('invite.lead')}</p>
      <p>
        {t('invite.forAddress')} <strong>{invitation.email}</strong>
      </p>
      <FormErrors failure={failure} prefix="invite" labels={labels} level={2} />

      {user && !sameAccount ? (
        <div className="notice">
          <p>{t('invite.otherAccount', { email: user.email, invited: invitation.email })}</p>
          <Form method="post" action="/logout">
            <button type="submit" className="button button--ghost">
              {t('nav.logout')}
            </button>
          </Form>
        </div>
      ) : sameAccount ? (
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="join" />
          <p>{t('invite.joinAs', { name: user!.name })}</p>
          <button type="submit" className="button button--primary button--large">
            {t('invite.join')}
          </button>
        </Form>
      ) : invitation.hasAccount ? (
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="intent" value="login" />
          <p>{t('invite.hasAccount')}</p>
          <InputField
            prefix="invite"
            name="password"
            type="password"
            label={labels.password}
            autoComplete="current-password"
            required
            error={failure?.fieldErrors.password}
          />
          <button type="submit" className="button button--primary button--large">
            {t('invite.loginAndJoin')}
          </button>
        </Form>
      ) : (
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="intent" value="signup" />
          {/* For password managers: the account's address, which the invitation fixes. */}
          <input type="hidden" name="username" autoComplete="username" value={invitation.email} />
          <InputField
            prefix="invite"
            name="name"
            label={labels.name}
            autoComplete="name"
            required
            maxLength={NAME_MAX_LENGTH}
            defaultValue={failure?.values.name ?? ''}
            error={failure?.fieldErrors.name}
          />
          <InputField
            prefix="invite"
            name="password"
            type="password"
            label={labels.password}
            hint={t('signup.passwordHint', { min: PASSWORD_MIN_LENGTH })}
            autoComplete="new-password"
            required
            minLength={PASSWORD_MIN_LENGTH}
            maxLength={PASSWORD_MAX_LENGTH}
            error={failure?.fieldErrors.password}
          />
          <button type="submit" className="button button--primary button--large">
            {t('invite.createAccount')}
          </button>
        </Form>
      )}
    </div>
  );
}
