/**
 * Publication: the seal of the final round, the awards its ranking gives, publishing the results,
 * and the organiser's results page that shows what stands in the way. Every change is one audited
 * transaction and takes the database or a transaction, so that the demo seed seals and publishes
 * 2018–2020 through these very functions.
 *
 * Published results are frozen. `assertNotFrozen` (editions.server.ts) is the server-side check every change that
 * touches judging calls; triggers in migrations/*_results_frozen.sql refuse the same changes
 * whatever the code path (docs/decisions/ on freezing by triggers).
 */
import type { MessageKey } from '~/i18n';
import { and, eq, sql } from 'drizzle-orm';
import { sealInputOf, type OpenAward } from '~/domain/open-data';
import { rankRound, rankVotes, type RoundRanking } from '~/domain/ranking';
import { Refusal } from '~/domain/refusal';
import { sealHash } from '~/domain/seal';
import { auditedTransaction, statusChange, type AuditAct, type DbOrTx } from './audit.server';
import { getDb, schema } from './db.server';
import { assertNotFrozen, editionRoundOfKind, editionRounds, type Edition, type Round } from './editions.server';
import { enqueueResultsNotices } from './mail-messages.server';
import type { MailContext } from './mail.server';
import { invalidatePublicResults } from './public-cache.server';
import { awardsOf, loadOpenResults, voteCountsOf } from './public-results.server';
import { roundInputs, roundSummary, trackRows } from './rankings.server';

/** Who seals or publishes which edition, when. */
export interface ResultsAct extends AuditAct {
  editionId: number;
  /** Publishing sends founders the notice (in its transaction) when given; the demo seed publishes without. */
  mail?: MailContext;
}

// ─── Frozen results ─────────────────────────────────────────────────────────

/** The message of the database triggers (migrations/*_results_frozen.sql). */
export const FROZEN_DB_MESSAGE = 'edition published: results are frozen';

/**
 * Whether the edition's final round is sealed. From then until publication nothing may change which
 * sheets it counts — a withdrawal of a finalist, a conflict declared on one — or the seal no longer
 * matches and publication is refused: such actions should refuse too.
 */
export function isFinalSealed(editionId: number, db: DbOrTx = getDb()): boolean {
  return Boolean(editionRoundOfKind(editionId, 'final', db)?.sealHash);
}

/** Whether an error is a database trigger refusing a change to published results. */
export function isFrozenError(error: unknown): boolean {
  return error instanceof Error && error.message.includes(FROZEN_DB_MESSAGE);
}

// ─── Awards ─────────────────────────────────────────────────────────────────

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

/** What a step of the results (seal, publish) finds in the way, from the edition and its rounds: message keys. */
type StepBlockers = (db: DbOrTx, edition: Edition, final: Round | null, rounds: Round[]) => MessageKey[];

/**
 * The edition and its final round for a step of the results, inside the step's transaction: refused
 * when the edition is unknown or frozen, or with the first thing in the step's way.
 */
function readyStep(tx: DbOrTx, editionId: number, blockersOf: StepBlockers): { edition: Edition; finalRound: Round } {
  assertNotFrozen(editionId, tx);
  const edition = tx.select().from(schema.editions).where(eq(schema.editions.id, editionId)).get();
  if (!edition) throw new Refusal(404, 'results.errors.notFound');
  const rounds = editionRounds(edition.id, tx);
  const finalRound = rounds.find((r) => r.kind === 'final') ?? null;
  const blockers = blockersOf(tx, edition, finalRound, rounds);
  if (blockers.length > 0) throw new Refusal(409, blockers[0]);
  // Both steps' blockers refuse an edition without a final round.
  return { edition, finalRound: finalRound! };
}

/** Why sealing is not possible yet (message keys), in the order the organiser can act on them. */
function sealBlockers(db: DbOrTx, edition: Edition, final: Round | null, rounds: Round[]): MessageKey[] {
  if (edition.status === 'published') return ['errors.edition.frozen'];
  if (!final) return ['results.errors.seal.noFinal'];
  if (final.sealHash) return ['results.errors.seal.already'];
  const blockers: MessageKey[] = [];
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
  return auditedTransaction({ ...act, now }, (tx, audit) => {
    const { edition, finalRound } = readyStep(tx, act.editionId, sealBlockers);
    const { hash, sheets } = currentSeal(tx, edition, finalRound.id);
    tx.update(schema.rounds).set({ sealHash: hash, sealedAt: now }).where(eq(schema.rounds.id, finalRound.id)).run();
    audit({
      action: 'round.seal',
      entityType: 'round',
      entityId: finalRound.id,
      before: { sealHash: null, sealedAt: null },
      after: { sealHash: hash, sealedAt: now.toISOString(), sheets },
    });
    return { roundId: finalRound.id, sealHash: hash, sheets };
  }, db);
}

// ─── Publication ────────────────────────────────────────────────────────────

function publishBlockers(db: DbOrTx, edition: Edition, final: Round | null, rounds: Round[]): MessageKey[] {
  if (edition.status === 'published') return ['errors.edition.frozen'];
  if (!final) return ['results.errors.seal.noFinal'];
  const blockers: MessageKey[] = [];
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
  const published = auditedTransaction({ ...act, now }, (tx, audit) => {
    const { edition, finalRound } = readyStep(tx, act.editionId, publishBlockers);
    const { awards, applications } = pendingAwards(tx, edition.id, finalRound);
    tx.delete(schema.awards).where(eq(schema.awards.editionId, edition.id)).run();
    tx.insert(schema.awards)
      .values(awards.map((a) => ({ editionId: edition.id, applicationId: a.applicationId, kind: a.kind, trackId: a.trackId, place: a.place })))
      .run();
    const winners = new Set(awards.map((a) => a.applicationId));
    for (const application of applications) {
      if (!winners.has(application.id) || application.status === 'winner') continue;
      tx.update(schema.applications).set({ status: 'winner', updatedAt: now }).where(eq(schema.applications.id, application.id)).run();
      audit(statusChange('application', application.id, { from: application.status, to: 'winner' }));
    }
    tx.update(schema.editions).set({ status: 'published', publishedAt: now }).where(eq(schema.editions.id, edition.id)).run();
    audit({
      action: 'edition.publish',
      entityType: 'edition',
      entityId: edition.id,
      before: { status: edition.status, publishedAt: null },
      after: {
        status: 'published',
        publishedAt: now.toISOString(),
        seal: finalRound.sealHash,
        awards: awards.map((a) => ({ kind: a.kind, place: a.place, trackId: a.trackId, applicationId: a.applicationId })),
      },
    });
    if (act.mail) enqueueResultsNotices(tx, edition.id, act.mail, now);
    return { year: edition.year, awards, sealHash: finalRound.sealHash! };
  }, db);
  // Publishing is the only way results come in: what the public cache holds for the year goes.
  invalidatePublicResults(published.year);
  return published;
}

// ─── The organiser's results page ───────────────────────────────────────────

/** Rounds, the seal, and what publishing would give (or gave), with what still stands in the way. */
export function resultsOverview(editionId: number) {
  const db = getDb();
  const edition = db.select().from(schema.editions).where(eq(schema.editions.id, editionId)).get()!;
  const rounds = editionRounds(editionId, db);
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
    tracks: trackRows(db, editionId),
    sealBlockers: sealBlockers(db, edition, final, rounds),
    publishBlockers: final ? publishBlockers(db, edition, final, rounds) : (['results.errors.seal.noFinal'] as MessageKey[]),
  };
}
