/**
 * Login, sign-up and password-reset rate limits, counted from the `auth_attempts` table so they
 * hold across restarts and across every process sharing the database.
 *
 * Log-ins are throttled, never locked (docs/decisions/021-login-throttling.md): failed guesses
 * earn growing delays, and the delay falls on whoever guesses, not on the account's owner.
 * - per account AND address: after 5 failures of this address on this account (since its last
 *   success there, within an hour), the next try waits 1, 2, 4, 8, then 15 minutes;
 * - per address, every account: past 30 failures in 15 minutes (a script trying many accounts),
 *   the same growing delays, except for an account that has logged in from this address before
 *   (a judge on the venue's Wi-Fi still gets in when someone on it is guessing);
 * - per account, every address: when 10 or more addresses failed on it within an hour (guessing
 *   spread over many machines), addresses that never logged into it wait the same way.
 * An attempt refused by a delay is not recorded, so it neither grows the delay nor counts.
 */
import { and, count, countDistinct, eq, gt, max } from 'drizzle-orm';
import { getDb, schema } from './db.server';
import { exists } from './query.server';

type Kind = 'login' | 'signup' | 'reset';

interface SignupLimit {
  /** How many attempts fit in the window. */
  max: number;
  windowMs: number;
}

export const LIMITS = {
  signupPerIp: { max: 5, windowMs: 60 * 60_000 },
  signupPerAccount: { max: 3, windowMs: 60 * 60_000 },
  /** Password-reset links asked for (docs/decisions/029), whether or not the address has an account. */
  resetPerIp: { max: 5, windowMs: 60 * 60_000 },
  resetPerAccount: { max: 3, windowMs: 60 * 60_000 },
} satisfies Record<string, SignupLimit>;

export const LOGIN_THROTTLE = {
  /** Failures of one address on one account before the first delay. */
  perPair: { free: 5, windowMs: 60 * 60_000 },
  /** Failures of one address, all accounts, before the first delay. */
  perAddress: { free: 30, windowMs: 15 * 60_000 },
  /** Distinct failing addresses on one account before unknown addresses wait. */
  perAccount: { freeAddresses: 10, windowMs: 60 * 60_000 },
  /** A success from an address within this time makes it known for that account. */
  knownAddressMs: 30 * 24 * 60 * 60_000,
  /** The longest delay. */
  maxDelayMinutes: 15,
} as const;

const MINUTE = 60_000;

/** The delay (minutes) after `failures`, when `free` of them cost nothing: 1, 2, 4, 8, 15, 15… */
export function growingDelayMinutes(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(LOGIN_THROTTLE.maxDelayMinutes, 2 ** (failures - free));
}

function minutesLeft(latest: Date | number | null | undefined, delayMinutes: number, now: Date): number {
  if (delayMinutes === 0 || latest === null || latest === undefined) return 0;
  const at = latest instanceof Date ? latest.getTime() : Number(latest);
  const left = at + delayMinutes * MINUTE - now.getTime();
  return left > 0 ? Math.ceil(left / MINUTE) : 0;
}

const t = schema.authAttempts;

/** Whether this account logged in from this address recently. */
function isKnownAddress(ip: string, email: string, now: Date): boolean {
  const since = new Date(now.getTime() - LOGIN_THROTTLE.knownAddressMs);
  return exists(getDb(), t, and(eq(t.kind, 'login'), eq(t.email, email), eq(t.ip, ip), eq(t.succeeded, true), gt(t.at, since)));
}

function pairWait(ip: string, email: string, now: Date): number {
  const { free, windowMs } = LOGIN_THROTTLE.perPair;
  const rows = getDb()
    .select({ succeeded: t.succeeded, at: t.at })
    .from(t)
    .where(and(eq(t.kind, 'login'), eq(t.email, email), eq(t.ip, ip), gt(t.at, new Date(now.getTime() - windowMs))))
    .orderBy(t.at)
    .all();
  let failures = 0;
  let latest: Date | null = null;
  for (const row of rows) {
    if (row.succeeded) failures = 0;
    else {
      failures += 1;
      latest = row.at;
    }
  }
  return minutesLeft(latest, growingDelayMinutes(failures, free), now);
}

function addressWait(ip: string, now: Date): number {
  const { free, windowMs } = LOGIN_THROTTLE.perAddress;
  const row = getDb()
    .select({ n: count(), latest: max(t.at) })
    .from(t)
    .where(and(eq(t.kind, 'login'), eq(t.ip, ip), eq(t.succeeded, false), gt(t.at, new Date(now.getTime() - windowMs))))
    .get();
  return minutesLeft(row?.latest, growingDelayMinutes(row?.n ?? 0, free), now);
}

function accountWait(email: string, now: Date): number {
  const { freeAddresses, windowMs } = LOGIN_THROTTLE.perAccount;
  const row = getDb()
    .select({ addresses: countDistinct(t.ip), latest: max(t.at) })
    .from(t)
    .where(and(eq(t.kind, 'login'), eq(t.email, email), eq(t.succeeded, false), gt(t.at, new Date(now.getTime() - windowMs))))
    .get();
  return minutesLeft(row?.latest, growingDelayMinutes(row?.addresses ?? 0, freeAddresses), now);
}

/** Minutes this address must wait before trying this account again, or 0. */
function loginWait(ip: string, email: string, now: Date): number {
  const pair = pairWait(ip, email, now);
  if (pair > 0) return pair;
  const address = addressWait(ip, now);
  const account = accountWait(email, now);
  if (address === 0 && account === 0) return 0;
  if (isKnownAddress(ip, email, now)) return 0;
  return Math.max(address, account);
}

function windowWait(kind: 'signup' | 'reset', by: 'ip' | 'email', value: string, limit: SignupLimit, now: Date): number {
  const since = new Date(now.getTime() - limit.windowMs);
  const row = getDb()
    .select({ n: count() })
    .from(t)
    .where(and(eq(t.kind, kind), eq(by === 'ip' ? t.ip : t.email, value), gt(t.at, since)))
    .get();
  if (!row || row.n < limit.max) return 0;
  // The oldest attempt in the window leaves it first and frees one place.
  const oldest = getDb()
    .select({ at: t.at })
    .from(t)
    .where(and(eq(t.kind, kind), eq(by === 'ip' ? t.ip : t.email, value), gt(t.at, since)))
    .orderBy(t.at)
    .limit(1)
    .get();
  if (!oldest) return 0;
  return Math.max(1, Math.ceil((oldest.at.getTime() + limit.windowMs - now.getTime()) / MINUTE));
}

/** Minutes to wait before trying again, or 0 when the attempt may go ahead. */
export function minutesUntilAllowed(kind: Kind, ip: string, email: string, now = new Date()): number {
  if (kind === 'login') return email ? loginWait(ip, email, now) : addressWait(ip, now);
  if (kind === 'reset') {
    return Math.max(windowWait('reset', 'ip', ip, LIMITS.resetPerIp, now), email ? windowWait('reset', 'email', email, LIMITS.resetPerAccount, now) : 0);
  }
  return Math.max(windowWait('signup', 'ip', ip, LIMITS.signupPerIp, now), email ? windowWait('signup', 'email', email, LIMITS.signupPerAccount, now) : 0);
}

export function recordAttempt(kind: Kind, ip: string, email: string, succeeded: boolean, now = new Date()) {
  getDb().insert(schema.authAttempts).values({ kind, ip, email, succeeded, at: now }).run();
}
