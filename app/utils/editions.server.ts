/** Queries about editions that several pages share. */
import { asc, count, desc, eq, sql } from 'drizzle-orm';
import { getDb, schema } from './db.server';

export function listEditions() {
  const db = getDb();
  const e = schema.editions;
  const a = schema.applications;
  return db
    .select({
      id: e.id,
      year: e.year,
      name: e.name,
      city: e.city,
      status: e.status,
      startsOn: e.startsOn,
      endsOn: e.endsOn,
      applicationsOpenAt: e.applicationsOpenAt,
      applicationsCloseAt: e.applicationsCloseAt,
      timeZone: e.timeZone,
      submitted: sql<number>`(select count(*) from ${a} where ${a.editionId} = ${e.id} and ${a.status} not in ('draft', 'withdrawn'))`,
      tracks: sql<number>`(select count(*) from ${schema.tracks} where ${schema.tracks.editionId} = ${e.id})`,
    })
    .from(e)
    .orderBy(desc(e.year))
    .all();
}

export function getEditionByYear(year: number) {
  return getDb().select().from(schema.editions).where(eq(schema.editions.year, year)).get() ?? null;
}

/** The year of a URL, or a 404 for anything that is not one. */
export function parseYear(param: string | undefined): number {
  if (!param || !/^\d{4}$/.test(param)) throw new Response('Not Found', { status: 404 });
  return Number(param);
}

export function requireEdition(yearParam: string | undefined) {
  const edition = getEditionByYear(parseYear(yearParam));
  if (!edition) throw new Response('Not Found', { status: 404 });
  return edition;
}

export function editionTracks(editionId: number) {
  return getDb()
    .select()
    .from(schema.tracks)
    .where(eq(schema.tracks.editionId, editionId))
    .orderBy(asc(schema.tracks.position))
    .all();
}

export function editionCriteria(editionId: number) {
  return getDb()
    .select()
    .from(schema.criteria)
    .where(eq(schema.criteria.editionId, editionId))
    .orderBy(asc(schema.criteria.position))
    .all();
}

export function editionRounds(editionId: number) {
  return getDb()
    .select()
    .from(schema.rounds)
    .where(eq(schema.rounds.editionId, editionId))
    .orderBy(asc(schema.rounds.position))
    .all();
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
