/**
 * Sessions live in the database; the cookie holds only a random id (signed with the first
 * secret of SESSION_SECRET, verified with any of them), and the table holds only its SHA-256. Revoking a session (a
 * lost tablet) or logging out deletes the row, so the cookie stops working at once.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createCookie } from '@remix-run/node';
import { and, eq, lt, or, sql } from 'drizzle-orm';
import { getDb, preparedOnce, schema } from './db.server';
import { env } from './env.server';

export const SESSION_IDLE_MS = 7 * 24 * 60 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 30 * 24 * 60 * 60 * 1000;
/** lastSeenAt is written at most this often, so reading a page does not always write. */
const TOUCH_EVERY_MS = 60 * 1000;

/** The session cookie signed with `secrets[0]` and verified with any of them. */
export function sessionCookieWith(secrets: string[]) {
  return createCookie('palmares_session', {
    httpOnly: true,
    sameSite: 'lax',
    secure: env().isProduction,
    path: '/',
    secrets,
    maxAge: SESSION_ABSOLUTE_MS / 1000,
  });
}

let cookie: ReturnType<typeof createCookie> | null = null;
function sessionCookie() {
  // The first secret signs, every one verifies: SESSION_SECRET=new,old rotates without logging anyone out.
  cookie ??= sessionCookieWith(env().SESSION_SECRETS);
  return cookie;
}

export function hashSessionId(id: string): string {
  return createHash('sha256').update(id).digest('hex');
}

export interface SessionUser {
  id: number;
  email: string;
  name: string;
  role: schema.UserRole;
  sessionIdHash: string;
}

type Client = { ip: string; userAgent: string | null };

/** Starts a new session for a user (always a fresh id) and returns its Set-Cookie header. */
export async function startSession(userId: number, client: Client, now = new Date()): Promise<string> {
  const id = randomBytes(32).toString('base64url');
  getDb()
    .insert(schema.sessions)
    .values({
      idHash: hashSessionId(id),
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
      ip: client.ip,
      userAgent: client.userAgent?.slice(0, 300) ?? null,
    })
    .run();
  return sessionCookie().serialize(id);
}

/**
 * The session id of the request's cookie, its signature checked once per request: the root, the
 * frame and the page loaders and the response's `forgetEndedSession` all ask (Remix hands the same
 * request to each when its URL has no query string, remix-patches.js; decision 047).
 */
const sessionIds = new WeakMap<Request, Promise<string | null>>();

function readSessionId(request: Request): Promise<string | null> {
  let id = sessionIds.get(request);
  if (id === undefined) {
    id = sessionCookie()
      .parse(request.headers.get('Cookie'))
      .then((value) => (typeof value === 'string' && value.length > 0 ? value : null));
    sessionIds.set(request, id);
  }
  return id;
}

/** The user of a live session, or null (no cookie, unknown id, idle or absolute expiry passed). */
export async function getSessionUser(request: Request, now = new Date()): Promise<SessionUser | null> {
  const id = await readSessionId(request);
  if (!id) return null;
  const idHash = hashSessionId(id);
  const db = getDb();
  const row = sessionUserQuery().get({ idHash });
  if (!row) return null;
  const t = now.getTime();
  if (row.expiresAt.getTime() <= t || row.lastSeenAt.getTime() + SESSION_IDLE_MS <= t) {
    db.delete(schema.sessions).where(eq(schema.sessions.idHash, idHash)).run();
    return null;
  }
  if (t - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    db.update(schema.sessions).set({ lastSeenAt: now }).where(eq(schema.sessions.idHash, idHash)).run();
  }
  return { id: row.id, email: row.email, name: row.name, role: row.role, sessionIdHash: idHash };
}

/**
 * What a response tells a device whose session has ended (logged out, revoked from /account, expired):
 * forget this site's caches and storage — the judge's kept scoresheets, the service worker, the
 * outbox (docs/decisions/032-judges-offline.md). Browsers honour it on HTTPS and localhost.
 */
export const CLEAR_SITE_DATA = '"cache", "storage"';

/**
 * Whether the request carries a session cookie (validly signed) whose session no longer exists: the
 * device's next contact after a log-out elsewhere or a revocation (a lost tablet). Its response then
 * clears the site's data and the cookie (`endedSessionHeaders`).
 */
export async function sessionEnded(request: Request): Promise<boolean> {
  if (!request.headers.get('Cookie')?.includes('palmares_session=')) return false;
  const id = await readSessionId(request);
  if (!id) return false;
  return !sessionExistsQuery().get({ idHash: hashSessionId(id) });
}

/** Every logged-in request reads its session: prepared once (db.server.ts `preparedOnce`). */
const sessionUserQuery = preparedOnce((db) =>
  db
    .select({
      id: schema.users.id,
      email: schema.users.email,
      name: schema.users.name,
      role: schema.users.role,
      lastSeenAt: schema.sessions.lastSeenAt,
      expiresAt: schema.sessions.expiresAt,
    })
    .from(schema.sessions)
    .innerJoin(schema.users, eq(schema.users.id, schema.sessions.userId))
    .where(eq(schema.sessions.idHash, sql.placeholder('idHash')))
    .prepare(),
);

const sessionExistsQuery = preparedOnce((db) =>
  db.select({ idHash: schema.sessions.idHash }).from(schema.sessions).where(eq(schema.sessions.idHash, sql.placeholder('idHash'))).prepare(),
);

/**
 * When the request's session has ended, adds to its response's `headers` what tells the device to
 * forget it and everything it kept — unless the response sets a new session (a log-in).
 */
export async function forgetEndedSession(request: Request, headers: Headers): Promise<void> {
  if (headers.get('Set-Cookie')?.includes('palmares_session=') || !(await sessionEnded(request))) return;
  headers.set('Clear-Site-Data', CLEAR_SITE_DATA);
  headers.append('Set-Cookie', await sessionCookie().serialize('', { maxAge: 0, expires: new Date(0) }));
}

/** Ends the request's session (if any) and returns the Set-Cookie header that clears the cookie. */
export async function endSession(request: Request): Promise<string> {
  const id = await readSessionId(request);
  if (id) getDb().delete(schema.sessions).where(eq(schema.sessions.idHash, hashSessionId(id))).run();
  return sessionCookie().serialize('', { maxAge: 0, expires: new Date(0) });
}

/** A user's live sessions, newest first, for the "your devices" list. */
export function listSessions(userId: number) {
  return getDb()
    .select({
      idHash: schema.sessions.idHash,
      createdAt: schema.sessions.createdAt,
      lastSeenAt: schema.sessions.lastSeenAt,
      userAgent: schema.sessions.userAgent,
      ip: schema.sessions.ip,
    })
    .from(schema.sessions)
    .where(eq(schema.sessions.userId, userId))
    .orderBy(schema.sessions.lastSeenAt)
    .all()
    .reverse();
}

/** Revokes one of the user's own sessions; ownership is part of the query. Returns whether one was removed. */
export function revokeSession(userId: number, idHash: string): boolean {
  const result = getDb()
    .delete(schema.sessions)
    .where(and(eq(schema.sessions.userId, userId), eq(schema.sessions.idHash, idHash)))
    .run();
  return result.changes > 0;
}

/** Removes expired sessions (called at start-up). */
export function purgeExpiredSessions(now = new Date()): number {
  return getDb()
    .delete(schema.sessions)
    .where(
      or(
        lt(schema.sessions.expiresAt, now),
        lt(schema.sessions.lastSeenAt, new Date(now.getTime() - SESSION_IDLE_MS)),
      ),
    )
    .run().changes;
}
