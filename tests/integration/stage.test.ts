/**
 * The stage control through its route, as the organiser's laptop posts it: every change bumps the
 * version, is audited and survives a restart; two laptops cannot overwrite each other; the reveal
 * is refused before the seal and then shows the sealed round's ranking step by step; and the
 * judges' stage target is decided by the server (a conflicted judge gets "conflicted", never the
 * sheet).
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { loader as targetLoader } from '~/routes/judge.$year.stage-target';
import { loader as stageLoader } from '~/routes/organise.$year.stage';
import { closeDb, getDb, schema } from '~/utils/db.server';
import { castVote, presenceCode } from '~/utils/votes.server';
import { context, getRequest, outcome } from '../fixtures/http';
import { buildFinalWorld, cookiesOf, EXPECTED_RANKING, sealFinal, type FinalistName, type FinalWorld } from '../fixtures/stage';
import { stageCommand } from '../fixtures/stage-control';

let world: FinalWorld;
let cookies: Awaited<ReturnType<typeof cookiesOf>>;

beforeAll(async () => {
  world = await buildFinalWorld(2023);
  cookies = await cookiesOf(world);
});

const params = () => ({ year: String(world.year) });

function post(fields: Record<string, string>, cookie = cookies.organiser) {
  return stageCommand(world.year, fields, cookie);
}

async function control() {
  const result = await outcome(() =>
    stageLoader({
      request: getRequest(`/organise/${world.year}/stage`, { cookie: cookies.organiser }),
      params: params(),
      context: context(),
    }),
  );
  expect(result.status).toBe(200);
  return result.data as Awaited<ReturnType<typeof stageLoader>>;
}

async function version() {
  return (await control()).stage.version;
}

/** Posts a command based on the current version. */
async function act(fields: Record<string, string>) {
  return post({ ...fields, version: String(await version()) });
}

function stageAudit() {
  return getDb()
    .select()
    .from(schema.auditEvents)
    .where(and(eq(schema.auditEvents.entityType, 'stage'), eq(schema.auditEvents.editionId, world.editionId)))
    .all();
}

/** Puts `startup` on stage and opens scoring, as the organiser does when a pitch ends. */
async function scoreOnStage(startup: FinalistName) {
  await act({ intent: 'current.select', applicationId: String(world.apps[startup]) });
  await act({ intent: 'scoring.open' });
}

function target(judgeIndex: number) {
  return outcome(() =>
    targetLoader({
      request: getRequest(`/judge/${world.year}/stage-target`, { cookie: cookies.judges[judgeIndex] }),
      params: params(),
      context: context(),
    }),
  );
}

describe('stage commands', () => {
  it('shows the finalists in application order before any change, at version 0', async () => {
    const page = await control();
    expect(page.stage.version).toBe(0);
    expect(page.stage.runningOrder.map((f) => f.name)).toEqual(['Civix', 'OpenLedger', 'Votabl', 'Parlio', 'Budgetly', 'Mairie+']);
    expect(page.finalRound).toMatchObject({ id: world.finalRoundId, state: 'open', sealHash: null });
    expect(page.revealSteps).toEqual([]);
  });

  it('bumps the version at every change and audits it as `stage.<command>` with before and after', async () => {
    const moved = await post({ intent: 'order.move', applicationId: String(world.apps.Votabl), direction: 'up', version: '0' });
    expect(moved).toMatchObject({ status: 200, data: { ok: true, version: 1 } });
    const selected = await act({ intent: 'current.select', applicationId: String(world.apps.Votabl) });
    expect(selected.data).toEqual({ ok: true, version: 2 });
    const page = await control();
    expect(page.stage.runningOrder.map((f) => f.name)).toEqual(['Civix', 'Votabl', 'OpenLedger', 'Parlio', 'Budgetly', 'Mairie+']);
    expect(page.stage.currentApplicationId).toBe(world.apps.Votabl);
    const audit = stageAudit();
    expect(audit.map((e) => e.action)).toEqual(['stage.order.move', 'stage.current.select']);
    expect(audit[0]).toMatchObject({ actorId: world.organiser.id, entityId: String(world.editionId) });
    expect(audit[1].before).toEqual({ currentApplicationId: null, version: 1 });
    expect(audit[1].after).toEqual({ currentApplicationId: world.apps.Votabl, version: 2 });
  });

  it('refuses a command based on an older version (a second laptop), writing nothing', async () => {
    const before = await version();
    const auditBefore = stageAudit().length;
    const result = await post({ intent: 'scoring.open', version: String(before - 1) });
    expect(result.status).toBe(409);
    expect(result.data).toMatchObject({ ok: false, form: 'scoring.open', error: { key: 'stage.errors.stale' } });
    expect(await version()).toBe(before);
    expect(stageAudit()).toHaveLength(auditBefore);
  });

  it('redirects back to the page after a post without JavaScript', async () => {
    const result = await act({ intent: 'timer.start', kind: 'qa', minutes: '3', noscript: '1' });
    expect(result.status).toBe(302);
    expect(result.headers.get('Location')).toBe(`/organise/${world.year}/stage`);
    expect((await control()).stage.timer).toMatchObject({ kind: 'qa', durationMs: 180_000 });
  });

  it('answers a refused form with its message and status, next to the right form', async () => {
    const result = await act({ intent: 'timer.start', kind: 'pitch', minutes: '0.05', form: 'timer.start:pitch' });
    expect(result).toMatchObject({
      status: 400,
      data: { ok: false, form: 'timer.start:pitch', error: { key: 'stage.errors.duration', params: { min: 10, max: 60 } } },
    });
  });

  it('keeps every change across a server restart (a new process on the same database)', async () => {
    await act({ intent: 'timer.start', kind: 'pitch', minutes: '5' });
    await act({ intent: 'scoring.open' });
    const saved = await control();
    expect(saved.stage.timer?.startedAt).not.toBeNull();

    // A restart: the database closed, every module loaded afresh (no cache, no subscriber), the file reopened.
    closeDb();
    vi.resetModules();
    const fresh = await import('~/utils/stage.server');
    const freshDb = await import('~/utils/db.server');
    const edition = freshDb.getDb().select().from(freshDb.schema.editions).where(eq(freshDb.schema.editions.id, world.editionId)).get()!;
    const resumed = fresh.publicStage(edition);
    expect(resumed.version).toBe(saved.stage.version);
    expect(resumed.currentApplicationId).toBe(world.apps.Votabl);
    expect(resumed.scoringOpen).toBe(true);
    expect(resumed.runningOrder.map((f) => f.name)).toEqual(saved.stage.runningOrder.map((f) => f.name));
    // The timer runs on from the same start time: it was not restarted nor counted locally.
    expect(resumed.timer).toEqual(saved.stage.timer);
    freshDb.closeDb();
  });
});

describe('where the judges’ tablets go', () => {
  it('nowhere while scoring is closed', async () => {
    await act({ intent: 'scoring.close' });
    const result = await target(0);
    expect(result).toMatchObject({ status: 200, data: { kind: 'idle' } });
    expect(result.headers.get('Cache-Control')).toBe('no-store');
  });

  it('to the final round’s sheet of the startup on stage when scoring opens', async () => {
    await scoreOnStage('Civix');
    const result = await target(0);
    expect(result.data).toMatchObject({
      kind: 'sheet',
      applicationId: world.apps.Civix,
      startupName: 'Civix',
      href: `/judge/${world.year}/rounds/${world.finalRoundId}/${world.apps.Civix}`,
    });
  });

  it('never to the sheet of a startup the judge is conflicted with: "conflicted" instead', async () => {
    await scoreOnStage('OpenLedger');
    const conflicted = await target(2);
    expect(conflicted.data).toEqual({
      kind: 'conflicted',
      version: await version(),
      applicationId: world.apps.OpenLedger,
      startupName: 'OpenLedger',
    });
    expect(JSON.stringify(conflicted.data)).not.toContain('/rounds/');
    expect((await target(0)).data).toMatchObject({ kind: 'sheet', applicationId: world.apps.OpenLedger });
  });

  it('says "notAssigned" to a judge without an assignment for that startup', async () => {
    getDb()
      .delete(schema.assignments)
      .where(and(eq(schema.assignments.judgeId, world.judges[1].id), eq(schema.assignments.applicationId, world.apps.OpenLedger)))
      .run();
    expect((await target(1)).data).toMatchObject({ kind: 'notAssigned', applicationId: world.apps.OpenLedger });
  });
});

describe('the reveal', () => {
  it('is refused before the final round is sealed, and writes nothing', async () => {
    await act({ intent: 'scoring.close' });
    const before = await version();
    const auditBefore = stageAudit().length;
    const result = await act({ intent: 'reveal.next' });
    expect(result).toMatchObject({ status: 409, data: { ok: false, error: { key: 'stage.errors.notSealed' } } });
    expect(await version()).toBe(before);
    expect(stageAudit()).toHaveLength(auditBefore);
    expect((await control()).stage.reveal).toBeNull();
  });

  it('is refused while the audience vote is open, even once sealed', async () => {
    await act({ intent: 'vote.open' });
    castVote({ editionId: world.editionId, applicationId: world.apps.Parlio, voterId: 'v'.repeat(22), ip: '198.51.100.7', presence: presenceCode(world.editionId).code });
    castVote({ editionId: world.editionId, applicationId: world.apps.Parlio, voterId: 'w'.repeat(22), ip: '198.51.100.7', presence: presenceCode(world.editionId).code });
    castVote({ editionId: world.editionId, applicationId: world.apps.Civix, voterId: 'x'.repeat(22), ip: '198.51.100.8', presence: presenceCode(world.editionId).code });
    sealFinal(world.editionId, world.organiser.id);
    const result = await act({ intent: 'reveal.next' });
    expect(result.data).toMatchObject({ ok: false, error: { key: 'stage.errors.voteStillOpen' } });
    await act({ intent: 'vote.close' });
  });

  it('shows people’s choice, third, second, first — each after its suspense step — then the track awards, the ranking and the seal', async () => {
    const round = getDb().select().from(schema.rounds).where(eq(schema.rounds.id, world.finalRoundId)).get()!;
    expect(round.sealHash).toMatch(/^[0-9a-f]{64}$/);
    const page = await control();
    expect(page.revealSteps).toHaveLength(10);
    const seen = [];
    for (let step = 1; step <= 10; step++) {
      const result = await act({ intent: 'reveal.next' });
      expect(result.status).toBe(200);
      const { stage } = await control();
      expect(stage.reveal).toMatchObject({ step, total: 10 });
      seen.push(stage.reveal!.slide);
    }
    expect(seen[0]).toEqual({ kind: 'peoplesChoice', suspense: true });
    expect(seen[1]).toMatchObject({ kind: 'peoplesChoice', suspense: false, winners: [{ name: 'Parlio', votes: 2 }], totalVotes: 3 });
    expect(seen[2]).toEqual({ kind: 'place', place: 3, suspense: true });
    expect(seen[3]).toMatchObject({ kind: 'place', place: 3, winners: [{ name: EXPECTED_RANKING[2] }] });
    expect(seen[5]).toMatchObject({ kind: 'place', place: 2, winners: [{ name: EXPECTED_RANKING[1] }] });
    expect(seen[7]).toMatchObject({ kind: 'place', place: 1, winners: [{ name: EXPECTED_RANKING[0] }] });
    // Each track's best-ranked finalist, as publication awards it.
    expect(seen[8].kind).toBe('tracks');
    if (seen[8].kind === 'tracks') {
      expect(seen[8].tracks.length).toBeGreaterThan(0);
      for (const track of seen[8].tracks) expect(track.winners).toHaveLength(1);
      expect(seen[8].tracks.flatMap((track) => track.winners.map((w) => w.name))).toContain(EXPECTED_RANKING[0]);
    }
    expect(seen[9]).toMatchObject({ kind: 'ranking', sealHash: round.sealHash, peoplesChoice: [{ name: 'Parlio' }] });
    if (seen[9].kind === 'ranking') expect(seen[9].ranking.map((r) => r.name)).toEqual(EXPECTED_RANKING);
  });

  it('sends only the step on screen: nothing of the steps to come', async () => {
    await act({ intent: 'reveal.previous' });
    for (let i = 0; i < 6; i++) await act({ intent: 'reveal.previous' });
    const { stage } = await control();
    expect(stage.reveal).toMatchObject({ step: 3, slide: { kind: 'place', place: 3, suspense: true } });
    expect(JSON.stringify(stage.reveal)).not.toMatch(new RegExp(`${EXPECTED_RANKING[0]}|${EXPECTED_RANKING[2]}`));
  });

  it('takes two quick presses of a clicker as two steps, and a stale press as none', async () => {
    const { stage } = await control();
    const from = stage.reveal!.step;
    expect((await post({ intent: 'reveal.next', fromStep: String(from) })).status).toBe(200);
    expect((await post({ intent: 'reveal.next', fromStep: String(from + 1) })).status).toBe(200);
    expect((await post({ intent: 'reveal.next', fromStep: String(from) })).status).toBe(409);
    expect((await control()).stage.reveal!.step).toBe(from + 2);
  });
});
