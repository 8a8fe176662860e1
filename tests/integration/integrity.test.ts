/**
 * The integrity rules of issue 11, each as a user would meet it:
 * 1. a founder never judges their own application, in either order;
 * 2. once the final is sealed, nothing changes the sheets it counts (a finalist's withdrawal, a
 *    conflict declared or removed), so publication is never blocked for good;
 * 3. a finalist on stage is named during the live final whatever their consent to publication
 *    (decision 027), the application form says so, and the logo still needs the consent;
 * 4. "Close scoring" on stage is a rule: final-round saves are refused while it is closed;
 * 5. judges lose access to decks once the edition is published.
 */
import { randomUUID } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { translate } from '~/i18n/messages.server';
import { action as withdrawAction } from '~/routes/apply.$year.withdraw';
import { loader as eventsLoader } from '~/routes/editions.$year_.stage.events';
import { action as conflictsAction } from '~/routes/judge.$year.conflicts';
import { action as scoresheetAction, loader as scoresheetLoader } from '~/routes/judge.$year.rounds.$roundId.$applicationId';
import { loader as voteLoader } from '~/routes/vote.$year';
import { saveSection } from '~/utils/applications.server';
import { addAssignment, applyAutoAssignment } from '~/utils/assignments.server';
import { removeConflict } from '~/utils/conflicts.server';
import { getDb, schema } from '~/utils/db.server';
import { fileViewableBy } from '~/utils/files.server';
import { acceptInvitation, createInvitation } from '~/utils/invitations.server';
import { publishResults } from '~/utils/publication.server';
import { runStageCommand } from '~/utils/stage.server';
import { completeAnswers } from '../fixtures/applications';
import { BASE, context, formAnswer, formRequest, getRequest, outcome } from '../fixtures/http';
import { judgingEdition } from '../fixtures/judging';
import { buildFinalWorld, cookiesOf, sealFinal, SseReader, type FinalWorld } from '../fixtures/stage';
import { addJudge, createUser, sessionCookie } from '../fixtures/users';

const DAY = 24 * 60 * 60 * 1000;

function edition(id: number) {
  return getDb().select().from(schema.editions).where(eq(schema.editions.id, id)).get()!;
}

function openForApplications(editionId: number) {
  const now = Date.now();
  getDb()
    .update(schema.editions)
    .set({ status: 'open', applicationsOpenAt: new Date(now - 10 * DAY), applicationsCloseAt: new Date(now + 10 * DAY) })
    .where(eq(schema.editions.id, editionId))
    .run();
}

function countOf(table: SQLiteTable) {
  return getDb().select({ n: count() }).from(table).get()!.n;
}

// ─── 1. Own application ─────────────────────────────────────────────────────

describe('a founder never judges their own application', () => {
  it('invited first, then applying: an author conflict is recorded and audited; assignment and scoring keep them off it', async () => {
    const e = await judgingEdition(2061, { applications: 2, judges: 2 });
    openForApplications(e.edition.id);
    // A founder account invited to judge the edition, who then applies to it.
    const founderJudge = await createUser('founder-judge-2061@example.org', 'founder', 'Founder Judge');
    addJudge(e.edition.id, founderJudge.id);
    const saved = saveSection({
      founderId: founderJudge.id,
      edition: edition(e.edition.id),
      section: 'startup',
      raw: { ...completeAnswers(e.trackId).startup, startupName: 'Own Startup' },
      revision: 0,
    });
    expect(saved).toMatchObject({ ok: true });
    const own = getDb()
      .select()
      .from(schema.applications)
      .where(and(eq(schema.applications.editionId, e.edition.id), eq(schema.applications.founderId, founderJudge.id)))
      .get()!;

    const conflict = getDb()
      .select()
      .from(schema.conflicts)
      .where(and(eq(schema.conflicts.judgeId, founderJudge.id), eq(schema.conflicts.applicationId, own.id)))
      .get();
    expect(conflict).toMatchObject({ reason: 'author', declaredBy: null });
    const audited = getDb()
      .select()
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.action, 'conflict.declare'), eq(schema.auditEvents.entityId, String(conflict!.id))))
      .get();
    expect(audited).toMatchObject({ editionId: e.edition.id, reason: 'author' });

    // The final puts every judge on every finalist — except on their own application.
    getDb().update(schema.applications).set({ status: 'finalist' }).where(eq(schema.applications.editionId, e.edition.id)).run();
    getDb().update(schema.editions).set({ status: 'final' }).where(eq(schema.editions.id, e.edition.id)).run();
    applyAutoAssignment({ editionId: e.edition.id, roundId: e.final.id, actorId: e.organiser.id, seed: 1, replace: false });
    const mine = getDb()
      .select()
      .from(schema.assignments)
      .where(and(eq(schema.assignments.judgeId, founderJudge.id), eq(schema.assignments.roundId, e.final.id)))
      .all();
    expect(mine.map((a) => a.applicationId).sort()).toEqual(e.applications.map((a) => a.id).sort());
    expect(() => addAssignment({ editionId: e.edition.id, roundId: e.final.id, judgeId: founderJudge.id, applicationId: own.id, actorId: e.organiser.id })).toThrow(
      expect.objectContaining({ key: 'assignments.errors.conflicted' }),
    );
  });

  it('scoring refuses the author even when an assignment exists by some other way', async () => {
    const e = await judgingEdition(2062, { applications: 1, judges: 1 });
    const judge = e.judges[0];
    // Legacy data: the judge's own application, assigned, with no conflict recorded.
    const own = getDb()
      .insert(schema.applications)
      .values({ editionId: e.edition.id, founderId: judge.id, trackId: e.trackId, status: 'submitted', startupName: 'Mine', updatedAt: new Date() })
      .returning()
      .get();
    getDb().insert(schema.assignments).values({ roundId: e.screening.id, judgeId: judge.id, applicationId: own.id }).run();
    const path = `/judge/${e.year}/rounds/${e.screening.id}/${own.id}`;
    const params = { year: String(e.year), roundId: String(e.screening.id), applicationId: String(own.id) };
    const opened = await outcome(() => scoresheetLoader({ request: getRequest(path, { cookie: judge.cookie }), params, context: context() }));
    expect(opened.status).toBe(403);
    const fields = { intent: 'save', idempotencyKey: randomUUID(), revision: '0', overallComment: '', [`score-${e.criteria[0].id}`]: '10' };
    const saved = await outcome(() => scoresheetAction({ request: formRequest(path, fields, { cookie: judge.cookie }), params, context: context() }));
    expect(saved.status).toBe(403);
    expect(getDb().select().from(schema.scoresheets).where(eq(schema.scoresheets.applicationId, own.id)).all()).toEqual([]);
  });

  it('applying first, then invited: the invitation is refused with a message', async () => {
    const e = await judgingEdition(2063, { applications: 1, judges: 1 });
    const founder = e.founders[0];
    const { token } = createInvitation({ editionId: e.edition.id, actorId: e.organiser.id, email: founder.email });
    expect(() => acceptInvitation({ token, invitee: { kind: 'existing', userId: founder.id } })).toThrow(
      expect.objectContaining({ status: 409, key: 'invite.errors.applicant' }),
    );
    expect(getDb().select().from(schema.editionJudges).where(eq(schema.editionJudges.userId, founder.id)).all()).toEqual([]);
  });
});

// ─── 2. After the seal ──────────────────────────────────────────────────────

describe('after the final is sealed, nothing changes the sheets it counts', () => {
  let world: FinalWorld;
  let judgeCookies: string[];

  beforeAll(async () => {
    world = await buildFinalWorld(2064);
    judgeCookies = (await cookiesOf(world)).judges;
    sealFinal(world.editionId, world.organiser.id);
  });

  it("refuses a finalist's withdrawal with a message (409), and changes nothing", async () => {
    const civix = getDb().select().from(schema.applications).where(eq(schema.applications.id, world.apps.Civix)).get()!;
    const cookie = await sessionCookie(civix.founderId);
    const result = await outcome(() =>
      withdrawAction({ request: formRequest(`/apply/${world.year}/withdraw`, { reason: 'Changed our mind' }, { cookie }), params: { year: String(world.year) }, context: context() }),
    );
    expect(result.status).toBe(409);
    expect(formAnswer(result.data).formError?.key).toBe('apply.withdraw.errors.sealed');
    expect(getDb().select().from(schema.applications).where(eq(schema.applications.id, civix.id)).get()!.status).toBe('finalist');
  });

  it("refuses a judge's conflict declaration with a message (409), and changes nothing", async () => {
    const conflicts = countOf(schema.conflicts);
    const result = await outcome(() =>
      conflictsAction({
        request: formRequest(`/judge/${world.year}/conflicts`, { applicationId: String(world.apps.Votabl), reason: 'My cousin' }, { cookie: judgeCookies[0] }),
        params: { year: String(world.year) },
        context: context(),
      }),
    );
    expect(result.status).toBe(409);
    expect(JSON.stringify(result.data)).toContain('results.errors.sealed');
    expect(countOf(schema.conflicts)).toBe(conflicts);
  });

  it('refuses the removal of a conflict (which would count a sheet the seal left out)', () => {
    const conflict = getDb().select().from(schema.conflicts).where(eq(schema.conflicts.applicationId, world.apps.OpenLedger)).get()!;
    expect(() => removeConflict({ editionId: world.editionId, conflictId: conflict.id, reason: 'Mistake', actorId: world.organiser.id })).toThrow(
      expect.objectContaining({ status: 409, key: 'results.errors.sealed' }),
    );
  });

  it('so publication still goes through', () => {
    expect(publishResults({ editionId: world.editionId, actorId: world.organiser.id })).toMatchObject({ year: world.year });
  });
});

// ─── 3. Named on stage ──────────────────────────────────────────────────────

describe('a finalist on stage is named during the live final, whatever their consent to publication', () => {
  let world: FinalWorld;

  beforeAll(async () => {
    world = await buildFinalWorld(2065);
  });

  it('in the Server-Sent Events payload and on the vote page, by name, never with an unconsented logo', async () => {
    const abort = new AbortController();
    const request = new Request(`${BASE}/editions/${world.year}/stage/events`, { signal: abort.signal });
    const response = (await eventsLoader({ request, params: { year: String(world.year) }, context: context() })) as Response;
    const reader = new SseReader(response.body!);
    try {
      const { state } = await reader.nextStage();
      const mairie = state.runningOrder.find((f: { applicationId: number }) => f.applicationId === world.apps['Mairie+']);
      expect(mairie).toMatchObject({ name: 'Mairie+', logoUrl: null });
    } finally {
      abort.abort();
    }
    const vote = await outcome(() => voteLoader({ request: getRequest(`/vote/${world.year}`), params: { year: String(world.year) }, context: context() }));
    const named = vote.data.finalists.find((f: { applicationId: number }) => f.applicationId === world.apps['Mairie+']);
    expect(named).toMatchObject({ name: 'Mairie+', logoUrl: null });
  });

  it('and the application form says so in both languages', () => {
    expect(translate('en', 'apply.section.consent.lead')).toMatch(/on stage/);
    expect(translate('en', 'apply.section.consent.lead')).toMatch(/whatever you answer/);
    expect(translate('fr', 'apply.section.consent.lead')).toMatch(/sur scène/);
    expect(translate('fr', 'apply.section.consent.lead')).toMatch(/quelle que soit votre réponse/);
  });
});

// ─── 4. Close scoring ───────────────────────────────────────────────────────

describe('"Close scoring" on stage closes the final round to saves', () => {
  let world: FinalWorld;
  let judgeCookies: string[];
  let criteria: { id: number; scaleMax: number }[];

  beforeAll(async () => {
    world = await buildFinalWorld(2066);
    judgeCookies = (await cookiesOf(world)).judges;
    criteria = getDb()
      .select({ id: schema.criteria.id, scaleMax: schema.criteria.scaleMax })
      .from(schema.criteria)
      .where(eq(schema.criteria.editionId, world.editionId))
      .all();
  });

  function command(command: Parameters<typeof runStageCommand>[0]['command']) {
    runStageCommand({ edition: edition(world.editionId), actorId: world.organiser.id, command });
  }

  function save(applicationId: number) {
    const judge = world.judges[0];
    const sheet = getDb()
      .select()
      .from(schema.scoresheets)
      .where(and(eq(schema.scoresheets.roundId, world.finalRoundId), eq(schema.scoresheets.judgeId, judge.id), eq(schema.scoresheets.applicationId, applicationId)))
      .get()!;
    const fields: Record<string, string> = { intent: 'save', idempotencyKey: randomUUID(), revision: String(sheet.revision), overallComment: `Changed ${randomUUID()}` };
    for (const c of criteria) fields[`score-${c.id}`] = '3';
    const path = `/judge/${world.year}/rounds/${world.finalRoundId}/${applicationId}`;
    const params = { year: String(world.year), roundId: String(world.finalRoundId), applicationId: String(applicationId) };
    return outcome(() => scoresheetAction({ request: formRequest(path, fields, { cookie: judgeCookies[0] }), params, context: context() }));
  }

  function open(applicationId: number) {
    const path = `/judge/${world.year}/rounds/${world.finalRoundId}/${applicationId}`;
    const params = { year: String(world.year), roundId: String(world.finalRoundId), applicationId: String(applicationId) };
    return outcome(() => scoresheetLoader({ request: getRequest(path, { cookie: judgeCookies[0] }), params, context: context() }));
  }

  it('refuses a save (409, a message) before scoring opens, accepts it while open for that startup only, refuses it after closing', async () => {
    const audit = () => countOf(schema.auditEvents);

    let before = audit();
    const early = await save(world.apps.Civix);
    expect(early.status).toBe(409);
    expect(early.data).toMatchObject({ result: 'locked', onStage: true });
    expect(audit()).toBe(before);
    expect((await open(world.apps.Civix)).data).toMatchObject({ locked: true, closedOnStage: true });

    command({ type: 'current.select', applicationId: world.apps.Civix });
    command({ type: 'scoring.open' });
    const during = await save(world.apps.Civix);
    expect(during.status).toBe(200);
    expect(during.data).toMatchObject({ result: 'saved' });
    expect((await open(world.apps.Civix)).data).toMatchObject({ locked: false, closedOnStage: false });
    // Another finalist's sheet stays closed while Civix is on stage.
    expect((await save(world.apps.Votabl)).status).toBe(409);

    command({ type: 'scoring.close' });
    before = audit();
    const late = await save(world.apps.Civix);
    expect(late.status).toBe(409);
    expect(late.data).toMatchObject({ result: 'locked', onStage: true });
    expect(audit()).toBe(before);
  });

  it('the message exists in both languages', () => {
    expect(translate('en', 'scoring.errors.closedOnStage')).toMatch(/closed on stage/);
    expect(translate('fr', 'scoring.errors.closedOnStage')).toMatch(/fermée sur scène/);
  });
});

// ─── 5. Decks after publication ─────────────────────────────────────────────

describe("judges' access to decks ends with publication", () => {
  it('an assigned judge may download the deck while judging, not once the edition is published; the founder and organisers still may', async () => {
    const e = await judgingEdition(2067, { applications: 1, judges: 1 });
    const application = e.applications[0];
    const founder = e.founders[0];
    const deck = getDb()
      .insert(schema.files)
      .values({ kind: 'deck', sha256: 'a'.repeat(64), mimeType: 'application/pdf', sizeBytes: 10, originalName: 'deck.pdf', uploadedBy: founder.id })
      .returning()
      .get();
    getDb().update(schema.applications).set({ deckFileId: deck.id }).where(eq(schema.applications.id, application.id)).run();
    getDb().insert(schema.assignments).values({ roundId: e.screening.id, judgeId: e.judges[0].id, applicationId: application.id }).run();
    const judge = { id: e.judges[0].id, role: 'judge' as const };

    expect(fileViewableBy(deck.id, judge)?.id).toBe(deck.id);
    getDb().update(schema.editions).set({ status: 'published', publishedAt: new Date() }).where(eq(schema.editions.id, e.edition.id)).run();
    expect(fileViewableBy(deck.id, judge)).toBeNull();
    expect(fileViewableBy(deck.id, { id: founder.id, role: 'founder' })?.id).toBe(deck.id);
    expect(fileViewableBy(deck.id, { id: e.organiser.id, role: 'organiser' })?.id).toBe(deck.id);
  });
});
