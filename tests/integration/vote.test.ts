/**
 * The audience vote through its route, as a phone posts it: the choice and its confirmation, one
 * counted vote per voter (a second vote replaces the first), a closed vote that refuses and writes
 * nothing, a voter cookie that is httpOnly and SameSite=Lax, nothing of the voter or the address
 * kept in clear, the per-address limit on new ballots, and no count on the page.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { action as voteAction, loader as voteLoader } from '~/routes/vote.$year';
import { getDb, schema } from '~/utils/db.server';
import { runStageCommand } from '~/utils/stage.server';
import { castVote, VOTE_LIMITS, VOTER_COOKIE, voteCounts } from '~/utils/votes.server';
import { context, cookieFrom, formRequest, getRequest, outcome } from '../fixtures/http';
import { buildFinalWorld, type FinalWorld } from '../fixtures/stage';
import { createUser } from '../fixtures/users';

let world: FinalWorld;

beforeAll(async () => {
  world = await buildFinalWorld(2023);
});

function edition() {
  return getDb().select().from(schema.editions).where(eq(schema.editions.id, world.editionId)).get()!;
}

function stage(type: 'vote.open' | 'vote.close') {
  runStageCommand({ edition: edition(), actorId: world.organiser.id, command: { type } });
}

function post(fields: Record<string, string>, cookie?: string, ip = '203.0.113.50') {
  return outcome(() =>
    voteAction({
      request: formRequest(`/vote/${world.year}`, fields, { cookie }),
      params: { year: String(world.year) },
      context: context(ip),
    }),
  );
}

function page(cookie?: string) {
  return outcome(() =>
    voteLoader({ request: getRequest(`/vote/${world.year}`, { cookie }), params: { year: String(world.year) }, context: context() }),
  );
}

const votes = () => getDb().select().from(schema.votes).where(eq(schema.votes.editionId, world.editionId)).all();

describe('voting', () => {
  it('shows the ballot only once the vote is open', async () => {
    expect((await page()).data).toMatchObject({ voteOpen: false, ended: false, choice: null });
    stage('vote.open');
    const open = await page();
    expect(open.data.voteOpen).toBe(true);
    expect(open.data.finalists.map((f: { name: string }) => f.name)).toEqual([
      'Civix',
      'OpenLedger',
      'Votabl',
      'Parlio',
      'Budgetly',
      'Mairie+',
    ]);
  });

  it('asks for a confirmation first (writing nothing) and gives the voter an httpOnly, SameSite=Lax cookie', async () => {
    const chosen = await post({ intent: 'choose', applicationId: String(world.apps.Civix) });
    expect(chosen).toMatchObject({ status: 200, data: { confirm: world.apps.Civix } });
    const setCookie = chosen.headers.get('Set-Cookie')!;
    expect(setCookie).toMatch(new RegExp(`^${VOTER_COOKIE}=[A-Za-z0-9_-]{22};`));
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).toMatch(/Path=\/vote/);
    expect(votes()).toHaveLength(0);
  });

  it('records the confirmed vote, keeping neither the voter id nor the address in clear', async () => {
    const cookie = cookieFrom((await post({ intent: 'choose', applicationId: String(world.apps.Civix) })).headers.get('Set-Cookie'));
    const voted = await post({ intent: 'vote', applicationId: String(world.apps.Civix) }, cookie, '203.0.113.51');
    expect(voted.status).toBe(302);
    expect(voted.headers.get('Location')).toBe(`/vote/${world.year}?voted=1`);
    const [row] = votes();
    expect(row.applicationId).toBe(world.apps.Civix);
    expect(row.voterId).toMatch(/^[0-9a-f]{64}$/);
    expect(row.voterId).not.toContain(cookie.split('=')[1]);
    expect(row.ipHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.ipHash).not.toContain('203.0.113.51');
    expect((await page(cookie)).data.choice).toBe(world.apps.Civix);
  });

  it('replaces a voter’s first vote with the second: one vote counted', async () => {
    const cookie = cookieFrom((await post({ intent: 'choose', applicationId: String(world.apps.Parlio) })).headers.get('Set-Cookie'));
    const before = votes().length;
    await post({ intent: 'vote', applicationId: String(world.apps.Parlio) }, cookie);
    await post({ intent: 'vote', applicationId: String(world.apps.Votabl) }, cookie);
    const after = votes();
    expect(after).toHaveLength(before + 1);
    const counts = voteCounts(world.editionId);
    expect(counts.get(world.apps.Votabl)).toBe(1);
    expect(counts.get(world.apps.Parlio) ?? 0).toBe(0);
    expect((await page(cookie)).data.choice).toBe(world.apps.Votabl);
  });

  it('refuses a startup that is not a finalist of the edition (404), writing nothing', async () => {
    const founder = await createUser('not-a-finalist@example.org', 'founder');
    const other = getDb()
      .insert(schema.applications)
      .values({
        editionId: world.editionId,
        founderId: founder.id,
        status: 'submitted',
        startupName: 'Not a finalist',
        updatedAt: new Date(),
      })
      .returning()
      .get();
    const before = votes();
    const result = await post({ intent: 'vote', applicationId: String(other.id) }, `${VOTER_COOKIE}=${'n'.repeat(22)}`);
    expect(result).toMatchObject({ status: 404, data: { refused: { key: 'stage.vote.refused.notFinalist' } } });
    expect(votes()).toEqual(before);
  });

  it('slows ballot stuffing: new ballots from one address are limited; a voter may still change theirs', async () => {
    const ip = '198.51.100.99';
    const { max } = VOTE_LIMITS.newBallotsPerAddress;
    for (let i = 0; i < max; i++) {
      castVote({ editionId: world.editionId, applicationId: world.apps.Budgetly, voterId: `s${String(i).padStart(21, '0')}`, ip });
    }
    const before = votes().length;
    const refused = await post({ intent: 'vote', applicationId: String(world.apps.Budgetly) }, `${VOTER_COOKIE}=${'z'.repeat(22)}`, ip);
    expect(refused.status).toBe(429);
    expect(refused.data.refused.key).toBe('stage.vote.refused.rateLimited');
    expect(refused.data.refused.params.minutes).toBeGreaterThanOrEqual(1);
    expect(votes()).toHaveLength(before);
    const changed = await post({ intent: 'vote', applicationId: String(world.apps.Civix) }, `${VOTER_COOKIE}=${'s'.padEnd(22, '0')}`, ip);
    expect(changed.status).toBe(302);
  });

  it('never shows a count on the page', async () => {
    const text = JSON.stringify((await page()).data);
    expect(text).not.toMatch(/"(votes|count|counts|ballots|totalVotes)"/);
  });
});

describe('a closed vote', () => {
  it('refuses every vote and every change, writing nothing, and says so', async () => {
    const cookie = `${VOTER_COOKIE}=${'c'.repeat(22)}`;
    await post({ intent: 'vote', applicationId: String(world.apps.Civix) }, cookie);
    stage('vote.close');
    const before = votes();
    for (const fields of [
      { intent: 'vote', applicationId: String(world.apps.Votabl) },
      { intent: 'choose', applicationId: String(world.apps.Votabl) },
    ]) {
      for (const who of [cookie, undefined]) {
        const result = await post(fields, who);
        expect(result.status).toBe(409);
        expect(result.data).toMatchObject({ refused: { key: 'stage.vote.refused.closed' } });
      }
    }
    expect(votes()).toEqual(before);
    expect((await page(cookie)).data).toMatchObject({ voteOpen: false, choice: world.apps.Civix });
  });
});
