/**
 * Editions run from the app, through the routes' actions as an organiser's forms post them:
 * /organise/new (a draft; a duplicate year is a field error), /organise/:year/settings (every
 * change audited, a passed deadline moved only with a confirmation), and every status
 * transition of the machine, taken or refused, through the `edition.step` intent.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { action as newAction } from '~/routes/organise.new';
import { action as settingsAction, loader as settingsLoader } from '~/routes/organise.$year.settings';
import { action as setupAction, loader as setupLoader } from '~/routes/organise.$year._index';
import * as homePage from '~/routes/_index';
import * as applyPage from '~/routes/apply.$year';
import * as resultsCsv from '~/routes/editions.$year.results[.csv]';
import * as resultsJson from '~/routes/editions.$year.results[.json]';
import * as scoresCsv from '~/routes/editions.$year.scores[.csv]';
import * as editionPage from '~/routes/editions.$year';
import * as stagePage from '~/routes/editions.$year_.stage';
import * as stageEvents from '~/routes/editions.$year_.stage.events';
import * as votePage from '~/routes/vote.$year';
import { getDb, schema } from '~/utils/db.server';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loader = (args: any) => unknown;
import { EDITION_2030_FORM } from '../fixtures/edition-form';
import { formAnswer } from '../fixtures/http';
import { assign, auditCount, judgingEdition, lastAudit, load, post, roundState, scoresheet, type JudgingEdition } from '../fixtures/judging';
import { createUser, sessionCookie } from '../fixtures/users';

let organiser: { id: number; cookie: string };
let founderCookie: string;

beforeAll(async () => {
  const user = await createUser('organiser-settings@example.org', 'organiser', 'Olga Organiser');
  organiser = { id: user.id, cookie: await sessionCookie(user.id) };
  const founder = await createUser('founder-settings@example.org', 'founder');
  founderCookie = await sessionCookie(founder.id);
});

const NEW = EDITION_2030_FORM;

const create = (fields: Record<string, string>, cookie = organiser.cookie) => post(newAction, '/organise/new', {}, fields, cookie);
const edition = (year: number) => getDb().select().from(schema.editions).where(eq(schema.editions.year, year)).get()!;
const settings = (year: number, fields: Record<string, string>) =>
  post(settingsAction, `/organise/${year}/settings`, { year: String(year) }, { intent: 'edition.update', ...fields }, organiser.cookie);
const step = (year: number, fields: Record<string, string>) =>
  post(settingsAction, `/organise/${year}/settings`, { year: String(year) }, { intent: 'edition.step', ...fields }, organiser.cookie);

describe('/organise/new', () => {
  it('creates a draft edition with both names, the window in Paris time, and one audit event', async () => {
    const before = auditCount();
    const result = await create(NEW);
    expect(result.status).toBe(302);
    expect(result.headers.get('Location')).toBe('/organise/2030/settings?done=created');
    expect(edition(2030)).toMatchObject({
      status: 'draft',
      name: NEW.nameEn,
      nameFr: NEW.nameFr,
      venue: 'Station F',
      timeZone: 'Europe/Paris',
      // 09:00 in winter is 08:00 UTC; 23:59 on 31 March, after the spring change, is 21:59 UTC.
      applicationsOpenAt: new Date('2030-01-15T08:00:00Z'),
      applicationsCloseAt: new Date('2030-03-31T21:59:00Z'),
    });
    expect(auditCount()).toBe(before + 1);
    expect(lastAudit()).toMatchObject({ action: 'edition.create', editionId: edition(2030).id, actorId: organiser.id, before: null });
  });

  it('answers a duplicate year as the year field’s error, writing nothing', async () => {
    const before = auditCount();
    const result = await create({ ...NEW, nameEn: 'Again' });
    expect(result.status).toBe(409);
    expect(formAnswer(result.data).messages).toEqual({ year: { key: 'editions.errors.year.taken', params: {} } });
    expect(formAnswer(result.data).values).toMatchObject({ nameEn: 'Again' });
    expect(auditCount()).toBe(before);
  });

  it('refuses bad input field by field: a time that does not exist in Paris, dates out of order', async () => {
    const result = await create({ ...NEW, year: '2031', nameFr: '', opensAt: '2031-03-30T02:30', endsOn: '2031-06-01', startsOn: '2031-06-02' });
    expect(result.status).toBe(400);
    expect(formAnswer(result.data).messages).toEqual({
      nameFr: { key: 'editions.errors.nameFr.required', params: {} },
      opensAt: { key: 'editions.errors.time.nonexistent', params: {} },
      endsOn: { key: 'editions.errors.dates.order', params: {} },
    });
    expect(getDb().select().from(schema.editions).where(eq(schema.editions.year, 2031)).get()).toBeUndefined();
  });

  it('is for organisers only', async () => {
    expect((await create({ ...NEW, year: '2032' }, founderCookie)).status).toBe(403);
  });
});

describe('/organise/:year/settings', () => {
  it('shows the saved window as Paris wall-clock times with the exact instants', async () => {
    const page = await load(settingsLoader, '/organise/2030/settings', { year: '2030' }, organiser.cookie);
    expect(page.data.values).toMatchObject({ opensAt: '2030-01-15T09:00', closesAt: '2030-03-31T23:59' });
    expect(page.data.exact.closesAt).toEqual({ local: '2030-03-31 23:59', offset: 'UTC+02:00', utc: '2030-03-31 21:59 UTC' });
    expect(page.data.steps.map((s: { to: string }) => s.to)).toEqual(['open']);
  });

  it('saves a change, audits only what changed, and keeps the year', async () => {
    const result = await settings(2030, { ...NEW, venue: 'Palais Brongniart', year: '2099' });
    expect(result.status).toBe(302);
    expect(edition(2030).venue).toBe('Palais Brongniart');
    expect(lastAudit()).toMatchObject({
      action: 'edition.update',
      before: { venue: 'Station F' },
      after: { venue: 'Palais Brongniart' },
    });
    expect(getDb().select().from(schema.editions).where(eq(schema.editions.year, 2099)).get()).toBeUndefined();
  });

  it('moves a passed deadline, once applications exist, only with the explicit confirmation', async () => {
    const e = await judgingEdition(2041, { status: 'open', applications: 2 });
    // A window that closed long ago.
    getDb()
      .update(schema.editions)
      .set({ applicationsOpenAt: new Date('2020-01-01T00:00:00Z'), applicationsCloseAt: new Date('2020-03-01T00:00:00Z') })
      .where(eq(schema.editions.id, e.edition.id))
      .run();
    const fields = { ...NEW, startsOn: '2041-11-10', endsOn: '2041-11-11', opensAt: '2020-01-01T01:00', closesAt: '2030-12-31T23:59' };
    const before = auditCount();
    const refused = await settings(2041, fields);
    expect(refused.status).toBe(409);
    expect(formAnswer(refused.data).messages).toEqual({ closesAt: { key: 'editions.errors.deadline.confirm', params: { count: 2 } } });
    expect(edition(2041).applicationsCloseAt).toEqual(new Date('2020-03-01T00:00:00Z'));
    expect(auditCount()).toBe(before);
    const page = await load(settingsLoader, '/organise/2041/settings', { year: '2041' }, organiser.cookie);
    expect(page.data.showConfirmDeadline).toBe(true);

    const confirmed = await settings(2041, { ...fields, confirmDeadline: 'yes' });
    expect(confirmed.status).toBe(302);
    expect(edition(2041).applicationsCloseAt).toEqual(new Date('2030-12-31T22:59:00Z'));
    expect(lastAudit()).toMatchObject({ action: 'edition.update', reason: 'deadline-moved-after-it-passed' });
  });
});

describe('every status transition through the settings page', () => {
  let e: JudgingEdition;
  const status = () => edition(e.year).status;
  const setStatus = (s: schema.EditionStatus) => getDb().update(schema.editions).set({ status: s }).where(eq(schema.editions.id, e.edition.id)).run();

  beforeAll(async () => {
    e = await judgingEdition(2042, { status: 'draft', applications: 3 });
    // One draft never submitted; the window closed long ago.
    getDb().update(schema.applications).set({ status: 'draft', submittedAt: null }).where(eq(schema.applications.id, e.applications[2].id)).run();
    getDb()
      .update(schema.editions)
      .set({ applicationsCloseAt: new Date('2020-03-01T00:00:00Z'), applicationsOpenAt: new Date('2020-01-01T00:00:00Z') })
      .where(eq(schema.editions.id, e.edition.id))
      .run();
  });

  it('draft → open', async () => {
    const result = await step(e.year, { from: 'draft', to: 'open' });
    expect(result.status).toBe(302);
    expect(status()).toBe('open');
    expect(lastAudit()).toMatchObject({ action: 'edition.status', before: { status: 'draft' }, after: { status: 'open' }, actorId: organiser.id });
  });

  it('open → judging says how many drafts will not be judged, and needs the confirmation', async () => {
    const page = await load(settingsLoader, `/organise/${e.year}/settings`, { year: String(e.year) }, organiser.cookie);
    expect(page.data.steps[0].check.notes).toContainEqual({ key: 'editions.step.note.drafts', params: { count: 1 } });
    const before = auditCount();
    const refused = await step(e.year, { from: 'open', to: 'judging' });
    expect(refused.status).toBe(400);
    expect(formAnswer(refused.data).messages).toEqual({ confirm: { key: 'editions.step.errors.confirm', params: {} } });
    expect(status()).toBe('open');
    expect(auditCount()).toBe(before);
    expect((await step(e.year, { from: 'open', to: 'judging', confirm: 'yes' })).status).toBe(302);
    expect(status()).toBe('judging');
  });

  it('a step from a status that is no longer the current one is refused, not repeated', async () => {
    const result = await step(e.year, { from: 'open', to: 'judging', confirm: 'yes' });
    expect(result.status).toBe(409);
    expect(status()).toBe('judging');
  });

  it('judging → open needs a written reason, recorded in the audit log', async () => {
    const refused = await step(e.year, { from: 'judging', to: 'open', confirm: 'yes' });
    expect(refused.status).toBe(400);
    expect(formAnswer(refused.data).messages).toEqual({ reason: { key: 'editions.step.errors.reason', params: {} } });
    const result = await step(e.year, { from: 'judging', to: 'open', confirm: 'yes', reason: 'Deadline extended by a week.' });
    expect(result.status).toBe(302);
    expect(status()).toBe('open');
    expect(lastAudit()).toMatchObject({ action: 'edition.status', before: { status: 'judging' }, after: { status: 'open' }, reason: 'Deadline extended by a week.' });
    setStatus('judging');
  });

  it('judging → final is refused without finalists, then taken', async () => {
    const refused = await step(e.year, { from: 'judging', to: 'final' });
    expect(refused.status).toBe(409);
    expect(formAnswer(refused.data).formError).toEqual({ key: 'editions.step.refused.noFinalists', params: {} });
    getDb().update(schema.applications).set({ status: 'finalist' }).where(eq(schema.applications.id, e.applications[0].id)).run();
    expect((await step(e.year, { from: 'judging', to: 'final' })).status).toBe(302);
    expect(status()).toBe('final');
  });

  type Status = schema.EditionStatus;
  /** From each status, the statuses the machine has no step to. */
  const noStepTo: [Status, Status[]][] = [
    ['final', ['judging', 'open', 'draft']],
    ['open', ['final', 'published', 'draft']],
    ['draft', ['judging']],
    ['judging', ['draft']],
  ];
  const refusals: [Status, Status, string][] = [
    ['final', 'published', 'editions.step.refused.viaPublication'],
    ...noStepTo.flatMap(([from, targets]) => targets.map((to): [Status, Status, string] => [from, to, 'editions.step.refused.notAStep'])),
    ['judging', 'judging', 'editions.step.refused.same'],
  ];
  it.each(refusals)('%s → %s is refused (%s), writing nothing', async (from, to, key) => {
    setStatus(from);
    const before = auditCount();
    const result = await step(e.year, { from, to, confirm: 'yes', reason: 'try' });
    expect(result.status).toBe(409);
    expect(formAnswer(result.data).formError).toEqual({ key, params: {} });
    expect(status()).toBe(from);
    expect(auditCount()).toBe(before);
  });

  it('judging → open is refused once the final round is sealed', async () => {
    setStatus('judging');
    getDb().update(schema.rounds).set({ state: 'locked', sealHash: 'x'.repeat(64), sealedAt: new Date() }).where(eq(schema.rounds.id, e.final.id)).run();
    const result = await step(e.year, { from: 'judging', to: 'open', confirm: 'yes', reason: 'Too late' });
    expect(result.status).toBe(409);
    expect(formAnswer(result.data).formError).toEqual({ key: 'editions.step.refused.sealed', params: {} });
    expect(status()).toBe('judging');
  });

  it('a published edition refuses every step (publication is the results page’s)', async () => {
    const published = await judgingEdition(2043, { status: 'published', applications: 1 });
    for (const to of ['draft', 'open', 'judging', 'final'] as const) {
      const result = await step(published.year, { from: 'published', to, confirm: 'yes', reason: 'x' });
      expect(result.status).toBe(409);
      expect(formAnswer(result.data).formError).toEqual({ key: 'editions.step.refused.published', params: {} });
    }
  });
});

describe('locking a round with missing or draft scoresheets', () => {
  it('lists the counts, refuses one click, and locks with the confirmation', async () => {
    const e = await judgingEdition(2044, { applications: 2, judges: 2 });
    // Four assignments: one submitted, one draft, two never started.
    assign(e.screening.id, e.judges[0].id, e.applications[0].id);
    assign(e.screening.id, e.judges[1].id, e.applications[0].id);
    assign(e.screening.id, e.judges[0].id, e.applications[1].id);
    assign(e.screening.id, e.judges[1].id, e.applications[1].id);
    scoresheet(e, e.screening.id, e.judges[0].id, e.applications[0].id, 'submitted');
    scoresheet(e, e.screening.id, e.judges[1].id, e.applications[0].id, 'draft');
    const setupPage = await load(setupLoader, `/organise/${e.year}`, { year: String(e.year) }, organiser.cookie);
    expect(setupPage.data.lockShortfalls[e.screening.id]).toEqual({ missing: 2, drafts: 1 });

    const lock = (fields: Record<string, string> = {}) =>
      post(setupAction, `/organise/${e.year}?index`, { year: String(e.year) }, { intent: 'round.lock', id: String(e.screening.id), ...fields }, organiser.cookie);
    const before = auditCount();
    const refused = await lock();
    expect(refused.status).toBe(409);
    expect(formAnswer(refused.data).formError).toEqual({ key: 'editions.lock.errors.confirm', params: { missing: 2, drafts: 1 } });
    expect(roundState(e.screening.id).state).toBe('open');
    expect(auditCount()).toBe(before);

    expect((await lock({ confirm: 'yes' })).status).toBe(302);
    expect(roundState(e.screening.id).state).toBe('locked');
    expect(lastAudit()).toMatchObject({ action: 'round.lock', after: expect.objectContaining({ state: 'locked', missing: 2, drafts: 1 }) });
  });

  it('a complete round still locks in one click', async () => {
    const e = await judgingEdition(2045, { applications: 1, judges: 1 });
    assign(e.screening.id, e.judges[0].id, e.applications[0].id);
    scoresheet(e, e.screening.id, e.judges[0].id, e.applications[0].id, 'submitted');
    const result = await post(setupAction, `/organise/${e.year}?index`, { year: String(e.year) }, { intent: 'round.lock', id: String(e.screening.id) }, organiser.cookie);
    expect(result.status).toBe(302);
    expect(roundState(e.screening.id).state).toBe('locked');
  });
});

describe('a draft edition is invisible to the public', () => {
  it('answers 404 on every public route and is missing from the home page, until it opens', async () => {
    const draft = await judgingEdition(2046, { status: 'draft', applications: 1, judges: 1 });
    const y = String(draft.year);
    const routes: [string, Loader, string][] = [
      ['editions.$year', editionPage.loader, `/editions/${y}`],
      ['editions.$year_.stage', stagePage.loader, `/editions/${y}/stage`],
      ['editions.$year_.stage.events', stageEvents.loader, `/editions/${y}/stage/events`],
      ['vote.$year', votePage.loader, `/vote/${y}`],
      ['apply.$year', applyPage.loader, `/apply/${y}`],
      ['editions.$year.results[.json]', resultsJson.loader, `/editions/${y}/results.json`],
      ['editions.$year.results[.csv]', resultsCsv.loader, `/editions/${y}/results.csv`],
      ['editions.$year.scores[.csv]', scoresCsv.loader, `/editions/${y}/scores.csv`],
    ];
    for (const [id, loader, path] of routes) {
      const anonymous = await load(loader, path, { year: y, section: 'startup' });
      const founder = await load(loader, path, { year: y, section: 'startup' }, founderCookie);
      // Applying asks to log in first, which says nothing of the edition.
      expect([id, anonymous.status, founder.status]).toEqual([id, id.startsWith('apply.') ? 302 : 404, 404]);
    }
    // (apply.$year._index's and apply.$year.$section's loaders read nothing of the edition: its parent, above, answers for them; their actions refuse through requirePublicEdition.)
    const vote = await post(votePage.action, `/vote/${y}`, { year: y }, { intent: 'choose', applicationId: '1' });
    expect(vote.status).toBe(404);
    const home = await load(homePage.loader, '/', {});
    expect(home.data.editions.map((e: { year: number }) => e.year)).not.toContain(draft.year);

    getDb().update(schema.editions).set({ status: 'open' }).where(eq(schema.editions.id, draft.edition.id)).run();
    expect((await load(editionPage.loader, `/editions/${y}`, { year: y })).status).toBe(200);
    expect((await load(homePage.loader, '/', {})).data.editions.map((e: { year: number }) => e.year)).toContain(draft.year);
  });
});
