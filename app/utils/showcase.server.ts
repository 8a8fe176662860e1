/**
 * The showcase of startups across editions (issue 15, docs/decisions/042): the entries, one
 * startup's page, the open-data list, and the organiser's merge and split of entries. A new
 * application joins its founder's entry (`startupOfNewApplication`); what the public sees is
 * decided by app/domain/showcase.ts (consent, published edition, submitted and not withdrawn).
 */
import { and, desc, eq, inArray, isNotNull, isNull, ne } from 'drizzle-orm';
import { Refusal } from '~/domain/refusal';
import { showcaseEntries, type ShowcaseApplication, type ShowcaseAward, type ShowcaseEntry } from '~/domain/showcase';
import { auditedTransaction, type AuditAct, type DbOrTx } from './audit.server';
import { getDb, schema } from './db.server';

// ─── Linking applications ────────────────────────────────────────────────────

/**
 * The entry a founder's new application joins: the entry of their latest application that has
 * one, else a new entry. Called in the transaction that creates the application.
 */
export function startupOfNewApplication(tx: DbOrTx, founderId: number, now: Date): number {
  const a = schema.applications;
  const latest = tx
    .select({ startupId: a.startupId })
    .from(a)
    .where(and(eq(a.founderId, founderId), isNotNull(a.startupId)))
    .orderBy(desc(a.createdAt), desc(a.id))
    .get();
  if (latest?.startupId) return latest.startupId;
  return tx.insert(schema.startups).values({ createdAt: now }).returning({ id: schema.startups.id }).get().id;
}

/** Links every application without an entry to its founder's (the demo seed, after inserting applications). */
export function linkUnlinkedApplications(tx: DbOrTx): void {
  const a = schema.applications;
  const unlinked = tx.select({ id: a.id, founderId: a.founderId, createdAt: a.createdAt }).from(a).where(isNull(a.startupId)).orderBy(a.createdAt, a.id).all();
  for (const app of unlinked) {
    tx.update(a).set({ startupId: startupOfNewApplication(tx, app.founderId, app.createdAt) }).where(eq(a.id, app.id)).run();
  }
}

// ─── Reading ─────────────────────────────────────────────────────────────────

/** Every application of every edition, as the showcase rules read them (drafts left out here already). */
function showcaseApplications(db: DbOrTx): ShowcaseApplication[] {
  const a = schema.applications;
  const e = schema.editions;
  const t = schema.tracks;
  const rows = db
    .select({
      applicationId: a.id,
      startupId: a.startupId,
      founderId: a.founderId,
      editionId: a.editionId,
      year: e.year,
      editionStatus: e.status,
      status: a.status,
      consent: a.consentToPublication,
      startupName: a.startupName,
      country: a.country,
      website: a.website,
      oneLiner: a.oneLiner,
      trackSlug: t.slug,
      trackEn: t.nameEn,
      trackFr: t.nameFr,
      logoFileId: a.logoFileId,
    })
    .from(a)
    .innerJoin(e, eq(e.id, a.editionId))
    .leftJoin(t, eq(t.id, a.trackId))
    .where(ne(a.status, 'draft'))
    .all();
  const ids = rows.map((r) => r.applicationId);
  const finalists = new Set(
    ids.length === 0
      ? []
      : db
          .selectDistinct({ applicationId: schema.assignments.applicationId })
          .from(schema.assignments)
          .innerJoin(schema.rounds, eq(schema.rounds.id, schema.assignments.roundId))
          .where(and(eq(schema.rounds.kind, 'final'), inArray(schema.assignments.applicationId, ids)))
          .all()
          .map((r) => r.applicationId),
  );
  const awards = new Map<number, ShowcaseAward[]>();
  for (const w of db
    .select({ applicationId: schema.awards.applicationId, kind: schema.awards.kind, place: schema.awards.place, trackEn: t.nameEn, trackFr: t.nameFr })
    .from(schema.awards)
    .leftJoin(t, eq(t.id, schema.awards.trackId))
    .all()) {
    const list = awards.get(w.applicationId) ?? [];
    list.push({ kind: w.kind, place: w.place, trackEn: w.trackEn, trackFr: w.trackFr });
    awards.set(w.applicationId, list);
  }
  return rows.map(({ founderId, editionId: _editionId, ...row }) => ({
    ...row,
    // An application made before its entry was linked stands for its founder's (never in practice: 0008 and creation link).
    startupId: row.startupId ?? -founderId,
    inFinalRound: finalists.has(row.applicationId),
    awards: (awards.get(row.applicationId) ?? []).sort((x, y) => x.kind.localeCompare(y.kind) || x.place - y.place),
  }));
}

/** The public entries, A to Z. */
export function publicShowcase(db: DbOrTx = getDb()): ShowcaseEntry[] {
  return showcaseEntries(showcaseApplications(db));
}

export function showcaseEntry(slug: string, db: DbOrTx = getDb()): ShowcaseEntry | null {
  return publicShowcase(db).find((entry) => entry.slug === slug) ?? null;
}

/** The values the list's filters offer, from the public entries only. */
export function filterOptions(entries: readonly ShowcaseEntry[]) {
  const tracks = new Map<string, { slug: string; nameEn: string; nameFr: string }>();
  for (const edition of entries.flatMap((e) => e.editions)) {
    if (edition.trackSlug && !tracks.has(edition.trackSlug)) {
      tracks.set(edition.trackSlug, { slug: edition.trackSlug, nameEn: edition.trackEn ?? edition.trackSlug, nameFr: edition.trackFr ?? edition.trackSlug });
    }
  }
  const countries = [...new Set(entries.map((e) => e.country).filter((c): c is string => Boolean(c)))].sort();
  return { tracks: [...tracks.values()].sort((x, y) => x.slug.localeCompare(y.slug)), countries };
}

// ─── The organiser's entries ─────────────────────────────────────────────────

/** Every entry with all its applications (consented or not), for the organiser. */
export function organiserEntries(db: DbOrTx = getDb()) {
  const a = schema.applications;
  const rows = db
    .select({ applicationId: a.id, startupId: a.startupId, year: schema.editions.year, startupName: a.startupName, consent: a.consentToPublication, founder: schema.users.email })
    .from(a)
    .innerJoin(schema.editions, eq(schema.editions.id, a.editionId))
    .innerJoin(schema.users, eq(schema.users.id, a.founderId))
    .where(and(ne(a.status, 'draft'), isNotNull(a.startupId)))
    .all();
  const entries = new Map<number, typeof rows>();
  for (const row of rows) entries.set(row.startupId!, [...(entries.get(row.startupId!) ?? []), row]);
  return [...entries]
    .map(([startupId, apps]) => ({ startupId, applications: apps.sort((x, y) => y.year - x.year) }))
    .sort((x, y) => x.applications[0].startupName.localeCompare(y.applications[0].startupName, 'en') || x.startupId - y.startupId);
}

/** Moves every application of entry `from` into entry `into`; the emptied entry stays, unused. */
export function mergeStartups(act: AuditAct, from: number, into: number) {
  if (from === into) throw new Refusal(400, 'showcase.errors.sameEntry', {}, 'into');
  return auditedTransaction(act, (tx, audit) => {
    const a = schema.applications;
    const exists = (id: number) => Boolean(tx.select({ id: schema.startups.id }).from(schema.startups).where(eq(schema.startups.id, id)).get());
    if (!exists(from) || !exists(into)) throw new Refusal(404, 'showcase.errors.noEntry');
    const moved = tx.select({ id: a.id }).from(a).where(eq(a.startupId, from)).all().map((r) => r.id);
    tx.update(a).set({ startupId: into }).where(eq(a.startupId, from)).run();
    audit({ action: 'startup.merge', entityType: 'startup', entityId: into, before: { startupId: from, applicationIds: moved }, after: { startupId: into, applicationIds: moved } });
  });
}

/** Gives one application an entry of its own; returns the new entry's id. */
export function splitApplication(act: AuditAct, applicationId: number): number {
  return auditedTransaction(act, (tx, audit) => {
    const a = schema.applications;
    const app = tx.select({ id: a.id, startupId: a.startupId }).from(a).where(eq(a.id, applicationId)).get();
    if (!app || app.startupId === null) throw new Refusal(404, 'showcase.errors.noEntry');
    const others = tx.select({ id: a.id }).from(a).where(and(eq(a.startupId, app.startupId), ne(a.id, app.id))).all();
    if (others.length === 0) throw new Refusal(409, 'showcase.errors.alone');
    const id = tx.insert(schema.startups).values({}).returning({ id: schema.startups.id }).get().id;
    tx.update(a).set({ startupId: id }).where(eq(a.id, app.id)).run();
    audit({ action: 'startup.split', entityType: 'application', entityId: app.id, before: { startupId: app.startupId }, after: { startupId: id } });
    return id;
  });
}
