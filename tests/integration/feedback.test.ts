/**
 * Feedback to founders and the showcase (issue 15), through the loaders and actions as a browser
 * calls them (a loader's data is what its `.data` request answers): a founder reads only their own
 * feedback, and only after publication; a comment for the jury only, a withheld one, a conflicted
 * judge's and a withdrawn application's never reach a page, an export or the showcase; the judges'
 * letters are stable for one application and say nothing across applications; a startup that did
 * not consent has no page.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { suggestFinalists } from '~/domain/shortlist';
import { loader as editionLoader } from '~/routes/editions.$year';
import { loader as resultsJsonLoader } from '~/routes/editions.$year.results[.json]';
import { loader as scoresCsvLoader } from '~/routes/editions.$year.scores[.csv]';
import { loader as resultsCsvLoader } from '~/routes/editions.$year.results[.csv]';
import { loader as feedbackLoader } from '~/routes/me_.feedback.$year';
import { loader as meLoader } from '~/routes/me';
import { action as organiseAction, loader as organiseLoader } from '~/routes/organise.$year.feedback';
import { action as entriesAction } from '~/routes/organise.startups';
import { loader as showcaseLoader } from '~/routes/startups._index';
import { loader as startupLoader } from '~/routes/startups.$slug';
import { loader as showcaseJsonLoader } from '~/routes/startups[.json]';
import { getDb, schema } from '~/utils/db.server';
import { lettersFor } from '~/utils/feedback.server';
import { publishResults, sealFinalRound } from '~/utils/publication.server';
import { roundRankingView } from '~/utils/rankings.server';
import { confirmShortlist } from '~/utils/shortlist.server';
import { linkUnlinkedApplications } from '~/utils/showcase.server';
import { context, formRequest, getRequest, outcome } from '../fixtures/http';
import { resultsWorld, scoreFinal, setRoundState, type ResultsWorld, type Startup } from '../fixtures/results';
import { sessionCookie } from '../fixtures/users';

let world: ResultsWorld;
let votablCookie: string;

/** Text that must never reach a founder or the public. */
const SECRET = /JURY-ONLY|WITHHELD-TEXT|CONFLICTED-TEXT|GONE-TEXT/;

function sheetId(startup: Startup, judgeIndex: number, roundId = world.screeningId) {
  const sh = schema.scoresheets;
  return getDb()
    .select({ id: sh.id })
    .from(sh)
    .where(and(eq(sh.roundId, roundId), eq(sh.applicationId, world.apps[startup]), eq(sh.judgeId, world.judges[judgeIndex].id)))
    .get()!.id;
}

function comment(startup: Startup, judgeIndex: number, { shared, jury, overall }: { shared?: string; jury?: string; overall?: string }) {
  const id = sheetId(startup, judgeIndex);
  const db = getDb();
  if (shared !== undefined || jury !== undefined) {
    db.update(schema.scores)
      .set({ ...(shared !== undefined ? { sharedComment: shared } : {}), ...(jury !== undefined ? { comment: jury } : {}) })
      .where(and(eq(schema.scores.scoresheetId, id), eq(schema.scores.criterionId, world.criteria.impact)))
      .run();
  }
  if (overall !== undefined) db.update(schema.scoresheets).set({ sharedOverallComment: overall, overallComment: `JURY-ONLY overall ${startup}` }).where(eq(schema.scoresheets.id, id)).run();
}

const year = () => String(world.year);
const feedback = (cookie: string) =>
  outcome(() => feedbackLoader({ request: getRequest(`/me/feedback/${world.year}`, { cookie }), params: { year: year() }, context: context() }));
const organise = (fields: Record<string, string>) =>
  outcome(() =>
    organiseAction({ request: formRequest(`/organise/${world.year}/feedback`, fields, { cookie: world.organiser.cookie }), params: { year: year() }, context: context() }),
  );
const get = (loader: (args: any) => unknown, path: string, params: Record<string, string> = {}, cookie?: string) =>
  outcome(() => loader({ request: getRequest(path, { cookie }), params, context: context() }));

beforeAll(async () => {
  world = await resultsWorld(2061);
  votablCookie = await sessionCookie(
    getDb().select({ founderId: schema.applications.founderId }).from(schema.applications).where(eq(schema.applications.id, world.apps.Votabl)).get()!.founderId,
  );
  comment('Civix', 0, { shared: 'SHARED-CIVIX impact from the first judge', jury: 'JURY-ONLY impact note' });
  comment('Civix', 1, { overall: 'WITHHELD-TEXT rude remark' });
  comment('Civix', 2, { overall: 'SHARED-CIVIX overall from the third judge' });
  comment('Civix', 3, { shared: 'CONFLICTED-TEXT from a judge who declared a conflict later' });
  comment('Votabl', 0, { shared: 'SHARED-VOTABL impact' });
  comment('Gone', 0, { shared: 'GONE-TEXT on a withdrawn application' });
  // A conflict declared after scoring: the sheet stops counting.
  getDb().insert(schema.conflicts).values({ judgeId: world.judges[3].id, applicationId: world.apps.Civix, reason: 'Former employer' }).run();
  linkUnlinkedApplications(getDb());
});

describe('before publication', () => {
  it('feedback is hidden: 404 for the founder, no link on /me', async () => {
    expect((await feedback(world.founder.cookie)).status).toBe(404);
    const me = await get(meLoader, '/me', {}, world.founder.cookie);
    expect(me.data.applications.every((a: { feedback: boolean }) => !a.feedback)).toBe(true);
  });

  it('the organiser reads every shared comment and withholds one with a reason, audited', async () => {
    const page = await get(organiseLoader, `/organise/${world.year}/feedback`, { year: year() }, world.organiser.cookie);
    const texts = page.data.comments.map((c: { text: string }) => c.text);
    expect(texts).toContain('WITHHELD-TEXT rude remark');
    expect(texts.some((text: string) => text.startsWith('JURY-ONLY'))).toBe(false);

    const noReason = await organise({ intent: 'withhold', scoresheetId: String(sheetId('Civix', 1)), criterionId: 'overall', reason: ' ' });
    expect(noReason.status).toBe(400);
    const done = await organise({ intent: 'withhold', scoresheetId: String(sheetId('Civix', 1)), criterionId: 'overall', reason: 'Not constructive' });
    expect(done.status).toBe(302);
    const event = getDb().select().from(schema.auditEvents).where(eq(schema.auditEvents.action, 'feedback.withhold')).get()!;
    expect(event).toMatchObject({ actorId: world.organiser.id, editionId: world.editionId, reason: 'Not constructive', entityId: String(sheetId('Civix', 1)) });
  });

  it('the settings are audited: rank instead of band', async () => {
    expect((await organise({ intent: 'settings', enabled: 'on', rank: 'rank' })).status).toBe(302);
    expect(getDb().select().from(schema.auditEvents).where(eq(schema.auditEvents.action, 'edition.feedback')).all()).toHaveLength(1);
  });
});

describe('after publication', () => {
  beforeAll(() => {
    setRoundState(world.screeningId, 'locked');
    const ranked = roundRankingView(world.editionId, world.screeningId)
      .rows.filter((r) => r.rank !== null)
      .map((r) => ({ applicationId: r.applicationId, rank: r.rank! }));
    const trackOf = new Map(Object.values(world.apps).map((id) => [id, null]));
    const act = { editionId: world.editionId, actorId: world.organiser.id };
    confirmShortlist({ ...act, mode: 'overall', n: 4, selected: suggestFinalists(ranked, trackOf, 'overall', 4), reason: '' });
    scoreFinal(world);
    setRoundState(world.finalId, 'locked');
    sealFinalRound(act);
    publishResults({ ...act, mail: { origin: 'http://palmares.test', lang: 'en' } });
  });

  it('the notice of publication carries the feedback link to founders with feedback, and no comment', () => {
    const notices = getDb().select().from(schema.mailOutbox).where(eq(schema.mailOutbox.editionId, world.editionId)).all();
    const civix = notices.find((m) => m.toAddress === world.founder.email)!;
    expect(civix.params).toMatchObject({ feedbackUrl: `http://palmares.test/me/feedback/${world.year}` });
    const rendered = notices.map((m) => JSON.stringify(m)).join('\n');
    expect(rendered).not.toMatch(SECRET);
    expect(rendered).not.toMatch(/SHARED-/);
  });

  it('the founder reads their own feedback: scores against the field, the rank, shared comments under letters', async () => {
    const page = await feedback(world.founder.cookie);
    expect(page.status).toBe(200);
    const { feedback: fb } = page.data;
    expect(fb.startupName).toBe('Civix');
    const screening = fb.rounds.find((r: { kind: string }) => r.kind === 'screening');
    expect(screening.sheets).toBe(3); // the conflicted judge's sheet does not count
    expect(screening.placing).toMatchObject({ kind: 'rank' });
    const impact = screening.criteria.find((c: { id: number }) => c.id === world.criteria.impact);
    expect(impact.field.q1).toBeLessThanOrEqual(impact.field.median);
    expect(impact.field.median).toBeLessThanOrEqual(impact.field.q3);
    const all = JSON.stringify(fb);
    expect(all).toContain('SHARED-CIVIX impact from the first judge');
    expect(all).toContain('SHARED-CIVIX overall from the third judge');
    expect(all).not.toMatch(SECRET);
    expect(all).not.toContain('SHARED-VOTABL');
    // No judge's name, account or e-mail: letters only.
    for (const judge of world.judges) {
      expect(all).not.toContain(judge.email);
      expect(all).not.toContain(judge.email.split('@')[0]);
    }
    expect(screening.judges.map((j: { judge: string }) => j.judge).every((l: string) => /^[A-Z]$/.test(l))).toBe(true);
    // Stable: the same letters on every visit.
    expect(JSON.stringify((await feedback(world.founder.cookie)).data.feedback)).toBe(all);
  });

  it('another founder sees only their own', async () => {
    const page = await feedback(votablCookie);
    expect(page.status).toBe(200);
    const all = JSON.stringify(page.data.feedback);
    expect(all).toContain('SHARED-VOTABL');
    expect(all).not.toContain('SHARED-CIVIX');
    expect(all).not.toMatch(SECRET);
  });

  it('letters follow a keyed hash of application and judge: stable for one, unrelated across applications', () => {
    const judges = world.judges.map((j) => j.id);
    expect(lettersFor(world.apps.Civix, judges)).toEqual(lettersFor(world.apps.Civix, [...judges].reverse()));
    const orders = new Set(Object.values(world.apps).map((id) => judges.map((j) => lettersFor(id, judges).get(j)).join('')));
    // Nine applications, 24 possible orders: one order for all would be a leak (chance ~1e-11).
    expect(orders.size).toBeGreaterThan(1);
    expect(orders.has('ABCD') && orders.size === 1).toBe(false);
  });

  it('no page, export or showcase the public can reach holds a comment of either kind', async () => {
    const params = { year: year() };
    const pages = [
      await get(editionLoader, `/editions/${world.year}`, params),
      await get(resultsJsonLoader, `/editions/${world.year}/results.json`, params),
      await get(resultsCsvLoader, `/editions/${world.year}/results.csv`, params),
      await get(scoresCsvLoader, `/editions/${world.year}/scores.csv`, params),
      await get(showcaseLoader, '/startups'),
      await get(showcaseJsonLoader, '/startups.json'),
      await get(startupLoader, '/startups/civix', { slug: 'civix' }),
    ];
    for (const page of pages) {
      expect(page.status).toBe(200);
      const text = JSON.stringify(page.data);
      expect(text).not.toMatch(SECRET);
      expect(text).not.toMatch(/SHARED-/);
    }
  });

  it('a withheld comment can no longer be changed after publication, and feedback turned off is a 404', async () => {
    const late = await organise({ intent: 'withhold', scoresheetId: String(sheetId('Civix', 0)), criterionId: String(world.criteria.impact), reason: 'Too late' });
    expect(late.status).toBe(409);
    expect((await organise({ intent: 'settings', rank: 'band' })).status).toBe(302);
    expect((await feedback(world.founder.cookie)).status).toBe(404);
    expect((await organise({ intent: 'settings', enabled: 'on', rank: 'band' })).status).toBe(302);
    expect((await feedback(world.founder.cookie)).data.feedback.rounds[0].placing.kind).toBe('band');
  });
});

describe('the showcase', () => {
  it('lists consenting startups of published editions only; a non-consenting one has no page', async () => {
    const list = await get(showcaseLoader, '/startups');
    const names = list.data.entries.map((e: { name: string }) => e.name);
    expect(names).toContain('Civix');
    expect(names).not.toContain('OpenLedger'); // no consent
    expect(names).not.toContain('Gone'); // withdrawn
    expect((await get(startupLoader, '/startups/openledger', { slug: 'openledger' })).status).toBe(404);
    const json = await get(showcaseJsonLoader, '/startups.json');
    expect(json.data.licence.id).toBe('etalab-2.0');
    expect(json.data.startups.map((s: { name: string }) => s.name)).not.toContain('OpenLedger');
  });

  it('filters by track, country and award with a plain query string', async () => {
    const participation = await get(showcaseLoader, '/startups?track=participation');
    expect(participation.data.entries.map((e: { name: string }) => e.name)).not.toContain('Civix');
    const awarded = await get(showcaseLoader, '/startups?award=any&country=FR');
    expect(awarded.data.entries.length).toBeGreaterThan(0);
    expect(awarded.data.entries.every((e: { editions: { awards: unknown[] }[] }) => e.editions.some((ed) => ed.awards.length > 0))).toBe(true);
  });

  it('a startup that applied in two years is one entry; the organiser can split and merge it back', async () => {
    const db = getDb();
    const past = db
      .insert(schema.editions)
      .values({ year: 2060, name: 'GovTech Summit 2060', city: 'Paris', startsOn: '2060-11-10', endsOn: '2060-11-11', applicationsOpenAt: new Date(0), applicationsCloseAt: new Date(1000), status: 'judging' })
      .returning({ id: schema.editions.id })
      .get().id;
    const civix = db.select().from(schema.applications).where(eq(schema.applications.id, world.apps.Civix)).get()!;
    const older = db
      .insert(schema.applications)
      .values({ editionId: past, founderId: world.founder.id, status: 'not_selected', startupName: 'Civix', country: 'FR', consentToPublication: true, startupId: civix.startupId, updatedAt: new Date() })
      .returning({ id: schema.applications.id })
      .get().id;
    db.update(schema.editions).set({ status: 'published', publishedAt: new Date() }).where(eq(schema.editions.id, past)).run();
    const page = await get(startupLoader, '/startups/civix', { slug: 'civix' });
    expect(page.data.entry.editions.map((e: { year: number }) => e.year)).toEqual([2061, 2060]);

    const organiser = async (fields: Record<string, string>) =>
      outcome(() => entriesAction({ request: formRequest('/organise/startups', fields, { cookie: world.organiser.cookie }), params: {}, context: context() }));
    expect((await organiser({ intent: 'split', applicationId: String(older) })).status).toBe(302);
    const split = await get(showcaseLoader, '/startups');
    expect(split.data.entries.filter((e: { name: string }) => e.name === 'Civix')).toHaveLength(2);
    const newEntry = db.select({ startupId: schema.applications.startupId }).from(schema.applications).where(eq(schema.applications.id, older)).get()!.startupId!;
    expect((await organiser({ intent: 'merge', from: String(newEntry), into: String(civix.startupId) })).status).toBe(302);
    expect((await get(showcaseLoader, '/startups')).data.entries.filter((e: { name: string }) => e.name === 'Civix')).toHaveLength(1);
    const actions = db.select({ action: schema.auditEvents.action }).from(schema.auditEvents).all().map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['startup.split', 'startup.merge']));
    const refused = await outcome(() =>
      entriesAction({ request: formRequest('/organise/startups', { intent: 'split', applicationId: String(older) }, { cookie: '' }), params: {}, context: context() }),
    );
    expect(refused.status).toBe(302); // to log in
  });
});
