/**
 * Judges of an edition: invitations and membership.
 *
 * An invitation is a single-use link valid 14 days. Its token (32 random bytes, base64url)
 * exists only in the link shown once to the organiser: the table keeps its SHA-256, so a copy
 * of the database opens nothing. Resending gives a new token (the old one stops working);
 * revoking ends it. Accepting creates the judge's account if needed, adds the membership and
 * marks the invitation used, in one transaction with one audit event.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, asc, desc, eq, gt, isNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { INVITATION_TTL_MS } from '~/domain/judging-setup';
import { Refusal } from '~/domain/refusal';
import type { InvitationRole } from '~/domain/statuses';
import { auditedTransaction, type DbOrTx } from './audit.server';
import { getDb, schema } from './db.server';
import { assertNotFrozen } from './editions.server';
import { enqueueInvitationMail, type MailContext } from './mail.server';
import { exists, qualified } from './query.server';

export type InvitationState = 'pending' | 'accepted' | 'expired' | 'revoked';
type InvitationRow = typeof schema.invitations.$inferSelect;

export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function invitationState(
  invitation: Pick<InvitationRow, 'acceptedAt' | 'revokedAt' | 'expiresAt'>,
  now = new Date(),
): InvitationState {
  if (invitation.acceptedAt) return 'accepted';
  if (invitation.revokedAt) return 'revoked';
  if (invitation.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'pending';
}

/** The path of an invitation link; the page prefixes the site's origin. */
export function invitationPath(token: string): string {
  return `/invite/${token}`;
}

// ─── Membership ─────────────────────────────────────────────────────────────

export function isEditionJudge(editionId: number, userId: number, db: DbOrTx = getDb()): boolean {
  return exists(db, schema.editionJudges, and(eq(schema.editionJudges.editionId, editionId), eq(schema.editionJudges.userId, userId)));
}

/** The judges of an edition with their conflicts and assignments, by name. */
export function editionJudgeList(editionId: number) {
  const ej = schema.editionJudges;
  const u = schema.users;
  const c = schema.conflicts;
  const a = schema.applications;
  const asg = schema.assignments;
  const r = schema.rounds;
  return getDb()
    .select({
      id: u.id,
      name: u.name,
      email: u.email,
      joinedAt: ej.joinedAt,
      conflicts: sql<number>`(select count(*) from ${c} inner join ${a} on ${qualified(a.id)} = ${qualified(c.applicationId)} where ${qualified(c.judgeId)} = ${qualified(u.id)} and ${qualified(a.editionId)} = ${editionId})`,
      assignments: sql<number>`(select count(*) from ${asg} inner join ${r} on ${qualified(r.id)} = ${qualified(asg.roundId)} where ${qualified(asg.judgeId)} = ${qualified(u.id)} and ${qualified(r.editionId)} = ${editionId})`,
    })
    .from(ej)
    .innerJoin(u, eq(u.id, ej.userId))
    .where(eq(ej.editionId, editionId))
    .orderBy(asc(u.name), asc(u.id))
    .all();
}

// ─── The organiser's side ───────────────────────────────────────────────────

/** The edition's invitations of one role (judges by default), newest first. */
export function listInvitations(editionId: number, now = new Date(), role: InvitationRole = 'judge') {
  return invitationsWhere(and(eq(schema.invitations.editionId, editionId), eq(schema.invitations.role, role)), now);
}

/** Invitations matching a condition, newest first, with who sent and who accepted them and their state now. */
export function invitationsWhere(where: SQL | undefined, now: Date) {
  const i = schema.invitations;
  const inviter = alias(schema.users, 'inviter');
  const acceptor = alias(schema.users, 'acceptor');
  return getDb()
    .select({
      id: i.id,
      editionId: i.editionId,
      email: i.email,
      createdAt: i.createdAt,
      expiresAt: i.expiresAt,
      acceptedAt: i.acceptedAt,
      revokedAt: i.revokedAt,
      invitedByName: inviter.name,
      acceptedByName: acceptor.name,
    })
    .from(i)
    .leftJoin(inviter, eq(inviter.id, i.invitedBy))
    .leftJoin(acceptor, eq(acceptor.id, i.acceptedBy))
    .where(where)
    .orderBy(desc(i.createdAt), desc(i.id))
    .all()
    .map((row) => ({ ...row, state: invitationState(row, now) }));
}

interface OrganiserAct {
  editionId: number;
  actorId: number;
  now?: Date;
  /** Mails the link (in the same transaction, through the outbox) when given; the link is still returned to copy. */
  mail?: MailContext;
}

/** Queues the invitation's mail with its link: the judge's or the organiser's template, by the invitation's role. */
function mailInvitation(tx: DbOrTx, invitation: InvitationRow, token: string, actorId: number, mail: MailContext | undefined, now: Date) {
  if (!mail) return;
  const edition = tx.select({ name: schema.editions.name, nameFr: schema.editions.nameFr }).from(schema.editions).where(eq(schema.editions.id, invitation.editionId)).get();
  enqueueInvitationMail(
    tx,
    { role: invitation.role, email: invitation.email, token, expiresAt: invitation.expiresAt, inviterId: actorId, editionId: invitation.editionId, edition, now },
    mail,
  );
}

function newToken() {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashInvitationToken(token) };
}

/**
 * Invites an email address, as a judge of the edition (default) or as an organiser (site-wide;
 * sent from this edition, decision 031); returns the token, which is never stored.
 */
export function createInvitation({ editionId, actorId, email, role = 'judge', now = new Date(), mail }: OrganiserAct & { email: string; role?: InvitationRole }) {
  return auditedTransaction({ editionId, actorId, now }, (tx, audit) => {
    if (role === 'organiser') refuseIfOrganiser(tx, email);
    else assertNotFrozen(editionId, tx);
    const judge = role !== 'judge' ? null : tx
      .select({ id: schema.users.id })
      .from(schema.users)
      .innerJoin(schema.editionJudges, eq(schema.editionJudges.userId, schema.users.id))
      .where(and(eq(schema.users.email, email), eq(schema.editionJudges.editionId, editionId)))
      .get();
    if (judge) throw new Refusal(409, 'invitations.errors.alreadyJudge', {}, 'email');
    const i = schema.invitations;
    const pending = tx
      .select({ id: i.id })
      .from(i)
      .where(and(role === 'judge' ? eq(i.editionId, editionId) : undefined, eq(i.role, role), eq(i.email, email), isNull(i.acceptedAt), isNull(i.revokedAt), gt(i.expiresAt, now)))
      .get();
    if (pending) throw new Refusal(409, 'invitations.errors.alreadyPending', {}, 'email');
    const { token, tokenHash } = newToken();
    const invitation = tx
      .insert(i)
      .values({ editionId, email, role, tokenHash, invitedBy: actorId, createdAt: now, expiresAt: new Date(now.getTime() + INVITATION_TTL_MS) })
      .returning()
      .get();
    audit({
      action: 'invitation.create',
      entityType: 'invitation',
      entityId: invitation.id,
      before: null,
      after: { email, expiresAt: invitation.expiresAt, ...(role === 'organiser' ? { role } : {}) },
    });
    mailInvitation(tx, invitation, token, actorId, mail, now);
    return { invitation, token };
  });
}

/** An address that already organises needs no invitation. */
function refuseIfOrganiser(tx: DbOrTx, email: string): void {
  const user = tx.select({ role: schema.users.role }).from(schema.users).where(eq(schema.users.email, email)).get();
  if (user?.role === 'organiser') throw new Refusal(409, 'team.errors.alreadyOrganiser', {}, 'email');
}

function invitationOf(tx: DbOrTx, editionId: number, invitationId: number): InvitationRow {
  const i = schema.invitations;
  const row = tx.select().from(i).where(and(eq(i.id, invitationId), eq(i.editionId, editionId))).get();
  if (!row) throw new Refusal(404, 'invitations.errors.notFound');
  return row;
}

/** A new link for a pending or expired invitation: new token, 14 more days; the old link stops working. */
export function resendInvitation({ editionId, actorId, invitationId, now = new Date(), mail }: OrganiserAct & { invitationId: number }) {
  return auditedTransaction({ editionId, actorId, now }, (tx, audit) => {
    const before = invitationOf(tx, editionId, invitationId);
    if (before.role === 'judge') assertNotFrozen(editionId, tx);
    const state = invitationState(before, now);
    if (state === 'accepted' || state === 'revoked') throw new Refusal(409, `invitations.errors.cannotResend.${state}`);
    const { token, tokenHash } = newToken();
    const invitation = tx
      .update(schema.invitations)
      .set({ tokenHash, expiresAt: new Date(now.getTime() + INVITATION_TTL_MS) })
      .where(eq(schema.invitations.id, before.id))
      .returning()
      .get();
    audit({
      action: 'invitation.resend',
      entityType: 'invitation',
      entityId: invitation.id,
      before: { email: before.email, state, expiresAt: before.expiresAt },
      after: { email: invitation.email, state: 'pending', expiresAt: invitation.expiresAt },
    });
    mailInvitation(tx, invitation, token, actorId, mail, now);
    return { invitation, token };
  });
}

export function revokeInvitation({ editionId, actorId, invitationId, now = new Date() }: OrganiserAct & { invitationId: number }) {
  return auditedTransaction({ editionId, actorId, now }, (tx, audit) => {
    const before = invitationOf(tx, editionId, invitationId);
    if (before.role === 'judge') assertNotFrozen(editionId, tx);
    const state = invitationState(before, now);
    if (state === 'accepted' || state === 'revoked') throw new Refusal(409, `invitations.errors.cannotRevoke.${state}`);
    tx.update(schema.invitations).set({ revokedAt: now }).where(eq(schema.invitations.id, before.id)).run();
    audit({
      action: 'invitation.revoke',
      entityType: 'invitation',
      entityId: before.id,
      before: { email: before.email, state },
      after: { email: before.email, state: 'revoked', revokedAt: now },
    });
  });
}

// ─── The invited person's side ──────────────────────────────────────────────

/** What the link opens: the invitation, its edition, its state, and whether the address already has an account. */
export function findInvitation(token: string, now = new Date()) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const i = schema.invitations;
  const row = getDb()
    .select({
      id: i.id,
      email: i.email,
      expiresAt: i.expiresAt,
      acceptedAt: i.acceptedAt,
      revokedAt: i.revokedAt,
      editionId: i.editionId,
      role: i.role,
      year: schema.editions.year,
      editionName: schema.editions.name,
      editionNameFr: schema.editions.nameFr,
    })
    .from(i)
    .innerJoin(schema.editions, eq(schema.editions.id, i.editionId))
    .where(eq(i.tokenHash, hashInvitationToken(token)))
    .get();
  if (!row) return null;
  const account = getDb().select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.email, row.email)).get();
  return { ...row, state: invitationState(row, now), hasAccount: Boolean(account) };
}

export type Invitee =
  /** A new person: their account is created (role judge) with this name and password hash. */
  | { kind: 'new'; name: string; passwordHash: string }
  /** Someone with an account, logged in as the invited address. */
  | { kind: 'existing'; userId: number };

/** Uses the invitation: membership (and account) created, link dead. Returns the judge and the edition's year. */
export function acceptInvitation({ token, invitee, now = new Date() }: { token: string; invitee: Invitee; now?: Date }) {
  // The edition and the actor are learnt inside: the invitation's edition, the account it creates.
  return auditedTransaction({ editionId: null, actorId: null, now }, (tx, audit) => {
    const i = schema.invitations;
    const invitation = tx.select().from(i).where(eq(i.tokenHash, hashInvitationToken(token))).get();
    if (!invitation) throw new Refusal(404, 'invite.state.unknown');
    const state = invitationState(invitation, now);
    if (state !== 'pending') throw new Refusal(410, `invite.state.${state}`);
    const organiser = invitation.role === 'organiser';
    if (!organiser) assertNotFrozen(invitation.editionId, tx);

    let userId: number;
    if (invitee.kind === 'new') {
      const created = tx
        .insert(schema.users)
        .values({ email: invitation.email, name: invitee.name, passwordHash: invitee.passwordHash, role: organiser ? 'organiser' : 'judge', createdAt: now })
        .onConflictDoNothing()
        .returning({ id: schema.users.id })
        .get();
      if (!created) throw new Refusal(409, 'invite.errors.accountExists');
      userId = created.id;
    } else {
      const user = tx.select({ email: schema.users.email }).from(schema.users).where(eq(schema.users.id, invitee.userId)).get();
      if (!user || user.email !== invitation.email) throw new Refusal(403, 'invite.errors.otherAccount', { email: invitation.email });
      userId = invitee.userId;
    }
    // A founder cannot judge the edition they applied to, nor organise any (organisers see every application).
    const applied = tx
      .select({ id: schema.applications.id })
      .from(schema.applications)
      .where(and(eq(schema.applications.founderId, userId), organiser ? undefined : eq(schema.applications.editionId, invitation.editionId)))
      .get();
    if (applied) throw new Refusal(409, organiser ? 'team.errors.applicant' : 'invite.errors.applicant');

    if (organiser) tx.update(schema.users).set({ role: 'organiser' }).where(eq(schema.users.id, userId)).run();
    else tx.insert(schema.editionJudges).values({ editionId: invitation.editionId, userId, joinedAt: now }).onConflictDoNothing().run();
    // Conditional on the state, so two tabs using the same link cannot both use it.
    const used = tx
      .update(i)
      .set({ acceptedAt: now, acceptedBy: userId })
      .where(and(eq(i.id, invitation.id), isNull(i.acceptedAt), isNull(i.revokedAt), gt(i.expiresAt, now)))
      .run();
    if (used.changes !== 1) throw new Refusal(410, 'invite.state.accepted');
    audit({
      editionId: invitation.editionId,
      actorId: userId,
      action: 'invitation.accept',
      entityType: 'invitation',
      entityId: invitation.id,
      before: { email: invitation.email, state },
      after: { email: invitation.email, state: 'accepted', acceptedBy: userId, accountCreated: invitee.kind === 'new', ...(organiser ? { role: 'organiser' } : {}) },
    });
    const edition = tx.select({ year: schema.editions.year }).from(schema.editions).where(eq(schema.editions.id, invitation.editionId)).get()!;
    return { userId, year: edition.year, role: invitation.role };
  });
}
