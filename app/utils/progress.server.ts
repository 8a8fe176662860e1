/**
 * Judging progress of one round, for organisers: per judge (assigned, drafts, submitted) and per
 * application (submitted sheets against the k judges each should get, and who is still missing).
 *
 * Counts follow the ranking's rules (docs/SCORING.md): a sheet by a judge conflicted with the
 * application never counts, whether or not an assignment still exists.
 */
import { and, asc, eq } from 'drizzle-orm';
import { getDb, schema } from './db.server';

export type JudgeState = 'submitted' | 'draft' | 'none';

export interface JudgeProgress {
  judgeId: number;
  name: string;
  email: string;
  assigned: number;
  drafts: number;
  submitted: number;
  complete: boolean;
}

export interface ApplicationProgress {
  applicationId: number;
  startupName: string;
  trackFr: string | null;
  trackEn: string | null;
  /** Submitted sheets that count (the "sheets in" of k). */
  submitted: number;
  assigned: number;
  /** Assigned judges whose sheet is not submitted yet, with where they are. */
  missing: { judgeId: number; name: string; state: Exclude<JudgeState, 'submitted'> }[];
  complete: boolean;
}

export interface RoundProgress {
  k: number;
  judges: JudgeProgress[];
  applications: ApplicationProgress[];
  totals: { assigned: number; submitted: number; drafts: number; applicationsComplete: number };
}

const pairKey = (judgeId: number, applicationId: number) => `${judgeId}:${applicationId}`;

export function roundProgress(editionId: number, round: { id: number; judgesPerApplication: number }): RoundProgress {
  const db = getDb();
  const a = schema.applications;
  const judges = db
    .select({ judgeId: schema.users.id, name: schema.users.name, email: schema.users.email })
    .from(schema.editionJudges)
    .innerJoin(schema.users, eq(schema.users.id, schema.editionJudges.userId))
    .where(eq(schema.editionJudges.editionId, editionId))
    .orderBy(asc(schema.users.name))
    .all();
  const judgeName = new Map<number, string>(judges.map((j) => [j.judgeId, j.name]));

  const conflicted = new Set(
    db
      .select({ judgeId: schema.conflicts.judgeId, applicationId: schema.conflicts.applicationId })
      .from(schema.conflicts)
      .innerJoin(a, eq(a.id, schema.conflicts.applicationId))
      .where(eq(a.editionId, editionId))
      .all()
      .map((c) => pairKey(c.judgeId, c.applicationId)),
  );
  const assignments = db
    .select({ judgeId: schema.assignments.judgeId, applicationId: schema.assignments.applicationId })
    .from(schema.assignments)
    .innerJoin(a, and(eq(a.id, schema.assignments.applicationId), eq(a.editionId, editionId)))
    .where(eq(schema.assignments.roundId, round.id))
    .all()
    .filter((p) => !conflicted.has(pairKey(p.judgeId, p.applicationId)));
  const sheets = db
    .select({ judgeId: schema.scoresheets.judgeId, applicationId: schema.scoresheets.applicationId, status: schema.scoresheets.status })
    .from(schema.scoresheets)
    .innerJoin(a, and(eq(a.id, schema.scoresheets.applicationId), eq(a.editionId, editionId)))
    .where(eq(schema.scoresheets.roundId, round.id))
    .all()
    .filter((s) => !conflicted.has(pairKey(s.judgeId, s.applicationId)));
  const sheetState = new Map<string, JudgeState>(sheets.map((s) => [pairKey(s.judgeId, s.applicationId), s.status]));

  const applicationIds = [...new Set([...assignments, ...sheets].map((p) => p.applicationId))];
  const applicationRows =
    applicationIds.length === 0
      ? []
      : db
          .select({ applicationId: a.id, startupName: a.startupName, trackFr: schema.tracks.nameFr, trackEn: schema.tracks.nameEn })
          .from(a)
          .leftJoin(schema.tracks, eq(schema.tracks.id, a.trackId))
          .where(eq(a.editionId, editionId))
          .all()
          .filter((row) => applicationIds.includes(row.applicationId));

  const judgeRows: JudgeProgress[] = judges.map((judge) => {
    const mine = assignments.filter((p) => p.judgeId === judge.judgeId);
    const states = mine.map((p) => sheetState.get(pairKey(p.judgeId, p.applicationId)) ?? 'none');
    const submitted = states.filter((s) => s === 'submitted').length;
    return {
      ...judge,
      assigned: mine.length,
      drafts: states.filter((s) => s === 'draft').length,
      submitted,
      complete: submitted === mine.length,
    };
  });

  const k = round.judgesPerApplication;
  const applicationProgress: ApplicationProgress[] = applicationRows
    .map((row) => {
      const assigned = assignments.filter((p) => p.applicationId === row.applicationId);
      const submitted = sheets.filter((s) => s.applicationId === row.applicationId && s.status === 'submitted').length;
      const missing = assigned
        .map((p) => ({ judgeId: p.judgeId, name: judgeName.get(p.judgeId) ?? '', state: sheetState.get(pairKey(p.judgeId, p.applicationId)) ?? 'none' }))
        .filter((m): m is ApplicationProgress['missing'][number] => m.state !== 'submitted')
        .sort((x, y) => x.name.localeCompare(y.name));
      return { ...row, submitted, assigned: assigned.length, missing, complete: submitted >= k };
    })
    // Least advanced first: that is what an organiser is looking for.
    .sort((x, y) => x.submitted - y.submitted || x.startupName.localeCompare(y.startupName));

  return {
    k,
    judges: judgeRows,
    applications: applicationProgress,
    totals: {
      assigned: assignments.length,
      submitted: judgeRows.reduce((n, j) => n + j.submitted, 0),
      drafts: judgeRows.reduce((n, j) => n + j.drafts, 0),
      applicationsComplete: applicationProgress.filter((p) => p.complete).length,
    },
  };
}
