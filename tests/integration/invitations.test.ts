/**
 * Inviting judges: the organiser's side (/organise/:year/judges) and the invited person's
 * (/invite/:token). The token lives only in the link; the table keeps its SHA-256. A link works
 * once, for 14 days, until revoked or replaced by a resend.
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { Refusal } from '~/domain/refusal';
import { action as inviteAction, loader as inviteLoader } from '~/routes/invite.$token';
import { action as judgesAction, loader as judgesLoader } from '~/routes/organise.$year.judges';
import { getDb, schema } from '~/utils/db.server';
import { acceptInvitation, createInvitation, findInvitation, invitationState } from '~/utils/invitations.server';
import { getSessionUser } from '~/utils/session.server';
import { cookieFrom, formAnswer, getRequest } from '../fixtures/http';
import { auditCount, countRows, judgingEdition, lastAudit, load, post, type JudgingEdition } from '../fixtures/judging';
import { createUser, PASSWORD, sessionCookie } from '../fixtures/users';

const DAY = 24 * 60 * 60 * 1000;
let e: JudgingEdition;

beforeAll(async () => {
  e = await judgingEdition(2051, { applications: 2, judges: 1 });
});

const judges = (fields: Record<string, string>, cookie = e.organiser.cookie) =>
  post(judgesAction, `/organise/${e.year}/judges`, { year: String(e.year) }, fields, cookie);
const openLink = (token: string, cookie?: string) => load(inviteLoader, `/invite/${token}`, { token }, cookie);
const useLink = (token: string, fields: Record<string, string>, cookie?: string) => post(inviteAction, `/invite/${token}`, { token }, fields, cookie);

/** Invites through the organiser's form and returns the token read from the link shown. */
async function invite(email: string): Promise<string> {
  const result = await judges({ intent: 'invitation.create', email });
  expect(result.status).toBe(200);
  const link: string = result.data.invitationLink.link;
  expect(link).toMatch(new RegExp(`^http://palmares\\.test/invite/[A-Za-z0-9_-]{43}$`));
  return link.split('/invite/')[1];
}

const invitationOf = (email: string) => getDb().select().from(schema.invitations).where(eq(schema.invitations.email, email)).get()!;

describe('inviting', () => {
  it('shows the link once and stores only the SHA-256 of its 32-byte token, with one audit event', async () => {
    const before = auditCount();
    const token = await invite('New.Judge@Example.org ');
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const row = invitationOf('new.judge@example.org');
    expect(row.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(getDb().select().from(schema.invitations).all())).not.toContain(token);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(14 * DAY);
    expect(auditCount()).toBe(before + 1);
    const event = lastAudit();
    expect(event).toMatchObject({ action: 'invitation.create', entityType: 'invitation', entityId: String(row.id) });
    expect(JSON.stringify(event)).not.toContain(token);
    expect(JSON.stringify(event)).not.toContain(row.tokenHash);

    const page = await load(judgesLoader, `/organise/${e.year}/judges`, { year: String(e.year) }, e.organiser.cookie);
    expect(page.data.invitations[0]).toMatchObject({ email: 'new.judge@example.org', state: 'pending' });
    expect(JSON.stringify(page.data)).not.toContain(token);
  });

  it('refuses an invalid address, a second pending invitation, and a judge of the edition, writing nothing', async () => {
    const before = auditCount();
    const invitations = countRows(schema.invitations);
    const invalid = await judges({ intent: 'invitation.create', email: 'not an address' });
    expect(invalid.status).toBe(400);
    expect(formAnswer(invalid.data).messages.email.key).toBe('errors.email.invalid');
    expect(formAnswer(invalid.data).values.email).toBe('not an address');
    const twice = await judges({ intent: 'invitation.create', email: 'new.judge@example.org' });
    expect(twice.status).toBe(409);
    expect(formAnswer(twice.data).messages.email.key).toBe('invitations.errors.alreadyPending');
    const member = await judges({ intent: 'invitation.create', email: e.judges[0].email });
    expect(member.status).toBe(409);
    expect(formAnswer(member.data).messages.email.key).toBe('invitations.errors.alreadyJudge');
    expect(countRows(schema.invitations)).toBe(invitations);
    expect(auditCount()).toBe(before);
  });
});

describe('accepting as a new person', () => {
  it('refuses a short password, keeps the name, and creates nothing', async () => {
    const token = await invite('short@example.org');
    const users = countRows(schema.users);
    const result = await useLink(token, { intent: 'signup', name: 'Camille Short', password: 'too short' });
    expect(result.status).toBe(400);
    expect(formAnswer(result.data).fieldErrors.password).toBe('errors.password.tooShort');
    expect(formAnswer(result.data).values).toEqual({ intent: 'signup', name: 'Camille Short' });
    expect(countRows(schema.users)).toBe(users);
    expect(invitationState(invitationOf('short@example.org'))).toBe('pending');
  });

  it('creates a judge, adds them to the edition, logs them in and goes to /judge/:year; the link then is used up', async () => {
    const token = await invite('camille@example.org');
    const page = await openLink(token);
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({ state: 'pending', invitation: { email: 'camille@example.org', hasAccount: false, year: e.year } });

    const before = auditCount();
    const result = await useLink(token, { intent: 'signup', name: 'Camille Martin', password: 'a long enough password' });
    expect(result.status).toBe(302);
    expect(result.headers.get('Location')).toBe(`/judge/${e.year}`);
    const user = getDb().select().from(schema.users).where(eq(schema.users.email, 'camille@example.org')).get()!;
    expect(user).toMatchObject({ name: 'Camille Martin', role: 'judge' });
    expect(user.passwordHash).toMatch(/^scrypt\$/);
    const membership = getDb().select().from(schema.editionJudges).where(eq(schema.editionJudges.userId, user.id)).all();
    expect(membership.map((m) => m.editionId)).toEqual([e.edition.id]);
    const session = await getSessionUser(getRequest('/', { cookie: cookieFrom(result.headers.get('Set-Cookie')) }));
    expect(session?.id).toBe(user.id);
    expect(invitationOf('camille@example.org')).toMatchObject({ acceptedBy: user.id });
    expect(auditCount()).toBe(before + 1);
    expect(lastAudit()).toMatchObject({ action: 'invitation.accept', actorId: user.id, after: expect.objectContaining({ accountCreated: true }) });

    // Single use.
    const users = countRows(schema.users);
    const again = await useLink(token, { intent: 'signup', name: 'Someone Else', password: 'another long password' });
    expect(again.status).toBe(410);
    expect(formAnswer(again.data).formError?.key).toBe('invite.state.accepted');
    expect((await openLink(token)).status).toBe(410);
    expect((await openLink(token)).data.state).toBe('accepted');
    expect(countRows(schema.users)).toBe(users);
  });
});

describe('accepting with an existing account', () => {
  it('logs in with the password of the invited address and joins', async () => {
    const existing = await createUser('veteran@example.org', 'judge', 'Veteran Judge');
    const token = await invite('veteran@example.org');
    expect((await openLink(token)).data.invitation.hasAccount).toBe(true);
    const wrong = await useLink(token, { intent: 'login', password: 'not the password', email: 'someone-else@example.org' });
    expect(wrong.status).toBe(400);
    expect(formAnswer(wrong.data).formError?.key).toBe('errors.auth.invalidCredentials');
    expect(invitationState(invitationOf('veteran@example.org'))).toBe('pending');

    const result = await useLink(token, { intent: 'login', password: PASSWORD });
    expect(result.status).toBe(302);
    expect(result.headers.get('Location')).toBe(`/judge/${e.year}`);
    expect(result.headers.get('Set-Cookie')).toBeTruthy();
    const members = getDb().select().from(schema.editionJudges).where(eq(schema.editionJudges.editionId, e.edition.id)).all();
    expect(members.map((m) => m.userId)).toContain(existing.id);
    expect(lastAudit()).toMatchObject({ action: 'invitation.accept', after: expect.objectContaining({ accountCreated: false }) });
  });

  it('joins in one click when already logged in as the invited address, never as another account', async () => {
    const invited = await createUser('logged-in@example.org', 'judge');
    const other = await createUser('other-account@example.org', 'judge');
    const token = await invite('logged-in@example.org');
    const asOther = await useLink(token, { intent: 'join' }, await sessionCookie(other.id));
    expect(asOther.status).toBe(403);
    expect(formAnswer(asOther.data).formError).toEqual({ key: 'invite.errors.otherAccount', params: { email: 'logged-in@example.org' } });
    const page = await openLink(token, await sessionCookie(invited.id));
    expect(page.data.user.email).toBe('logged-in@example.org');
    const result = await useLink(token, { intent: 'join' }, await sessionCookie(invited.id));
    expect(result.status).toBe(302);
    expect(invitationOf('logged-in@example.org').acceptedBy).toBe(invited.id);
  });

  it('refuses a founder who applied to the edition', async () => {
    const founder = e.founders[0];
    const token = await invite(founder.email);
    const result = await useLink(token, { intent: 'join' }, await sessionCookie(founder.id));
    expect(result.status).toBe(409);
    expect(formAnswer(result.data).formError?.key).toBe('invite.errors.applicant');
    expect(invitationState(invitationOf(founder.email))).toBe('pending');
  });
});

describe('expiry, revocation and resending', () => {
  it('expires 14 days after it was sent', async () => {
    const sent = new Date('2051-03-01T09:00:00Z');
    const { token } = createInvitation({ editionId: e.edition.id, actorId: e.organiser.id, email: 'late@example.org', now: sent });
    const justBefore = new Date(sent.getTime() + 14 * DAY - 1);
    const justAfter = new Date(sent.getTime() + 14 * DAY);
    expect(findInvitation(token, justBefore)?.state).toBe('pending');
    expect(findInvitation(token, justAfter)?.state).toBe('expired');
    const users = countRows(schema.users);
    expect(() => acceptInvitation({ token, invitee: { kind: 'new', name: 'Late', passwordHash: 'scrypt$x' }, now: justAfter })).toThrow(
      expect.objectContaining({ status: 410, key: 'invite.state.expired' }),
    );
    expect(countRows(schema.users)).toBe(users);
    // Today is long after 2051-03-15 only in this test's story: the page says so too.
    const { token: old } = createInvitation({ editionId: e.edition.id, actorId: e.organiser.id, email: 'older@example.org', now: new Date(Date.now() - 15 * DAY) });
    const page = await openLink(old);
    expect(page.status).toBe(410);
    expect(page.data.state).toBe('expired');
    const use = await useLink(old, { intent: 'signup', name: 'Older', password: 'a long enough password' });
    expect(use.status).toBe(410);
  });

  it('revoking kills the link, with one audit event', async () => {
    const token = await invite('revoked@example.org');
    const before = auditCount();
    const result = await judges({ intent: 'invitation.revoke', invitationId: String(invitationOf('revoked@example.org').id) });
    expect(result.status).toBe(302);
    expect(auditCount()).toBe(before + 1);
    expect(lastAudit()).toMatchObject({ action: 'invitation.revoke', after: expect.objectContaining({ state: 'revoked' }) });
    expect((await openLink(token)).data.state).toBe('revoked');
    const use = await useLink(token, { intent: 'signup', name: 'Revoked', password: 'a long enough password' });
    expect(use.status).toBe(410);
    expect(formAnswer(use.data).formError?.key).toBe('invite.state.revoked');
    const twice = await judges({ intent: 'invitation.revoke', invitationId: String(invitationOf('revoked@example.org').id) });
    expect(twice.status).toBe(409);
  });

  it('resending gives a new link and kills the old one', async () => {
    const oldToken = await invite('resend@example.org');
    const row = invitationOf('resend@example.org');
    const before = auditCount();
    const result = await judges({ intent: 'invitation.resend', invitationId: String(row.id) });
    expect(result.status).toBe(200);
    expect(result.data.invitationLink).toMatchObject({ email: 'resend@example.org', resent: true });
    const newToken = result.data.invitationLink.link.split('/invite/')[1];
    expect(newToken).not.toBe(oldToken);
    expect(auditCount()).toBe(before + 1);
    expect(lastAudit()).toMatchObject({ action: 'invitation.resend', entityId: String(row.id) });
    const dead = await openLink(oldToken);
    expect(dead.status).toBe(404);
    expect(dead.data.state).toBe('unknown');
    expect((await openLink(newToken)).data.state).toBe('pending');
    expect(invitationOf('resend@example.org').tokenHash).toBe(createHash('sha256').update(newToken).digest('hex'));
  });

  it('answers an unknown or malformed token with a clear 404 page', async () => {
    for (const token of ['x'.repeat(43), 'not a token', '../../etc']) {
      const page = await openLink(token);
      expect(page.status).toBe(404);
      expect(page.data.state).toBe('unknown');
    }
  });

  it('the server functions refuse what the page would not offer', () => {
    const accepted = invitationOf('camille@example.org');
    expect(() =>
      createInvitation({ editionId: e.edition.id, actorId: e.organiser.id, email: 'camille@example.org' }),
    ).toThrow(Refusal);
    expect(accepted.acceptedAt).toBeInstanceOf(Date);
  });
});
