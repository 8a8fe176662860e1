/**
 * The live channel, read from the loader's Response as a browser would read it: the retry hint
 * and the current state on connect (id = version), every change after it (and only changes), the
 * shared heartbeat, the clean-up when the client goes away, and a payload that never carries a
 * score or a vote count before the reveal.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loader as eventsLoader } from '~/routes/editions.$year_.stage.events';
import { getDb, schema } from '~/utils/db.server';
import { HEARTBEAT_MS, subscriberCount } from '~/utils/events.server';
import { castVote, presenceCode } from '~/utils/votes.server';
import { BASE, context, outcome } from '../fixtures/http';
import { buildFinalWorld, cookiesOf, FINALISTS, SseReader, type FinalWorld } from '../fixtures/stage';
import { stageCommand } from '../fixtures/stage-control';

let world: FinalWorld;
let organiser: string;
const open: { reader: SseReader; abort: AbortController }[] = [];

beforeAll(async () => {
  world = await buildFinalWorld(2023);
  organiser = (await cookiesOf(world)).organiser;
});

afterEach(async () => {
  for (const { abort } of open.splice(0)) abort.abort();
  vi.useRealTimers();
});

async function connect(year = world.year) {
  const abort = new AbortController();
  const request = new Request(`${BASE}/editions/${year}/stage/events`, { signal: abort.signal });
  const response = (await eventsLoader({ request, params: { year: String(year) }, context: context() })) as Response;
  const reader = new SseReader(response.body!);
  open.push({ reader, abort });
  return { response, reader, abort };
}

function command(fields: Record<string, string>) {
  return stageCommand(world.year, fields, organiser);
}

describe('GET /editions/:year/stage/events', () => {
  it('answers with an event stream that no cache or proxy may buffer', async () => {
    const { response } = await connect();
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/event-stream; charset=utf-8');
    expect(response.headers.get('Cache-Control')).toBe('no-cache, no-transform');
    expect(response.headers.get('X-Accel-Buffering')).toBe('no');
  });

  it('sends the retry hint and the current state on connect, with the version as the event id', async () => {
    const { reader } = await connect();
    expect(await reader.next()).toEqual({ kind: 'retry', retry: 2000 });
    const first = await reader.nextStage();
    expect(first.id).toBe(String(first.state.version));
    expect(first.state).toMatchObject({ year: 2023, editionStatus: 'final', currentApplicationId: null, voteOpen: false, reveal: null });
    expect(first.state.runningOrder.map((f: { name: string }) => f.name)).toEqual(FINALISTS);
    expect(Math.abs(first.state.now - Date.now())).toBeLessThan(2_000);
  });

  it('sends every change after it, in order, to every open connection', async () => {
    const a = await connect();
    const b = await connect();
    const start = (await a.reader.nextStage()).state.version;
    await b.reader.nextStage();

    expect((await command({ intent: 'current.select', applicationId: String(world.apps.Votabl), version: String(start) })).status).toBe(
      200,
    );
    expect((await command({ intent: 'timer.start', kind: 'pitch', minutes: '5', version: String(start + 1) })).status).toBe(200);
    expect((await command({ intent: 'scoring.open', version: String(start + 2) })).status).toBe(200);

    for (const { reader } of [a, b]) {
      const changes = [await reader.nextStage(), await reader.nextStage(), await reader.nextStage()];
      expect(changes.map((c) => c.id)).toEqual([String(start + 1), String(start + 2), String(start + 3)]);
      expect(changes[0].state.currentApplicationId).toBe(world.apps.Votabl);
      expect(changes[1].state.timer).toMatchObject({ kind: 'pitch', durationMs: 300_000, elapsedMs: 0 });
      expect(Math.abs(changes[1].state.timer.startedAt - Date.now())).toBeLessThan(5_000);
      expect(changes[2].state.scoringOpen).toBe(true);
    }
  });

  it('sends nothing for a command that changes nothing, nor for a refused one', async () => {
    const { reader } = await connect();
    const { state } = await reader.nextStage();
    await command({ intent: 'current.select', applicationId: String(world.apps.Civix), version: String(state.version) });
    const { state: onStage } = await reader.nextStage();
    expect(onStage.currentApplicationId).toBe(world.apps.Civix);
    // Civix is already on stage: no change. An old version: refused.
    expect(
      (await command({ intent: 'current.select', applicationId: String(world.apps.Civix), version: String(onStage.version) })).status,
    ).toBe(200);
    expect((await command({ intent: 'scoring.open', version: String(onStage.version - 1) })).status).toBe(409);
    await reader.expectSilence(300);
  });

  it('never carries a score, nor a vote count before the reveal', async () => {
    const first = await connect();
    const { state: before } = await first.reader.nextStage();
    if (!before.voteOpen) await command({ intent: 'vote.open', version: String(before.version) });
    castVote({ editionId: world.editionId, applicationId: world.apps.Civix, voterId: 'a'.repeat(22), ip: '198.51.100.1', presence: presenceCode(world.editionId).code });
    castVote({ editionId: world.editionId, applicationId: world.apps.Civix, voterId: 'b'.repeat(22), ip: '198.51.100.1', presence: presenceCode(world.editionId).code });
    const { reader } = await connect();
    const { state } = await reader.nextStage();
    expect(state.voteOpen).toBe(true);
    const text = JSON.stringify(state);
    expect(text).not.toMatch(/"(score|scores|total|votes|totalVotes|meanTotal)"/);
    expect(state.reveal).toBeNull();
    expect(Object.keys(state).sort()).toEqual(
      [
        'currentApplicationId',
        'editionName',
        'editionNameFr',
        'editionStatus',
        'now',
        'reveal',
        'runningOrder',
        'scoringOpen',
        'timer',
        'version',
        'voteOpen',
        'year',
      ].sort(),
    );
    for (const finalist of state.runningOrder) {
      expect(Object.keys(finalist).sort()).toEqual(['applicationId', 'logoUrl', 'name', 'oneLiner', 'trackEn', 'trackFr']);
    }
  });

  it('forgets a connection when the client goes away, and stops the heartbeat with the last one', async () => {
    for (const { abort } of open.splice(0)) abort.abort();
    expect(subscriberCount(world.editionId)).toBe(0);
    // With the clock faked from here, the heartbeat the next connection starts is the one timer
    // counted; a heartbeat left running by the earlier connections would keep it from starting.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { reader, abort } = await connect();
    await reader.nextStage();
    expect(subscriberCount(world.editionId)).toBe(1);
    expect(vi.getTimerCount()).toBe(1);
    abort.abort();
    expect(subscriberCount(world.editionId)).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
    expect(await reader.next()).toBeNull();
  });

  it('sends a heartbeat comment every 15 s to every connection, from one shared timer', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const a = await connect();
    const b = await connect();
    await a.reader.nextStage();
    await b.reader.nextStage();
    vi.advanceTimersByTime(HEARTBEAT_MS);
    expect(await a.reader.next()).toEqual({ kind: 'comment', comment: 'heartbeat' });
    expect(await b.reader.next()).toEqual({ kind: 'comment', comment: 'heartbeat' });
    expect(vi.getTimerCount()).toBe(1);
  });

  it('is a 404 for an edition that does not exist', async () => {
    const result = await outcome(() =>
      eventsLoader({ request: new Request(`${BASE}/editions/1999/stage/events`), params: { year: '1999' }, context: context() }),
    );
    expect(result.status).toBe(404);
  });
});

describe('the stage row after those changes', () => {
  it('holds what the channel sent', async () => {
    const row = getDb()
      .select()
      .from(schema.stageStates)
      .all()
      .find((r) => r.editionId === world.editionId)!;
    const { reader } = await connect();
    const { state } = await reader.nextStage();
    expect(state.version).toBe(row.version);
    expect(state.currentApplicationId).toBe(row.currentApplicationId);
  });
});
