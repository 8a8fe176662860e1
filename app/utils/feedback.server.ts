/**
 * Feedback to founders (issue 15): what the founder of an application reads once the edition's
 * results are published — per round, its score on each criterion next to the field's median and
 * quartiles, its place (rank or band, as the edition says), and the comments the judges wrote for
 * the startup, under letters that reveal no judge. And the organiser's side: the edition's
 * feedback settings, and withholding a shared comment before publication (audited).
 *
 * What never leaves this module for a founder: a comment for the jury only (never selected here),
 * a withheld comment (filtered in the query), a sheet that does not count (conflicted judge,
 * withdrawn application, draft: only rankRound's counted sheets are read), a judge's name or id.
 */
import { createHmac, hkdfSync } from 'node:crypto';
import { and, asc, eq, inArray, isNull, ne } from 'drizzle-orm';
import { judgeLetters, onScale, placing, quartiles, type Placing, type Quartiles } from '~/domain/feedback';
import { rankRound } from '~/domain/ranking';
import { Refusal } from '~/domain/refusal';
import type { FeedbackRankMode } from '~/domain/statuses';
import { auditedTransaction, type AuditAct, type DbOrTx } from './audit.server';
import { getDb, schema } from './db.server';
import { assertNotFrozen, editionRounds, type Edition } from './editions.server';
import { env } from './env.server';
import { roundInputs } from './rankings.server';

// ─── The judges' letters ─────────────────────────────────────────────────────

/** The label of the key that orders judges' letters (docs/decisions/023: one label per use of the secret). */
export const PSEUDONYM_KEY_LABEL = 'palmares/feedback-judge-letters/v1';
let derived: { secret: string; key: Buffer } | null = null;

function pseudonymKey(secret = env().SESSION_SECRET): Buffer {
  if (derived?.secret !== secret) derived = { secret, key: Buffer.from(hkdfSync('sha256', secret, '', PSEUDONYM_KEY_LABEL, 32)) };
  return derived.key;
}

/** The letters of an application's judges, ordered by HMAC(application, judge) under the server's key. */
export function lettersFor(applicationId: number, judgeIds: readonly number[]): Map<number, string> {
  const key = pseudonymKey();
  return judgeLetters(judgeIds, (judgeId) => createHmac('sha256', key).update(`${applicationId}:${judgeId}`).digest('hex'));
}

// ─── The founder's page ──────────────────────────────────────────────────────

export interface CriterionFeedback {
  id: number;
  nameEn: string;
  nameFr: string;
  min: number;
  max: number;
  /** The application's mean on the criterion, on its scale. */
  score: number;
  field: Quartiles | null;
}

export interface JudgeComments {
  judge: string;
  /** Criterion id → comment, in the criteria's order. */
  onCriteria: { criterionId: number; nameEn: string; nameFr: string; text: string }[];
  overall: string | null;
}

export interface RoundFeedback {
  roundId: number;
  kind: 'screening' | 'final';
  nameEn: string;
  nameFr: string;
  sheets: number;
  placing: Placing;
  criteria: CriterionFeedback[];
  judges: JudgeComments[];
}

export interface FounderFeedback {
  year: number;
  editionName: string;
  startupName: string;
  rounds: RoundFeedback[];
}

/** Whether founders of this edition may read feedback now: published, and the organiser left it on. */
export function feedbackOpen(edition: Pick<Edition, 'status' | 'feedbackEnabled'>): boolean {
  return edition.status === 'published' && edition.feedbackEnabled;
}

/**
 * The founder's feedback for their application in the edition of `year`, or null (the route
 * answers 404) when the edition is not published, feedback is off, or the founder has no
 * application there. Ownership is in the query: another founder's application is never read.
 */
export function founderFeedback(founderId: number, year: number, db: DbOrTx = getDb()): FounderFeedback | null {
  const edition = db.select().from(schema.editions).where(eq(schema.editions.year, year)).get();
  if (!edition || !feedbackOpen(edition)) return null;
  const a = schema.applications;
  const application = db
    .select({ id: a.id, startupName: a.startupName })
    .from(a)
    .where(and(eq(a.editionId, edition.id), eq(a.founderId, founderId), ne(a.status, 'draft')))
    .get();
  if (!application) return null;
  return {
    year: edition.year,
    editionName: edition.name,
    startupName: application.startupName,
    rounds: applicationRounds(db, edition, application.id),
  };
}

function applicationRounds(db: DbOrTx, edition: Edition, applicationId: number): RoundFeedback[] {
  const rounds: RoundFeedback[] = [];
  const perRound: { round: RoundFeedback; judgeIds: number[] }[] = [];
  for (const round of editionRounds(edition.id, db)) {
    const inputs = roundInputs(db, edition.id, round);
    const ranking = rankRound(inputs.input);
    const counted = ranking.countedSheets.filter((s) => s.applicationId === applicationId);
    if (counted.length === 0) continue;
    const everyone = [...ranking.ranked, ...ranking.unranked].filter((r) => r.sheets > 0);
    const own = everyone.find((r) => r.applicationId === applicationId)!;
    const ranked = ranking.ranked.find((r) => r.applicationId === applicationId) ?? null;
    const criteria = inputs.criteria.map((c) => ({
      id: c.id,
      nameEn: c.nameEn,
      nameFr: c.nameFr,
      min: c.min,
      max: c.max,
      score: onScale(own.criterionMeans[c.id], c.min, c.max),
      field: quartiles(everyone.map((r) => onScale(r.criterionMeans[c.id], c.min, c.max))),
    }));
    const entry: RoundFeedback = {
      roundId: round.id,
      kind: round.kind,
      nameEn: round.nameEn,
      nameFr: round.nameFr,
      sheets: counted.length,
      placing: placing(edition.feedbackRank, ranked, ranking.ranked.length),
      criteria,
      judges: [],
    };
    perRound.push({ round: entry, judgeIds: counted.map((s) => s.judgeId) });
    rounds.push(entry);
  }
  // One letter per judge for the whole page: the same judge in both rounds keeps their letter.
  const letters = lettersFor(applicationId, perRound.flatMap((r) => r.judgeIds));
  for (const { round, judgeIds } of perRound) round.judges = sharedCommentsOf(db, round, applicationId, judgeIds, letters);
  return rounds;
}

/** The shared, not withheld, non-empty comments of the counted sheets, grouped by judge letter. */
function sharedCommentsOf(db: DbOrTx, round: RoundFeedback, applicationId: number, judgeIds: number[], letters: Map<number, string>): JudgeComments[] {
  const sh = schema.scoresheets;
  const sc = schema.scores;
  const sheets = db
    .select({ id: sh.id, judgeId: sh.judgeId, overall: sh.sharedOverallComment, withheld: sh.sharedOverallCommentWithheld })
    .from(sh)
    .where(and(eq(sh.roundId, round.roundId), eq(sh.applicationId, applicationId), eq(sh.status, 'submitted'), inArray(sh.judgeId, judgeIds)))
    .all();
  const byJudge: JudgeComments[] = [];
  for (const sheet of sheets) {
    const rows = db
      .select({ criterionId: sc.criterionId, text: sc.sharedComment })
      .from(sc)
      .where(and(eq(sc.scoresheetId, sheet.id), isNull(sc.sharedCommentWithheld), ne(sc.sharedComment, '')))
      .all();
    const onCriteria = round.criteria
      .map((c) => ({ c, text: rows.find((r) => r.criterionId === c.id)?.text }))
      .filter((x): x is { c: CriterionFeedback; text: string } => Boolean(x.text))
      .map(({ c, text }) => ({ criterionId: c.id, nameEn: c.nameEn, nameFr: c.nameFr, text }));
    const overall = sheet.withheld === null && sheet.overall !== '' ? sheet.overall : null;
    if (onCriteria.length === 0 && overall === null) continue;
    byJudge.push({ judge: letters.get(sheet.judgeId)!, onCriteria, overall });
  }
  return byJudge.sort((x, y) => (x.judge.length - y.judge.length) || x.judge.localeCompare(y.judge));
}

/** The years in which this founder can open a feedback page (the page itself decides what it shows). */
export function feedbackYears(founderId: number, db: DbOrTx = getDb()): number[] {
  const a = schema.applications;
  const e = schema.editions;
  return db
    .select({ year: e.year })
    .from(a)
    .innerJoin(e, eq(e.id, a.editionId))
    .where(and(eq(a.founderId, founderId), ne(a.status, 'draft'), eq(e.status, 'published'), eq(e.feedbackEnabled, true)))
    .all()
    .map((row) => row.year);
}

/** The founders of an edition who have feedback to read (for the publication notice), with their language. */
export function foundersWithFeedback(editionId: number, db: DbOrTx = getDb()) {
  const edition = db.select().from(schema.editions).where(eq(schema.editions.id, editionId)).get();
  if (!edition || !feedbackOpen(edition)) return [];
  const a = schema.applications;
  const founders = db
    .select({ founderId: a.founderId, email: schema.users.email, name: schema.users.name, language: schema.users.preferredLanguage })
    .from(a)
    .innerJoin(schema.users, eq(schema.users.id, a.founderId))
    .where(and(eq(a.editionId, editionId), ne(a.status, 'draft'), ne(a.status, 'withdrawn')))
    .orderBy(asc(a.id))
    .all();
  return founders.filter((f) => (founderFeedback(f.founderId, edition.year, db)?.rounds.length ?? 0) > 0);
}

// ─── The organiser's side ────────────────────────────────────────────────────

export interface SharedCommentRow {
  scoresheetId: number;
  /** Null for the overall comment. */
  criterionId: number | null;
  criterionEn: string | null;
  criterionFr: string | null;
  applicationId: number;
  startupName: string;
  roundEn: string;
  roundFr: string;
  judgeName: string;
  text: string;
  withheld: string | null;
}

/** Every non-empty shared comment of the edition's submitted sheets, by startup, round, judge, criterion. */
export function editionSharedComments(editionId: number, db: DbOrTx = getDb()): SharedCommentRow[] {
  const sh = schema.scoresheets;
  const sc = schema.scores;
  const a = schema.applications;
  const r = schema.rounds;
  const c = schema.criteria;
  const base = {
    scoresheetId: sh.id,
    applicationId: a.id,
    startupName: a.startupName,
    roundEn: r.nameEn,
    roundFr: r.nameFr,
    judgeName: schema.users.name,
    roundPosition: r.position,
  };
  const overall = db
    .select({ ...base, text: sh.sharedOverallComment, withheld: sh.sharedOverallCommentWithheld })
    .from(sh)
    .innerJoin(a, eq(a.id, sh.applicationId))
    .innerJoin(r, eq(r.id, sh.roundId))
    .innerJoin(schema.users, eq(schema.users.id, sh.judgeId))
    .where(and(eq(r.editionId, editionId), eq(sh.status, 'submitted'), ne(sh.sharedOverallComment, '')))
    .all()
    .map((row) => ({ ...row, criterionId: null, criterionEn: null, criterionFr: null, criterionPosition: Number.MAX_SAFE_INTEGER }));
  const perCriterion = db
    .select({
      ...base,
      text: sc.sharedComment,
      withheld: sc.sharedCommentWithheld,
      criterionId: c.id,
      criterionEn: c.nameEn,
      criterionFr: c.nameFr,
      criterionPosition: c.position,
    })
    .from(sc)
    .innerJoin(sh, eq(sh.id, sc.scoresheetId))
    .innerJoin(c, eq(c.id, sc.criterionId))
    .innerJoin(a, eq(a.id, sh.applicationId))
    .innerJoin(r, eq(r.id, sh.roundId))
    .innerJoin(schema.users, eq(schema.users.id, sh.judgeId))
    .where(and(eq(r.editionId, editionId), eq(sh.status, 'submitted'), ne(sc.sharedComment, '')))
    .all();
  return [...perCriterion, ...overall]
    .sort(
      (x, y) =>
        x.startupName.localeCompare(y.startupName) ||
        x.applicationId - y.applicationId ||
        x.roundPosition - y.roundPosition ||
        x.judgeName.localeCompare(y.judgeName) ||
        x.scoresheetId - y.scoresheetId ||
        x.criterionPosition - y.criterionPosition,
    )
    .map(({ roundPosition: _r, criterionPosition: _c, ...row }) => row);
}

export interface FeedbackAct extends AuditAct {
  editionId: number;
}

/**
 * Withholds one shared comment from the founder (before publication: published results are
 * frozen, and so are their sheets). The reason is stored with the comment and in the audit event.
 */
export function withholdSharedComment(act: FeedbackAct, target: { scoresheetId: number; criterionId: number | null; reason: string }) {
  return auditedTransaction(act, (tx, audit) => {
    assertNotFrozen(act.editionId, tx);
    const sh = schema.scoresheets;
    const sheet = tx
      .select({ id: sh.id, applicationId: sh.applicationId, overall: sh.sharedOverallComment })
      .from(sh)
      .innerJoin(schema.rounds, eq(schema.rounds.id, sh.roundId))
      .where(and(eq(sh.id, target.scoresheetId), eq(schema.rounds.editionId, act.editionId)))
      .get();
    if (!sheet) throw new Refusal(404, 'feedback.errors.noComment');
    let text: string;
    if (target.criterionId === null) {
      if (sheet.overall === '') throw new Refusal(404, 'feedback.errors.noComment');
      text = sheet.overall;
      tx.update(sh).set({ sharedOverallCommentWithheld: target.reason }).where(eq(sh.id, sheet.id)).run();
    } else {
      const sc = schema.scores;
      const where = and(eq(sc.scoresheetId, sheet.id), eq(sc.criterionId, target.criterionId));
      const row = tx.select({ text: sc.sharedComment }).from(sc).where(where).get();
      if (!row || row.text === '') throw new Refusal(404, 'feedback.errors.noComment');
      text = row.text;
      tx.update(sc).set({ sharedCommentWithheld: target.reason }).where(where).run();
    }
    audit({
      action: 'feedback.withhold',
      entityType: 'scoresheet',
      entityId: sheet.id,
      before: { applicationId: sheet.applicationId, criterionId: target.criterionId, sharedComment: text, withheld: false },
      after: { applicationId: sheet.applicationId, criterionId: target.criterionId, withheld: true },
      reason: target.reason,
    });
  });
}

/** The edition's feedback settings: on or off, rank or band. Audited. */
export function setFeedbackSettings(act: FeedbackAct, settings: { enabled: boolean; rank: FeedbackRankMode }) {
  return auditedTransaction(act, (tx, audit) => {
    const e = schema.editions;
    const before = tx.select({ enabled: e.feedbackEnabled, rank: e.feedbackRank }).from(e).where(eq(e.id, act.editionId)).get();
    if (!before) throw new Refusal(404, 'feedback.errors.noComment');
    if (before.enabled === settings.enabled && before.rank === settings.rank) return false;
    tx.update(e).set({ feedbackEnabled: settings.enabled, feedbackRank: settings.rank }).where(eq(e.id, act.editionId)).run();
    audit({ action: 'edition.feedback', entityType: 'edition', entityId: act.editionId, before, after: settings });
    return true;
  });
}
