/**
 * Results: what the ranking engine's users read and do.
 *
 * - organisers: the live ranking of a round (and the other methods side by side), judge
 *   calibration, the shortlist of finalists, the seal of the final round, publication;
 * - the public: a published edition's results and its open data.
 *
 * Nothing here computes a score: every number comes from `rankRound` (app/domain/ranking.ts),
 * fed with what the database holds. Every change runs in one transaction with its audit events,
 * and takes the database (or a transaction) as a parameter so that the demo seed publishes
 * 2018–2020 through these very functions.
 *
 * Published results are frozen. `assertNotFrozen` is the server-side check every action that
 * touches judging calls; triggers in migrations/*_results_frozen.sql refuse the same changes
 * whatever the code path (docs/decisions/ on freezing by triggers).
 */
import type { Statement } from 'better-sqlite3';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { calibrate, type Calibration } from '~/domain/calibration';
import { FORBIDDEN_CHARACTER_MESSAGE, hasForbiddenCharacters } from '~/domain/text';
import { Refusal } from '~/domain/judging-setup';
import {
  buildOpenResults,
  judgePseudonyms,
  sealInputOf,
  type OpenAward,
  type OpenDataInput,
  type OpenResults,
  resultsCsv,
  scoresCsv,
} from '~/domain/open-data';
import {
  RANKING_METHODS,
  rankRound,
  rankVotes,
  type RankingCriterion,
  type RankingInput,
  type RankingMethod,
  type RankingSheet,
  type RoundRanking,
} from '~/domain/ranking';
import { sealHash } from '~/domain/seal';
import { departuresOf, suggestFinalists, type ShortlistMode } from '~/domain/shortlist';
import type { ApplicationStatus, EditionStatus } from '~/domain/statuses';
import { recordAudit, type AuditEntry, type DbOrTx } from './audit.server';
import { getDb, schema } from './db.server';
import { cachedPublic, invalidatePublicResults, publicFileResponse, type PublicEntry } from './public-cache.server';

type Round = typeof schema.rounds.$inferSelect;
type Edition = typeof schema.editions.$inferSelect;

/** Where the audit events of a change go: the log (default), or the demo seed's time-ordered buffer. */
export type AuditSink = (entry: AuditEntry & { at: Date }) => void;

/** Who changes what, when; `db` may be a transaction already open (the seed's). */
export interface ResultsAct {
  editionId: number;
  actorId: number | null;
  now?: Date;
  audit?: AuditSink;
}

// ─── Frozen results ─────────────────────────────────────────────────────────

/** The message of the database triggers (migrations/*_results_frozen.sql). */
export const FROZEN_DB_MESSAGE = 'edition published: results are frozen';

/** Whether the edition's results are published, and so frozen. */
export function isFrozen(editionId: number, db: DbOrTx = getDb()): boolean {
  const edition = db.select({ status: schema.editions.status }).from(schema.editions).where(eq(schema.editions.id, editionId)).get();
  return edition?.status === 'published';
}

/**
 * Refuses any change to the judging of a published edition (409, `results.errors.frozen`):
 * sheets, scores, criteria, rounds, assignments, conflicts, votes, awards, statuses. Call it
 * first inside the transaction of the change.
 */
export function assertNotFrozen(editionId: number, db: DbOrTx = getDb()): void {
  if (isFrozen(editionId, db)) throw new Refusal(409, 'results.errors.frozen');
}

/**
 * Whether the edition's final round is sealed. From then until publication nothing may change which
 * sheets it counts — a withdrawal of a finalist, a conflict declared on one — or the seal no longer
 * matches and publication is refused: such actions should refuse too.
 */
export function isFinalSealed(editionId: number, db: DbOrTx = getDb()): boolean {
  const final = db
    .select({ sealHash: schema.rounds.sealHash })
    .from(schema.rounds)
    .where(and(eq(schema.rounds.editionId, editionId), eq(schema.rounds.kind, 'final')))
    .get();
  return Boolean(final?.sealHash);
}

/** Whether an error is a database trigger refusing a change to published results. */
export function isFrozenError(error: unknown): boolean {
  return error instanceof Error && error.message.includes(FROZEN_DB_MESSAGE);
}

// ─── Reading a round ────────────────────────────────────────────────────────

/** Applications each kind of round ranks: never drafts, never withdrawn ones. */
export const RANKED_STATUSES = {
  screening: ['submitted', 'shortlisted', 'finalist', 'winner', 'not_selected'],
  final: ['finalist', 'winner'],
} as const satisfies Record<Round['kind'], readonly ApplicationStatus[]>;

export interface CriterionRow {
  id: number;
  nameEn: string;
  nameFr: string;
  weight: number;
  min: number;
  max: number;
  position: number;
}

export interface ApplicationRow {
  id: number;
  startupName: string;
  status: ApplicationStatus;
  trackId: number | null;
  consent: boolean;
  logoFileId: number | null;
  oneLiner: string;
  country: string | null;
}

function editionCriteriaOf(db: DbOrTx, editionId: number): CriterionRow[] {
  const c = schema.criteria;
  return db
    .select({ id: c.id, nameEn: c.nameEn, nameFr: c.nameFr, weight: c.weight, min: c.scaleMin, max: c.scaleMax, position: c.position })
    .from(c)
    .where(eq(c.editionId, editionId))
    .orderBy(asc(c.position), asc(c.id))
    .all();
}

function tracksOf(db: DbOrTx, editionId: number) {
  const t = schema.tracks;
  return db
    .select({ id: t.id, nameEn: t.nameEn, nameFr: t.nameFr, position: t.position })
    .from(t)
    .where(eq(t.editionId, editionId))
    .orderBy(asc(t.position), asc(t.id))
    .all();
}

function roundsOf(db: DbOrTx, editionId: number): Round[] {
  return db.select().from(schema.rounds).where(eq(schema.rounds.editionId, editionId)).orderBy(asc(schema.rounds.position), asc(schema.rounds.id)).all();
}

function applicationsOf(db: DbOrTx, editionId: number, statuses: readonly ApplicationStatus[]): ApplicationRow[] {
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
function submittedSheetsOf(db: DbOrTx, roundId: number): RankingSheet[] {
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

function conflictsOf(db: DbOrTx, editionId: number) {
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

interface RoundInputs {
  round: Round;
  criteria: CriterionRow[];
  applications: ApplicationRow[];
  input: RankingInput;
}

/** Everything rankRound needs for a round, as the database holds it now. */
function roundInputs(db: DbOrTx, editionId: number, round: Round, method: RankingMethod = round.method): RoundInputs {
  const criteria = editionCriteriaOf(db, editionId);
  const applications = applicationsOf(db, editionId, RANKED_STATUSES[round.kind]);
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

function roundOf(db: DbOrTx, editionId: number, roundId: number): Round {
  const round = db
    .select()
    .from(schema.rounds)
    .where(and(eq(schema.rounds.id, roundId), eq(schema.rounds.editionId, editionId)))
    .get();
  if (!round) throw new Response('Not Found', { status: 404 });
  return round;
}

/** The round of a URL (`:round` is its id), within its edition; a 404 otherwise. */
export function requireRound(editionId: number, param: string | undefined): Round {
  if (!param || !/^\d{1,9}$/.test(param)) throw new Response('Not Found', { status: 404 });
  return roundOf(getDb(), editionId, Number(param));
}

function roundSummary(round: Round) {
  return {
    id: round.id,
    kind: round.kind,
    nameEn: round.nameEn,
    nameFr: round.nameFr,
    method: round.method,
    minSheets: round.minSheets,
    state: round.state,
    lockedAt: round.lockedAt,
    sealHash: round.sealHash,
    sealedAt: round.sealedAt,
  };
}

// ─── The live ranking, for organisers ───────────────────────────────────────

export interface RankingRow {
  applicationId: number;
  name: string;
  status: ApplicationStatus;
  trackId: number | null;
  rank: number | null;
  score: number | null;
  sheets: number;
  tie: boolean;
  spread: number | null;
  criterionMeans: Record<number, number>;
  /** Rank under each method, when the other methods are previewed (null: not ranked). */
  ranks: Partial<Record<RankingMethod, number | null>>;
}

/**
 * A round's ranking by its own method, with spread, sheet counts and per-criterion means; with
 * `compare`, the rank every other method would give, so that the organiser sees what the choice
 * of method changes before the ranking counts.
 */
export function roundRankingView(editionId: number, roundId: number, { compare = false } = {}) {
  const db = getDb();
  const round = roundOf(db, editionId, roundId);
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
    rounds: roundsOf(db, editionId).map(roundSummary),
    criteria,
    tracks: tracksOf(db, editionId),
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
  const round = roundOf(db, editionId, roundId);
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
    rounds: roundsOf(db, editionId).map(roundSummary),
    calibration,
    judges: calibration.judges
      .map((j) => ({ ...j, name: names.get(j.judgeId) ?? `#${j.judgeId}` }))
      .sort((a, b) => a.name.localeCompare(b.name, 'en') || a.judgeId - b.judgeId),
  };
}

// ─── Shortlist ──────────────────────────────────────────────────────────────

function screeningRound(db: DbOrTx, editionId: number): Round | null {
  return db.select().from(schema.rounds).where(and(eq(schema.rounds.editionId, editionId), eq(schema.rounds.kind, 'screening'))).get() ?? null;
}

function finalRound(db: DbOrTx, editionId: number): Round | null {
  return db.select().from(schema.rounds).where(and(eq(schema.rounds.editionId, editionId), eq(schema.rounds.kind, 'final'))).get() ?? null;
}

/** Why the final has started (then the shortlist is settled): any sheet in it, or it is locked. */
function finalStarted(db: DbOrTx, final: Round | null): boolean {
  if (!final) return false;
  if (final.state === 'locked' || final.sealHash) return true;
  const sheet = db.select({ id: schema.scoresheets.id }).from(schema.scoresheets).where(eq(schema.scoresheets.roundId, final.id)).limit(1).get();
  return Boolean(sheet);
}

/** The shortlist page: the screening ranking, the suggestion for (mode, n), the current finalists. */
export function shortlistView(editionId: number, { mode, n }: { mode: ShortlistMode; n: number }) {
  const db = getDb();
  const edition = db.select().from(schema.editions).where(eq(schema.editions.id, editionId)).get()!;
  const screening = screeningRound(db, editionId);
  const final = finalRound(db, editionId);
  const base = {
    published: edition.status === 'published',
    screening: screening ? roundSummary(screening) : null,
    finalStarted: finalStarted(db, final),
    tracks: tracksOf(db, editionId),
    method: screening?.method ?? null,
  };
  if (!screening) return { ...base, rows: [], suggested: [], finalists: [], confirmedBefore: false };
  const { applications, input } = roundInputs(db, editionId, screening);
  const ranking = rankRound(input);
  const app = new Map(applications.map((a) => [a.id, a]));
  const trackOf = new Map(applications.map((a) => [a.id, a.trackId]));
  const suggested = suggestFinalists(ranking.ranked, trackOf, mode, n);
  const finalists = applications.filter((a) => a.status === 'finalist' || a.status === 'winner').map((a) => a.id);
  const rows = [
    ...ranking.ranked.map((r) => ({ applicationId: r.applicationId, name: r.name, rank: r.rank as number | null, score: r.score as number | null, sheets: r.sheets, tie: r.tie })),
    ...ranking.unranked.map((u) => ({ applicationId: u.applicationId, name: u.name, rank: null, score: null, sheets: u.sheets, tie: false })),
  ].map((row) => ({ ...row, trackId: app.get(row.applicationId)!.trackId, status: app.get(row.applicationId)!.status }));
  return {
    ...base,
    rows,
    suggested,
    finalists,
    confirmedBefore: applications.some((a) => a.status === 'finalist' || a.status === 'not_selected' || a.status === 'winner'),
  };
}

export interface ShortlistInput extends ResultsAct {
  mode: ShortlistMode;
  n: number;
  selected: number[];
  reason: string;
}

/**
 * Confirms the finalists. The screening round must be locked (its ranking is final); the final
 * must not have started. Selected applications become `finalist`, every other application the
 * screening ranked becomes `not_selected` at once (docs/decisions: the shortlist is confirmed
 * from a final screening, so everyone learns their outcome the same day). It may be confirmed
 * again until the final starts. A selection that departs from the suggestion needs a reason,
 * which goes with every event it causes. An edition in `judging` moves to `final`.
 */
export function confirmShortlist(input: ShortlistInput, db: DbOrTx = getDb()) {
  const { editionId, actorId, mode, n } = input;
  const now = input.now ?? new Date();
  const reason = input.reason.trim();
  return db.transaction((tx) => {
    const audit = sinkOf(tx, input.audit);
    assertNotFrozen(editionId, tx);
    const edition = tx.select().from(schema.editions).where(eq(schema.editions.id, editionId)).get();
    if (!edition) throw new Refusal(404, 'results.errors.notFound');
    const screening = screeningRound(tx, editionId);
    if (!screening) throw new Refusal(409, 'results.errors.shortlist.noScreening');
    if (screening.state !== 'locked') throw new Refusal(409, 'results.errors.shortlist.screeningOpen');
    const final = finalRound(tx, editionId);
    if (finalStarted(tx, final)) throw new Refusal(409, 'results.errors.shortlist.finalStarted');

    const { applications, input: rankingInput } = roundInputs(tx, editionId, screening);
    const ranking = rankRound(rankingInput);
    const trackOf = new Map(applications.map((a) => [a.id, a.trackId]));
    const selected = [...new Set(input.selected)].sort((a, b) => a - b);
    const known = new Set(applications.map((a) => a.id));
    if (selected.length === 0) throw new Refusal(400, 'results.errors.shortlist.none', {}, 'selected');
    if (selected.some((id) => !known.has(id))) throw new Refusal(400, 'results.errors.shortlist.unknown', {}, 'selected');
    const suggested = suggestFinalists(ranking.ranked, trackOf, mode, n);
    const { added, dropped } = departuresOf(suggested, selected);
    const departs = added.length + dropped.length > 0;
    if (departs && !reason) {
      throw new Refusal(400, 'results.errors.shortlist.reasonRequired', { added: added.length, dropped: dropped.length }, 'reason');
    }
    if (hasForbiddenCharacters(reason)) throw new Refusal(400, FORBIDDEN_CHARACTER_MESSAGE, {}, 'reason');

    // A finalist taken off the list must not keep a place in the final's assignments.
    const chosen = new Set(selected);
    if (final) {
      const leaving = applications.filter((a) => (a.status === 'finalist' || a.status === 'winner') && !chosen.has(a.id)).map((a) => a.id);
      if (leaving.length > 0) {
        const assigned = tx
          .select({ n: sql<number>`count(*)` })
          .from(schema.assignments)
          .where(and(eq(schema.assignments.roundId, final.id), inArray(schema.assignments.applicationId, leaving)))
          .get()!.n;
        if (assigned > 0) throw new Refusal(409, 'results.errors.shortlist.assigned', { count: assigned });
      }
    }

    const before = applications.filter((a) => a.status === 'finalist').map((a) => a.id);
    const why = departs ? reason : null;
    let changed = 0;
    for (const application of applications) {
      const to: ApplicationStatus = chosen.has(application.id) ? 'finalist' : 'not_selected';
      if (application.status === to) continue;
      tx.update(schema.applications).set({ status: to, updatedAt: now }).where(eq(schema.applications.id, application.id)).run();
      changed++;
      audit({
        editionId,
        actorId,
        at: now,
        action: 'application.status',
        entityType: 'application',
        entityId: application.id,
        before: { status: application.status },
        after: { status: to },
        reason: added.includes(application.id) || dropped.includes(application.id) ? why : null,
      });
    }
    audit({
      editionId,
      actorId,
      at: now,
      action: 'shortlist.confirm',
      entityType: 'round',
      entityId: screening.id,
      before: { finalists: before },
      after: { mode, n, method: screening.method, suggested, finalists: selected, added, dropped },
      reason: why,
    });
    if (edition.status === 'judging') setEditionStatus(tx, audit, edition, 'final', actorId, now);
    return { finalists: selected, suggested, added, dropped, changed };
  });
}

function setEditionStatus(tx: DbOrTx, audit: AuditSink, edition: Edition, to: EditionStatus, actorId: number | null, now: Date) {
  tx.update(schema.editions).set({ status: to }).where(eq(schema.editions.id, edition.id)).run();
  audit({
    editionId: edition.id,
    actorId,
    at: now,
    action: 'edition.status',
    entityType: 'edition',
    entityId: edition.id,
    before: { status: edition.status },
    after: { status: to },
  });
}

function sinkOf(tx: DbOrTx, sink: AuditSink | undefined): AuditSink {
  return sink ?? ((entry) => recordAudit(tx, entry));
}

// ─── Open results (everything the public may see of a round) ───────────────

/** Judge pseudonyms of an edition: every judge who submitted a sheet in any of its rounds, by user id. */
function pseudonymsOf(db: DbOrTx, editionId: number): Map<number, string> {
  const sh = schema.scoresheets;
  const r = schema.rounds;
  const rows = db
    .selectDistinct({ judgeId: sh.judgeId })
    .from(sh)
    .innerJoin(r, eq(r.id, sh.roundId))
    .where(and(eq(r.editionId, editionId), eq(sh.status, 'submitted')))
    .all();
  return judgePseudonyms(rows.map((row) => row.judgeId));
}

function voteCountsOf(db: DbOrTx, editionId: number) {
  const v = schema.votes;
  return db
    .select({ applicationId: v.applicationId, votes: sql<number>`count(*)` })
    .from(v)
    .where(eq(v.editionId, editionId))
    .groupBy(v.applicationId)
    .all();
}

function awardsOf(db: DbOrTx, editionId: number): OpenAward[] {
  const w = schema.awards;
  return db
    .select({ kind: w.kind, place: w.place, trackId: w.trackId, applicationId: w.applicationId })
    .from(w)
    .where(eq(w.editionId, editionId))
    .all();
}

interface LoadedResults extends OpenResults {
  applications: ApplicationRow[];
  tracks: ReturnType<typeof tracksOf>;
  criteria: CriterionRow[];
  rounds: Round[];
}

/** The open-data input of an edition as the database holds it, and what the engine makes of it. */
function loadOpenResults(db: DbOrTx, edition: Edition): LoadedResults {
  const criteria = editionCriteriaOf(db, edition.id);
  const tracks = tracksOf(db, edition.id);
  const rounds = roundsOf(db, edition.id);
  const applications = applicationsOf(db, edition.id, RANKED_STATUSES.screening);
  const statusOf = new Map(applications.map((a) => [a.id, a.status]));
  const input: OpenDataInput = {
    edition: { year: edition.year, name: edition.name, publishedAt: edition.publishedAt },
    criteria,
    tracks,
    applications: applications.map((a) => ({ id: a.id, startupName: a.startupName, consent: a.consent, trackId: a.trackId })),
    rounds: rounds.map((round) => ({
      id: round.id,
      kind: round.kind,
      nameEn: round.nameEn,
      nameFr: round.nameFr,
      method: round.method,
      minSheets: round.minSheets,
      sealHash: round.sealHash,
      sealedAt: round.sealedAt,
      applicationIds: applications
        .filter((a) => (RANKED_STATUSES[round.kind] as readonly string[]).includes(statusOf.get(a.id)!))
        .map((a) => a.id),
      sheets: submittedSheetsOf(db, round.id),
    })),
    conflicts: conflictsOf(db, edition.id),
    votes: voteCountsOf(db, edition.id),
    awards: awardsOf(db, edition.id),
    pseudonyms: pseudonymsOf(db, edition.id),
  };
  return { ...buildOpenResults(input), applications, tracks, criteria, rounds };
}

/**
 * The awards the final's ranking gives (pure): the podium (places 1–3, ties share a place), the
 * best finalist of each track, and the people's choice when votes were cast (rankVotes).
 */
export function awardsFromRanking(
  final: RoundRanking,
  trackOf: ReadonlyMap<number, number | null>,
  votes: { applicationId: number; name: string; votes: number }[] | null,
): OpenAward[] {
  const awards: OpenAward[] = final.ranked
    .filter((r) => r.rank <= 3)
    .map((r) => ({ kind: 'overall', place: r.rank, trackId: null, applicationId: r.applicationId }));
  const bestRankOfTrack = new Map<number, number>();
  for (const r of final.ranked) {
    const track = trackOf.get(r.applicationId);
    if (track === null || track === undefined) continue;
    if (!bestRankOfTrack.has(track)) bestRankOfTrack.set(track, r.rank);
    if (bestRankOfTrack.get(track) === r.rank) awards.push({ kind: 'track', place: 1, trackId: track, applicationId: r.applicationId });
  }
  if (votes && votes.some((v) => v.votes > 0)) {
    for (const v of rankVotes(votes)) {
      if (v.rank === 1) awards.push({ kind: 'peoples_choice', place: 1, trackId: null, applicationId: v.applicationId });
    }
  }
  return awards;
}

/** The final's ranking and the awards publishing would give, from what the database holds now. */
function pendingAwards(db: DbOrTx, editionId: number, final: Round) {
  const { applications, input } = roundInputs(db, editionId, final);
  const ranking = rankRound(input);
  const counts = new Map(voteCountsOf(db, editionId).map((v) => [v.applicationId, v.votes]));
  const votes = applications.map((a) => ({ applicationId: a.id, name: a.startupName, votes: counts.get(a.id) ?? 0 }));
  const trackOf = new Map(applications.map((a) => [a.id, a.trackId]));
  return { ranking, applications, votes, awards: awardsFromRanking(ranking, trackOf, votes) };
}

// ─── Seal ───────────────────────────────────────────────────────────────────

/** The seal of a round as the database holds it now: its counted sheets, as the open data publishes them. */
function currentSeal(db: DbOrTx, edition: Edition, roundId: number): { hash: string; sheets: number } {
  const { document } = loadOpenResults(db, edition);
  const sealed = sealInputOf(document, roundId);
  return { hash: sealHash(sealed), sheets: sealed.sheets.length };
}

/** Why sealing is not possible yet (message keys), in the order the organiser can act on them. */
function sealBlockers(db: DbOrTx, edition: Edition, final: Round | null, rounds: Round[]): string[] {
  if (edition.status === 'published') return ['results.errors.frozen'];
  if (!final) return ['results.errors.seal.noFinal'];
  if (final.sealHash) return ['results.errors.seal.already'];
  const blockers: string[] = [];
  if (final.state !== 'locked') blockers.push('results.errors.seal.notLocked');
  if (rounds.some((r) => r.id !== final.id && r.state !== 'locked')) blockers.push('results.errors.seal.roundsOpen');
  if (blockers.length === 0 && currentSeal(db, edition, final.id).sheets === 0) blockers.push('results.errors.seal.noSheets');
  return blockers;
}

/**
 * Seals the final round: the SHA-256 of its counted sheets in the canonical form of
 * app/domain/seal.ts, stored on the round and audited. Requires the final round locked (and
 * every other round too: judge pseudonyms are numbered over the whole edition). A seal is for
 * good: a sealed round cannot be unlocked (rounds.server.ts).
 */
export function sealFinalRound(act: ResultsAct, db: DbOrTx = getDb()) {
  const now = act.now ?? new Date();
  return db.transaction((tx) => {
    const audit = sinkOf(tx, act.audit);
    assertNotFrozen(act.editionId, tx);
    const edition = tx.select().from(schema.editions).where(eq(schema.editions.id, act.editionId)).get();
    if (!edition) throw new Refusal(404, 'results.errors.notFound');
    const rounds = roundsOf(tx, edition.id);
    const final = rounds.find((r) => r.kind === 'final') ?? null;
    const blockers = sealBlockers(tx, edition, final, rounds);
    if (blockers.length > 0) throw new Refusal(409, blockers[0]);
    const { hash, sheets } = currentSeal(tx, edition, final!.id);
    tx.update(schema.rounds).set({ sealHash: hash, sealedAt: now }).where(eq(schema.rounds.id, final!.id)).run();
    audit({
      editionId: edition.id,
      actorId: act.actorId,
      at: now,
      action: 'round.seal',
      entityType: 'round',
      entityId: final!.id,
      before: { sealHash: null, sealedAt: null },
      after: { sealHash: hash, sealedAt: now.toISOString(), sheets },
    });
    return { roundId: final!.id, sealHash: hash, sheets };
  });
}

// ─── Publication ────────────────────────────────────────────────────────────

function publishBlockers(db: DbOrTx, edition: Edition, final: Round | null, rounds: Round[]): string[] {
  if (edition.status === 'published') return ['results.errors.frozen'];
  if (!final) return ['results.errors.seal.noFinal'];
  const blockers: string[] = [];
  if (rounds.some((r) => r.state !== 'locked')) blockers.push('results.errors.publish.roundsOpen');
  if (!final.sealHash) blockers.push('results.errors.publish.notSealed');
  else if (currentSeal(db, edition, final.id).hash !== final.sealHash) blockers.push('results.errors.publish.sealMismatch');
  if (blockers.length === 0 && rankRound(roundInputs(db, edition.id, final).input).ranked.length === 0) {
    blockers.push('results.errors.publish.noRanking');
  }
  return blockers;
}

/**
 * Publishes the results: the awards of the final's ranking (podium, best of each track, people's
 * choice), every award holder's status `winner`, the edition `published` with its date. Requires
 * the final round sealed, with a seal that the sheets still match, and every round locked. The
 * edition's status is written last: from then on the database's triggers freeze everything.
 */
export function publishResults(act: ResultsAct, db: DbOrTx = getDb()) {
  const now = act.now ?? new Date();
  const published = db.transaction((tx) => {
    const audit = sinkOf(tx, act.audit);
    assertNotFrozen(act.editionId, tx);
    const edition = tx.select().from(schema.editions).where(eq(schema.editions.id, act.editionId)).get();
    if (!edition) throw new Refusal(404, 'results.errors.notFound');
    const rounds = roundsOf(tx, edition.id);
    const final = rounds.find((r) => r.kind === 'final') ?? null;
    const blockers = publishBlockers(tx, edition, final, rounds);
    if (blockers.length > 0) throw new Refusal(409, blockers[0]);

    const { awards, applications } = pendingAwards(tx, edition.id, final!);
    tx.delete(schema.awards).where(eq(schema.awards.editionId, edition.id)).run();
    tx.insert(schema.awards)
      .values(awards.map((a) => ({ editionId: edition.id, applicationId: a.applicationId, kind: a.kind, trackId: a.trackId, place: a.place })))
      .run();
    const winners = new Set(awards.map((a) => a.applicationId));
    for (const application of applications) {
      if (!winners.has(application.id) || application.status === 'winner') continue;
      tx.update(schema.applications).set({ status: 'winner', updatedAt: now }).where(eq(schema.applications.id, application.id)).run();
      audit({
        editionId: edition.id,
        actorId: act.actorId,
        at: now,
        action: 'application.status',
        entityType: 'application',
        entityId: application.id,
        before: { status: application.status },
        after: { status: 'winner' },
      });
    }
    tx.update(schema.editions).set({ status: 'published', publishedAt: now }).where(eq(schema.editions.id, edition.id)).run();
    audit({
      editionId: edition.id,
      actorId: act.actorId,
      at: now,
      action: 'edition.publish',
      entityType: 'edition',
      entityId: edition.id,
      before: { status: edition.status, publishedAt: null },
      after: {
        status: 'published',
        publishedAt: now.toISOString(),
        seal: final!.sealHash,
        awards: awards.map((a) => ({ kind: a.kind, place: a.place, trackId: a.trackId, applicationId: a.applicationId })),
      },
    });
    return { year: edition.year, awards, sealHash: final!.sealHash! };
  });
  // Publishing is the only way results come in: what the public cache holds for the year goes.
  invalidatePublicResults(published.year);
  return published;
}

// ─── The organiser's results page ───────────────────────────────────────────

/** Rounds, the seal, and what publishing would give (or gave), with what still stands in the way. */
export function resultsOverview(editionId: number) {
  const db = getDb();
  const edition = db.select().from(schema.editions).where(eq(schema.editions.id, editionId)).get()!;
  const rounds = roundsOf(db, editionId);
  const final = rounds.find((r) => r.kind === 'final') ?? null;
  const pending = final ? pendingAwards(db, editionId, final) : null;
  const published = edition.status === 'published';
  const names = new Map((pending?.applications ?? []).map((a) => [a.id, a.startupName]));
  const awards = published ? awardsOf(db, editionId) : (pending?.awards ?? []);
  return {
    edition: { id: edition.id, year: edition.year, status: edition.status, publishedAt: edition.publishedAt, timeZone: edition.timeZone },
    rounds: rounds.map((r) => ({
      ...roundSummary(r),
      submitted: db
        .select({ n: sql<number>`count(*)` })
        .from(schema.scoresheets)
        .where(and(eq(schema.scoresheets.roundId, r.id), eq(schema.scoresheets.status, 'submitted')))
        .get()!.n,
    })),
    final: final && pending
      ? {
          ...roundSummary(final),
          ranked: pending.ranking.ranked.map((r) => ({ applicationId: r.applicationId, name: r.name, rank: r.rank, score: r.score, sheets: r.sheets, tie: r.tie })),
          unranked: pending.ranking.unranked.map((u) => ({ applicationId: u.applicationId, name: u.name, sheets: u.sheets })),
          votes: pending.votes.filter((v) => v.votes > 0).sort((a, b) => b.votes - a.votes || a.name.localeCompare(b.name, 'en')),
        }
      : null,
    awards: awards.map((a) => ({ ...a, name: names.get(a.applicationId) ?? '' })),
    tracks: tracksOf(db, editionId),
    sealBlockers: sealBlockers(db, edition, final, rounds),
    publishBlockers: final ? publishBlockers(db, edition, final, rounds) : ['results.errors.seal.noFinal'],
  };
}

// ─── The public side ────────────────────────────────────────────────────────

/** The edition of a public URL if its results are published; a 404 otherwise (nothing shows before). */
export function publishedEditionOrNotFound(edition: Edition): Edition {
  if (edition.status !== 'published') throw new Response('Not Found', { status: 404 });
  return edition;
}

/**
 * What the public pages of a published edition depend on besides its frozen results: names,
 * consent to publication, logos, tracks. Compared on every request (one small query), so that a
 * founder withdrawing consent after publication is honoured at once, cache or not.
 */
export function publicFingerprint(edition: Edition): string {
  const client = getDb().$client;
  let statement = fingerprintStatements.get(client);
  if (!statement) {
    // Prepared once per connection: this runs on every public request, cache hit or not.
    statement = client.prepare(FINGERPRINT_SQL).pluck();
    fingerprintStatements.set(client, statement);
  }
  const parts = statement.get(edition.id, edition.id) as string | null;
  return [edition.id, edition.year, edition.name, edition.city, edition.status, edition.publishedAt?.getTime() ?? '', parts ?? ''].join('\u001f');
}

const FINGERPRINT_SQL = `
  SELECT coalesce((SELECT group_concat(id || ':' || status || ':' || consent_to_publication || ':' || ifnull(logo_file_id, '') || ':'
                                       || ifnull(track_id, '') || ':' || startup_name || ':' || one_liner || ':' || ifnull(country, ''), char(30))
                     FROM applications WHERE edition_id = ? AND status NOT IN ('draft', 'withdrawn')), '')
         || char(29) ||
         coalesce((SELECT group_concat(id || ':' || name_en || ':' || name_fr, char(30)) FROM tracks WHERE edition_id = ?), '')`;

const fingerprintStatements = new WeakMap<object, Statement>();

/** results.json of a published edition. */
export function publishedResults(edition: Edition): OpenResults {
  return loadOpenResults(getDb(), publishedEditionOrNotFound(edition));
}

export interface PublicPageRow {
  applicationId: number;
  rank: number | null;
  tie: boolean;
  name: string;
  track: string | null;
  score: number | null;
  sheets: number;
  /** Mean normalised value per criterion (0–1), in the criteria's display order. */
  means: number[];
}

/** The public results of a published edition in one language: what /editions/:year shows. */
export function publicResultsView(edition: Edition, lang: 'fr' | 'en') {
  const loaded = loadOpenResults(getDb(), publishedEditionOrNotFound(edition));
  const { document, rankings, publicNames, applications, tracks, criteria } = loaded;
  const localName = (x: { nameEn: string; nameFr: string }) => (lang === 'fr' ? x.nameFr : x.nameEn);
  const trackName = new Map(tracks.map((t) => [t.id, localName(t)]));
  const app = new Map(applications.map((a) => [a.id, a]));
  const rowsOf = (roundId: number): PublicPageRow[] => {
    const ranking = rankings.get(roundId)!;
    const row = (id: number, rank: number | null, tie: boolean, score: number | null, sheets: number, means: Record<number, number>) => ({
      applicationId: id,
      rank,
      tie,
      name: publicNames.get(id)!,
      track: trackName.get(app.get(id)?.trackId ?? -1) ?? null,
      score,
      sheets,
      means: criteria.map((c) => means[c.id] ?? 0),
    });
    return [
      ...ranking.ranked.map((r) => row(r.applicationId, r.rank, r.tie, r.score, r.sheets, r.criterionMeans)),
      ...ranking.unranked.map((u) => row(u.applicationId, null, false, null, u.sheets, u.criterionMeans)),
    ];
  };
  const roundView = (kind: Round['kind']) => {
    const round = document.rounds.find((r) => r.kind === kind);
    if (!round) return null;
    return {
      id: round.id,
      name: lang === 'fr' ? round.nameFr : round.name,
      method: round.method,
      minSheets: round.minSheets,
      seal: round.seal,
      sealedAt: round.sealedAt,
      sheets: round.sheets.length,
      judges: new Set(round.sheets.map((s) => s.judge)).size,
      rows: rowsOf(round.id),
    };
  };
  const winner = (applicationId: number) => {
    const a = app.get(applicationId);
    const consent = Boolean(a?.consent);
    return {
      applicationId,
      name: publicNames.get(applicationId)!,
      named: consent,
      oneLiner: consent && a?.oneLiner ? a.oneLiner : null,
      country: consent ? countryName(lang, a?.country ?? null) : null,
      track: trackName.get(a?.trackId ?? -1) ?? null,
      // /files/:id serves a logo to everyone only for a published, consenting finalist or winner.
      logoUrl: consent && a?.logoFileId ? `/files/${a.logoFileId}` : null,
    };
  };
  const votesOf = new Map((document.peoplesChoice ?? []).map((v) => [v.applicationId, v.votes]));
  return {
    publishedAt: document.edition.publishedAt,
    seal: document.seal,
    criteria: criteria.map((c) => ({ id: c.id, name: localName(c), weight: c.weight, min: c.min, max: c.max })),
    final: roundView('final'),
    screening: roundView('screening'),
    podium: document.awards.filter((a) => a.kind === 'overall').map((a) => ({ place: a.place, ...winner(a.applicationId) })),
    trackWinners: document.awards
      .filter((a) => a.kind === 'track')
      .map((a) => ({ trackName: trackName.get(a.track ?? -1) ?? '', ...winner(a.applicationId) })),
    peoplesChoice: document.awards
      .filter((a) => a.kind === 'peoples_choice')
      .map((a) => ({ votes: votesOf.get(a.applicationId) ?? 0, ...winner(a.applicationId) })),
    votesCast: (document.peoplesChoice ?? []).reduce((sum, v) => sum + v.votes, 0),
  };
}

export type PublicResultsView = ReturnType<typeof publicResultsView>;

/** A country's name in the page's language, from its ISO 3166 code (on the server: no hydration drift). */
function countryName(lang: 'fr' | 'en', code: string | null): string | null {
  if (!code) return null;
  try {
    return new Intl.DisplayNames([lang === 'fr' ? 'fr-FR' : 'en-GB'], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The public page's data of a published edition in one language, built once and then reused. */
export function publicResultsPage(edition: Edition, lang: 'fr' | 'en'): PublicEntry<PublicResultsView> {
  publishedEditionOrNotFound(edition);
  return cachedPublic({ year: edition.year, lang, format: 'page' }, publicFingerprint(edition), () => publicResultsView(edition, lang));
}

export type OpenDataFormat = 'results.json' | 'results.csv' | 'scores.csv';

const OPEN_DATA_WRITERS: Record<OpenDataFormat, (document: OpenResults['document']) => string> = {
  'results.json': (document) => `${JSON.stringify(document, null, 2)}\n`,
  'results.csv': resultsCsv,
  'scores.csv': scoresCsv,
};

/** One open-data file of a published edition (404 before publication), with caching headers. */
export function openDataResponse(request: Request, edition: Edition, format: OpenDataFormat): Response {
  publishedEditionOrNotFound(edition);
  const entry = cachedPublic(
    // Open data is language-neutral: both languages' names are in it.
    { year: edition.year, lang: 'und', format },
    publicFingerprint(edition),
    () => publishedResults(edition).document,
    OPEN_DATA_WRITERS[format],
  );
  return publicFileResponse(request, entry, format, `palmares-${edition.year}-${format}`);
}
