/**
 * Rankings, for organisers: the live ranking of a round (and the other methods side by side) and
 * judge calibration, and the round inputs every other results module ranks from (shortlist,
 * publication, public results).
 *
 * Nothing here computes a score: every number comes from `rankRound` (app/domain/ranking.ts),
 * fed with what the database holds. Each read takes the database or a transaction, so that a
 * change ranks what its own transaction sees.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { calibrate, type Calibration } from '~/domain/calibration';
import { RANKING_METHODS, rankRound, type RankingCriterion, type RankingInput, type RankingMethod, type RankingSheet } from '~/domain/ranking';
import type { OpenCriterion } from '~/domain/open-data';
import type { RankingRow } from '~/domain/ranking-row';
import { RANKED_STATUSES, type ApplicationStatus } from '~/domain/statuses';
import type { DbOrTx } from './audit.server';
import { getDb, schema } from './db.server';
import { editionCriteria, editionRounds, editionTracks, type Round } from './editions.server';
import { requireRound } from './rounds.server';

// ─── Reading a round ────────────────────────────────────────────────────────

/** A criterion as the rankings and the open data read it. */
export type CriterionRow = OpenCriterion;

/** An application as the rankings and the results read it. */
export interface RankedApplication {
  id: number;
  startupName: string;
  status: ApplicationStatus;
  trackId: number | null;
  consent: boolean;
  logoFileId: number | null;
  oneLiner: string;
  country: string | null;
}

/** The edition's criteria with their scale, as the ranking and the open data name it. */
export function criterionRows(db: DbOrTx, editionId: number): CriterionRow[] {
  return editionCriteria(editionId, db).map((c) => ({
    id: c.id,
    nameEn: c.nameEn,
    nameFr: c.nameFr,
    weight: c.weight,
    min: c.scaleMin,
    max: c.scaleMax,
    position: c.position,
  }));
}

export function trackRows(db: DbOrTx, editionId: number) {
  return editionTracks(editionId, db).map((t) => ({ id: t.id, nameEn: t.nameEn, nameFr: t.nameFr, position: t.position }));
}

export type TrackRow = ReturnType<typeof trackRows>[number];

export function rankedApplications(db: DbOrTx, editionId: number, statuses: readonly ApplicationStatus[]): RankedApplication[] {
  const a = schema.applications;
  return db
    .select({
      id: a.id,
      startupName: a.startupName,
      status: a.status,
      trackId: a.trackId,
      consent: a.consentToPublication,
      logoFileId: a.logoFileId,
      oneLiner: a.oneLiner,
      country: a.country,
    })
    .from(a)
    .where(and(eq(a.editionId, editionId), inArray(a.status, [...statuses])))
    .orderBy(asc(a.id))
    .all();
}

/** The submitted scoresheets of a round with their values (drafts never count, so they are not read). */
export function submittedSheetsOf(db: DbOrTx, roundId: number): RankingSheet[] {
  const sh = schema.scoresheets;
  const sc = schema.scores;
  const sheets = new Map<number, RankingSheet>();
  for (const row of db
    .select({ id: sh.id, judgeId: sh.judgeId, applicationId: sh.applicationId })
    .from(sh)
    .where(and(eq(sh.roundId, roundId), eq(sh.status, 'submitted')))
    .all()) {
    sheets.set(row.id, { judgeId: row.judgeId, applicationId: row.applicationId, status: 'submitted', scores: {} });
  }
  for (const score of db
    .select({ scoresheetId: sc.scoresheetId, criterionId: sc.criterionId, value: sc.value })
    .from(sc)
    .innerJoin(sh, eq(sh.id, sc.scoresheetId))
    .where(and(eq(sh.roundId, roundId), eq(sh.status, 'submitted')))
    .all()) {
    const sheet = sheets.get(score.scoresheetId);
    if (sheet) sheet.scores[score.criterionId] = score.value;
  }
  return [...sheets.values()];
}

export function conflictsOf(db: DbOrTx, editionId: number) {
  const c = schema.conflicts;
  const a = schema.applications;
  return db
    .select({ judgeId: c.judgeId, applicationId: c.applicationId })
    .from(c)
    .innerJoin(a, eq(a.id, c.applicationId))
    .where(eq(a.editionId, editionId))
    .all();
}

function rankingCriteria(criteria: readonly CriterionRow[]): RankingCriterion[] {
  return criteria.map((c) => ({ id: c.id, weight: c.weight, min: c.min, max: c.max, position: c.position }));
}

export interface RoundInputs {
  round: Round;
  criteria: CriterionRow[];
  applications: RankedApplication[];
  input: RankingInput;
}

/** Everything rankRound needs for a round, as the database holds it now. */
export function roundInputs(db: DbOrTx, editionId: number, round: Round, method: RankingMethod = round.method): RoundInputs {
  const criteria = criterionRows(db, editionId);
  const applications = rankedApplications(db, editionId, RANKED_STATUSES[round.kind]);
  return {
    round,
    criteria,
    applications,
    input: {
      criteria: rankingCriteria(criteria),
      method,
      minSheets: round.minSheets,
      applications: applications.map((a) => ({ id: a.id, name: a.startupName })),
      sheets: submittedSheetsOf(db, round.id),
      conflicts: conflictsOf(db, editionId),
    },
  };
}

export function roundSummary(round: Round) {
  return { ...publishedRound(round), state: round.state, lockedAt: round.lockedAt };
}

/** What the open data says of a round: its names, method and seal (not whether it is locked now). */
export function publishedRound(round: Round) {
  return {
    id: round.id,
    kind: round.kind,
    nameEn: round.nameEn,
    nameFr: round.nameFr,
    method: round.method,
    minSheets: round.minSheets,
    sealHash: round.sealHash,
    sealedAt: round.sealedAt,
  };
}

// ─── The live ranking, for organisers ───────────────────────────────────────


/**
 * A round's ranking by its own method, with spread, sheet counts and per-criterion means; with
 * `compare`, the rank every other method would give, so that the organiser sees what the choice
 * of method changes before the ranking counts.
 */
export function roundRankingView(editionId: number, roundId: number, { compare = false } = {}) {
  const db = getDb();
  const round = requireRound(editionId, roundId, db);
  const { criteria, applications, input } = roundInputs(db, editionId, round);
  const ranking = rankRound(input);
  const others = compare ? RANKING_METHODS.filter((m) => m !== round.method) : [];
  const rankBy = new Map<RankingMethod, Map<number, number>>();
  rankBy.set(round.method, new Map(ranking.ranked.map((r) => [r.applicationId, r.rank])));
  for (const method of others) {
    rankBy.set(method, new Map(rankRound({ ...input, method }).ranked.map((r) => [r.applicationId, r.rank])));
  }
  const app = new Map(applications.map((a) => [a.id, a]));
  const ranksOf = (id: number) =>
    compare ? Object.fromEntries(RANKING_METHODS.map((m) => [m, rankBy.get(m)!.get(id) ?? null])) : {};
  const rows: RankingRow[] = [
    ...ranking.ranked.map((r) => ({
      applicationId: r.applicationId,
      name: r.name,
      status: app.get(r.applicationId)!.status,
      trackId: app.get(r.applicationId)!.trackId,
      rank: r.rank,
      score: r.score,
      sheets: r.sheets,
      tie: r.tie,
      spread: r.spread,
      criterionMeans: r.criterionMeans,
      ranks: ranksOf(r.applicationId),
    })),
    ...ranking.unranked.map((u) => ({
      applicationId: u.applicationId,
      name: u.name,
      status: app.get(u.applicationId)!.status,
      trackId: app.get(u.applicationId)!.trackId,
      rank: null,
      score: null,
      sheets: u.sheets,
      tie: false,
      spread: null,
      criterionMeans: u.criterionMeans,
      ranks: ranksOf(u.applicationId),
    })),
  ];
  return {
    round: roundSummary(round),
    rounds: editionRounds(editionId, db).map(roundSummary),
    criteria,
    tracks: trackRows(db, editionId),
    rows,
    compared: compare ? [round.method, ...others] : [],
    counted: ranking.countedSheets.length,
    submitted: input.sheets.length,
    ties: ranking.ranked.filter((r) => r.tie).length,
    insufficient: ranking.unranked.length,
  };
}

// ─── Judge calibration ──────────────────────────────────────────────────────

/** Each judge's totals against the panel's, in one round (counted sheets only). */
export function roundCalibrationView(editionId: number, roundId: number) {
  const db = getDb();
  const round = requireRound(editionId, roundId, db);
  const { input } = roundInputs(db, editionId, round);
  const counted = rankRound(input).countedSheets;
  const calibration: Calibration = calibrate(counted);
  const names = new Map(
    db
      .select({ id: schema.users.id, name: schema.users.name })
      .from(schema.users)
      .where(inArray(schema.users.id, calibration.judges.length ? calibration.judges.map((j) => j.judgeId) : [-1]))
      .all()
      .map((u) => [u.id, u.name]),
  );
  return {
    round: roundSummary(round),
    rounds: editionRounds(editionId, db).map(roundSummary),
    calibration,
    judges: calibration.judges
      .map((j) => ({ ...j, name: names.get(j.judgeId) ?? `#${j.judgeId}` }))
      .sort((a, b) => a.name.localeCompare(b.name, 'en') || a.judgeId - b.judgeId),
  };
}
