/** Queries on applications. Ownership is part of the query, never a check after it. */
import { desc, eq } from 'drizzle-orm';
import { getDb, schema } from './db.server';

/** A founder's applications across every edition, newest edition first. */
export function applicationsOfFounder(founderId: number) {
  const a = schema.applications;
  const e = schema.editions;
  return getDb()
    .select({
      id: a.id,
      startupName: a.startupName,
      status: a.status,
      submittedAt: a.submittedAt,
      withdrawnAt: a.withdrawnAt,
      updatedAt: a.updatedAt,
      createdAt: a.createdAt,
      year: e.year,
      editionName: e.name,
      editionStatus: e.status,
      timeZone: e.timeZone,
      trackFr: schema.tracks.nameFr,
      trackEn: schema.tracks.nameEn,
    })
    .from(a)
    .innerJoin(e, eq(e.id, a.editionId))
    .leftJoin(schema.tracks, eq(schema.tracks.id, a.trackId))
    .where(eq(a.founderId, founderId))
    .orderBy(desc(e.year))
    .all();
}
