/**
 * Choosing the finalists from the screening ranking, through the shortlist page as a browser
 * would post it: only from a locked screening, a departure from the ranking only with a written
 * reason (and then audited with it), statuses finalist / not selected for everyone at once,
 * and nothing once the final has started.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { loader as meLoader } from '~/routes/me';
import { action as shortlistAction, loader as shortlistLoader } from '~/routes/organise.$year.shortlist';
import { getDb, schema } from '~/utils/db.server';
import { departuresOf, suggestFinalists } from '~/domain/shortlist';
import { context, formAnswer, getRequest, outcome } from '../fixtures/http';
import { auditOf, resultsState, resultsWorld, setRoundState, statuses, writeSheet, marks, type ResultsWorld, type Startup } from '../fixtures/results';

let world: ResultsWorld;

function path(query = '') {
  return `/organise/${world.year}/shortlist${query}`;
}

function show(query = '') {
  return outcome(() => shortlistLoader({ request: getRequest(path(query), { cookie: world.organiser.cookie }), params: { year: String(world.year) }, context: context() }));
}

/** Posts the shortlist form; `selected` repeats, as checked boxes do. */
function confirm(selected: Startup[], fields: { mode?: string; n?: string; reason?: string } = {}) {
  const body = new URLSearchParams({ mode: fields.mode ?? 'overall', n: fields.n ?? '3', reason: fields.reason ?? '' });
  for (const name of selected) body.append('selected', String(world.apps[name]));
  const request = new Request(`http://palmares.test${path()}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: world.organiser.cookie },
    body: body.toString(),
  });
  return outcome(() => shortlistAction({ request, params: { year: String(world.year) }, context: context() }));
}

const nameOf = (id: number) => Object.entries(world.apps).find(([, v]) => v === id)![0];

beforeAll(async () => {
  world = await resultsWorld(2061);
});

describe('the suggestion (pure)', () => {
  const ranked = [
    { applicationId: 1, rank: 1 },
    { applicationId: 2, rank: 2 },
    { applicationId: 3, rank: 3 },
    { applicationId: 4, rank: 3 },
    { applicationId: 5, rank: 5 },
    { applicationId: 6, rank: 6 },
  ];
  const trackOf = new Map<number, number | null>([
    [1, 10],
    [2, 10],
    [3, 20],
    [4, 10],
    [5, null],
    [6, 20],
  ]);

  it('takes the top N overall, and every application tied at the cut-off', () => {
    expect(suggestFinalists(ranked, trackOf, 'overall', 2)).toEqual([1, 2]);
    expect(suggestFinalists(ranked, trackOf, 'overall', 3)).toEqual([1, 2, 3, 4]);
  });

  it('takes the top N of each track, applications without a track forming their own group', () => {
    expect(suggestFinalists(ranked, trackOf, 'track', 1)).toEqual([1, 3, 5]);
    expect(suggestFinalists(ranked, trackOf, 'track', 2)).toEqual([1, 2, 3, 5, 6]);
  });

  it('names the departures: added (lower-ranked) and dropped (higher-ranked)', () => {
    expect(departuresOf([1, 2, 3], [1, 3, 6])).toEqual({ added: [6], dropped: [2] });
    expect(departuresOf([1, 2], [2, 1])).toEqual({ added: [], dropped: [] });
  });
});

describe('the shortlist page', () => {
  it('refuses to shortlist while the screening round is open, and changes nothing', async () => {
    const before = resultsState(world);
    const refused = await confirm(['Votabl', 'Civix']);
    expect(refused.status).toBe(409);
    expect(formAnswer(refused.data).formError?.key).toBe('results.errors.shortlist.screeningOpen');
    expect(resultsState(world)).toEqual(before);
  });

  it('suggests from the locked screening ranking, withdrawn applications left out, ties at the cut-off kept', async () => {
    setRoundState(world.screeningId, 'locked');
    const page = (await show('?mode=overall&n=3')).data;
    expect(page.view.rows.map((r: { name: string }) => r.name)).not.toContain('Gone');
    expect(page.view.rows).toHaveLength(8);
    // OpenLedger and Lexio get the same marks from every judge: tied at 3rd, both suggested.
    expect(page.view.suggested.map(nameOf)).toEqual(['Votabl', 'Civix', 'Lexio', 'OpenLedger']);
    expect(page.preselected).toEqual(page.view.suggested);
    const tied = page.view.rows.filter((r: { tie: boolean }) => r.tie).map((r: { name: string }) => r.name);
    expect(tied).toEqual(['Lexio', 'OpenLedger']);
    const byTrack = (await show('?mode=track&n=1')).data;
    expect(byTrack.view.suggested.map(nameOf)).toEqual(['Votabl', 'Civix']);
  });

  it('refuses a departure from the ranking without a written reason, and changes nothing', async () => {
    const before = resultsState(world);
    const refused = await confirm(['Votabl', 'Civix', 'Lexio']);
    expect(refused.status).toBe(400);
    expect(formAnswer(refused.data).messages.reason).toEqual({ key: 'results.errors.shortlist.reasonRequired', params: { added: 0, dropped: 1 } });
    // The boxes come back as they were ticked.
    expect([formAnswer(refused.data).values.selected].flat().map(Number).map(nameOf)).toEqual(['Votabl', 'Civix', 'Lexio']);
    expect(resultsState(world)).toEqual(before);
    const none = await confirm([]);
    expect(none.status).toBe(400);
    expect(formAnswer(none.data).messages.selected.key).toBe('results.errors.shortlist.none');
  });

  it('confirms the suggestion: finalists, everyone else not selected, the edition in its final, all audited', async () => {
    const done = await confirm(['Votabl', 'Civix', 'Lexio', 'OpenLedger']);
    expect(done.status).toBe(302);
    expect(done.headers.get('Location')).toBe(`${path()}?done=confirmed&finalists=4&departures=0`);
    expect(statuses(world)).toEqual({
      Votabl: 'finalist',
      Civix: 'finalist',
      Lexio: 'finalist',
      OpenLedger: 'finalist',
      Budgetly: 'not_selected',
      Parlio: 'not_selected',
      Cityzen: 'not_selected',
      Transpario: 'not_selected',
      Gone: 'withdrawn',
    });
    expect(getDb().select().from(schema.editions).where(eq(schema.editions.id, world.editionId)).get()!.status).toBe('final');
    const [event] = auditOf(world, 'shortlist.confirm');
    expect(event).toMatchObject({ actorId: world.organiser.id, reason: null, after: { mode: 'overall', n: 3, added: [], dropped: [] } });
    expect(auditOf(world, 'application.status')).toHaveLength(8);
    expect(auditOf(world, 'edition.status')).toHaveLength(1);
    // The founder sees it on their own page.
    const me = await outcome(() => meLoader({ request: getRequest('/me', { cookie: world.founder.cookie }), params: {}, context: context() }));
    expect(me.data.applications.find((a: { startupName: string }) => a.startupName === 'Civix').status).toBe('finalist');
  });

  it('records a departure with its reason, on the shortlist and on each application it concerns', async () => {
    const reason = 'Parlio’s pilot with three prefectures deserves the stage; Votabl and Civix lead their tracks.';
    const done = await confirm(['Votabl', 'Civix', 'Parlio'], { mode: 'track', n: '1', reason });
    expect(done.status).toBe(302);
    expect(done.headers.get('Location')).toContain('departures=1');
    expect(statuses(world)).toMatchObject({ Votabl: 'finalist', Civix: 'finalist', Parlio: 'finalist', Lexio: 'not_selected', OpenLedger: 'not_selected' });
    const events = auditOf(world, 'shortlist.confirm');
    expect(events.at(-1)).toMatchObject({ reason, after: { mode: 'track', n: 1, added: [world.apps.Parlio], dropped: [] } });
    const parlio = auditOf(world, 'application.status').filter((e) => e.entityId === String(world.apps.Parlio));
    expect(parlio.at(-1)).toMatchObject({ reason, before: { status: 'not_selected' }, after: { status: 'finalist' } });
    const lexio = auditOf(world, 'application.status').filter((e) => e.entityId === String(world.apps.Lexio));
    // Leaving the list because the suggestion changed is no departure: no reason attached.
    expect(lexio.at(-1)).toMatchObject({ reason: null, after: { status: 'not_selected' } });
  });

  it('refuses to drop a finalist who is already assigned in the final', async () => {
    const db = getDb();
    const assignment = db.insert(schema.assignments).values({ roundId: world.finalId, judgeId: world.judges[0].id, applicationId: world.apps.Parlio }).returning().get();
    const refused = await confirm(['Votabl', 'Civix'], { mode: 'track', n: '1' });
    expect(refused.status).toBe(409);
    expect(formAnswer(refused.data).formError).toEqual({ key: 'results.errors.shortlist.assigned', params: { count: 1 } });
    db.delete(schema.assignments).where(eq(schema.assignments.id, assignment.id)).run();
  });

  it('refuses any change once the final has started, and shows the finalists read only', async () => {
    writeSheet(world.finalId, world.judges[0].id, world.apps.Votabl, marks(world, 'Votabl', 0, 'final'), 'draft');
    const before = resultsState(world);
    const refused = await confirm(['Votabl', 'Civix', 'Parlio'], { mode: 'track', n: '1', reason: 'again' });
    expect(refused.status).toBe(409);
    expect(formAnswer(refused.data).formError?.key).toBe('results.errors.shortlist.finalStarted');
    expect(resultsState(world)).toEqual(before);
    const page = (await show()).data;
    expect(page.view.finalStarted).toBe(true);
    expect(page.view.finalists.map(nameOf).sort()).toEqual(['Civix', 'Parlio', 'Votabl']);
  });
});
