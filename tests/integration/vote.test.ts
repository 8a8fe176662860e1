/**
 * The audience vote through its route, as a phone posts it: the choice and its confirmation, one
 * counted vote per voter (a second vote replaces the first), a closed vote that refuses and writes
 * nothing, a voter cookie that is httpOnly and SameSite=Lax, nothing of the voter or the address
 * kept in clear, the per-address limit on new ballots (set per edition from the stage control),
 * the presence check (a ballot needs the projector's code, at most 2 minutes old), and no count on
 * the page.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { action as voteAction, loader as voteLoader } from '~/routes/vote.$year';
import { getDb, schema } from '~/utils/db.server';
import { runStageCommand } from '~/utils/stage.server';
import { VOTE_DEFAULTS } from '~/domain/stage';
import { castVote, isFreshPresence, PRESENCE, presenceCode, voteRules, VOTER_COOKIE, voteCounts } from '~/utils/votes.server';
import { context, cookieFrom, formRequest, getRequest, outcome } from '../fixtures/http';
import { buildFinalWorld, cookiesOf, FINALISTS, type FinalWorld } from '../fixtures/stage';
import { stageCommand } from '../fixtures/stage-control';
import { createUser } from '../fixtures/users';

let world: FinalWorld;
let organiserCookie: string;

beforeAll(async () => {
  world = await buildFinalWorld(2023);
  organiserCookie = (await cookiesOf(world)).organiser;
});

function edition() {
  return getDb().select().from(schema.editions).where(eq(schema.editions.id, world.editionId)).get()!;
}

function stage(type: 'vote.open' | 'vote.close') {
  runStageCommand({ edition: edition(), actorId: world.organiser.id, command: { type } });
}

function settings(maxPerAddress: number, presenceCheck = true) {
  runStageCommand({ edition: edition(), actorId: world.organiser.id, command: { type: 'vote.settings', maxPerAddress, presenceCheck } });
}

/** A phone's post, carrying the code the projector shows now unless told otherwise. */
function post(fields: Record<string, string>, cookie?: string, ip = '203.0.113.50', presence: string | null = presenceCode(world.editionId).code) {
  return outcome(() =>
    voteAction({
      request: formRequest(`/vote/${world.year}`, presence === null ? fields : { presence, ...fields }, { cookie }),
      params: { year: String(world.year) },
      context: context(ip),
    }),
  );
}

function page(cookie?: string, query = '') {
  return outcome(() =>
    voteLoader({ request: getRequest(`/vote/${world.year}${query}`, { cookie }), params: { year: String(world.year) }, context: context() }),
  );
}

const votes = () => getDb().select().from(schema.votes).where(eq(schema.votes.editionId, world.editionId)).all();

describe('voting', () => {
  it('shows the ballot only once the vote is open', async () => {
    expect((await page()).data).toMatchObject({ voteOpen: false, ended: false, choice: null });
    stage('vote.open');
    const open = await page();
    expect(open.data.voteOpen).toBe(true);
    expect(open.data.finalists.map((f: { name: string }) => f.name)).toEqual(FINALISTS);
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
    expect(voted.headers.get('Location')).toMatch(new RegExp(`^/vote/${world.year}\\?voted=1&c=[A-Z0-9]{6}$`));
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

  it('slows ballot stuffing: new ballots from one address are limited by the edition’s setting; a voter may still change theirs', async () => {
    expect(voteRules(world.editionId)).toMatchObject({ maxPerAddress: VOTE_DEFAULTS.maxPerAddress, presenceCheck: true });
    settings(3);
    expect(voteRules(world.editionId).maxPerAddress).toBe(3);
    const ip = '198.51.100.99';
    const presence = presenceCode(world.editionId).code;
    for (let i = 0; i < 3; i++) {
      castVote({ editionId: world.editionId, applicationId: world.apps.Budgetly, voterId: `s${String(i).padStart(21, '0')}`, ip, presence });
    }
    const before = votes().length;
    const refused = await post({ intent: 'vote', applicationId: String(world.apps.Budgetly) }, `${VOTER_COOKIE}=${'z'.repeat(22)}`, ip);
    expect(refused.status).toBe(429);
    expect(refused.data.refused.key).toBe('stage.vote.refused.rateLimited');
    expect(refused.data.refused.params.minutes).toBeGreaterThanOrEqual(1);
    expect(votes()).toHaveLength(before);
    const changed = await post({ intent: 'vote', applicationId: String(world.apps.Civix) }, `${VOTER_COOKIE}=${'s'.padEnd(22, '0')}`, ip);
    expect(changed.status).toBe(302);
    // The organiser raises the limit (a hall behind one address): the same voter is now let in.
    settings(5);
    const admitted = await post({ intent: 'vote', applicationId: String(world.apps.Budgetly) }, `${VOTER_COOKIE}=${'z'.repeat(22)}`, ip);
    expect(admitted.status).toBe(302);
    settings(VOTE_DEFAULTS.maxPerAddress);
  });

  it('refuses a limit outside 1–100000 from the stage control, writing nothing, and audits a change', async () => {
    for (const maxPerAddress of ['0', '100001', '2.5', 'many']) {
      const result = await stageCommand(world.year, { intent: 'vote.settings', maxPerAddress, presenceCheck: 'on' }, organiserCookie);
      expect(result.status).toBe(400);
      expect(result.data).toMatchObject({ ok: false, error: { key: 'stage.errors.voteLimit' } });
    }
    expect(voteRules(world.editionId).maxPerAddress).toBe(VOTE_DEFAULTS.maxPerAddress);
    const ok = await stageCommand(world.year, { intent: 'vote.settings', maxPerAddress: '2500', presenceCheck: 'on' }, organiserCookie);
    expect(ok.status).toBe(200);
    expect(voteRules(world.editionId)).toMatchObject({ maxPerAddress: 2500, presenceCheck: true });
    const audit = getDb().select().from(schema.auditEvents).where(eq(schema.auditEvents.action, 'stage.vote.settings')).all();
    expect(audit.at(-1)).toMatchObject({ actorId: world.organiser.id });
    settings(VOTE_DEFAULTS.maxPerAddress);
  });

  it('never shows a count on the page', async () => {
    const text = JSON.stringify((await page()).data);
    expect(text).not.toMatch(/"(votes|count|counts|ballots|totalVotes)"/);
  });
});

describe('the presence check', () => {
  const choice = () => ({ intent: 'vote', applicationId: String(world.apps.Parlio) });

  it('refuses a ballot without a code, or with a code more than 2 minutes old, writing nothing, and says how to rescan', async () => {
    const before = votes();
    const none = await post(choice(), `${VOTER_COOKIE}=${'p'.repeat(22)}`, '203.0.113.60', null);
    expect(none).toMatchObject({ status: 403, data: { refused: { key: 'stage.vote.refused.presence' } } });
    const stale = presenceCode(world.editionId, Date.now() - PRESENCE.maxAgeMs - PRESENCE.periodMs).code;
    expect(isFreshPresence(world.editionId, stale)).toBe(false);
    const old = await post(choice(), `${VOTER_COOKIE}=${'p'.repeat(22)}`, '203.0.113.60', stale);
    expect(old).toMatchObject({ status: 403, data: { refused: { key: 'stage.vote.refused.presence' } } });
    // The confirmation step says so too, before the voter confirms.
    const choose = await post({ intent: 'choose', applicationId: String(world.apps.Parlio) }, undefined, '203.0.113.60', stale);
    expect(choose.status).toBe(403);
    expect(votes()).toEqual(before);
    // The page then asks for a fresh code (scan again, or type it).
    expect((await page(undefined, `?c=${stale}`)).data.presence).toMatchObject({ code: stale, fresh: false, given: true });
    expect((await page()).data.presence).toMatchObject({ code: null, fresh: false, given: false });
  });

  it('accepts a code 90 s old, or typed in lower case with a space, and another edition’s code never', async () => {
    const recent = presenceCode(world.editionId, Date.now() - 90_000).code;
    expect(isFreshPresence(world.editionId, recent)).toBe(true);
    expect((await post(choice(), `${VOTER_COOKIE}=${'q'.repeat(22)}`, '203.0.113.61', recent)).status).toBe(302);
    const typed = presenceCode(world.editionId).code.toLowerCase().replace(/^(...)/, '$1 ');
    expect((await page(undefined, `?c=${encodeURIComponent(typed)}`)).data.presence).toMatchObject({ fresh: true });
    expect((await post(choice(), `${VOTER_COOKIE}=${'r'.repeat(22)}`, '203.0.113.61', typed)).status).toBe(302);
    expect(isFreshPresence(world.editionId + 1000, presenceCode(world.editionId).code)).toBe(false);
  });

  it('can be turned off by the organiser: then a ballot needs no code', async () => {
    settings(VOTE_DEFAULTS.maxPerAddress, false);
    expect((await page()).data.presence).toBeNull();
    expect((await post(choice(), `${VOTER_COOKIE}=${'t'.repeat(22)}`, '203.0.113.62', null)).status).toBe(302);
    settings(VOTE_DEFAULTS.maxPerAddress, true);
    expect((await post(choice(), `${VOTER_COOKIE}=${'u'.repeat(22)}`, '203.0.113.62', null)).status).toBe(403);
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
