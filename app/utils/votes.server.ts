/**
 * The audience vote (people's choice), docs/decisions/009-voter-identity-and-rate-limit.md:
 *
 * - a voter is a random id in an httpOnly cookie (`palmares_voter`, SameSite=Lax, scoped to
 *   /vote); the database keeps only its SHA-256, so a copy of the database cannot be used to
 *   change anyone's vote;
 * - one row per voter and edition (UNIQUE): a new vote replaces the old one while voting is open;
 * - a per-address limit on *new* ballots slows a script that throws its cookie away between
 *   votes; the address is never stored, only an HMAC-SHA-256 of it keyed by a key derived (HKDF,
 *   its own label) from the server's secret
 *   (a plain hash of an IPv4 address is reversed by trying all 2³² of them);
 * - voting is open only while the stage says so, read in the same transaction as the write, so a
 *   vote that arrives after "close" is refused and writes nothing;
 * - counts are read only by the reveal (stage.server.ts) and the results (#5): no page shows them
 *   before the reveal.
 */
import { createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { and, count, eq, gt, inArray } from 'drizzle-orm';
import type { DbOrTx } from './audit.server';
import { getDb, schema } from './db.server';
import { env } from './env.server';

export const VOTER_COOKIE = 'palmares_voter';
/** Long enough for the final and its evening; the vote closes the same day. */
const VOTER_COOKIE_MAX_AGE_S = 7 * 24 * 60 * 60;
const VOTER_ID = /^[A-Za-z0-9_-]{22}$/;

/**
 * New ballots per network address in a sliding window. A hall's Wi-Fi puts hundreds of phones
 * behind one address, so the limit is generous: it slows ballot stuffing from one machine to a
 * crawl without turning away a hall that votes at once.
 */
export const VOTE_LIMITS = { newBallotsPerAddress: { max: 150, windowMs: 10 * 60_000 } } as const;

const FINALIST_STATUSES = ['finalist', 'winner'] as const;

export type VoteRefusalReason = 'closed' | 'notFinalist' | 'rateLimited';

export class VoteRefusal extends Error {
  constructor(readonly reason: VoteRefusalReason, readonly status: 404 | 409 | 429, readonly retryAfterMinutes = 0) {
    super(reason);
    this.name = 'VoteRefusal';
  }
}

// ─── The voter ──────────────────────────────────────────────────────────────

export function newVoterId(): string {
  return randomBytes(16).toString('base64url');
}

/** The voter id of the request's cookie, if it has a well-formed one. */
export function voterIdOf(request: Request): string | null {
  const header = request.headers.get('Cookie') ?? '';
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === VOTER_COOKIE) {
      const value = rest.join('=');
      return VOTER_ID.test(value) ? value : null;
    }
  }
  return null;
}

export function voterCookie(voterId: string): string {
  const secure = env().isProduction ? '; Secure' : '';
  return `${VOTER_COOKIE}=${voterId}; Path=/vote; Max-Age=${VOTER_COOKIE_MAX_AGE_S}; HttpOnly; SameSite=Lax${secure}`;
}

/** What the database keeps of a voter id. */
export function voterKey(voterId: string): string {
  return createHash('sha256').update(`palmares-voter:${voterId}`).digest('hex');
}

/** The label that makes the address key a key of its own (never the cookie-signing secret itself). */
export const ADDRESS_KEY_LABEL = 'palmares/vote-address-hmac/v1';
let derived: { secret: string; key: Buffer } | null = null;

/** The key that hashes voters' addresses: HKDF-SHA-256 of the signing secret, with its own label. */
export function addressHashKey(secret = env().SESSION_SECRET): Buffer {
  if (derived?.secret !== secret) {
    derived = { secret, key: Buffer.from(hkdfSync('sha256', secret, '', ADDRESS_KEY_LABEL, 32)) };
  }
  return derived.key;
}

/** What the database keeps of an address: an HMAC-SHA-256 keyed by a key derived from the server's secret. */
export function addressKey(ip: string): string {
  return createHmac('sha256', addressHashKey()).update(`palmares-vote-ip:${ip}`).digest('hex');
}

// ─── Voting ─────────────────────────────────────────────────────────────────

export function isVoteOpen(editionId: number, db: DbOrTx = getDb()): boolean {
  const edition = db.select({ status: schema.editions.status }).from(schema.editions).where(eq(schema.editions.id, editionId)).get();
  if (edition?.status !== 'final') return false;
  const stage = db
    .select({ voteOpen: schema.stageStates.voteOpen })
    .from(schema.stageStates)
    .where(eq(schema.stageStates.editionId, editionId))
    .get();
  return stage?.voteOpen === true;
}

function isFinalist(editionId: number, applicationId: number, db: DbOrTx): boolean {
  const a = schema.applications;
  return Boolean(
    db
      .select({ id: a.id })
      .from(a)
      .where(and(eq(a.id, applicationId), eq(a.editionId, editionId), inArray(a.status, [...FINALIST_STATUSES])))
      .get(),
  );
}

/** Minutes until this address may add a ballot, or 0. */
function minutesUntilAllowed(db: DbOrTx, editionId: number, ipHash: string, now: Date): number {
  const { max, windowMs } = VOTE_LIMITS.newBallotsPerAddress;
  const v = schema.votes;
  const since = new Date(now.getTime() - windowMs);
  const recent = db
    .select({ createdAt: v.createdAt })
    .from(v)
    .where(and(eq(v.editionId, editionId), eq(v.ipHash, ipHash), gt(v.createdAt, since)))
    .orderBy(v.createdAt)
    .limit(max)
    .all();
  if (recent.length < max) return 0;
  // The oldest ballot in the window leaves it first and frees one place.
  return Math.max(1, Math.ceil((recent[0].createdAt.getTime() + windowMs - now.getTime()) / 60_000));
}

export interface CastVote {
  editionId: number;
  applicationId: number;
  voterId: string;
  ip: string;
  now?: Date;
}

/**
 * Records a voter's choice, or replaces their earlier one. `recorded` for a first ballot,
 * `changed` when it replaced another choice, `unchanged` when it was the same choice again.
 */
export function castVote({ editionId, applicationId, voterId, ip, now = new Date() }: CastVote): 'recorded' | 'changed' | 'unchanged' {
  const key = voterKey(voterId);
  const ipHash = addressKey(ip);
  return getDb().transaction(
    (tx) => {
      if (!isVoteOpen(editionId, tx)) throw new VoteRefusal('closed', 409);
      if (!isFinalist(editionId, applicationId, tx)) throw new VoteRefusal('notFinalist', 404);
      const v = schema.votes;
      const existing = tx
        .select({ id: v.id, applicationId: v.applicationId })
        .from(v)
        .where(and(eq(v.editionId, editionId), eq(v.voterId, key)))
        .get();
      if (existing) {
        if (existing.applicationId === applicationId) return 'unchanged';
        tx.update(v).set({ applicationId, updatedAt: now }).where(eq(v.id, existing.id)).run();
        return 'changed';
      }
      const wait = minutesUntilAllowed(tx, editionId, ipHash, now);
      if (wait > 0) throw new VoteRefusal('rateLimited', 429, wait);
      tx.insert(v).values({ editionId, applicationId, voterId: key, ipHash, createdAt: now, updatedAt: now }).run();
      return 'recorded';
    },
    { behavior: 'immediate' },
  );
}

/** The finalist this voter chose, if any. */
export function currentChoice(editionId: number, voterId: string | null): number | null {
  if (!voterId) return null;
  const v = schema.votes;
  return (
    getDb()
      .select({ applicationId: v.applicationId })
      .from(v)
      .where(and(eq(v.editionId, editionId), eq(v.voterId, voterKey(voterId))))
      .get()?.applicationId ?? null
  );
}

/** Votes per finalist (for the reveal only). */
export function voteCounts(editionId: number, db: DbOrTx = getDb()): Map<number, number> {
  const v = schema.votes;
  const rows = db
    .select({ applicationId: v.applicationId, n: count() })
    .from(v)
    .where(eq(v.editionId, editionId))
    .groupBy(v.applicationId)
    .all();
  return new Map(rows.map((r) => [r.applicationId, r.n]));
}

/** How many people have voted (for the organiser: it says nothing of who leads). */
export function ballotCount(editionId: number, db: DbOrTx = getDb()): number {
  return db.select({ n: count() }).from(schema.votes).where(eq(schema.votes.editionId, editionId)).get()?.n ?? 0;
}
