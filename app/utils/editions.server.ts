/**
 * Queries about editions that several pages share, and the one home of an edition's structure:
 * its tracks, criteria and rounds, in display order (position, then id). Every module reads them
 * here, inside its own transaction when it passes one.
 */
import { invariantResponse } from '@epic-web/invariant';
import { and, asc, count, desc, eq, ne, notInArray, sql } from 'drizzle-orm';
import { isPublicEdition } from '~/domain/edition-status';
import { Refusal } from '~/domain/refusal';
import type { RoundKind } from '~/domain/statuses';
import type { DbOrTx } from './audit.server';
import { getDb, preparedOnce, schema } from './db.server';
import { countsBy } from './query.server';

export type Edition = typeof schema.editions.$inferSelect;
export type Round = typeof schema.rounds.$inferSelect;

/** The editions the public sees, newest first: every one but the drafts (app/domain/edition-status.ts). */
export function listEditions() {
  const db = getDb();
  const e = schema.editions;
  const a = schema.applications;
  const editions = db.select().from(e).where(ne(e.status, 'draft')).orderBy(desc(e.year)).all();
  const submitted = countsBy(db, a.editionId, notInArray(a.status, ['draft', 'withdrawn']));
  const tracks = countsBy(db, schema.tracks.editionId);
  return editions.map((edition) => ({
    id: edition.id,
    year: edition.year,
    name: edition.name,
    nameFr: edition.nameFr,
    city: edition.city,
    venue: edition.venue,
    status: edition.status,
    startsOn: edition.startsOn,
    endsOn: edition.endsOn,
    applicationsOpenAt: edition.applicationsOpenAt,
    applicationsCloseAt: edition.applicationsCloseAt,
    timeZone: edition.timeZone,
    submitted: submitted.get(edition.id) ?? 0,
    tracks: tracks.get(edition.id) ?? 0,
  }));
}

/** Every edition page looks its edition up (twice for an organiser's: the frame and the page): prepared once. */
const editionByYearQuery = preparedOnce((db) => db.select().from(schema.editions).where(eq(schema.editions.year, sql.placeholder('year'))).prepare());

export function getEditionByYear(year: number) {
  return editionByYearQuery().get({ year }) ?? null;
}

/** The year of a URL, or a 404 for anything that is not one. */
export function parseYear(param: string | undefined): number {
  invariantResponse(param && /^\d{4}$/.test(param), 'Not Found', { status: 404 });
  return Number(param);
}

export function requireEdition(yearParam: string | undefined) {
  const edition = getEditionByYear(parseYear(yearParam));
  invariantResponse(edition, 'Not Found', { status: 404 });
  return edition;
}

/**
 * The edition of a public URL (its page, applying, the stage, the vote, open data): a draft is
 * the organisers' alone, so the public is told it does not exist.
 */
export function requirePublicEdition(yearParam: string | undefined) {
  const edition = requireEdition(yearParam);
  invariantResponse(isPublicEdition(edition.status), 'Not Found', { status: 404 });
  return edition;
}

export function editionTracks(editionId: number, db: DbOrTx = getDb()) {
  const t = schema.tracks;
  return db.select().from(t).where(eq(t.editionId, editionId)).orderBy(asc(t.position), asc(t.id)).all();
}

export function editionCriteria(editionId: number, db: DbOrTx = getDb()) {
  const c = schema.criteria;
  return db.select().from(c).where(eq(c.editionId, editionId)).orderBy(asc(c.position), asc(c.id)).all();
}

export function editionRounds(editionId: number, db: DbOrTx = getDb()): Round[] {
  const r = schema.rounds;
  return db.select().from(r).where(eq(r.editionId, editionId)).orderBy(asc(r.position), asc(r.id)).all();
}

/** The edition's round of this kind (an edition has at most one screening and one final round), or null. */
export function editionRoundOfKind(editionId: number, kind: RoundKind, db: DbOrTx = getDb()): Round | null {
  const r = schema.rounds;
  return db.select().from(r).where(and(eq(r.editionId, editionId), eq(r.kind, kind))).get() ?? null;
}

/** Awards of a published edition, with the startup's name only when it consented to publication. */
export function publishedAwards(editionId: number) {
  const db = getDb();
  return db
    .select({
      kind: schema.awards.kind,
      place: schema.awards.place,
      trackId: schema.awards.trackId,
      applicationId: schema.applications.id,
      startupName: schema.applications.startupName,
      oneLiner: schema.applications.oneLiner,
      country: schema.applications.country,
      consent: schema.applications.consentToPublication,
    })
    .from(schema.awards)
    .innerJoin(schema.applications, eq(schema.applications.id, schema.awards.applicationId))
    .where(eq(schema.awards.editionId, editionId))
    .orderBy(asc(schema.awards.kind), asc(schema.awards.place))
    .all()
    .map(({ consent, startupName, oneLiner, ...award }) =>
      consent ? { ...award, startupName, oneLiner } : { ...award, startupName: null, oneLiner: null },
    );
}

export function countApplicationsByStatus(editionId: number) {
  return getDb()
    .select({ status: schema.applications.status, n: count() })
    .from(schema.applications)
    .where(eq(schema.applications.editionId, editionId))
    .groupBy(schema.applications.status)
    .all();
}

/**
 * The one check of every change to the judging of an edition — sheets, scores, criteria, rounds,
 * assignments, conflicts, invitations, votes, awards, statuses: 404 for an edition that does not
 * exist, 409 once its results are published. Call it first inside the change's transaction; the
 * database triggers of migration 0004 hold the same rule for every other way in.
 */
export function assertNotFrozen(editionId: number, db: DbOrTx = getDb()): void {
  const edition = db.select({ status: schema.editions.status }).from(schema.editions).where(eq(schema.editions.id, editionId)).get();
  if (!edition) throw new Refusal(404, 'errors.edition.notFound');
  if (edition.status === 'published') throw new Refusal(409, 'errors.edition.frozen');
}
