/**
 * Sealing and publishing, through the organiser's results page as a browser would post it:
 * sealing needs the final round locked, publishing needs the seal (and a seal the sheets still
 * match), the seal is what an outsider recomputes, and published results are frozen — refused by
 * the application with a clear message, and by the database's triggers whatever the code path.
 */
import { createHash, randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { Refusal } from '~/domain/refusal';
import { action as scoresheetAction } from '~/routes/judge.$year.rounds.$roundId.$applicationId';
import { action as resultsAction, loader as resultsLoader } from '~/routes/organise.$year.results';
import { getDb, schema } from '~/utils/db.server';
import { suggestFinalists } from '~/domain/shortlist';
import { assertNotFrozen } from '~/utils/editions.server';
import { isFinalSealed, isFrozenError } from '~/utils/publication.server';
import { roundRankingView } from '~/utils/rankings.server';
import { confirmShortlist } from '~/utils/shortlist.server';
import { unlockRound } from '~/utils/rounds.server';
import { updateCriterion } from '~/utils/setup.server';
import { context, formAnswer, formRequest, getRequest, outcome } from '../fixtures/http';
import { auditOf, castVotes, resultsState, resultsWorld, scoreFinal, setRoundState, statuses, type ResultsWorld } from '../fixtures/results';

let world: ResultsWorld;

function post(fields: Record<string, string>, cookie = world.organiser.cookie) {
  const path = `/organise/${world.year}/results`;
  return outcome(() => resultsAction({ request: formRequest(path, fields, { cookie }), params: { year: String(world.year) }, context: context() }));
}

function overview() {
  const path = `/organise/${world.year}/results`;
  return outcome(() => resultsLoader({ request: getRequest(path, { cookie: world.organiser.cookie }), params: { year: String(world.year) }, context: context() }));
}

function finalRound() {
  return getDb().select().from(schema.rounds).where(eq(schema.rounds.id, world.finalId)).get()!;
}

/**
 * The seal, written without the app's code: the final round's submitted sheets, judges numbered
 * J1…Jn by id among those who submitted a sheet in the edition, RFC 8785 text, SHA-256.
 */
function sealFromDatabase(): string {
  const db = getDb();
  const round = finalRound();
  const judges = [
    ...new Set(
      db
        .select({ judgeId: schema.scoresheets.judgeId })
        .from(schema.scoresheets)
        .innerJoin(schema.rounds, eq(schema.rounds.id, schema.scoresheets.roundId))
        .where(and(eq(schema.rounds.editionId, world.editionId), eq(schema.scoresheets.status, 'submitted')))
        .all()
        .map((r) => r.judgeId),
    ),
  ].sort((a, b) => a - b);
  const sheets = db.select().from(schema.scoresheets).where(eq(schema.scoresheets.roundId, round.id)).all();
  const rows = sheets
    .map((sheet) => {
      const scores = db.select().from(schema.scores).where(eq(schema.scores.scoresheetId, sheet.id)).all();
      const keys = scores.map((s) => String(s.criterionId)).sort();
      const text = `{${keys.map((k) => `"${k}":${scores.find((s) => String(s.criterionId) === k)!.value}`).join(',')}}`;
      return { applicationId: sheet.applicationId, judge: judges.indexOf(sheet.judgeId) + 1, text };
    })
    .sort((a, b) => a.applicationId - b.applicationId || a.judge - b.judge)
    .map((s) => `{"applicationId":${s.applicationId},"judge":"J${s.judge}","scores":${s.text}}`);
  const document = `{"edition":${world.year},"method":"${round.method}","minSheets":${round.minSheets},"round":${round.id},"sheets":[${rows.join(',')}],"version":1}`;
  return createHash('sha256').update(document, 'utf8').digest('hex');
}

beforeAll(async () => {
  world = await resultsWorld(2051);
  setRoundState(world.screeningId, 'locked');
  const ranked = roundRankingView(world.editionId, world.screeningId).rows.filter((r) => r.rank !== null).map((r) => ({ applicationId: r.applicationId, rank: r.rank! }));
  const trackOf = new Map(Object.values(world.apps).map((id) => [id, null]));
  confirmShortlist({ editionId: world.editionId, actorId: world.organiser.id, mode: 'overall', n: 4, selected: suggestFinalists(ranked, trackOf, 'overall', 4), reason: '' });
  // One judge is assigned in the final, to try scoring through the judge's own page afterwards.
  getDb().insert(schema.assignments).values({ roundId: world.finalId, judgeId: world.judges[0].id, applicationId: world.apps.Civix }).run();
  scoreFinal(world);
});

describe('sealing the final round', () => {
  it('needs the box ticked, and the final round locked; a refusal changes nothing', async () => {
    expect(isFinalSealed(world.editionId)).toBe(false);
    const before = resultsState(world);
    const unticked = await post({ intent: 'seal' });
    expect(unticked.status).toBe(400);
    expect(formAnswer(unticked.data).messages.confirm.key).toBe('results.errors.confirmRequired');
    const open = await post({ intent: 'seal', confirm: 'yes' });
    expect(open.status).toBe(409);
    expect(formAnswer(open.data)).toMatchObject({ form: 'seal', formError: { key: 'results.errors.seal.notLocked' } });
    expect(resultsState(world)).toEqual(before);
    expect((await overview()).data.overview.sealBlockers).toEqual(['results.errors.seal.notLocked']);
  });

  it('is required before publishing', async () => {
    setRoundState(world.finalId, 'locked');
    const before = resultsState(world);
    const refused = await post({ intent: 'publish', confirm: 'yes' });
    expect(refused.status).toBe(409);
    expect(formAnswer(refused.data).formError?.key).toBe('results.errors.publish.notSealed');
    expect(resultsState(world)).toEqual(before);
  });

  it('stores the SHA-256 of the counted sheets in canonical form, audited, once', async () => {
    const sealed = await post({ intent: 'seal', confirm: 'yes' });
    expect(sealed.status).toBe(302);
    expect(sealed.headers.get('Location')).toBe(`/organise/${world.year}/results?done=seal#seal`);
    const round = finalRound();
    expect(round.sealHash).toBe(sealFromDatabase());
    expect(isFinalSealed(world.editionId)).toBe(true);
    expect(round.sealedAt).toBeInstanceOf(Date);
    const events = auditOf(world, 'round.seal');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: world.organiser.id, entityId: String(world.finalId), after: { sealHash: round.sealHash, sheets: 16 } });
    const again = await post({ intent: 'seal', confirm: 'yes' });
    expect(again.status).toBe(409);
    expect(formAnswer(again.data).formError?.key).toBe('results.errors.seal.already');
    // A sealed round is for good: the set-up page's unlock refuses it.
    expect(() => unlockRound({ editionId: world.editionId, roundId: world.finalId, actorId: world.organiser.id, reason: 'Fix a typo' })).toThrow(Refusal);
  });

  it('refuses to publish when a sheet changed after sealing', async () => {
    const db = getDb();
    const sheet = db.select().from(schema.scoresheets).where(eq(schema.scoresheets.roundId, world.finalId)).get()!;
    const where = and(eq(schema.scores.scoresheetId, sheet.id), eq(schema.scores.criterionId, world.criteria.impact));
    const original = db.select().from(schema.scores).where(where).get()!.value!;
    db.update(schema.scores).set({ value: original === 10 ? 9 : original + 1 }).where(where).run();
    const refused = await post({ intent: 'publish', confirm: 'yes' });
    expect(refused.status).toBe(409);
    expect(formAnswer(refused.data).formError?.key).toBe('results.errors.publish.sealMismatch');
    expect(getDb().select().from(schema.editions).where(eq(schema.editions.id, world.editionId)).get()!.status).toBe('final');
    db.update(schema.scores).set({ value: original }).where(where).run();
  });
});

describe('publishing', () => {
  it('gives the podium, the best finalist of each track and the people’s choice, and makes them winners', async () => {
    castVotes(world, { Lexio: 30, Votabl: 12, Civix: 5 });
    const preview = (await overview()).data.overview;
    expect(preview.publishBlockers).toEqual([]);
    const published = await post({ intent: 'publish', confirm: 'yes' });
    expect(published.status).toBe(302);

    const final = roundRankingView(world.editionId, world.finalId).rows;
    const awards = getDb().select().from(schema.awards).where(eq(schema.awards.editionId, world.editionId)).all();
    const nameOf = (id: number) => Object.entries(world.apps).find(([, v]) => v === id)![0];
    const podium = final.filter((r) => r.rank !== null && r.rank <= 3).map((r) => [r.rank, r.name]);
    expect(awards.filter((a) => a.kind === 'overall').map((a) => [a.place, nameOf(a.applicationId)]).sort()).toEqual(podium.sort());
    const bestOf = (trackId: number) => final.find((r) => r.trackId === trackId)!.name;
    expect(awards.filter((a) => a.kind === 'track').map((a) => [a.trackId, nameOf(a.applicationId)]).sort()).toEqual(
      [
        [world.tracks.transparency, bestOf(world.tracks.transparency)],
        [world.tracks.participation, bestOf(world.tracks.participation)],
      ].sort(),
    );
    expect(awards.filter((a) => a.kind === 'peoples_choice').map((a) => nameOf(a.applicationId))).toEqual(['Lexio']);
    expect(awards).toEqual(preview.awards.map(({ name: _name, ...a }: { name: string }) => expect.objectContaining(a)));

    const winners = new Set(awards.map((a) => nameOf(a.applicationId)));
    for (const [name, status] of Object.entries(statuses(world))) {
      if (winners.has(name)) expect(status, name).toBe('winner');
      else expect(status, name).not.toBe('winner');
    }
    const edition = getDb().select().from(schema.editions).where(eq(schema.editions.id, world.editionId)).get()!;
    expect(edition.status).toBe('published');
    expect(edition.publishedAt).toBeInstanceOf(Date);
    const event = auditOf(world, 'edition.publish');
    expect(event).toHaveLength(1);
    expect(event[0].after).toMatchObject({ status: 'published', seal: finalRound().sealHash });
  });
});

describe('published results are frozen', () => {
  it('in the application: every result action and every judging change says so', async () => {
    const before = resultsState(world);
    expect(() => assertNotFrozen(world.editionId)).toThrow(expect.objectContaining({ key: 'errors.edition.frozen', status: 409 }));
    for (const intent of ['seal', 'publish']) {
      const refused = await post({ intent, confirm: 'yes' });
      expect(refused.status).toBe(409);
      expect(formAnswer(refused.data).formError?.key).toBe('errors.edition.frozen');
    }
    expect(() =>
      confirmShortlist({ editionId: world.editionId, actorId: world.organiser.id, mode: 'overall', n: 2, selected: [world.apps.Parlio], reason: 'Late change' }),
    ).toThrow(expect.objectContaining({ key: 'errors.edition.frozen' }));
    // A criterion edit and a round unlock, through the set-up page's own functions.
    expect(() =>
      updateCriterion({ editionId: world.editionId, actorId: world.organiser.id }, world.criteria.team, {
        nameFr: 'Équipe',
        nameEn: 'Team',
        helpFr: '',
        helpEn: '',
        weight: 5,
        scaleMin: 1,
        scaleMax: 5,
        position: 2,
      }),
    ).toThrow(Refusal);
    expect(() => unlockRound({ editionId: world.editionId, roundId: world.screeningId, actorId: world.organiser.id, reason: 'Rescore' })).toThrow(Refusal);
    // A score update, through the judge's own scoresheet page.
    const judge = world.judges[0];
    const path = `/judge/${world.year}/rounds/${world.finalId}/${world.apps.Civix}`;
    const fields = {
      intent: 'submit',
      idempotencyKey: randomUUID(),
      revision: '0',
      overallComment: '',
      [`score-${world.criteria.impact}`]: '1',
      [`score-${world.criteria.feasibility}`]: '1',
      [`score-${world.criteria.team}`]: '1',
    };
    const scored = await outcome(() =>
      scoresheetAction({
        request: formRequest(path, fields, { cookie: judge.cookie }),
        params: { year: String(world.year), roundId: String(world.finalId), applicationId: String(world.apps.Civix) },
        context: context(),
      }),
    );
    expect(scored.status).toBeGreaterThanOrEqual(400);
    expect(resultsState(world)).toEqual(before);
  });

  it('in the database: a score update, a criterion edit, a round unlock, an award or a status change are refused whatever the SQL', () => {
    const db = getDb();
    const before = resultsState(world);
    const sheet = db.select().from(schema.scoresheets).where(eq(schema.scoresheets.roundId, world.finalId)).get()!;
    const attempts: [string, () => unknown][] = [
      ['score update', () => db.update(schema.scores).set({ value: 1 }).where(eq(schema.scores.scoresheetId, sheet.id)).run()],
      ['score delete', () => db.delete(schema.scores).where(eq(schema.scores.scoresheetId, sheet.id)).run()],
      ['sheet back to draft', () => db.update(schema.scoresheets).set({ status: 'draft' }).where(eq(schema.scoresheets.id, sheet.id)).run()],
      ['criterion edit', () => db.update(schema.criteria).set({ weight: 9 }).where(eq(schema.criteria.id, world.criteria.impact)).run()],
      ['criterion added', () => db.insert(schema.criteria).values({ editionId: world.editionId, nameEn: 'X', nameFr: 'X', weight: 1, scaleMin: 1, scaleMax: 5 }).run()],
      ['round unlock', () => db.update(schema.rounds).set({ state: 'open', lockedAt: null }).where(eq(schema.rounds.id, world.finalId)).run()],
      ['round method', () => db.update(schema.rounds).set({ method: 'zscore' }).where(eq(schema.rounds.id, world.finalId)).run()],
      ['award removed', () => db.delete(schema.awards).where(eq(schema.awards.editionId, world.editionId)).run()],
      ['status change', () => db.update(schema.applications).set({ status: 'finalist' }).where(eq(schema.applications.id, world.apps.Lexio)).run()],
      ['new assignment', () => db.insert(schema.assignments).values({ roundId: world.finalId, judgeId: world.judges[1].id, applicationId: world.apps.Parlio }).run()],
      ['new conflict', () => db.insert(schema.conflicts).values({ judgeId: world.judges[1].id, applicationId: world.apps.Votabl, reason: 'Cousin' }).run()],
      ['late vote', () => db.insert(schema.votes).values({ editionId: world.editionId, applicationId: world.apps.Votabl, voterId: 'late', ipHash: 'x', updatedAt: new Date() }).run()],
      ['unpublish', () => db.update(schema.editions).set({ status: 'final', publishedAt: null }).where(eq(schema.editions.id, world.editionId)).run()],
      ['edition deleted', () => db.delete(schema.editions).where(eq(schema.editions.id, world.editionId)).run()],
    ];
    for (const [what, attempt] of attempts) {
      let error: unknown = null;
      try {
        attempt();
      } catch (e) {
        error = e;
      }
      expect(isFrozenError(error), `${what}: ${String(error)}`).toBe(true);
    }
    expect(resultsState(world)).toEqual(before);
    // What the results do not depend on may still change: a founder can withdraw consent to publication.
    expect(() => db.update(schema.applications).set({ consentToPublication: false }).where(eq(schema.applications.id, world.apps.Civix)).run()).not.toThrow();
  });
});
