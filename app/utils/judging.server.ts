/** Queries on judging: memberships, assignments and scoresheets. */
import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import { getDb, schema } from './db.server';
import type { Round } from './editions.server';
import { countsBy } from './query.server';

/**
 * The edition's rounds (in the order given), each with what an overview shows of it and its figure
 * from each count per round (0 when the round has no rows).
 */
function roundsWithCounts<K extends string>(rounds: Round[], editionId: number, counts: Record<K, Map<number, number>>) {
  return rounds
    .filter((round) => round.editionId === editionId)
    .map((round) => ({
      id: round.id,
      kind: round.kind,
      method: round.method,
      nameFr: round.nameFr,
      nameEn: round.nameEn,
      state: round.state,
      ...(Object.fromEntries(Object.entries<Map<number, number>>(counts).map(([key, n]) => [key, n.get(round.id) ?? 0])) as Record<K, number>),
    }));
}

/** The editions a judge belongs to, with their progress per round (only their own sheets). */
export function judgeOverview(judgeId: number) {
  const db = getDb();
  const editions = db
    .select({ id: schema.editions.id, year: schema.editions.year, name: schema.editions.name, nameFr: schema.editions.nameFr, status: schema.editions.status })
    .from(schema.editionJudges)
    .innerJoin(schema.editions, eq(schema.editions.id, schema.editionJudges.editionId))
    .where(eq(schema.editionJudges.userId, judgeId))
    .orderBy(desc(schema.editions.year))
    .all();
  const editionIds = editions.map((e) => e.id);
  if (editionIds.length === 0) return [];
  const r = schema.rounds;
  const rounds = db.select().from(r).where(inArray(r.editionId, editionIds)).orderBy(asc(r.position)).all();
  const sh = schema.scoresheets;
  const assigned = countsBy(db, schema.assignments.roundId, eq(schema.assignments.judgeId, judgeId));
  const submitted = countsBy(db, sh.roundId, and(eq(sh.judgeId, judgeId), eq(sh.status, 'submitted')));
  const drafts = countsBy(db, sh.roundId, and(eq(sh.judgeId, judgeId), eq(sh.status, 'draft')));
  return editions.map((edition) => ({
    ...edition,
    rounds: roundsWithCounts(rounds, edition.id, { assigned, submitted, drafts }),
  }));
}

/** Every edition with what an organiser checks first: applications by status, judges, rounds. */
export function organiserOverview() {
  const db = getDb();
  const e = schema.editions;
  const editions = db.select().from(e).orderBy(desc(e.year)).all();
  const statusCounts = db
    .select({ editionId: schema.applications.editionId, status: schema.applications.status, n: count() })
    .from(schema.applications)
    .groupBy(schema.applications.editionId, schema.applications.status)
    .all();
  const judgeCounts = countsBy(db, schema.editionJudges.editionId);
  const rounds = db.select().from(schema.rounds).orderBy(asc(schema.rounds.position)).all();
  const assignments = countsBy(db, schema.assignments.roundId);
  const submitted = countsBy(db, schema.scoresheets.roundId, eq(schema.scoresheets.status, 'submitted'));
  return editions.map((edition) => ({
    id: edition.id,
    year: edition.year,
    name: edition.name,
    nameFr: edition.nameFr,
    status: edition.status,
    judges: judgeCounts.get(edition.id) ?? 0,
    applications: Object.fromEntries(
      statusCounts.filter((s) => s.editionId === edition.id).map((s) => [s.status, s.n]),
    ) as Partial<Record<schema.ApplicationStatus, number>>,
    rounds: roundsWithCounts(rounds, edition.id, { assignments, submitted }),
  }));
}
