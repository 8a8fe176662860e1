/**
 * /invite/:token — the link an organiser hands to a future judge. A new person sets a name and
 * a password (the sign-up rules) and is logged in as a judge of the edition; someone with an
 * account logs in (or is already logged in as the invited address) and joins. Expired, revoked,
 * used or unknown links get a page that says so. The rules live in invitations.server.ts.
 */
import { invariantResponse } from '@epic-web/invariant';
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { ConformForm, ErrorSummary, Field, NewPasswordField, PASSWORD_LENGTHS, useSchemaForm } from '~/components/forms';
import { invitationJoinSchema, invitationLoginSchema, invitationSignupSchema } from '~/domain/account';
import { formMessage, replyOf } from '~/domain/form-reply';
import { Refusal } from '~/domain/refusal';
import { tOf, useT } from '~/i18n';
import { messagesFor } from '~/i18n/messages.server';
import styles from '~/styles/judging-setup.css';
import { AuthFailure, authenticate, getUser } from '~/utils/auth.server';
import { acceptInvitation, findInvitation, isEditionJudge } from '~/utils/invitations.server';
import { getLanguage } from '~/utils/language.server';
import { editionName } from '~/domain/edition';
import type { InvitationRole } from '~/domain/statuses';
import { hashPassword } from '~/utils/password.server';
import { parseForm, refusalResult, refusedAuth, replyTo } from '~/utils/form.server';
import { clientOf } from '~/utils/request.server';
import { startSession } from '~/utils/session.server';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

export const meta: MetaFunction = ({ matches }) => {
  const { t } = tOf(matches);
  return [{ title: `${t('invite.title')} — Palmarès` }, { name: 'robots', content: 'noindex' }];
};


export async function loader({ request, params }: LoaderFunctionArgs) {
  const invitation = findInvitation(params.token ?? '');
  if (!invitation) return data({ messages: await messagesFor(request, ['judging', 'editions']), state: 'unknown' as const, invitation: null, user: null, judgeOf: null }, { status: 404 });
  const lang = await getLanguage(request);
  const edition = { year: invitation.year, name: editionName({ name: invitation.editionName, nameFr: invitation.editionNameFr }, lang), role: invitation.role };
  const user = await getUser(request);
  if (invitation.state !== 'pending') {
    // Whoever used the link and comes back to it is pointed to their judging page.
    const judge = user !== null && isEditionJudge(invitation.editionId, user.id);
    return data(
      { messages: await messagesFor(request, ['judging', 'editions']), state: invitation.state, invitation: { ...edition, email: null, hasAccount: false }, user: null, judgeOf: judge ? edition.year : null },
      { status: 410 },
    );
  }
  return {
    messages: await messagesFor(request, ['judging', 'editions']),
    state: 'pending' as const,
    invitation: { ...edition, email: invitation.email, hasAccount: invitation.hasAccount },
    user: user ? { name: user.name, email: user.email } : null,
    judgeOf: null,
  };
}

/** Where an accepted invitation leads: the judge's edition, or the organisers' home. */
function homeOfInvitation(role: InvitationRole, year: number): string {
  return role === 'organiser' ? '/organise' : `/judge/${year}`;
}

const SCHEMAS = { signup: invitationSignupSchema, login: invitationLoginSchema, join: invitationJoinSchema } as const;

export async function action({ request, params, context }: ActionFunctionArgs) {
  const token = params.token ?? '';
  const invitation = findInvitation(token);
  invariantResponse(invitation, 'Not Found', { status: 404 });
  const form = await request.clone().formData();
  const intent = String(form.get('intent') ?? '');
  if (intent !== 'signup' && intent !== 'login' && intent !== 'join') throw new Response('Bad Request', { status: 400 });
  const submission = parseForm(form, SCHEMAS[intent]);
  const hideFields = ['password'];
  /** Set once a log-in succeeded, so that a refusal after it still logs the person in. */
  let setCookie: string | undefined;

  try {
    if (invitation.state !== 'pending') {
      return replyTo('invite', submission.reply({ formErrors: [formMessage(`invite.state.${invitation.state}`)], hideFields }), 410);
    }
    if (submission.status !== 'success') return replyTo('invite', submission.reply({ hideFields }));
    if (intent === 'signup') {
      const { name, password } = submission.value as { name: string; password: string };
      const passwordHash = await hashPassword(password);
      const { userId, year, role } = acceptInvitation({ token, invitee: { kind: 'new', name, passwordHash } });
      setCookie = await startSession(userId, clientOf(request, context));
      return redirect(homeOfInvitation(role, year), { headers: { 'Set-Cookie': setCookie } });
    }
    if (intent === 'login') {
      // Always the invited address: the form only asks for the password.
      const body = new URLSearchParams({ email: invitation.email, password: String(form.get('password') ?? '') });
      const login = new Request(request.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'User-Agent': request.headers.get('User-Agent') ?? '' },
        body,
      });
      const authenticated = await authenticate('login', login, context);
      setCookie = authenticated.setCookie;
      const { year, role } = acceptInvitation({ token, invitee: { kind: 'existing', userId: authenticated.user.id } });
      return redirect(homeOfInvitation(role, year), { headers: { 'Set-Cookie': setCookie } });
    }
    const user = await getUser(request);
    if (!user) return replyTo('invite', submission.reply({ formErrors: [formMessage('invite.errors.loggedOut')] }), 401);
    const { year, role } = acceptInvitation({ token, invitee: { kind: 'existing', userId: user.id } });
    return redirect(homeOfInvitation(role, year));
  } catch (error) {
    if (error instanceof Refusal) {
      const headers = setCookie ? { 'Set-Cookie': setCookie } : undefined;
      return replyTo('invite', refusalResult(submission, new Refusal(error.status, error.key, error.params), hideFields), error.status, headers);
    }
    // The address is the invitation's: a message about it is the form's, not a field's.
    if (error instanceof AuthFailure) return refusedAuth('invite', submission, error);
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

  const labels = { name: t('fields.name'), password: t('fields.password') };
  const sameAccount = user !== null && user.email === invitation.email;

  return (
    <div className="page page--narrow judging-setup">
      <p className="eyebrow">{t('invite.eyebrow', { edition: invitation.name })}</p>
      <h1>{t(invitation.role === 'organiser' ? 'invite.organiser.title' : 'invite.heading')}</h1>
      <p className="lead">{t(invitation.role === 'organiser' ? 'invite.organiser.lead' : 'invite.lead')}</p>
      <p>
        {t('invite.forAddress')} <strong>{invitation.email}</strong>
      </p>
      <InviteForms
        lastResult={replyOf(result, 'invite')}
        variant={user && !sameAccount ? 'otherAccount' : sameAccount ? 'join' : invitation.hasAccount ? 'login' : 'signup'}
        labels={labels}
        userName={user?.name ?? ''}
        organiser={invitation.role === 'organiser'}
        userEmail={user?.email ?? ''}
        invitedEmail={invitation.email}
      />
    </div>
  );
}

/** The one form the invited person needs, by who they are; its errors above it. */
function InviteForms({
  lastResult,
  variant,
  labels,
  userName,
  userEmail,
  invitedEmail,
  organiser = false,
}: {
  organiser?: boolean;
  lastResult: ReturnType<typeof replyOf>;
  variant: 'otherAccount' | 'join' | 'login' | 'signup';
  labels: { name: string; password: string };
  userName: string;
  userEmail: string;
  invitedEmail: string;
}) {
  const { t } = useT();
  const schema = variant === 'signup' ? invitationSignupSchema : variant === 'login' ? invitationLoginSchema : invitationJoinSchema;
  const [form, fields] = useSchemaForm({ id: 'invite', schema, lastResult });
  return (
    <>
      <ErrorSummary form={form} labels={labels} errorParams={{ password: PASSWORD_LENGTHS }} />
      {variant === 'otherAccount' ? (
        <div className="notice">
          <p>{t('invite.otherAccount', { email: userEmail, invited: invitedEmail })}</p>
          <Form method="post" action="/logout" reloadDocument>
            <button type="submit" className="button button--ghost">
              {t('nav.logout')}
            </button>
          </Form>
        </div>
      ) : variant === 'join' ? (
        <ConformForm form={form} className="stack">
          <input type="hidden" name="intent" value="join" />
          <p>{t('invite.joinAs', { name: userName })}</p>
          <button type="submit" className="button button--primary button--large">
            {t(organiser ? 'invite.organiser.join' : 'invite.join')}
          </button>
        </ConformForm>
      ) : variant === 'login' ? (
        <ConformForm form={form} className="stack">
          <input type="hidden" name="intent" value="login" />
          <p>{t('invite.hasAccount')}</p>
          <Field meta={fields.password} type="password" label={labels.password} autoComplete="current-password" />
          <button type="submit" className="button button--primary button--large">
            {t('invite.loginAndJoin')}
          </button>
        </ConformForm>
      ) : (
        <ConformForm form={form} className="stack">
          <input type="hidden" name="intent" value="signup" />
          {/* For password managers: the account's address, which the invitation fixes. */}
          <input type="hidden" name="username" autoComplete="username" value={invitedEmail} />
          <Field meta={fields.name} label={labels.name} autoComplete="name" />
          <NewPasswordField meta={fields.password} label={labels.password} />
          <button type="submit" className="button button--primary button--large">
            {t(organiser ? 'invite.organiser.createAccount' : 'invite.createAccount')}
          </button>
        </ConformForm>
      )}
    </>
  );
}
