/**
 * The organisers' view of an edition's applications: the list with search, filters and sort (and
 * its CSV export), the counts per status and track, one application with its files and history.
 */
import { and, asc, count, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import { foldForSearch, LIST_PAGE_SIZE, type ListQuery } from '~/domain/application';
import { APPLICATION_STATUSES } from '~/domain/statuses';
import { answerColumns } from './applications.server';
import { listAudit, type DbOrTx } from './audit.server';
import { getDb, schema } from './db.server';
import { editionTracks } from './editions.server';
import { fileSummary, filesByIds } from './files.server';
import { countsBy } from './query.server';

const a = schema.applications;

/** better-sqlite3 connections that know `palmares_fold` (case- and accent-insensitive search). */
const withFold = new WeakSet<object>();

function searchableDb() {
  const db = getDb();
  if (!withFold.has(db.$client)) {
    db.$client.function('palmares_fold', { deterministic: true }, (value: unknown) =>
      typeof value === 'string' ? foldForSearch(value) : value,
    );
    withFold.add(db.$client);
  }
  return db;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const STATUS_ORDER = sql.raw(
  `case "applications"."status" ${APPLICATION_STATUSES.map((s, i) => `when '${s}' then ${i}`).join(' ')} end`,
);

function listConditions(editionId: number, query: ListQuery): SQL | undefined {
  const u = schema.users;
  const conditions: (SQL | undefined)[] = [eq(a.editionId, editionId)];
  if (query.status) conditions.push(eq(a.status, query.status));
  if (query.track === 'none') conditions.push(isNull(a.trackId));
  else if (typeof query.track === 'number') conditions.push(eq(a.trackId, query.track));
  if (query.q) {
    const pattern = `%${escapeLike(foldForSearch(query.q))}%`;
    const searched = [a.startupName, a.oneLiner, a.problem, a.solution, a.impact, a.businessModel, a.traction, a.team, a.website, a.country, u.name, u.email];
    conditions.push(or(...searched.map((column) => sql`palmares_fold(${column}) like ${pattern} escape '\\'`)));
  }
  return and(...conditions);
}

function listOrder(query: ListQuery): SQL[] {
  const dir = sql.raw(query.dir === 'desc' ? 'desc' : 'asc');
  const byName = sql`palmares_fold(${a.startupName}) ${dir}`;
  const primary: Record<ListQuery['sort'], SQL> = {
    name: byName,
    status: sql`${STATUS_ORDER} ${dir}`,
    track: sql`${schema.tracks.position} ${dir} nulls last`,
    country: sql`${a.country} ${dir} nulls last`,
    submitted: sql`${a.submittedAt} ${dir} nulls last`,
    updated: sql`${a.updatedAt} ${dir}`,
  };
  return [primary[query.sort], sql`palmares_fold(${a.startupName}) asc`, asc(a.id)];
}

function listSelection() {
  return {
    id: a.id,
    startupName: a.startupName,
    status: a.status,
    country: a.country,
    website: a.website,
    trackId: a.trackId,
    trackFr: schema.tracks.nameFr,
    trackEn: schema.tracks.nameEn,
    ...answerColumns,
    consentToPublication: a.consentToPublication,
    hasDeck: sql<number>`${a.deckFileId} is not null`,
    hasLogo: sql<number>`${a.logoFileId} is not null`,
    founderName: schema.users.name,
    founderEmail: schema.users.email,
    createdAt: a.createdAt,
    submittedAt: a.submittedAt,
    withdrawnAt: a.withdrawnAt,
    updatedAt: a.updatedAt,
  };
}

/**
 * The edition's applications matching the query, in its order: one page of LIST_PAGE_SIZE, or
 * every match (`all`, for the CSV export).
 */
export function listEditionApplications(editionId: number, query: ListQuery, { all = false }: { all?: boolean } = {}) {
  const db = searchableDb();
  const where = listConditions(editionId, query);
  const base = () =>
    db
      .select(listSelection())
      .from(a)
      .innerJoin(schema.users, eq(schema.users.id, a.founderId))
      .leftJoin(schema.tracks, eq(schema.tracks.id, a.trackId))
      .where(where)
      .orderBy(...listOrder(query));
  const total =
    db
      .select({ n: count() })
      .from(a)
      .innerJoin(schema.users, eq(schema.users.id, a.founderId))
      .where(where)
      .get()?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / LIST_PAGE_SIZE));
  const page = Math.min(query.page, pages);
  const rows = all ? base().all() : base().limit(LIST_PAGE_SIZE).offset((page - 1) * LIST_PAGE_SIZE).all();
  return { rows, total, page, pages };
}


/** Counts of the whole edition, per status and per track (tracks in their order, then "no track"). */
export function editionApplicationCounts(editionId: number) {
  const db = getDb();
  const byStatus = countsBy(db, a.status, eq(a.editionId, editionId));
  const byTrack = countsBy(db, a.trackId, eq(a.editionId, editionId));
  const tracks = editionTracks(editionId);
  return {
    total: [...byStatus.values()].reduce((sum, n) => sum + n, 0),
    byStatus: APPLICATION_STATUSES.map((status) => ({ status, n: byStatus.get(status) ?? 0 })),
    byTrack: [
      ...tracks.map((t) => ({ trackId: t.id as number | null, nameFr: t.nameFr, nameEn: t.nameEn, n: byTrack.get(t.id) ?? 0 })),
      { trackId: null, nameFr: null, nameEn: null, n: byTrack.get(null) ?? 0 },
    ],
  };
}

/** Applications matching a condition, by id, each with its founder, its edition's names and year, and its track's names. */
export function applicationsWithFounder(db: DbOrTx, where: SQL | undefined) {
  return db
    .select({
      application: a,
      founderName: schema.users.name,
      founderEmail: schema.users.email,
      editionName: schema.editions.name,
      editionNameFr: schema.editions.nameFr,
      year: schema.editions.year,
      trackFr: schema.tracks.nameFr,
      trackEn: schema.tracks.nameEn,
    })
    .from(a)
    .innerJoin(schema.users, eq(schema.users.id, a.founderId))
    .innerJoin(schema.editions, eq(schema.editions.id, a.editionId))
    .leftJoin(schema.tracks, eq(schema.tracks.id, a.trackId))
    .where(where)
    .orderBy(asc(a.id))
    .all();
}

/** One application of the edition, as the founder submitted it, with its founder, track and files. */
export function editionApplication(editionId: number, applicationId: number) {
  const [row] = applicationsWithFounder(getDb(), and(eq(a.id, applicationId), eq(a.editionId, editionId)));
  if (!row) return null;
  const files = filesByIds([row.application.deckFileId, row.application.logoFileId]);
  return {
    ...row,
    deck: fileSummary(files.find((file) => file.id === row.application.deckFileId)),
    logo: fileSummary(files.find((file) => file.id === row.application.logoFileId)),
  };
}

/** The application's audit trail, newest first. */
export function applicationHistory(editionId: number, applicationId: number) {
  return listAudit({ editionId, entityType: 'application', entityId: String(applicationId), limit: 500 });
}
