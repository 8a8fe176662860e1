/**
 * Who may do what on the stage: the stage control (page and every command) is for organisers only,
 * whatever a form posts; the stage target is for the edition's judges; the projector, the live
 * channel and the vote page are public. A refused request writes nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loader as projectorLoader } from '~/routes/editions.$year_.stage';
import { loader as eventsLoader } from '~/routes/editions.$year_.stage.events';
import { loader as targetLoader } from '~/routes/judge.$year.stage-target';
import { loader as stageLoader } from '~/routes/organise.$year.stage';
import { loader as voteLoader } from '~/routes/vote.$year';
import { getDb, schema } from '~/utils/db.server';
import { BASE, context, getRequest, outcome } from '../fixtures/http';
import { buildFinalWorld, cookiesOf, type FinalWorld } from '../fixtures/stage';
import { stageCommand } from '../fixtures/stage-control';
import { addJudge, createEdition, createUser, sessionCookie } from '../fixtures/users';

let world: FinalWorld;
let organiser: string;
let judge: string;
let founder: string;
let otherJudge: string;

beforeAll(async () => {
  world = await buildFinalWorld(2023);
  const cookies = await cookiesOf(world);
  organiser = cookies.organiser;
  judge = cookies.judges[0];
  founder = await sessionCookie((await createUser('founder-guards@example.org', 'founder')).id);
  const other = createEdition(2030, 'judging');
  const stranger = await createUser('judge-of-2030@example.org', 'judge');
  addJudge(other.id, stranger.id);
  otherJudge = await sessionCookie(stranger.id);
});

const params = { year: '2023' };

function written() {
  const db = getDb();
  return { stage: db.select().from(schema.stageStates).all(), audit: db.select().from(schema.auditEvents).all() };
}

describe('the stage control /organise/:year/stage', () => {
  it('sends a visitor who is not logged in to log in, then back', async () => {
    const result = await outcome(() => stageLoader({ request: getRequest('/organise/2023/stage'), params, context: context() }));
    expect(result.status).toBe(302);
    expect(result.headers.get('Location')).toBe(`/login?${new URLSearchParams({ redirectTo: '/organise/2023/stage' })}`);
  });

  it.each([
    ['a founder', () => founder],
    ['a judge of the edition', () => judge],
  ])('is forbidden to %s', async (_who, cookie) => {
    const result = await outcome(() =>
      stageLoader({ request: getRequest('/organise/2023/stage', { cookie: cookie() }), params, context: context() }),
    );
    expect(result.status).toBe(403);
  });

  it('refuses every command from anyone but an organiser, and writes nothing', async () => {
    const before = written();
    const commands: Record<string, string>[] = [
      { intent: 'current.select', applicationId: String(world.apps.Civix) },
      { intent: 'scoring.open' },
      { intent: 'vote.open' },
      { intent: 'reveal.next' },
      { intent: 'timer.start', kind: 'pitch', minutes: '5' },
    ];
    for (const cookie of [undefined, founder, judge, otherJudge]) {
      for (const fields of commands) {
        const result = await stageCommand(2023, { ...fields, version: '0' }, cookie);
        expect(result.status, `${fields.intent} by ${cookie ?? 'a visitor'}`).toBe(cookie ? 403 : 302);
      }
    }
    expect(written()).toEqual(before);
  });

  it('lets an organiser in', async () => {
    const page = await outcome(() =>
      stageLoader({ request: getRequest('/organise/2023/stage', { cookie: organiser }), params, context: context() }),
    );
    expect(page.status).toBe(200);
    const done = await stageCommand(2023, { intent: 'vote.open', version: '0' }, organiser);
    expect(done.status).toBe(200);
  });

  it('is a 404 for an edition that does not exist, even for an organiser', async () => {
    const result = await outcome(() =>
      stageLoader({ request: getRequest('/organise/1999/stage', { cookie: organiser }), params: { year: '1999' }, context: context() }),
    );
    expect(result.status).toBe(404);
  });

  it('refuses a request no form of ours sends (400)', async () => {
    const result = await stageCommand(2023, { intent: 'drop.tables', version: '1' }, organiser);
    expect(result.status).toBe(400);
  });
});

describe('the stage target /judge/:year/stage-target', () => {
  it('is for judges of that edition only', async () => {
    const anonymous = await outcome(() => targetLoader({ request: getRequest('/judge/2023/stage-target'), params, context: context() }));
    expect(anonymous.status).toBe(302);
    for (const cookie of [organiser, founder, otherJudge]) {
      const result = await outcome(() =>
        targetLoader({ request: getRequest('/judge/2023/stage-target', { cookie }), params, context: context() }),
      );
      expect(result.status).toBe(403);
    }
    const own = await outcome(() =>
      targetLoader({ request: getRequest('/judge/2023/stage-target', { cookie: judge }), params, context: context() }),
    );
    expect(own.status).toBe(200);
  });
});

describe('the public pages', () => {
  it('serves the projector, the live channel and the vote page to anyone', async () => {
    const projector = await outcome(() => projectorLoader({ request: getRequest('/editions/2023/stage'), params, context: context() }));
    expect(projector.status).toBe(200);
    expect(projector.data).toMatchObject({ canControl: false, voteUrl: `${BASE}/vote/2023`, shortVoteUrl: 'palmares.test/vote/2023' });
    const asOrganiser = await outcome(() =>
      projectorLoader({ request: getRequest('/editions/2023/stage', { cookie: organiser }), params, context: context() }),
    );
    expect(asOrganiser.data.canControl).toBe(true);
    const abort = new AbortController();
    const events = (await eventsLoader({
      request: new Request(`${BASE}/editions/2023/stage/events`, { signal: abort.signal }),
      params,
      context: context(),
    })) as Response;
    expect(events.status).toBe(200);
    abort.abort();
    const vote = await outcome(() => voteLoader({ request: getRequest('/vote/2023'), params, context: context() }));
    expect(vote.status).toBe(200);
  });
});
