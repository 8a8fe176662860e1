/**
 * Login and sign-up rate limits, counted from the `auth_attempts` table so they
 * hold across restarts and across every process sharing the database.
 */
import { and, count, eq, gt, min } from 'drizzle-orm';
import { getDb, schema } from './db.server';

type Kind = 'login' | 'signup';

interface Limit {
  /** How many attempts fit in the window. */
  max: number;
  windowMs: number;
  /** Count only failed attempts (logins) or every attempt (sign-ups). */
  failedOnly: boolean;
}

export const LIMITS = {
  loginPerIp: { max: 20, windowMs: 15 * 60_000, failedOnly: true },
  loginPerAccount: { max: 5, windowMs: 15 * 60_000, failedOnly: true },
  signupPerIp: { max: 5, windowMs: 60 * 60_000, failedOnly: false },
  signupPerAccount: { max: 3, windowMs: 60 * 60_000, failedOnly: false },
} satisfies Record<string, Limit>;

function check(kind: Kind, by: 'ip' | 'email', value: string, limit: Limit, now: Date): number {
  const since = new Date(now.getTime() - limit.windowMs);
  const t = schema.authAttempts;
  const row = getDb()
    .select({ n: count(), oldest: min(t.at) })
    .from(t)
    .where(
      and(
        eq(t.kind, kind),
        eq(by === 'ip' ? t.ip : t.email, value),
        gt(t.at, since),
        limit.failedOnly ? eq(t.succeeded, false) : undefined,
      ),
    )
    .get();
  if (!row || row.n < limit.max || !row.oldest) return 0;
  // The oldest attempt in the window leaves it first and frees one place.
  const oldest = row.oldest instanceof Date ? row.oldest.getTime() : Number(row.oldest);
  return Math.max(1, Math.ceil((oldest + limit.windowMs - now.getTime()) / 60_000));
}

/** Minutes to wait before trying again, or 0 when the attempt may go ahead. */
export function minutesUntilAllowed(kind: Kind, ip: string, email: string, now = new Date()): number {
  const [perIp, perAccount] =
    kind === 'login' ? [LIMITS.loginPerIp, LIMITS.loginPerAccount] : [LIMITS.signupPerIp, LIMITS.signupPerAccount];
  return Math.max(check(kind, 'ip', ip, perIp, now), email ? check(kind, 'email', email, perAccount, now) : 0);
}

export function recordAttempt(kind: Kind, ip: string, email: string, succeeded: boolean, now = new Date()) {
  getDb().insert(schema.authAttempts).values({ kind, ip, email, succeeded, at: now }).run();
}
