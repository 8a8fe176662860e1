/**
 * The ballot's form post answered before Express and Remix (docs/decisions/044-votes-group-commit.md).
 *
 * In production, server.js reads a same-origin, urlencoded `POST /vote/:year` (the no-JavaScript
 * form of the vote page, the one a hall of phones sends) and asks this module first. The common
 * case — a confirmed ballot (`intent=vote`) that is accepted — is answered here exactly as the
 * route's action answers it: the voter cookie set on a first post, the ballot through the group
 * commit (`queueVote`, same checks), then a 302 to `/vote/:year?voted=1` once committed. Anything
 * else (the "choose" step, a refused ballot, a malformed form, an unknown edition) returns null, and
 * server.js gives the same request to Remix, whose action checks again and renders the page with its
 * message: nothing was written for it here.
 */
import type { Statement } from 'better-sqlite3';
import { presenceQuery } from '~/components/VoteBallot';
import { isPublicEdition } from '~/domain/edition-status';
import type { EditionStatus } from '~/domain/statuses';
import { getDb } from './db.server';
import { queueVote } from './vote-writer.server';
import { newVoterId, normalisePresence, voterCookie, voterIdOfCookie } from './votes.server';

export interface BallotPost {
  year: string;
  /** The urlencoded body. */
  body: string;
  cookie: string | undefined;
  /** The client's address as Express would see it (trust proxy). */
  ip: string;
}

export interface BallotAnswer {
  location: string;
  /** The new voter's cookie, on their first post. */
  setCookie: string | null;
}

const editionStatements = new WeakMap<object, Statement>();

/** The edition of a public URL (as requirePublicEdition), by one statement prepared once per connection. */
function publicEdition(year: string): { id: number; year: number } | null {
  const client = getDb().$client;
  let statement = editionStatements.get(client);
  if (!statement) {
    statement = client.prepare('SELECT id, year, status FROM editions WHERE year = ?');
    editionStatements.set(client, statement);
  }
  const row = statement.get(Number(year)) as { id: number; year: number; status: EditionStatus } | undefined;
  return row && isPublicEdition(row.status) ? row : null;
}

/** The redirect of an accepted ballot, once committed; null for Remix to answer. */
export async function acceptBallot({ year, body, cookie, ip }: BallotPost): Promise<BallotAnswer | null> {
  const form = new URLSearchParams(body);
  const applicationId = Number(form.get('applicationId'));
  if (form.get('intent') !== 'vote' || !Number.isSafeInteger(applicationId) || applicationId <= 0) return null;
  const edition = publicEdition(year);
  if (!edition) return null;
  let voterId = voterIdOfCookie(cookie);
  let setCookie: string | null = null;
  if (!voterId) {
    voterId = newVoterId();
    setCookie = voterCookie(voterId);
  }
  const presence = normalisePresence(form.get('presence'));
  try {
    await queueVote({ editionId: edition.id, applicationId, voterId, ip, presence });
  } catch {
    // Refused (or the batch failed): Remix answers, checking again, with the page and its message.
    return null;
  }
  return { location: `/vote/${edition.year}?voted=1${presenceQuery(presence, '&')}`, setCookie };
}
