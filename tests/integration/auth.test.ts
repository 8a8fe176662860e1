import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { action as accountAction, loader as accountLoader } from '~/routes/account';
import { action as loginAction } from '~/routes/login';
import { action as logoutAction } from '~/routes/logout';
import { action as signupAction } from '~/routes/signup';
import { requireUser } from '~/utils/auth.server';
import { getDb, schema } from '~/utils/db.server';
import { LIMITS, LOGIN_THROTTLE } from '~/utils/rate-limit.server';
import { getSessionUser, hashSessionId, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from '~/utils/session.server';
import { context, cookieFrom, formAnswer, formRequest, getRequest, outcome } from '../fixtures/http';
import { addJudge, createEdition, createUser, PASSWORD, sessionCookie } from '../fixtures/users';

const signup = (fields: Record<string, string>, ip?: string) =>
  outcome(() => signupAction({ request: formRequest('/signup', fields), params: {}, context: context(ip) }));
const login = (fields: Record<string, string>, ip?: string, query = '') =>
  outcome(() => loginAction({ request: formRequest(`/login${query}`, fields), params: {}, context: context(ip) }));
const userCount = () => getDb().select().from(schema.users).all().length;

let warnings: string[] = [];
beforeEach(() => {
  warnings = [];
  vi.spyOn(console, 'warn').mockImplementation((line: string) => void warnings.push(String(line)));
});

describe('sign-up', () => {
  it('creates a founder account with a scrypt hash, starts a session and goes to /me', async () => {
    const result = await signup({ name: 'Amélie Poulain', email: ' Amelie@Example.ORG ', password: 'un mot de passe long' });
    expect(result.status).toBe(302);
    expect(result.headers.get('Location')).toBe('/me');
    const user = getDb().select().from(schema.users).where(eq(schema.users.email, 'amelie@example.org')).get();
    expect(user).toMatchObject({ name: 'Amélie Poulain', role: 'founder' });
    // Production's cost (OWASP's N=2^14, r=8, p=5); fixture users get a cheaper hash (tests/fixtures/users.ts).
    expect(user!.passwordHash).toMatch(/^scrypt\$16384\$8\$5\$/);
    expect(user!.passwordHash).not.toContain('un mot de passe long');
    const cookie = cookieFrom(result.headers.get('Set-Cookie'));
    expect(result.headers.get('Set-Cookie')).toMatch(/HttpOnly/i);
    expect(result.headers.get('Set-Cookie')).toMatch(/SameSite=Lax/i);
    expect((await getSessionUser(getRequest('/me', { cookie })))?.email).toBe('amelie@example.org');
    // And that hash opens the account again.
    const again = await login({ email: 'amelie@example.org', password: 'un mot de passe long' });
    expect(again.status).toBe(302);
  });

  it('refuses a password shorter than 12 characters, keeps what was typed, and writes nothing', async () => {
    const before = userCount();
    const result = await signup({ name: 'Short', email: 'short@example.org', password: 'elevenchars' });
    expect(result.status).toBe(400);
    expect(formAnswer(result.data).fieldErrors).toEqual({ password: 'errors.password.tooShort' });
    expect(formAnswer(result.data).values).toEqual({ name: 'Short', email: 'short@example.org' });
    expect(userCount()).toBe(before);
  });

  it('says which fields are wrong when several are', async () => {
    const result = await signup({ name: '', email: 'not-an-email', password: '' });
    expect(formAnswer(result.data).fieldErrors).toEqual({
      name: 'errors.name.required',
      email: 'errors.email.invalid',
      password: 'errors.password.tooShort',
    });
  });

  it('refuses an email that already has an account, whatever its case', async () => {
    await createUser('taken@example.org');
    const before = userCount();
    const result = await signup({ name: 'Copy', email: 'TAKEN@example.org', password: 'another long password' });
    expect(result.status).toBe(400);
    expect(formAnswer(result.data).fieldErrors.email).toBe('errors.email.taken');
    expect(userCount()).toBe(before);
  });

  it('is rate-limited per address with a "try again in N minutes" message', async () => {
    const ip = '198.51.100.20';
    for (let i = 0; i < LIMITS.signupPerIp.max; i++) {
      await signup({ name: `N${i}`, email: `bulk${i}@example.org`, password: 'long enough password' }, ip);
    }
    const before = userCount();
    const result = await signup({ name: 'One more', email: 'bulk-last@example.org', password: 'long enough password' }, ip);
    expect(result.status).toBe(429);
    const { formError } = formAnswer(result.data);
    expect(formError?.key).toBe('errors.auth.tooManyAttempts');
    expect(formError?.params.minutes).toBeGreaterThanOrEqual(1);
    expect(formError?.params.minutes).toBeLessThanOrEqual(60);
    expect(userCount()).toBe(before);
  });
});

describe('log-in', () => {
  it('refuses a wrong password with one message that does not tell whether the account exists', async () => {
    await createUser('known@example.org');
    const wrongPassword = await login({ email: 'known@example.org', password: 'not the password' }, '192.0.2.1');
    const unknownEmail = await login({ email: 'nobody@example.org', password: 'not the password' }, '192.0.2.1');
    expect(wrongPassword.status).toBe(400);
    expect(unknownEmail.status).toBe(400);
    expect(formAnswer(wrongPassword.data).formError?.key).toBe('errors.auth.invalidCredentials');
    expect(unknownEmail.data).toEqual({ ...wrongPassword.data, result: { ...wrongPassword.data.result, initialValue: unknownEmail.data.result.initialValue } });
    expect(formAnswer(wrongPassword.data).values).toEqual({ email: 'known@example.org' });
    expect(JSON.stringify(wrongPassword.data)).not.toContain('not the password');
    expect(wrongPassword.headers.get('Set-Cookie')).toBeNull();
  });

  it('logs failed attempts without the password', async () => {
    await createUser('logged@example.org');
    await login({ email: 'logged@example.org', password: 'secret-typed-by-mistake' }, '192.0.2.2');
    const attempts = getDb().select().from(schema.authAttempts).where(eq(schema.authAttempts.email, 'logged@example.org')).all();
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ kind: 'login', succeeded: false, ip: '192.0.2.2' });
    expect(JSON.stringify(attempts)).not.toContain('secret-typed-by-mistake');
    expect(warnings.some((w) => w.includes('login_failed') && w.includes('logged@example.org'))).toBe(true);
    expect(warnings.join('\n')).not.toContain('secret-typed-by-mistake');
  });

  it('starts a new session with a new id at every login and honours a safe redirectTo', async () => {
    const user = await createUser('twice@example.org');
    const first = await login({ email: 'twice@example.org', password: PASSWORD }, '192.0.2.3', '?redirectTo=%2Faccount');
    const second = await login({ email: 'twice@example.org', password: PASSWORD, redirectTo: '//evil.example/' }, '192.0.2.3');
    expect(first.status).toBe(302);
    expect(first.headers.get('Location')).toBe('/account');
    expect(second.headers.get('Location')).toBe('/me');
    expect(cookieFrom(first.headers.get('Set-Cookie'))).not.toBe(cookieFrom(second.headers.get('Set-Cookie')));
    const rows = getDb().select().from(schema.sessions).where(eq(schema.sessions.userId, user.id)).all();
    expect(rows).toHaveLength(2);
    // The cookie holds a random id; the table only its hash.
    const cookieValue = decodeURIComponent(cookieFrom(first.headers.get('Set-Cookie')).split('=')[1]);
    expect(rows.map((r) => r.idHash).join()).not.toContain(cookieValue.slice(1, 20));
  });

  it('without a redirectTo, sends an organiser to /organise', async () => {
    await createUser('boss@example.org', 'organiser');
    const organiserLogin = await login({ email: 'boss@example.org', password: PASSWORD }, '192.0.2.4');
    expect(organiserLogin.headers.get('Location')).toBe('/organise');
  });

  it('sends a judge to judging by their membership of an edition, not by the role of their account', async () => {
    const edition = createEdition(2031);
    const invited = await createUser('invited@example.org', 'judge');
    const founderWhoJudges = await createUser('founder-judge@example.org', 'founder');
    addJudge(edition.id, founderWhoJudges.id);
    // Invited once, since removed from every edition: the editions, not a judging page that refuses them.
    const removed = await login({ email: 'invited@example.org', password: PASSWORD }, '192.0.2.4');
    expect(removed.headers.get('Location')).toBe('/');
    addJudge(edition.id, invited.id);
    const member = await login({ email: 'invited@example.org', password: PASSWORD }, '192.0.2.4');
    expect(member.headers.get('Location')).toBe('/judge');
    const founder = await login({ email: 'founder-judge@example.org', password: PASSWORD }, '192.0.2.4');
    expect(founder.headers.get('Location')).toBe('/judge');
  });

  it('throttles guesses from one address without locking the owner out (docs/decisions/021)', async () => {
    await createUser('target@example.org');
    for (let i = 0; i < LOGIN_THROTTLE.perPair.free; i++) {
      await login({ email: 'target@example.org', password: `guess number ${i}` }, '192.0.2.66');
    }
    const blocked = await login({ email: 'target@example.org', password: PASSWORD }, '192.0.2.66');
    expect(blocked.status).toBe(429);
    expect(formAnswer(blocked.data).formError).toEqual({ key: 'errors.auth.tooManyAttempts', params: { minutes: 1 } });
    expect(blocked.headers.get('Set-Cookie')).toBeNull();
    const owner = await login({ email: 'target@example.org', password: PASSWORD }, '192.0.2.99');
    expect(owner.status).toBe(302);
  }, 30_000);
});

describe('sessions', () => {
  it('log-out deletes the session: the same cookie no longer opens anything', async () => {
    const user = await createUser('leaving@example.org');
    const cookie = await sessionCookie(user.id);
    expect(await getSessionUser(getRequest('/', { cookie }))).not.toBeNull();
    const result = await outcome(() => logoutAction({ request: formRequest('/logout', {}, { cookie }), params: {}, context: context() }));
    expect(result.status).toBe(302);
    expect(result.headers.get('Set-Cookie')).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/);
    expect(await getSessionUser(getRequest('/', { cookie }))).toBeNull();
    const guarded = await outcome(() => requireUser(getRequest('/account', { cookie })));
    expect(guarded.status).toBe(302);
  });

  it('a session revoked from another device (a lost tablet) stops working at once', async () => {
    const user = await createUser('judge-with-tablet@example.org', 'judge');
    const tablet = await sessionCookie(user.id);
    const laptop = await sessionCookie(user.id);
    const tabletUser = await getSessionUser(getRequest('/', { cookie: tablet }));
    const page = await outcome(() => accountLoader({ request: getRequest('/account', { cookie: laptop }), params: {}, context: context() }));
    expect(page.data.sessions).toHaveLength(2);
    const revoke = await outcome(() =>
      accountAction({ request: formRequest('/account', { session: tabletUser!.sessionIdHash }, { cookie: laptop }), params: {}, context: context() }),
    );
    expect(revoke.status).toBe(302);
    expect(await getSessionUser(getRequest('/', { cookie: tablet }))).toBeNull();
    expect(await getSessionUser(getRequest('/', { cookie: laptop }))).not.toBeNull();
  });

  it("cannot revoke someone else's session", async () => {
    const owner = await createUser('owner@example.org');
    const other = await createUser('other@example.org');
    const ownerCookie = await sessionCookie(owner.id);
    const otherCookie = await sessionCookie(other.id);
    const ownerSession = await getSessionUser(getRequest('/', { cookie: ownerCookie }));
    const result = await outcome(() =>
      accountAction({ request: formRequest('/account', { session: ownerSession!.sessionIdHash }, { cookie: otherCookie }), params: {}, context: context() }),
    );
    expect(result.status).toBe(404);
    expect(await getSessionUser(getRequest('/', { cookie: ownerCookie }))).not.toBeNull();
  });

  it('expires after the idle time and after the absolute lifetime', async () => {
    const user = await createUser('sleepy@example.org');
    const cookie = await sessionCookie(user.id);
    const start = Date.now();
    expect(await getSessionUser(getRequest('/', { cookie }), new Date(start + SESSION_IDLE_MS - 60_000))).not.toBeNull();
    expect(await getSessionUser(getRequest('/', { cookie }), new Date(start + 2 * SESSION_IDLE_MS + 60_000))).toBeNull();

    const busy = await sessionCookie(user.id);
    // Active every few days, yet the absolute limit still ends it.
    for (let t = start; t < start + SESSION_ABSOLUTE_MS; t += SESSION_IDLE_MS / 2) {
      expect(await getSessionUser(getRequest('/', { cookie: busy }), new Date(t))).not.toBeNull();
    }
    expect(await getSessionUser(getRequest('/', { cookie: busy }), new Date(start + SESSION_ABSOLUTE_MS + 1000))).toBeNull();
  });

  it('ignores a cookie whose signature was tampered with', async () => {
    const user = await createUser('tamper@example.org');
    const cookie = await sessionCookie(user.id);
    const [name, value] = cookie.split('=');
    const forged = `${name}=${value.slice(0, -3)}AAA`;
    expect(await getSessionUser(getRequest('/', { cookie: forged }))).toBeNull();
    expect(hashSessionId('x')).toHaveLength(64);
  });
});
