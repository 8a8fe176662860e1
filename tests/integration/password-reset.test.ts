/**
 * Password reset (decision 029): the same answer whether or not the address has an account, a
 * rate limit, a single-use link valid one hour stored only as a hash, a new password under
 * sign-up's rule, and every session of the account revoked.
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { replyMessages } from '~/domain/form-reply';
import { action as forgotAction } from '~/routes/forgot-password';
import { action as resetAction, loader as resetLoader } from '~/routes/reset-password.$token';
import { getDb, schema } from '~/utils/db.server';
import { openLink } from '~/utils/mail.server';
import { verifyPassword } from '~/utils/password.server';
import { getSessionUser } from '~/utils/session.server';
import { context, formRequest, getRequest, outcome } from '../fixtures/http';
import { createUser, sessionCookie } from '../fixtures/users';

const HOUR = 60 * 60_000;
let user: { id: number; email: string };

beforeAll(async () => {
  user = await createUser('forgetful@example.org', 'judge', 'Forgetful Judge');
});

function forgot(email: string, ip = '198.51.100.1') {
  return outcome(() => forgotAction({ request: formRequest('/forgot-password', { email }), params: {}, context: context(ip) }));
}
function openReset(token: string) {
  return outcome(() => resetLoader({ request: getRequest(`/reset-password/${token}`), params: { token }, context: context() }));
}
function reset(token: string, password: string) {
  return outcome(() => resetAction({ request: formRequest(`/reset-password/${token}`, { password }), params: { token }, context: context() }));
}

/** The link of the newest reset mail to `email`, opened as the sender would. */
function lastLink(email: string): string {
  const rows = getDb().select().from(schema.mailOutbox).where(eq(schema.mailOutbox.toAddress, email)).all();
  const row = rows.at(-1)!;
  expect(row.template).toBe('password.reset');
  return openLink(row.secret!)!;
}
const tokenOf = (link: string) => link.split('/reset-password/')[1];
const isLive = async (cookie: string) => (await getSessionUser(new Request('http://palmares.test/', { headers: { Cookie: cookie } }))) !== null;

describe('asking for a link', () => {
  it('answers the same for an unknown address as for a known one, and mails only the known one', async () => {
    const outboxBefore = getDb().select().from(schema.mailOutbox).all().length;
    const known = await forgot('Forgetful@Example.org');
    const unknown = await forgot('nobody@example.org', '198.51.100.2');
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    expect(known.data).toEqual({ sent: 'forgetful@example.org' });
    expect(unknown.data).toEqual({ sent: 'nobody@example.org' });
    const mails = getDb().select().from(schema.mailOutbox).all().slice(outboxBefore);
    expect(mails.map((m) => m.toAddress)).toEqual(['forgetful@example.org']);
    // Only the hash of the token is stored.
    const token = tokenOf(lastLink('forgetful@example.org'));
    const row = getDb().select().from(schema.passwordResets).where(eq(schema.passwordResets.userId, user.id)).get()!;
    expect(row.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(getDb().select().from(schema.passwordResets).all())).not.toContain(token);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(HOUR);
  });

  it('is rate-limited per address, with the same answer for unknown addresses', async () => {
    const ip = '198.51.100.9';
    for (let i = 0; i < 5; i++) expect((await forgot(`nobody${i}@example.org`, ip)).status).toBe(200);
    const limited = await forgot('forgetful@example.org', ip);
    expect(limited.status).toBe(429);
    expect(replyMessages((limited.data as { result: never }).result)['']?.[0].key).toBe('errors.auth.tooManyAttempts');
    const limitedUnknown = await forgot('nobody-else@example.org', ip);
    expect(limitedUnknown.status).toBe(429);
  });

  it('is rate-limited per account, whatever the address', async () => {
    const victim = await createUser('victim@example.org');
    for (let i = 0; i < 3; i++) expect((await forgot(victim.email, `192.0.2.${i + 1}`)).status).toBe(200);
    expect((await forgot(victim.email, '192.0.2.99')).status).toBe(429);
  });
});

describe('using the link', () => {
  it('sets a new password under the sign-up rule, revokes every session, and works only once', async () => {
    const laptop = await sessionCookie(user.id);
    const tablet = await sessionCookie(user.id);
    await forgot('forgetful@example.org', '198.51.100.20');
    const token = tokenOf(lastLink('forgetful@example.org'));
    const page = await openReset(token);
    expect(page.status).toBe(200);
    expect(page.data.email).toBe('forgetful@example.org');

    const weak = await reset(token, 'short');
    expect(weak.status).toBe(400);
    expect(await isLive(laptop)).toBe(true);

    const done = await reset(token, 'a brand new passphrase');
    expect(done.status).toBe(302);
    expect(done.headers.get('Location')).toBe('/login?reset=1');
    const account = getDb().select().from(schema.users).where(eq(schema.users.id, user.id)).get()!;
    expect(await verifyPassword('a brand new passphrase', account.passwordHash)).toBe(true);
    expect(await isLive(laptop)).toBe(false);
    expect(await isLive(tablet)).toBe(false);
    expect(getDb().select().from(schema.auditEvents).orderBy(schema.auditEvents.id).all().at(-1)).toMatchObject({
      action: 'password.reset',
      actorId: user.id,
      entityId: String(user.id),
      after: { sessionsRevoked: 2 },
    });

    // Single use.
    expect((await openReset(token)).status).toBe(410);
    expect((await reset(token, 'yet another passphrase')).status).toBe(410);
    expect(await verifyPassword('a brand new passphrase', getDb().select().from(schema.users).where(eq(schema.users.id, user.id)).get()!.passwordHash)).toBe(true);
  });

  it('expires after one hour', async () => {
    const late = await createUser('late@example.org');
    await forgot(late.email, '198.51.100.30');
    const token = tokenOf(lastLink(late.email));
    getDb()
      .update(schema.passwordResets)
      .set({ expiresAt: new Date(Date.now() - 1) })
      .where(eq(schema.passwordResets.userId, late.id))
      .run();
    expect((await openReset(token)).status).toBe(410);
    expect((await reset(token, 'a brand new passphrase')).status).toBe(410);
  });

  it('asking again replaces the previous link', async () => {
    const twice = await createUser('twice@example.org');
    await forgot(twice.email, '198.51.100.40');
    const first = tokenOf(lastLink(twice.email));
    await forgot(twice.email, '198.51.100.41');
    const second = tokenOf(lastLink(twice.email));
    expect(second).not.toBe(first);
    expect((await openReset(first)).status).toBe(410);
    expect((await openReset(second)).status).toBe(200);
  });
});
