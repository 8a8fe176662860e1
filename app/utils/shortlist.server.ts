/**
 * The shortlist: the screening ranking with the suggested finalists, and the organiser's
 * confirmation of them (docs/decisions: the shortlist is confirmed from a final screening).
 * `confirmShortlist` takes the database or a transaction, so that the demo seed confirms
 * 2018–2020's finalists through this very function.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { rankRound } from '~/domain/ranking';
import { Refusal } from '~/domain/refusal';
import { departuresOf, suggestFinalists, type ShortlistMode } from '~/domain/shortlist';
import type { ApplicationStatus } from '~/domain/statuses';
import { FORBIDDEN_CHARACTER_MESSAGE, hasForbiddenCharacters } from '~/domain/text';
import { auditedTransaction, statusChange, type AuditAct, type DbOrTx } from './audit.server';
import { getDb, schema } from './db.server';
import { assertNotFrozen, editionRoundOfKind, type Round } from './editions.server';
import { roundInputs, roundSummary, trackRows } from './rankings.server';

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
  const screening = editionRoundOfKind(editionId, 'screening', db);
  const final = editionRoundOfKind(editionId, 'final', db);
  const base = {
    published: edition.status === 'published',
    screening: screening ? roundSummary(screening) : null,
    finalStarted: finalStarted(db, final),
    tracks: trackRows(db, editionId),
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

export interface ShortlistInput extends AuditAct {
  editionId: number;
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
  const { editionId, mode, n } = input;
  const now = input.now ?? new Date();
  const reason = input.reason.trim();
  return auditedTransaction(
    { ...input, now },
    (tx, audit) => {
      assertNotFrozen(editionId, tx);
      const edition = tx.select().from(schema.editions).where(eq(schema.editions.id, editionId)).get();
      if (!edition) throw new Refusal(404, 'results.errors.notFound');
      const screening = editionRoundOfKind(editionId, 'screening', tx);
      if (!screening) throw new Refusal(409, 'results.errors.shortlist.noScreening');
      if (screening.state !== 'locked') throw new Refusal(409, 'results.errors.shortlist.screeningOpen');
      const final = editionRoundOfKind(editionId, 'final', tx);
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
        const moved = added.includes(application.id) || dropped.includes(application.id);
        audit(statusChange('application', application.id, { from: application.status, to, reason: moved ? why : null }));
      }
      audit({
        action: 'shortlist.confirm',
        entityType: 'round',
        entityId: screening.id,
        before: { finalists: before },
        after: { mode, n, method: screening.method, suggested, finalists: selected, added, dropped },
        reason: why,
      });
      if (edition.status === 'judging') {
        tx.update(schema.editions).set({ status: 'final' }).where(eq(schema.editions.id, edition.id)).run();
        audit(statusChange('edition', edition.id, { from: edition.status, to: 'final' }));
      }
      return { finalists: selected, suggested, added, dropped, changed };
    },
    db,
  );
}
