/**
 * Conflicts of interest. A conflicted judge is never assigned to, can never open
 * or score, and never sees the scores of that application: every judging query
 * and action asks here.
 */
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from './audit.server';
import { getDb, schema } from './db.server';

export function isConflicted(judgeId: number, applicationId: number, db: DbOrTx = getDb()): boolean {
  return Boolean(
    db
      .select({ id: schema.conflicts.id })
      .from(schema.conflicts)
      .where(and(eq(schema.conflicts.judgeId, judgeId), eq(schema.conflicts.applicationId, applicationId)))
      .get(),
  );
}

/** The applications of an edition a judge is conflicted with. */
export function conflictedApplicationIds(judgeId: number, editionId: number, db: DbOrTx = getDb()): Set<number> {
  const rows = db
    .select({ applicationId: schema.conflicts.applicationId })
    .from(schema.conflicts)
    .innerJoin(schema.applications, eq(schema.applications.id, schema.conflicts.applicationId))
    .where(and(eq(schema.conflicts.judgeId, judgeId), eq(schema.applications.editionId, editionId)))
    .all();
  return new Set(rows.map((r) => r.applicationId));
}
