/**
 * A device forgets what it kept for an account when the session ends (docs/decisions/032): the
 * log-out answers and the next contact of a tablet whose session was revoked elsewhere carry
 * `Clear-Site-Data`, which deletes the judge's kept scoresheets, service worker and outbox.
 */
import { describe, expect, it } from 'vitest';
import { action as accountAction } from '~/routes/account';
import { action as logoutAction } from '~/routes/logout';
import { forgetEndedSession, getSessionUser } from '~/utils/session.server';
import { context, formRequest, getRequest, outcome } from '../fixtures/http';
import { createUser, sessionCookie } from '../fixtures/users';

const CLEAR = '"cache", "storage"';

async function answerTo(cookie: string | undefined, responseHeaders: HeadersInit = {}) {
  const headers = new Headers(responseHeaders);
  await forgetEndedSession(getRequest('/judge/2031', { cookie }), headers);
  return headers;
}

describe('the end of a session clears what the device kept', () => {
  it('log-out answers Clear-Site-Data with the expired cookie', async () => {
    const user = await createUser('offline-logout@example.org', 'judge');
    const cookie = await sessionCookie(user.id);
    const result = await outcome(() => logoutAction({ request: formRequest('/logout', {}, { cookie }), params: {}, context: context() }));
    expect(result.status).toBe(302);
    expect(result.headers.get('Clear-Site-Data')).toBe(CLEAR);
  });

  it('logging this device out from /account answers Clear-Site-Data', async () => {
    const user = await createUser('offline-account@example.org', 'judge');
    const cookie = await sessionCookie(user.id);
    const session = await getSessionUser(getRequest('/', { cookie }));
    const result = await outcome(() =>
      accountAction({ request: formRequest('/account', { session: session!.sessionIdHash }, { cookie }), params: {}, context: context() }),
    );
    expect(result.status).toBe(302);
    expect(result.headers.get('Clear-Site-Data')).toBe(CLEAR);
  });

  it('a tablet logged out from another device is told at its next contact, and only then', async () => {
    const user = await createUser('offline-lost-tablet@example.org', 'judge');
    const tablet = await sessionCookie(user.id);
    const laptop = await sessionCookie(user.id);
    expect((await answerTo(tablet)).get('Clear-Site-Data')).toBeNull();
    const tabletSession = await getSessionUser(getRequest('/', { cookie: tablet }));
    await outcome(() =>
      accountAction({ request: formRequest('/account', { session: tabletSession!.sessionIdHash }, { cookie: laptop }), params: {}, context: context() }),
    );
    const next = await answerTo(tablet);
    expect(next.get('Clear-Site-Data')).toBe(CLEAR);
    expect(next.get('Set-Cookie')).toMatch(/palmares_session=;.*(Max-Age=0|Expires=Thu, 01 Jan 1970)/);
    // The laptop, a visitor without a session, and a log-in that sets a new session are left alone.
    expect((await answerTo(laptop)).get('Clear-Site-Data')).toBeNull();
    expect((await answerTo(undefined)).get('Clear-Site-Data')).toBeNull();
    const login = await answerTo(tablet, { 'Set-Cookie': await sessionCookie(user.id) });
    expect(login.get('Clear-Site-Data')).toBeNull();
  });
});
