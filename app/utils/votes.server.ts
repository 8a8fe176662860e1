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
 * - the vote's rules are the edition's (`stage_states`, set from the stage control, decision 034):
 *   the per-address limit, and the presence check — a ballot carries the code the projector shows
 *   (a 6-character HMAC of the edition and the 30-second window, keyed by a key derived from the
 *   server's secret with its own label), accepted while at most 2 minutes old;
 * - counts are read only by the reveal (stage.server.ts) and the results (#5): no page shows them
 *   before the reveal.
 */
import { createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import { and, count, eq } from 'drizzle-orm';
import { Refusal } from '~/domain/refusal';
import { VOTE_DEFAULTS } from '~/domain/stage';
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
 * crawl without turning away a hall that votes at once. `max` is the default; each edition sets
 * its own from the stage control (`stage_states.vote_max_per_address`, decision 034).
 */
export const VOTE_LIMITS = { newBallotsPerAddress: { max: VOTE_DEFAULTS.maxPerAddress, windowMs: 10 * 60_000 } } as const;

/** The presence code: a new one every 30 s, accepted while at most 2 minutes old (decision 034). */
export const PRESENCE = { periodMs: 30_000, maxAgeMs: 2 * 60_000 } as const;

const FINALIST_STATUSES = ['finalist', 'winner'] as const;

/** The refusals of a vote (messages of app/i18n: `stage.vote.refused.*`). */
export const VOTE_REFUSALS = {
  closed: () => new Refusal(409, 'stage.vote.refused.closed'),
  notFinalist: () => new Refusal(404, 'stage.vote.refused.notFinalist'),
  rateLimited: (minutes: number) => new Refusal(429, 'stage.vote.refused.rateLimited', { minutes }),
  presence: () => new Refusal(403, 'stage.vote.refused.presence'),
};

// ─── The voter ──────────────────────────────────────────────────────────────

export function newVoterId(): string {
  return randomBytes(16).toString('base64url');
}

/** The voter id of the request's cookie, if it has a well-formed one. */
export function voterIdOf(request: Request): string | null {
  return voterIdOfCookie(request.headers.get('Cookie'));
}

/** The voter id in a raw Cookie header, if it has a well-formed one. */
export function voterIdOfCookie(header: string | null | undefined): string | null {
  for (const part of (header ?? '').split(';')) {
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
/** The presence code's key, a key of its own too (decision 023: one label per use). */
export const PRESENCE_KEY_LABEL = 'palmares/vote-presence-hmac/v1';
const derivedKeys = new Map<string, { secret: string; key: Buffer }>();

function derivedKey(label: string, secret: string): Buffer {
  const cached = derivedKeys.get(label);
  if (cached?.secret === secret) return cached.key;
  const key = Buffer.from(hkdfSync('sha256', secret, '', label, 32));
  derivedKeys.set(label, { secret, key });
  return key;
}

/** The key that hashes voters' addresses: HKDF-SHA-256 of the signing secret, with its own label. */
export function addressHashKey(secret = env().SESSION_SECRET): Buffer {
  return derivedKey(ADDRESS_KEY_LABEL, secret);
}

/** What the database keeps of an address: an HMAC-SHA-256 keyed by a key derived from the server's secret. */
export function addressKey(ip: string): string {
  return createHmac('sha256', addressHashKey()).update(`palmares-vote-ip:${ip}`).digest('hex');
}

// ─── The presence code ──────────────────────────────────────────────────────

/** Letters and digits nobody confuses when typing them from a screen (no 0/O, 1/I/L). */
const PRESENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const PRESENCE_LENGTH = 6;
const PRESENCE_FORMAT = new RegExp(`^[${PRESENCE_ALPHABET}]{${PRESENCE_LENGTH}}$`);

function presenceCodeOfWindow(editionId: number, window: number): string {
  const mac = createHmac('sha256', derivedKey(PRESENCE_KEY_LABEL, env().SESSION_SECRET))
    .update(`palmares-vote-presence:${editionId}:${window}`)
    .digest();
  let code = '';
  for (let i = 0; i < PRESENCE_LENGTH; i++) code += PRESENCE_ALPHABET[mac[i] % PRESENCE_ALPHABET.length];
  return code;
}

/** The code the projector shows now, and when the next one replaces it (epoch ms). */
export function presenceCode(editionId: number, now = Date.now()): { code: string; nextAt: number } {
  const window = Math.floor(now / PRESENCE.periodMs);
  return { code: presenceCodeOfWindow(editionId, window), nextAt: (window + 1) * PRESENCE.periodMs };
}

/** A code as a voter may type it (lower case, spaces): the canonical form, or null. */
export function normalisePresence(input: unknown): string | null {
  if (typeof input !== 'string') return null;
  const code = input.replace(/[\s-]/g, '').toUpperCase();
  return PRESENCE_FORMAT.test(code) ? code : null;
}

/**
 * Whether `input` is a code the projector showed at most 2 minutes ago (its age counts from the
 * moment it appeared). One window of slack ahead covers a projector whose clock runs a little fast.
 */
export function isFreshPresence(editionId: number, input: unknown, now = Date.now()): boolean {
  const code = normalisePresence(input);
  if (!code) return false;
  const current = Math.floor(now / PRESENCE.periodMs);
  const given = Buffer.from(code);
  let fresh = false;
  for (let window = current + 1; window * PRESENCE.periodMs >= now - PRESENCE.maxAgeMs; window--) {
    // Every window compared, found or not: the time taken says nothing of which one matched.
    if (timingSafeEqual(given, Buffer.from(presenceCodeOfWindow(editionId, window)))) fresh = true;
  }
  return fresh;
}

// ─── Voting ─────────────────────────────────────────────────────────────────

/** The vote's rules of an edition, as the stage control set them (defaults before any change). */
export interface VoteRules {
  open: boolean;
  maxPerAddress: number;
  presenceCheck: boolean;
}

export function voteRules(editionId: number, db: DbOrTx = getDb()): VoteRules {
  const edition = db.select({ status: schema.editions.status }).from(schema.editions).where(eq(schema.editions.id, editionId)).get();
  const s = schema.stageStates;
  const stage = db
    .select({ voteOpen: s.voteOpen, maxPerAddress: s.voteMaxPerAddress, presenceCheck: s.votePresenceCheck })
    .from(s)
    .where(eq(s.editionId, editionId))
    .get();
  return rulesOf(edition?.status, stage);
}

/** The rules from the edition's status and its stage row (none before the first change: the defaults). */
function rulesOf(
  status: string | undefined,
  stage: { voteOpen: boolean | number | null; maxPerAddress: number | null; presenceCheck: boolean | number | null } | undefined,
): VoteRules {
  return {
    open: status === 'final' && Boolean(stage?.voteOpen),
    maxPerAddress: stage?.maxPerAddress ?? VOTE_DEFAULTS.maxPerAddress,
    presenceCheck: stage?.presenceCheck === null || stage?.presenceCheck === undefined ? VOTE_DEFAULTS.presenceCheck : Boolean(stage.presenceCheck),
  };
}

export function isVoteOpen(editionId: number, db: DbOrTx = getDb()): boolean {
  return voteRules(editionId, db).open;
}

export interface CastVote {
  editionId: number;
  applicationId: number;
  voterId: string;
  ip: string;
  /** The presence code the ballot carries (from the projector's QR code, or typed). */
  presence?: string | null;
  now?: Date;
}

export type VoteOutcome = 'recorded' | 'changed' | 'unchanged';

/**
 * The ballot's statements, prepared once per database connection: a hall votes thousands of times
 * a minute, and each ballot runs four or five of them (decision 044).
 */
interface VoteStatements {
  rules: Statement;
  finalist: Statement;
  existing: Statement;
  change: Statement;
  recentFromAddress: Statement;
  oldestFromAddress: Statement;
  insert: Statement;
}
const voteStatements = new WeakMap<object, VoteStatements>();

function statementsOf(client: Database): VoteStatements {
  let prepared = voteStatements.get(client);
  if (!prepared) {
    prepared = {
      rules: client.prepare(
        `SELECT e.status AS status, s.vote_open AS voteOpen, s.vote_max_per_address AS maxPerAddress, s.vote_presence_check AS presenceCheck
           FROM editions e LEFT JOIN stage_states s ON s.edition_id = e.id WHERE e.id = ?`,
      ),
      finalist: client
        .prepare(`SELECT 1 FROM applications WHERE id = ? AND edition_id = ? AND status IN (${FINALIST_STATUSES.map((s) => `'${s}'`).join(', ')})`)
        .pluck(),
      existing: client.prepare('SELECT id, application_id AS applicationId FROM votes WHERE edition_id = ? AND voter_id = ?'),
      change: client.prepare('UPDATE votes SET application_id = ?, updated_at = ? WHERE id = ?'),
      // The new ballots of this address still in the window, counted up to the limit (no further:
      // a hall behind one address must not make every ballot read all the others), and the oldest
      // of them, which leaves the window first (index votes_edition_ip_created_idx).
      recentFromAddress: client
        .prepare('SELECT count(*) FROM (SELECT 1 FROM votes WHERE edition_id = ? AND ip_hash = ? AND created_at > ? LIMIT ?)')
        .pluck(),
      oldestFromAddress: client
        .prepare('SELECT min(created_at) FROM votes WHERE edition_id = ? AND ip_hash = ? AND created_at > ?')
        .pluck(),
      insert: client.prepare(
        'INSERT INTO votes (edition_id, application_id, voter_id, ip_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
    };
    voteStatements.set(client, prepared);
  }
  return prepared;
}

/**
 * One ballot, checked and written inside a write transaction the caller holds (BEGIN IMMEDIATE):
 * the vote is open (the edition's rules, read here, in the same transaction), the presence code is
 * fresh when the edition asks for one, the startup is a finalist, then the voter's existing ballot
 * is replaced, or a new one is added if the address is under its limit. A refusal throws before
 * anything is written; the one write is a single statement, so a ballot is all or nothing even
 * when the transaction holds others (the group commit of vote-writer.server.ts).
 */
export function applyVote(client: Database, { editionId, applicationId, voterId, ip, presence, now = new Date() }: CastVote): VoteOutcome {
  const statements = statementsOf(client);
  const row = statements.rules.get(editionId) as
    | { status: string; voteOpen: number | null; maxPerAddress: number | null; presenceCheck: number | null }
    | undefined;
  const rules = rulesOf(row?.status, row);
  if (!rules.open) throw VOTE_REFUSALS.closed();
  if (rules.presenceCheck && !isFreshPresence(editionId, presence, now.getTime())) throw VOTE_REFUSALS.presence();
  if (!statements.finalist.get(applicationId, editionId)) throw VOTE_REFUSALS.notFinalist();
  const key = voterKey(voterId);
  const at = now.getTime();
  const existing = statements.existing.get(editionId, key) as { id: number; applicationId: number } | undefined;
  if (existing) {
    if (existing.applicationId === applicationId) return 'unchanged';
    statements.change.run(applicationId, at, existing.id);
    return 'changed';
  }
  const ipHash = addressKey(ip);
  const max = rules.maxPerAddress;
  const { windowMs } = VOTE_LIMITS.newBallotsPerAddress;
  const since = at - windowMs;
  if ((statements.recentFromAddress.get(editionId, ipHash, since, max) as number) >= max) {
    // The oldest ballot in the window leaves it first and frees one place.
    const oldest = (statements.oldestFromAddress.get(editionId, ipHash, since) as number | null) ?? at;
    throw VOTE_REFUSALS.rateLimited(Math.max(1, Math.ceil((oldest + windowMs - at) / 60_000)));
  }
  statements.insert.run(editionId, applicationId, key, ipHash, at, at);
  return 'recorded';
}

/**
 * Records a voter's choice, or replaces their earlier one, in a transaction of its own.
 * `recorded` for a first ballot, `changed` when it replaced another choice, `unchanged` when it
 * was the same choice again. The vote page goes through the group commit instead
 * (`queueVote`, vote-writer.server.ts), which runs the same `applyVote`.
 */
export function castVote(vote: CastVote): VoteOutcome {
  const client = getDb().$client;
  return client.transaction(() => applyVote(client, vote)).immediate();
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
