/**
 * /organise/:year set-up: tracks, criteria and rounds through the route's action, as an
 * organiser's form posts would arrive. Every accepted change writes exactly one audit event;
 * every refused one writes nothing.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { action, loader } from '~/routes/organise.$year._index';
import { getDb, schema } from '~/utils/db.server';
import { editionHasSubmittedSheet, isRoundLocked } from '~/utils/rounds.server';
import { formAnswer } from '../fixtures/http';
import { assign, auditCount, countRows, judgingEdition, lastAudit, load, post, roundState, scoresheet, type JudgingEdition } from '../fixtures/judging';

let e: JudgingEdition;
const setup = (fields: Record<string, string>, cookie = e.organiser.cookie) =>
  post(action, `/organise/${e.year}?index`, { year: String(e.year) }, fields, cookie);

beforeAll(async () => {
  e = await judgingEdition(2041);
});

const criterion = (fields: Record<string, string> = {}) => ({
  intent: 'criterion.create',
  nameFr: 'Faisabilité',
  nameEn: 'Feasibility',
  helpFr: 'Le projet peut-il être mené ?',
  helpEn: 'Can it be done?',
  weight: '2',
  scaleMin: '1',
  scaleMax: '10',
  position: '5',
  ...fields,
});

describe('tracks', () => {
  it('adds a track with a slug, redirects with a notice, and writes one audit event', async () => {
    const before = auditCount();
    const result = await setup({ intent: 'track.create', nameFr: 'Participation citoyenne', nameEn: 'Civic participation', position: '3' });
    expect(result.status).toBe(302);
    expect(result.headers.get('Location')).toBe(`/organise/${e.year}?done=track.create#tracks`);
    const track = getDb().select().from(schema.tracks).where(eq(schema.tracks.nameEn, 'Civic participation')).get();
    expect(track).toMatchObject({ editionId: e.edition.id, slug: 'civic-participation', nameFr: 'Participation citoyenne', position: 3 });
    expect(auditCount()).toBe(before + 1);
    expect(lastAudit()).toMatchObject({ action: 'track.create', entityType: 'track', entityId: String(track!.id), before: null, actorId: e.organiser.id });
  });

  it('refuses an empty name with the message next to the field and keeps what was typed', async () => {
    const before = auditCount();
    const tracks = countRows(schema.tracks);
    const result = await setup({ intent: 'track.create', nameFr: '  ', nameEn: 'Only English', position: 'x' });
    expect(result.status).toBe(400);
    expect(result.data.form).toBe('track.create');
    expect(formAnswer(result.data).messages).toEqual({
      nameFr: { key: 'setup.errors.nameFr.required', params: {} },
      position: { key: 'setup.errors.position.invalid', params: {} },
    });
    expect(formAnswer(result.data).values).toMatchObject({ nameEn: 'Only English', position: 'x' });
    expect(countRows(schema.tracks)).toBe(tracks);
    expect(auditCount()).toBe(before);
  });

  it('renames a track (its slug stays) and records before and after', async () => {
    const before = auditCount();
    const result = await setup({ intent: 'track.update', id: String(e.trackId), nameFr: 'Transparence publique', nameEn: 'Open government', position: '0' });
    expect(result.status).toBe(302);
    const track = getDb().select().from(schema.tracks).where(eq(schema.tracks.id, e.trackId)).get()!;
    expect(track).toMatchObject({ nameEn: 'Open government', slug: 'transparency' });
    expect(auditCount()).toBe(before + 1);
    expect(lastAudit()).toMatchObject({
      action: 'track.update',
      before: expect.objectContaining({ nameEn: 'Transparency' }),
      after: expect.objectContaining({ nameEn: 'Open government' }),
    });
  });

  it('refuses to remove a track that applications use (409), and removes an unused one', async () => {
    const before = auditCount();
    const refused = await setup({ intent: 'track.delete', id: String(e.trackId) });
    expect(refused.status).toBe(409);
    expect(formAnswer(refused.data).formError).toEqual({ key: 'setup.errors.track.inUse', params: { count: 6 } });
    expect(auditCount()).toBe(before);
    const unused = getDb().select().from(schema.tracks).where(eq(schema.tracks.nameEn, 'Civic participation')).get()!;
    expect((await setup({ intent: 'track.delete', id: String(unused.id) })).status).toBe(302);
    expect(getDb().select().from(schema.tracks).where(eq(schema.tracks.id, unused.id)).get()).toBeUndefined();
    expect(auditCount()).toBe(before + 1);
    expect(lastAudit()).toMatchObject({ action: 'track.delete', after: null, before: expect.objectContaining({ id: unused.id }) });
  });

  it("cannot touch another edition's track", async () => {
    const other = await judgingEdition(2042, { applications: 0, judges: 0 });
    const before = auditCount();
    const result = await setup({ intent: 'track.update', id: String(other.trackId), nameFr: 'Piratée', nameEn: 'Hijacked', position: '0' });
    expect(result.status).toBe(404);
    expect(getDb().select().from(schema.tracks).where(eq(schema.tracks.id, other.trackId)).get()!.nameEn).toBe('Transparency');
    expect(auditCount()).toBe(before);
  });
});

describe('criteria', () => {
  it('adds a criterion, reading a French decimal weight', async () => {
    const before = auditCount();
    const result = await setup(criterion({ weight: '1,5' }));
    expect(result.status).toBe(302);
    const row = getDb().select().from(schema.criteria).where(eq(schema.criteria.nameEn, 'Feasibility')).get();
    expect(row).toMatchObject({ weight: 1.5, scaleMin: 1, scaleMax: 10, helpFr: 'Le projet peut-il être mené ?', position: 5 });
    expect(auditCount()).toBe(before + 1);
    expect(lastAudit()).toMatchObject({ action: 'criterion.create', entityType: 'criterion' });
  });

  it('refuses a scale whose highest score is not above its lowest, a weight of 0, and keeps the values', async () => {
    const before = auditCount();
    const result = await setup(criterion({ nameEn: 'Broken', scaleMin: '5', scaleMax: '5', weight: '0' }));
    expect(result.status).toBe(400);
    expect(formAnswer(result.data).messages.scaleMax.key).toBe('setup.errors.scale.order');
    expect(formAnswer(result.data).messages.weight.key).toBe('setup.errors.weight.invalid');
    expect(formAnswer(result.data).values).toMatchObject({ nameEn: 'Broken', scaleMin: '5', scaleMax: '5' });
    expect(getDb().select().from(schema.criteria).where(eq(schema.criteria.nameEn, 'Broken')).get()).toBeUndefined();
    expect(auditCount()).toBe(before);
  });

  it('refuses to remove a criterion that draft scores use, and to narrow its scale below them', async () => {
    assign(e.screening.id, e.judges[0].id, e.applications[0].id);
    const draft = scoresheet(e, e.screening.id, e.judges[0].id, e.applications[0].id, 'draft');
    getDb().update(schema.scores).set({ value: 9 }).where(eq(schema.scores.scoresheetId, draft.id)).run();
    const impact = e.criteria[0];
    const before = auditCount();
    const removal = await setup({ intent: 'criterion.delete', id: String(impact.id) });
    expect(removal.status).toBe(409);
    expect(formAnswer(removal.data).formError?.key).toBe('setup.errors.criterion.inUse');
    const narrowing = await setup({ ...criterion({ intent: 'criterion.update', nameFr: 'Impact', nameEn: 'Impact', scaleMax: '8' }), id: String(impact.id) });
    expect(narrowing.status).toBe(409);
    expect(formAnswer(narrowing.data).messages.scaleMax).toEqual({ key: 'setup.errors.criterion.valuesOutsideScale', params: { count: 1 } });
    expect(auditCount()).toBe(before);
  });

  it('once a scoresheet is submitted, refuses to add, edit or remove a criterion (409), writes nothing, and the page says why', async () => {
    const edition = await judgingEdition(2043, { applications: 2, judges: 2 });
    const cookie = edition.organiser.cookie;
    const run = (fields: Record<string, string>) => post(action, `/organise/${edition.year}?index`, { year: String(edition.year) }, fields, cookie);
    const [impact, team] = edition.criteria;
    // Before any submission, criteria can change.
    expect((await run({ ...criterion({ intent: 'criterion.update', nameEn: 'Impact (public)' }), id: String(impact.id) })).status).toBe(302);

    assign(edition.screening.id, edition.judges[0].id, edition.applications[0].id);
    scoresheet(edition, edition.screening.id, edition.judges[0].id, edition.applications[0].id, 'submitted');
    expect(editionHasSubmittedSheet(edition.edition.id)).toBe(true);
    const criteriaBefore = getDb().select().from(schema.criteria).where(eq(schema.criteria.editionId, edition.edition.id)).all();
    const before = auditCount();

    const attempts = [
      criterion({ nameEn: 'Late criterion' }),
      { ...criterion({ intent: 'criterion.update', nameEn: 'Changed after scoring' }), id: String(impact.id) },
      { intent: 'criterion.delete', id: String(team.id) },
    ];
    for (const fields of attempts) {
      const result = await run(fields);
      expect(result.status).toBe(409);
      expect(formAnswer(result.data).formError).toEqual({ key: 'setup.errors.criteria.frozen', params: {} });
    }
    expect(getDb().select().from(schema.criteria).where(eq(schema.criteria.editionId, edition.edition.id)).all()).toEqual(criteriaBefore);
    expect(auditCount()).toBe(before);

    const page = await load(loader, `/organise/${edition.year}`, { year: String(edition.year) }, cookie);
    expect(page.status).toBe(200);
    expect(page.data.criteriaFrozenSince).toBeInstanceOf(Date);
  });
});

describe('rounds', () => {
  it('refuses a second round of a kind, and edits an open round', async () => {
    const before = auditCount();
    const duplicate = await setup({ intent: 'round.create', kind: 'screening', nameFr: 'Autre', nameEn: 'Other', method: 'mean', minSheets: '2', judgesPerApplication: '3' });
    expect(duplicate.status).toBe(409);
    expect(formAnswer(duplicate.data).messages.kind.key).toBe('setup.errors.round.kindTaken.screening');
    const edit = await setup({
      intent: 'round.update',
      id: String(e.screening.id),
      nameFr: 'Présélection en ligne',
      nameEn: 'Online screening',
      method: 'zscore',
      minSheets: '3',
      judgesPerApplication: '2',
    });
    expect(edit.status).toBe(302);
    expect(roundState(e.screening.id)).toMatchObject({ method: 'zscore', minSheets: 3, nameEn: 'Online screening' });
    expect(auditCount()).toBe(before + 1);
    expect(lastAudit()).toMatchObject({ action: 'round.update', before: expect.objectContaining({ method: 'mean' }), after: expect.objectContaining({ method: 'zscore' }) });
  });

  it('refuses an unknown method and a k of 0', async () => {
    const result = await setup({ intent: 'round.update', id: String(e.screening.id), nameFr: 'P', nameEn: 'S', method: 'median', minSheets: '2', judgesPerApplication: '0' });
    expect(result.status).toBe(400);
    expect(Object.keys(formAnswer(result.data).messages).sort()).toEqual(['judgesPerApplication', 'method']);
  });

  it('refuses to remove a round with assignments; adds and removes an empty one', async () => {
    const edition = await judgingEdition(2044, { applications: 1, judges: 1 });
    const run = (fields: Record<string, string>) => post(action, `/organise/${edition.year}?index`, { year: String(edition.year) }, fields, edition.organiser.cookie);
    assign(edition.screening.id, edition.judges[0].id, edition.applications[0].id);
    const refused = await run({ intent: 'round.delete', id: String(edition.screening.id) });
    expect(refused.status).toBe(409);
    expect(formAnswer(refused.data).formError).toEqual({ key: 'setup.errors.round.inUse', params: { assignments: 1, scoresheets: 0 } });
    const before = auditCount();
    expect((await run({ intent: 'round.delete', id: String(edition.final.id) })).status).toBe(302);
    expect((await run({ intent: 'round.create', kind: 'final', nameFr: 'Finale', nameEn: 'Final', method: 'mean', minSheets: '2', judgesPerApplication: '3' })).status).toBe(302);
    expect(auditCount()).toBe(before + 2);
    expect(lastAudit()).toMatchObject({ action: 'round.create', after: expect.objectContaining({ kind: 'final', position: 1 }) });
  });
});

describe('locking a round', () => {
  it('locks with one audit event; a locked round refuses edits', async () => {
    const before = auditCount();
    const result = await setup({ intent: 'round.lock', id: String(e.final.id) });
    expect(result.status).toBe(302);
    expect(isRoundLocked(e.final.id)).toBe(true);
    expect(roundState(e.final.id).lockedAt).toBeInstanceOf(Date);
    expect(auditCount()).toBe(before + 1);
    expect(lastAudit()).toMatchObject({ action: 'round.lock', entityType: 'round', entityId: String(e.final.id), after: expect.objectContaining({ state: 'locked' }) });

    const edit = await setup({ intent: 'round.update', id: String(e.final.id), nameFr: 'F', nameEn: 'F', method: 'mean', minSheets: '2', judgesPerApplication: '3' });
    expect(edit.status).toBe(409);
    expect(formAnswer(edit.data).formError?.key).toBe('judging.errors.round.locked');
    const again = await setup({ intent: 'round.lock', id: String(e.final.id) });
    expect(again.status).toBe(409);
    expect(auditCount()).toBe(before + 1);
  });

  it('refuses to unlock without a written reason, and writes nothing', async () => {
    const before = auditCount();
    for (const reason of ['', '   ']) {
      const result = await setup({ intent: 'round.unlock', id: String(e.final.id), reason });
      expect(result.status).toBe(400);
      expect(result.data.form).toBe(`round.unlock:${e.final.id}`);
      expect(formAnswer(result.data).messages.reason.key).toBe('judging.errors.reason.required');
    }
    expect(isRoundLocked(e.final.id)).toBe(true);
    expect(auditCount()).toBe(before);
  });

  it('unlocks with a reason, kept in the audit event', async () => {
    const before = auditCount();
    const result = await setup({ intent: 'round.unlock', id: String(e.final.id), reason: 'A judge lost the Wi-Fi before submitting.' });
    expect(result.status).toBe(302);
    expect(isRoundLocked(e.final.id)).toBe(false);
    expect(roundState(e.final.id).lockedAt).toBeNull();
    expect(auditCount()).toBe(before + 1);
    expect(lastAudit()).toMatchObject({
      action: 'round.unlock',
      reason: 'A judge lost the Wi-Fi before submitting.',
      before: expect.objectContaining({ state: 'locked' }),
      after: expect.objectContaining({ state: 'open' }),
    });
  });

  it('never unlocks a sealed round', async () => {
    const edition = await judgingEdition(2045, { applications: 0, judges: 0 });
    getDb().update(schema.rounds).set({ state: 'locked', sealHash: 'a'.repeat(64), sealedAt: new Date() }).where(eq(schema.rounds.id, edition.final.id)).run();
    const result = await post(action, `/organise/${edition.year}?index`, { year: String(edition.year) }, { intent: 'round.unlock', id: String(edition.final.id), reason: 'Please' }, edition.organiser.cookie);
    expect(result.status).toBe(409);
    expect(formAnswer(result.data).formError?.key).toBe('setup.errors.round.sealed');
  });
});

describe('a published edition', () => {
  it('refuses every set-up change (409) and writes nothing', async () => {
    const edition = await judgingEdition(2046, { applications: 1, judges: 1, status: 'published' });
    const run = (fields: Record<string, string>) => post(action, `/organise/${edition.year}?index`, { year: String(edition.year) }, fields, edition.organiser.cookie);
    const before = auditCount();
    const attempts: Record<string, string>[] = [
      { intent: 'track.create', nameFr: 'T', nameEn: 'T', position: '1' },
      criterion(),
      { intent: 'round.lock', id: String(edition.screening.id) },
    ];
    for (const fields of attempts) {
      const result = await run(fields);
      expect(result.status).toBe(409);
      expect(formAnswer(result.data).formError?.key).toBe('errors.edition.frozen');
    }
    expect(auditCount()).toBe(before);
  });
});

it('shows the set-up with what depends on each item', async () => {
  const page = await load(loader, `/organise/${e.year}`, { year: String(e.year) }, e.organiser.cookie);
  expect(page.status).toBe(200);
  expect(page.data.tracks.find((t: { id: number }) => t.id === e.trackId).applications).toBe(6);
  expect(page.data.rounds.map((r: { kind: string }) => r.kind)).toEqual(['screening', 'final']);
  expect(page.data.criteriaFrozenSince).toBeNull();
});
