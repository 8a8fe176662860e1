/**
 * The ballots' group commit (app/utils/vote-writer.server.ts, decision 044): ballots queued in the
 * same turn share one transaction, each checked on its own — a refused one leaves the others, a
 * voter's second ballot in the same batch replaces their first, the per-address limit counts the
 * batch's earlier ballots — and every promise settles after the commit. Also the ballot's post as
 * server.js asks it before Remix (`acceptBallot`): the redirect of an accepted ballot, null otherwise.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb, schema } from '~/utils/db.server';
import { runStageCommand } from '~/utils/stage.server';
import { acceptBallot } from '~/utils/vote-post.server';
import { queueVote, voteWriterStats } from '~/utils/vote-writer.server';
import { voterKey } from '~/utils/votes.server';
import { buildFinalWorld, type FinalWorld } from '../fixtures/stage';

let world: FinalWorld;

beforeAll(async () => {
  world = await buildFinalWorld(2023);
  const edition = getDb().select().from(schema.editions).where(eq(schema.editions.id, world.editionId)).get()!;
  runStageCommand({ edition, actorId: world.organiser.id, command: { type: 'vote.settings', maxPerAddress: 3, presenceCheck: false } });
  runStageCommand({ edition, actorId: world.organiser.id, command: { type: 'vote.open' } });
});

const voter = (n: number) => `batch${String(n).padStart(17, '0')}`;
const ballotOf = (id: string) =>
  getDb().select().from(schema.votes).where(eq(schema.votes.voterId, voterKey(id))).get();

describe('the group commit', () => {
  it('applies ballots queued together in one transaction, each checked on its own', async () => {
    const before = voteWriterStats();
    const results = await Promise.allSettled([
      queueVote({ editionId: world.editionId, applicationId: world.apps.Civix, voterId: voter(1), ip: '198.51.100.10' }),
      queueVote({ editionId: world.editionId, applicationId: 999_999, voterId: voter(2), ip: '198.51.100.10' }),
      queueVote({ editionId: world.editionId, applicationId: world.apps.Votabl, voterId: voter(3), ip: '198.51.100.10' }),
      // The first voter again, in the same batch: their ballot is replaced, not added.
      queueVote({ editionId: world.editionId, applicationId: world.apps.Parlio, voterId: voter(1), ip: '198.51.100.10' }),
      queueVote({ editionId: world.editionId, applicationId: world.apps.Parlio, voterId: voter(4), ip: '198.51.100.10' }),
      // The address's fourth new ballot (limit 3), counting the batch's own.
      queueVote({ editionId: world.editionId, applicationId: world.apps.Civix, voterId: voter(5), ip: '198.51.100.10' }),
    ]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as { key: string }).key))).toEqual([
      'recorded',
      'stage.vote.refused.notFinalist',
      'recorded',
      'changed',
      'recorded',
      'stage.vote.refused.rateLimited',
    ]);
    const after = voteWriterStats();
    expect(after.batches - before.batches).toBe(1);
    expect(ballotOf(voter(1))?.applicationId).toBe(world.apps.Parlio);
    expect(ballotOf(voter(2))).toBeUndefined();
    expect(ballotOf(voter(5))).toBeUndefined();
  });

  it('answers an accepted form post with its redirect (and a cookie for a new voter), anything else with null for Remix', async () => {
    const body = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
    const first = await acceptBallot({ year: String(world.year), body: body({ intent: 'vote', applicationId: String(world.apps.Civix), presence: 'abc def' }), cookie: undefined, ip: '198.51.100.20' });
    // The presence code carried on, normalised, as the route's action does.
    expect(first?.location).toBe(`/vote/${world.year}?voted=1&c=ABCDEF`);
    expect(first?.setCookie).toMatch(/^palmares_voter=[A-Za-z0-9_-]{22}; Path=\/vote;/);
    const known = await acceptBallot({ year: String(world.year), body: body({ intent: 'vote', applicationId: String(world.apps.Votabl) }), cookie: `palmares_voter=${voter(6)}`, ip: '198.51.100.20' });
    expect(known).toEqual({ location: `/vote/${world.year}?voted=1`, setCookie: null });
    expect(ballotOf(voter(6))?.applicationId).toBe(world.apps.Votabl);
    for (const [year, fields] of [
      [String(world.year), { intent: 'choose', applicationId: String(world.apps.Civix) }],
      [String(world.year), { intent: 'vote', applicationId: '999999' }],
      [String(world.year), { intent: 'vote', applicationId: 'x' }],
      ['1999', { intent: 'vote', applicationId: String(world.apps.Civix) }],
    ] as const) {
      expect(await acceptBallot({ year, body: body(fields), cookie: `palmares_voter=${voter(7)}`, ip: '198.51.100.21' })).toBeNull();
    }
    expect(ballotOf(voter(7))).toBeUndefined();
  });
});
