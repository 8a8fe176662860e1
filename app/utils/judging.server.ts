/** Queries on judging: memberships, assignments and scoresheets. */
import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import { getDb, schema } from './db.server';

/** The editions a judge belongs to, with their progress per round (only their own sheets). */
export function judgeOverview(judgeId: number) {
  const db = getDb();
  const editions = db
    .select({ id: schema.editions.id, year: schema.editions.year, name: schema.editions.name, status: schema.editions.status })
    .from(schema.editionJudges)
    .innerJoin(schema.editions, eq(schema.editions.id, schema.editionJudges.editionId))
    .where(eq(schema.editionJudges.userId, judgeId))
    .orderBy(desc(schema.editions.year))
    .all();
  const r = schema.rounds;
  const asg = schema.assignments;
  const sh = schema.scoresheets;
  const rounds = db
    .select({
      editionId: r.editionId,
      id: r.id,
      kind: r.kind,
      nameFr: r.nameFr,
      nameEn: r.nameEn,
      state: r.state,
      assigned: sql<number>`(select count(*) from ${asg} where ${asg.roundId} = ${r.id} and ${asg.judgeId} = ${judgeId})`,
      submitted: sql<number>`(select count(*) from ${sh} where ${sh.roundId} = ${r.id} and ${sh.judgeId} = ${judgeId} and ${sh.status} = 'submitted')`,
      drafts: sql<number>`(select count(*) from ${sh} where ${sh.roundId} = ${r.id} and ${sh.judgeId} = ${judgeId} and ${sh.status} = 'draft')`,
    })
    .from(r)
    .innerJoin(schema.editionJudges, and(eq(schema.editionJudges.editionId, r.editionId), eq(schema.editionJudges.userId, judgeId)))
    .orderBy(asc(r.position))
    .all();
  return editions.map((edition) => ({ ...edition, rounds: rounds.filter((round) => round.editionId === edition.id) }));
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
  const judgeCounts = db
    .select({ editionId: schema.editionJudges.editionId, n: count() })
    .from(schema.editionJudges)
    .groupBy(schema.editionJudges.editionId)
    .all();
  const sh = schema.scoresheets;
  const asg = schema.assignments;
  const r = schema.rounds;
  const rounds = db
    .select({
      editionId: r.editionId,
      id: r.id,
      nameFr: r.nameFr,
      nameEn: r.nameEn,
      state: r.state,
      method: r.method,
      assignments: sql<number>`(select count(*) from ${asg} where ${asg.roundId} = ${r.id})`,
      submitted: sql<number>`(select count(*) from ${sh} where ${sh.roundId} = ${r.id} and ${sh.status} = 'submitted')`,
    })
    .from(r)
    .orderBy(asc(r.position))
    .all();
  return editions.map((edition) => ({
    id: edition.id,
    year: edition.year,
    name: edition.name,
    status: edition.status,
    judges: judgeCounts.find((j) => j.editionId === edition.id)?.n ?? 0,
    applications: Object.fromEntries(
      statusCounts.filter((s) => s.editionId === edition.id).map((s) => [s.status, s.n]),
    ) as Partial<Record<schema.ApplicationStatus, number>>,
    rounds: rounds.filter((round) => round.editionId === edition.id),
  }));
}
