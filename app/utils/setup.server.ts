/**
 * Setting up the judging of an edition: tracks, criteria and rounds. Each change is one
 * transaction with exactly one audit event (`track.create`, `criterion.update`, `round.delete`…,
 * with the entity before and after). Refused, whatever the page showed:
 * - any change once the edition's results are published;
 * - any change to criteria once a scoresheet of the edition has been submitted;
 * - removing what something depends on (a track with applications, a criterion with scores,
 *   a round with assignments or scoresheets), and changing a locked round.
 */
import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { CriterionInput, NewRoundInput, RoundInput, TrackInput } from '~/domain/judging-setup';
import { AUDIT_ENTITY_NAMES, AUDIT_ID_FIELDS, AUDIT_ID_LIST_FIELDS, type AuditNames } from '~/domain/judging-setup';
import type { Lang } from '~/i18n';
import { Refusal } from '~/domain/refusal';
import { auditedTransaction, type DbOrTx } from './audit.server';
import { getDb, preparedOnce, schema } from './db.server';
import { countOf } from './query.server';
import { editionHasSubmittedSheet, refuseIfLocked, roundOrRefuse } from './rounds.server';
import { assertNotFrozen } from './editions.server';

interface Act {
  editionId: number;
  actorId: number;
  now?: Date;
}

/**
 * The set-up page's queries, built and prepared once per connection (db.server.ts `preparedOnce`):
 * the page is an organiser's home and each of them ran built and prepared again on every visit.
 * The same rows as editionTracks/editionCriteria/editionRounds, countsBy, editionHasSubmittedSheet
 * with firstSubmissionAt, and lockShortfall per round (rounds.server.ts), for the whole edition.
 */
const overviewQueries = preparedOnce((db) => {
  const editionId = sql.placeholder('editionId');
  const { tracks, criteria, rounds, applications, scores, assignments: asg, scoresheets: sh } = schema;
  const roundIds = db.select({ id: rounds.id }).from(rounds).where(eq(rounds.editionId, editionId));
  const criterionIds = db.select({ id: criteria.id }).from(criteria).where(eq(criteria.editionId, editionId));
  return {
    tracks: db.select().from(tracks).where(eq(tracks.editionId, editionId)).orderBy(asc(tracks.position), asc(tracks.id)).prepare(),
    criteria: db.select().from(criteria).where(eq(criteria.editionId, editionId)).orderBy(asc(criteria.position), asc(criteria.id)).prepare(),
    rounds: db.select().from(rounds).where(eq(rounds.editionId, editionId)).orderBy(asc(rounds.position), asc(rounds.id)).prepare(),
    applications: db.select({ key: applications.trackId, n: count() }).from(applications).where(eq(applications.editionId, editionId)).groupBy(applications.trackId).prepare(),
    scores: db.select({ key: scores.criterionId, n: count() }).from(scores).where(inArray(scores.criterionId, criterionIds)).groupBy(scores.criterionId).prepare(),
    assignments: db.select({ key: asg.roundId, n: count() }).from(asg).where(inArray(asg.roundId, roundIds)).groupBy(asg.roundId).prepare(),
    scoresheets: db.select({ key: sh.roundId, n: count() }).from(sh).where(inArray(sh.roundId, roundIds)).groupBy(sh.roundId).prepare(),
    missing: db
      .select({ key: asg.roundId, n: count() })
      .from(asg)
      .leftJoin(sh, and(eq(sh.roundId, asg.roundId), eq(sh.judgeId, asg.judgeId), eq(sh.applicationId, asg.applicationId)))
      .where(and(inArray(asg.roundId, roundIds), sql`${sh.id} is null`))
      .groupBy(asg.roundId)
      .prepare(),
    drafts: db.select({ key: sh.roundId, n: count() }).from(sh).where(and(inArray(sh.roundId, roundIds), eq(sh.status, 'draft'))).groupBy(sh.roundId).prepare(),
    firstSubmission: db
      .select({ n: count(), at: sql<number | null>`min(${sh.submittedAt})` })
      .from(sh)
      .innerJoin(rounds, eq(rounds.id, sh.roundId))
      .where(and(eq(rounds.editionId, editionId), eq(sh.status, 'submitted')))
      .prepare(),
  };
});

/** Everything the set-up page shows, with what depends on each item, and what each round lacks to lock. */
export function setupOverview(editionId: number) {
  const q = overviewQueries();
  const at = { editionId };
  const counts = (rows: { key: number | null; n: number }[]) => new Map(rows.map((row) => [row.key, row.n]));
  const trackList = q.tracks.all(at);
  const criterionList = q.criteria.all(at);
  const roundList = q.rounds.all(at);
  const applications = counts(q.applications.all(at));
  const scores = counts(q.scores.all(at));
  const assignments = counts(q.assignments.all(at));
  const scoresheets = counts(q.scoresheets.all(at));
  const missing = counts(q.missing.all(at));
  const drafts = counts(q.drafts.all(at));
  const firstSubmission = q.firstSubmission.get(at);
  return {
    tracks: trackList.map(({ editionId: _, ...track }) => ({ ...track, applications: applications.get(track.id) ?? 0 })),
    criteria: criterionList.map(({ editionId: _, ...criterion }) => ({ ...criterion, scores: scores.get(criterion.id) ?? 0 })),
    rounds: roundList.map(({ editionId: _, position: __, sealHash, sealedAt: ___, ...round }) => ({
      ...round,
      sealed: sealHash !== null,
      assignments: assignments.get(round.id) ?? 0,
      scoresheets: scoresheets.get(round.id) ?? 0,
    })),
    // A submitted scoresheet fixes the criteria (editionHasSubmittedSheet), since the first one (firstSubmissionAt).
    criteriaFrozenSince: firstSubmission && firstSubmission.n > 0 && firstSubmission.at ? new Date(firstSubmission.at) : null,
    /** Per round, as lockShortfall (rounds.server.ts) counts them. */
    lockShortfalls: Object.fromEntries(roundList.map((r) => [r.id, { missing: missing.get(r.id) ?? 0, drafts: drafts.get(r.id) ?? 0 }])),
  };
}

// ─── Tracks ─────────────────────────────────────────────────────────────────

/** A URL-safe name, unique within the edition: "Public-service delivery" → "public-service-delivery". */
function uniqueSlug(tx: DbOrTx, editionId: number, name: string): string {
  const base =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'track';
  const taken = new Set(
    tx.select({ slug: schema.tracks.slug }).from(schema.tracks).where(eq(schema.tracks.editionId, editionId)).all().map((r) => r.slug),
  );
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  return slug;
}

function trackOf(tx: DbOrTx, editionId: number, trackId: number) {
  const track = tx
    .select()
    .from(schema.tracks)
    .where(and(eq(schema.tracks.id, trackId), eq(schema.tracks.editionId, editionId)))
    .get();
  if (!track) throw new Refusal(404, 'setup.errors.track.notFound');
  return track;
}

export function createTrack({ editionId, actorId, now = new Date() }: Act, input: TrackInput) {
  return auditedTransaction({ editionId, actorId, now }, (tx, audit) => {
    assertNotFrozen(editionId, tx);
    const track = tx
      .insert(schema.tracks)
      .values({ editionId, slug: uniqueSlug(tx, editionId, input.nameEn), ...input })
      .returning()
      .get();
    audit({ action: 'track.create', entityType: 'track', entityId: track.id, before: null, after: track });
    return track;
  });
}

/** The slug stays as created, so links to the track keep working after a rename. */
export function updateTrack({ editionId, actorId, now = new Date() }: Act, trackId: number, input: TrackInput) {
  return auditedTransaction({ editionId, actorId, now }, (tx, audit) => {
    assertNotFrozen(editionId, tx);
    const before = trackOf(tx, editionId, trackId);
    const after = tx.update(schema.tracks).set(input).where(eq(schema.tracks.id, before.id)).returning().get();
    audit({ action: 'track.update', entityType: 'track', entityId: before.id, before, after });
    return after;
  });
}

export function deleteTrack({ editionId, actorId, now = new Date() }: Act, trackId: number) {
  return auditedTransaction({ editionId, actorId, now }, (tx, audit) => {
    assertNotFrozen(editionId, tx);
    const before = trackOf(tx, editionId, trackId);
    const applications = countOf(tx, schema.applications, eq(schema.applications.trackId, before.id));
    if (applications > 0) throw new Refusal(409, 'setup.errors.track.inUse', { count: applications });
    const awards = countOf(tx, schema.awards, eq(schema.awards.trackId, before.id));
    if (awards > 0) throw new Refusal(409, 'setup.errors.track.awarded');
    tx.delete(schema.tracks).where(eq(schema.tracks.id, before.id)).run();
    audit({ action: 'track.delete', entityType: 'track', entityId: before.id, before, after: null });
  });
}

// ─── Criteria ───────────────────────────────────────────────────────────────

/** Criteria are fixed from the first submitted scoresheet of the edition (PRODUCT.md). */
function refuseIfCriteriaFrozen(tx: DbOrTx, editionId: number) {
  if (editionHasSubmittedSheet(editionId, tx)) throw new Refusal(409, 'setup.errors.criteria.frozen');
}

function criterionOf(tx: DbOrTx, editionId: number, criterionId: number) {
  const criterion = tx
    .select()
    .from(schema.criteria)
    .where(and(eq(schema.criteria.id, criterionId), eq(schema.criteria.editionId, editionId)))
    .get();
  if (!criterion) throw new Refusal(404, 'setup.errors.criterion.notFound');
  return criterion;
}

export function createCriterion({ editionId, actorId, now = new Date() }: Act, input: CriterionInput) {
  return auditedTransaction({ editionId, actorId, now }, (tx, audit) => {
    assertNotFrozen(editionId, tx);
    refuseIfCriteriaFrozen(tx, editionId);
    const criterion = tx.insert(schema.criteria).values({ editionId, ...input }).returning().get();
    audit({
      action: 'criterion.create',
      entityType: 'criterion',
      entityId: criterion.id,
      before: null,
      after: criterion,
    });
    return criterion;
  });
}

export function updateCriterion({ editionId, actorId, now = new Date() }: Act, criterionId: number, input: CriterionInput) {
  return auditedTransaction({ editionId, actorId, now }, (tx, audit) => {
    assertNotFrozen(editionId, tx);
    refuseIfCriteriaFrozen(tx, editionId);
    const before = criterionOf(tx, editionId, criterionId);
    // Draft scores typed on the old scale must still fit the new one.
    const outside = tx
      .select({ n: count() })
      .from(schema.scores)
      .where(
        and(
          eq(schema.scores.criterionId, before.id),
          sql`${schema.scores.value} is not null and (${schema.scores.value} < ${input.scaleMin} or ${schema.scores.value} > ${input.scaleMax})`,
        ),
      )
      .get()!.n;
    if (outside > 0) throw new Refusal(409, 'setup.errors.criterion.valuesOutsideScale', { count: outside }, 'scaleMax');
    const after = tx.update(schema.criteria).set(input).where(eq(schema.criteria.id, before.id)).returning().get();
    audit({ action: 'criterion.update', entityType: 'criterion', entityId: before.id, before, after });
    return after;
  });
}

export function deleteCriterion({ editionId, actorId, now = new Date() }: Act, criterionId: number) {
  return auditedTransaction({ editionId, actorId, now }, (tx, audit) => {
    assertNotFrozen(editionId, tx);
    refuseIfCriteriaFrozen(tx, editionId);
    const before = criterionOf(tx, editionId, criterionId);
    const scores = countOf(tx, schema.scores, eq(schema.scores.criterionId, before.id));
    if (scores > 0) throw new Refusal(409, 'setup.errors.criterion.inUse', { count: scores });
    tx.delete(schema.criteria).where(eq(schema.criteria.id, before.id)).run();
    audit({
      action: 'criterion.delete',
      entityType: 'criterion',
      entityId: before.id,
      before,
      after: null,
    });
  });
}

// ─── Rounds ─────────────────────────────────────────────────────────────────

/** Screening comes before the final wherever rounds are listed. */
const ROUND_POSITION = { screening: 0, final: 1 } as const;

export function createRound({ editionId, actorId, now = new Date() }: Act, input: NewRoundInput) {
  return auditedTransaction({ editionId, actorId, now }, (tx, audit) => {
    assertNotFrozen(editionId, tx);
    const taken = tx
      .select({ id: schema.rounds.id })
      .from(schema.rounds)
      .where(and(eq(schema.rounds.editionId, editionId), eq(schema.rounds.kind, input.kind)))
      .get();
    if (taken) throw new Refusal(409, `setup.errors.round.kindTaken.${input.kind}`, {}, 'kind');
    const round = tx
      .insert(schema.rounds)
      .values({ editionId, ...input, position: ROUND_POSITION[input.kind] })
      .returning()
      .get();
    audit({ action: 'round.create', entityType: 'round', entityId: round.id, before: null, after: round });
    return round;
  });
}

/** A locked round keeps its settings (its ranking depends on them): unlock it first, with a reason. */
export function updateRound({ editionId, actorId, now = new Date() }: Act, roundId: number, input: RoundInput) {
  return auditedTransaction({ editionId, actorId, now }, (tx, audit) => {
    assertNotFrozen(editionId, tx);
    const before = roundOrRefuse(tx, editionId, roundId);
    refuseIfLocked(before);
    const after = tx.update(schema.rounds).set(input).where(eq(schema.rounds.id, before.id)).returning().get();
    audit({ action: 'round.update', entityType: 'round', entityId: before.id, before, after });
    return after;
  });
}

export function deleteRound({ editionId, actorId, now = new Date() }: Act, roundId: number) {
  return auditedTransaction({ editionId, actorId, now }, (tx, audit) => {
    assertNotFrozen(editionId, tx);
    const before = roundOrRefuse(tx, editionId, roundId);
    refuseIfLocked(before);
    const assignments = countOf(tx, schema.assignments, eq(schema.assignments.roundId, before.id));
    const scoresheets = countOf(tx, schema.scoresheets, eq(schema.scoresheets.roundId, before.id));
    if (assignments + scoresheets > 0) throw new Refusal(409, 'setup.errors.round.inUse', { assignments, scoresheets });
    tx.delete(schema.rounds).where(eq(schema.rounds.id, before.id)).run();
    audit({ action: 'round.delete', entityType: 'round', entityId: before.id, before, after: null });
  });
}

// ─── The audit page's filters ───────────────────────────────────────────────

/** The entity types, actions and actors that occur in an edition's audit log, for the filters. */
export function auditFilterOptions(editionId: number) {
  const db = getDb();
  const a = schema.auditEvents;
  const entityTypes = db.selectDistinct({ value: a.entityType }).from(a).where(eq(a.editionId, editionId)).orderBy(asc(a.entityType)).all();
  const actions = db.selectDistinct({ value: a.action }).from(a).where(eq(a.editionId, editionId)).orderBy(asc(a.action)).all();
  const actors = db
    .selectDistinct({ id: schema.users.id, name: schema.users.name, role: schema.users.role })
    .from(a)
    .innerJoin(schema.users, eq(schema.users.id, a.actorId))
    .where(eq(a.editionId, editionId))
    .orderBy(asc(schema.users.name))
    .all();
  const total = db.select({ n: count() }).from(a).where(eq(a.editionId, editionId)).get()!.n;
  const newest = db.select({ at: a.at }).from(a).where(eq(a.editionId, editionId)).orderBy(desc(a.id)).limit(1).get();
  return {
    entityTypes: entityTypes.map((r) => r.value),
    actions: actions.map((r) => r.value),
    actors,
    total,
    newestAt: newest?.at ?? null,
  };
}

/**
 * The names behind the ids that audit events mention (a judge, a startup, a round), so the
 * page can say "Hélène Marchetti" rather than "2". Only this edition's applications and rounds.
 */
export function auditNames(editionId: number, states: unknown[], lang: Lang, entities: { entityType: string; entityId: string }[] = []): AuditNames {
  const ids = { users: new Set<number>(), applications: new Set<number>(), rounds: new Set<number>(), tracks: new Set<number>() };
  const visit = (state: unknown): void => {
    if (Array.isArray(state)) return state.forEach(visit);
    if (typeof state !== 'object' || state === null) return;
    for (const [field, value] of Object.entries(state as Record<string, unknown>)) {
      const kind = (AUDIT_ID_FIELDS as Record<string, keyof AuditNames>)[field];
      const listKind = (AUDIT_ID_LIST_FIELDS as Record<string, keyof AuditNames>)[field];
      if (kind && typeof value === 'number') ids[kind].add(value);
      else if (listKind && Array.isArray(value)) value.forEach((id) => typeof id === 'number' && ids[listKind].add(id));
      else visit(value);
    }
  };
  states.forEach(visit);
  for (const { entityType, entityId } of entities) {
    const kind = (AUDIT_ENTITY_NAMES as Record<string, keyof AuditNames>)[entityType];
    if (kind && /^\d+$/.test(entityId)) ids[kind].add(Number(entityId));
  }
  const db = getDb();
  const users = ids.users.size
    ? db.select({ id: schema.users.id, name: schema.users.name }).from(schema.users).where(inArray(schema.users.id, [...ids.users])).all()
    : [];
  const applications = ids.applications.size
    ? db
        .select({ id: schema.applications.id, name: schema.applications.startupName })
        .from(schema.applications)
        .where(and(eq(schema.applications.editionId, editionId), inArray(schema.applications.id, [...ids.applications])))
        .all()
    : [];
  const rounds = ids.rounds.size
    ? db
        .select({ id: schema.rounds.id, nameEn: schema.rounds.nameEn, nameFr: schema.rounds.nameFr })
        .from(schema.rounds)
        .where(and(eq(schema.rounds.editionId, editionId), inArray(schema.rounds.id, [...ids.rounds])))
        .all()
    : [];
  const tracks = ids.tracks.size
    ? db
        .select({ id: schema.tracks.id, nameEn: schema.tracks.nameEn, nameFr: schema.tracks.nameFr })
        .from(schema.tracks)
        .where(and(eq(schema.tracks.editionId, editionId), inArray(schema.tracks.id, [...ids.tracks])))
        .all()
    : [];
  const byId = (rows: { id: number; name: string }[]) => Object.fromEntries(rows.map((r) => [r.id, r.name]));
  const named = (rows: { id: number; nameEn: string; nameFr: string }[]) =>
    Object.fromEntries(rows.map((r) => [r.id, lang === 'fr' ? r.nameFr : r.nameEn]));
  return { users: byId(users), applications: byId(applications), rounds: named(rounds), tracks: named(tracks) };
}
