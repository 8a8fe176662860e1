/**
 * Password reset (docs/decisions/029). Asking for a link always gets the same answer, whether or
 * not the address has an account, and is rate-limited per address and per account like sign-ups
 * (rate-limit.server.ts, kind `reset`). The link holds a single-use token (32 random bytes) valid
 * one hour; the table keeps its SHA-256, as invitations do. Asking again replaces the previous link.
 * Setting the new password uses the link up, revokes every session of the account, and is audited,
 * in one transaction.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { Refusal } from '~/domain/refusal';
import { auditedTransaction } from './audit.server';
import { getDb, schema } from './db.server';
import { log } from './log.server';
import { enqueueMail, recipientLang, type MailContext } from './mail.server';
import { minutesUntilAllowed, recordAttempt } from './rate-limit.server';

export const RESET_TTL_MS = 60 * 60_000;

export function hashResetToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;
const r = schema.passwordResets;

/**
 * Asks for a reset link for `email`: mailed (through the outbox) when the address has an account,
 * nothing otherwise, and the caller answers the same either way. `{ waitMinutes }` when rate-limited.
 */
export function requestPasswordReset({ email, ip, mail, now = new Date() }: { email: string; ip: string; mail: MailContext; now?: Date }): { waitMinutes: number } {
  const waitMinutes = minutesUntilAllowed('reset', ip, email, now);
  if (waitMinutes > 0) {
    log.warn('reset_rate_limited', { email, ip });
    return { waitMinutes };
  }
  recordAttempt('reset', ip, email, true, now);
  const user = getDb().select({ id: schema.users.id, name: schema.users.name }).from(schema.users).where(eq(schema.users.email, email)).get();
  if (!user) {
    log.info('reset_unknown_email', { ip });
    return { waitMinutes: 0 };
  }
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + RESET_TTL_MS);
  getDb().transaction(
    (tx) => {
      // The newest link is the only one that works.
      tx.delete(r).where(and(eq(r.userId, user.id), isNull(r.usedAt))).run();
      tx.insert(r).values({ userId: user.id, tokenHash: hashResetToken(token), createdAt: now, expiresAt }).run();
      enqueueMail(tx, {
        to: email,
        lang: recipientLang(tx, email, mail.lang),
        template: 'password.reset',
        params: { name: user.name, expiresAt: expiresAt.toISOString() },
        link: `${mail.origin}/reset-password/${token}`,
        now,
      });
    },
    { behavior: 'immediate' },
  );
  return { waitMinutes: 0 };
}

/** The account a link resets, or null when the link is unknown, used or expired. */
export function findPasswordReset(token: string, now = new Date()) {
  if (!TOKEN_SHAPE.test(token)) return null;
  const row = getDb()
    .select({ id: r.id, userId: r.userId, email: schema.users.email })
    .from(r)
    .innerJoin(schema.users, eq(schema.users.id, r.userId))
    .where(and(eq(r.tokenHash, hashResetToken(token)), isNull(r.usedAt), gt(r.expiresAt, now)))
    .get();
  return row ?? null;
}

/** Sets the new password (already hashed), uses the link up and ends every session of the account. */
export function resetPassword({ token, passwordHash, now = new Date() }: { token: string; passwordHash: string; now?: Date }) {
  return auditedTransaction({ editionId: null, actorId: null, now }, (tx, audit) => {
    if (!TOKEN_SHAPE.test(token)) throw new Refusal(410, 'reset.invalid.body');
    // Conditional on the link being live, so two tabs with the same link cannot both use it.
    const used = tx
      .update(r)
      .set({ usedAt: now })
      .where(and(eq(r.tokenHash, hashResetToken(token)), isNull(r.usedAt), gt(r.expiresAt, now)))
      .returning({ userId: r.userId })
      .get();
    if (!used) throw new Refusal(410, 'reset.invalid.body');
    tx.update(schema.users).set({ passwordHash }).where(eq(schema.users.id, used.userId)).run();
    const sessions = tx.delete(schema.sessions).where(eq(schema.sessions.userId, used.userId)).run().changes;
    tx.delete(r).where(and(eq(r.userId, used.userId), isNull(r.usedAt))).run();
    audit({
      actorId: used.userId,
      action: 'password.reset',
      entityType: 'user',
      entityId: used.userId,
      before: null,
      after: { sessionsRevoked: sessions },
    });
    return { userId: used.userId, sessionsRevoked: sessions };
  });
}
