/**
 * All authentication and authorisation: remix-auth's form strategy for log-in
 * and sign-up, and the guards every loader and action calls first.
 *
 * remix-auth 4 does not manage sessions: `startSession` (session.server.ts) does,
 * with a fresh id at every login.
 */
import { redirect } from '@remix-run/node';
import type { AppLoadContext } from '@remix-run/node';
import { and, eq, sql } from 'drizzle-orm';
import { Authenticator } from 'remix-auth';
import { FormStrategy } from 'remix-auth-form';
import { fieldErrorsOf, loginSchema, signupSchema, type FieldErrors } from '~/domain/account';
import type { MessageKey } from '~/i18n';
import { getDb, preparedOnce, schema } from './db.server';
import { getLanguage } from './language.server';
import { log } from './log.server';
import { decoyHash, hashPassword, verifyPassword } from './password.server';
import { minutesUntilAllowed, recordAttempt } from './rate-limit.server';
import { clientOf } from './request.server';
import { getSessionUser, startSession, type SessionUser } from './session.server';

export interface AuthUser {
  id: number;
  email: string;
  name: string;
  role: schema.UserRole;
}

/** Why a log-in or sign-up was refused: field messages and one form message (dictionary keys). */
export class AuthFailure extends Error {
  constructor(
    readonly fieldErrors: FieldErrors<'name' | 'email' | 'password'>,
    readonly formError: MessageKey | null,
    readonly values: { email: string; name?: string },
    readonly params: Record<string, string | number> = {},
  ) {
    super(formError ?? 'invalid form');
    this.name = 'AuthFailure';
  }
}

// The strategies cannot see the load context, so the client's address travels in a header
// that this module sets itself (overwriting anything the client sent under that name).
const CLIENT_IP_HEADER = 'x-palmares-client-ip';

function str(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

const authenticator = new Authenticator<AuthUser>();

authenticator.use(
  new FormStrategy<AuthUser>(async ({ form, request }) => {
    const ip = request.headers.get(CLIENT_IP_HEADER) ?? 'unknown';
    const typedEmail = str(form, 'email');
    const parsed = loginSchema.safeParse({ email: typedEmail, password: str(form, 'password') });
    if (!parsed.success) {
      throw new AuthFailure(fieldErrorsOf(parsed.error), null, { email: typedEmail });
    }
    const { email, password } = parsed.data;
    const wait = minutesUntilAllowed('login', ip, email);
    if (wait > 0) {
      log.warn('login_rate_limited', { email, ip });
      throw new AuthFailure({}, 'errors.auth.tooManyAttempts', { email: typedEmail }, { minutes: wait });
    }
    const user = getDb().select().from(schema.users).where(eq(schema.users.email, email)).get();
    // Same work whether or not the account exists, so timing does not tell.
    const ok = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
    recordAttempt('login', ip, email, Boolean(user && ok));
    if (!user || !ok) {
      log.warn('login_failed', { email, ip, reason: user ? 'wrong_password' : 'unknown_email' });
      // One message for both cases: nothing tells whether the email has an account.
      throw new AuthFailure({}, 'errors.auth.invalidCredentials', { email: typedEmail });
    }
    return { id: user.id, email: user.email, name: user.name, role: user.role };
  }),
  'login',
);

authenticator.use(
  new FormStrategy<AuthUser>(async ({ form, request }) => {
    const ip = request.headers.get(CLIENT_IP_HEADER) ?? 'unknown';
    const values = { email: str(form, 'email'), name: str(form, 'name') };
    const parsed = signupSchema.safeParse({ ...values, password: str(form, 'password') });
    if (!parsed.success) throw new AuthFailure(fieldErrorsOf(parsed.error), null, values);
    const { email, name, password } = parsed.data;
    const wait = minutesUntilAllowed('signup', ip, email);
    if (wait > 0) {
      log.warn('signup_rate_limited', { email, ip });
      throw new AuthFailure({}, 'errors.auth.tooManyAttempts', values, { minutes: wait });
    }
    recordAttempt('signup', ip, email, true);
    const passwordHash = await hashPassword(password);
    const created = getDb()
      .insert(schema.users)
      // The page's language becomes the account's: mail to this founder is written in it (decision 028).
      .values({ email, name, passwordHash, role: 'founder', preferredLanguage: await getLanguage(request) })
      .onConflictDoNothing()
      .returning()
      .get();
    if (!created) {
      // Saying so on the field is the usual trade-off for sign-up forms; the rate limit
      // keeps it from being used to list accounts.
      throw new AuthFailure({ email: 'errors.email.taken' }, null, values);
    }
    log.info('signup', { userId: created.id, ip });
    return { id: created.id, email: created.email, name: created.name, role: created.role };
  }),
  'signup',
);

/**
 * Runs the log-in or sign-up strategy on a form post. On success: a new session and
 * the Set-Cookie header; on refusal: an AuthFailure (thrown).
 */
export async function authenticate(
  strategy: 'login' | 'signup',
  request: Request,
  context?: AppLoadContext,
): Promise<{ user: AuthUser; setCookie: string }> {
  const client = clientOf(request, context);
  const headers = new Headers(request.headers);
  headers.set(CLIENT_IP_HEADER, client.ip);
  const forwarded = new Request(request.url, {
    method: request.method,
    headers,
    body: await request.arrayBuffer(),
  });
  const user = await authenticator.authenticate(strategy, forwarded);
  const setCookie = await startSession(user.id, client);
  return { user, setCookie };
}

/** The logged-in user, or null. */
export function getUser(request: Request): Promise<SessionUser | null> {
  return getSessionUser(request);
}

function loginRedirect(request: Request): Response {
  const url = new URL(request.url);
  const redirectTo = `${url.pathname}${url.search}`;
  return redirect(`/login?${new URLSearchParams({ redirectTo })}`);
}

export function forbidden(): Response {
  return new Response('Forbidden', { status: 403, statusText: 'Forbidden' });
}

/** The logged-in user; otherwise throws a redirect to /login?redirectTo=… */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getSessionUser(request);
  if (!user) throw loginRedirect(request);
  return user;
}

/** Organisers only (site-wide role); anyone else logged in gets a 403. */
export async function requireOrganiser(request: Request): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!canOrganise(user)) throw forbidden();
  return user;
}

/** Founders only: the people who own applications. */
export async function requireFounder(request: Request): Promise<SessionUser> {
  const user = await requireUser(request);
  if (user.role !== 'founder') throw forbidden();
  return user;
}

/** Anyone who judges at least one edition. */
export async function requireJudge(request: Request): Promise<SessionUser> {
  const user = await requireUser(request);
  if (judgedEditionIds(user.id).length === 0) throw forbidden();
  return user;
}

/** A judge of this edition (membership in edition_judges); organisers are not judges by role. */
export async function requireJudgeOf(request: Request, year: number): Promise<SessionUser & { editionId: number }> {
  const user = await requireUser(request);
  const membership = getDb()
    .select({ editionId: schema.editionJudges.editionId })
    .from(schema.editionJudges)
    .innerJoin(schema.editions, eq(schema.editions.id, schema.editionJudges.editionId))
    .where(and(eq(schema.editions.year, year), eq(schema.editionJudges.userId, user.id)))
    .get();
  if (!membership) throw forbidden();
  return { ...user, editionId: membership.editionId };
}

export function canOrganise(user: Pick<AuthUser, 'role'> | null): boolean {
  return user?.role === 'organiser';
}

export function judgedEditionIds(userId: number): number[] {
  return judgedEditionsQuery()
    .all({ userId })
    .map((r) => r.editionId);
}

/** The root loader asks it on every logged-in page: prepared once (db.server.ts `preparedOnce`). */
const judgedEditionsQuery = preparedOnce((db) =>
  db.select({ editionId: schema.editionJudges.editionId }).from(schema.editionJudges).where(eq(schema.editionJudges.userId, sql.placeholder('userId'))).prepare(),
);

/**
 * Where a user lands after logging in, when no redirectTo was given. Judging is a membership of an
 * edition, never read from the account's role (decision 020): an account invited as a judge and
 * since removed from every edition lands on the editions, not on a judging page that refuses it.
 */
export function homeOf(user: Pick<AuthUser, 'id' | 'role'>): string {
  if (user.role === 'organiser') return '/organise';
  if (judgedEditionIds(user.id).length > 0) return '/judge';
  if (user.role === 'founder') return '/me';
  return '/';
}
