/**
 * An edition run from the app (issue 10): creating it (a draft), changing its settings, and
 * moving it through its statuses by the rules of app/domain/edition-status.ts. Each change is one
 * audited transaction; a refused one writes nothing. Publication stays in publication.server.ts.
 */
import { and, count, eq, inArray, notInArray } from 'drizzle-orm';
import { EDITION_TIME_ZONE, localToInstant } from '~/domain/edition-time';
import { windowChangeNeedsConfirmation, type EditionSettingsInput, type NewEditionInput } from '~/domain/edition-form';
import { checkStep, EDITION_STEPS, type EditionFacts, type StepCheck } from '~/domain/edition-status';
import { Refusal } from '~/domain/refusal';
import type { EditionStatus } from '~/domain/statuses';
import { auditedTransaction, statusChange, type DbOrTx } from './audit.server';
import { getDb, schema } from './db.server';
import type { Edition } from './editions.server';
import { invalidatePublicResults } from './public-cache.server';
import { countOf } from './query.server';

interface Act {
  actorId: number;
  now?: Date;
}

/** A wall-clock time the schema has already checked, as an instant. */
function instantOf(local: string): Date {
  const result = localToInstant(local, EDITION_TIME_ZONE);
  if (!result.ok) throw new Refusal(400, 'editions.errors.time.invalid');
  return result.instant;
}

/** The columns the settings form writes. */
function settingsColumns(input: Omit<EditionSettingsInput, 'confirmDeadline'>) {
  return {
    name: input.nameEn,
    nameFr: input.nameFr,
    city: input.city,
    venue: input.venue,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    applicationsOpenAt: instantOf(input.opensAt),
    applicationsCloseAt: instantOf(input.closesAt),
    descriptionFr: input.descriptionFr,
    descriptionEn: input.descriptionEn,
  };
}

/** What the audit log keeps of an edition's settings. */
function settingsState(edition: ReturnType<typeof settingsColumns> | Edition) {
  return {
    name: edition.name,
    nameFr: edition.nameFr,
    city: edition.city,
    venue: edition.venue,
    startsOn: edition.startsOn,
    endsOn: edition.endsOn,
    applicationsOpenAt: edition.applicationsOpenAt.toISOString(),
    applicationsCloseAt: edition.applicationsCloseAt.toISOString(),
    descriptionFr: edition.descriptionFr,
    descriptionEn: edition.descriptionEn,
  };
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** A new edition, as a draft; a year already taken is the year field's error. */
export function createEditionFromForm(input: NewEditionInput, { actorId, now = new Date() }: Act): Edition {
  try {
    return auditedTransaction({ editionId: null, actorId, now }, (tx, audit) => {
      const taken = tx.select({ id: schema.editions.id }).from(schema.editions).where(eq(schema.editions.year, input.year)).get();
      if (taken) throw new Refusal(409, 'editions.errors.year.taken', {}, 'year');
      const edition = tx
        .insert(schema.editions)
        .values({ year: input.year, ...settingsColumns(input), timeZone: EDITION_TIME_ZONE, status: 'draft', createdAt: now })
        .returning()
        .get();
      audit({
        editionId: edition.id,
        action: 'edition.create',
        entityType: 'edition',
        entityId: edition.id,
        before: null,
        after: { year: edition.year, status: edition.status, ...settingsState(edition) },
      });
      return edition;
    });
  } catch (error) {
    // Two organisers creating the same year at once: the second meets the UNIQUE index.
    if (isUniqueViolation(error)) throw new Refusal(409, 'editions.errors.year.taken', {}, 'year');
    throw error;
  }
}

function editionOrRefuse(tx: DbOrTx, editionId: number): Edition {
  const edition = tx.select().from(schema.editions).where(eq(schema.editions.id, editionId)).get();
  if (!edition) throw new Refusal(404, 'editions.errors.notFound');
  return edition;
}

function applicationCount(tx: DbOrTx, editionId: number): number {
  return countOf(tx, schema.applications, eq(schema.applications.editionId, editionId));
}

/**
 * Changes the settings. The year never changes. Once the results are published, the summit's
 * dates and the window are history (names, city, venue and descriptions may still be corrected).
 * Moving a date of the window that has passed, once applications exist, needs `confirmDeadline`.
 */
export function updateEditionSettings(editionId: number, input: EditionSettingsInput, { actorId, now = new Date() }: Act) {
  const result = auditedTransaction({ editionId, actorId, now }, (tx, audit) => {
    const before = editionOrRefuse(tx, editionId);
    const after = settingsColumns(input);
    const beforeState = settingsState(before);
    const afterState = settingsState(after);
    const changed = (Object.keys(afterState) as (keyof typeof afterState)[]).filter((k) => beforeState[k] !== afterState[k]);
    if (changed.length === 0) return { edition: before, changed };
    if (before.status === 'published') {
      const frozen = (['startsOn', 'endsOn', 'applicationsOpenAt', 'applicationsCloseAt'] as const).find((k) => changed.includes(k));
      if (frozen) throw new Refusal(409, 'editions.errors.published', {}, frozen === 'applicationsOpenAt' ? 'opensAt' : frozen === 'applicationsCloseAt' ? 'closesAt' : frozen);
    }
    const applications = applicationCount(tx, editionId);
    if (input.confirmDeadline !== 'yes' && windowChangeNeedsConfirmation(before, after, applications, now)) {
      const field = before.applicationsCloseAt.getTime() !== after.applicationsCloseAt.getTime() ? 'closesAt' : 'opensAt';
      throw new Refusal(409, 'editions.errors.deadline.confirm', { count: applications }, field);
    }
    const edition = tx.update(schema.editions).set(after).where(eq(schema.editions.id, editionId)).returning().get();
    audit({
      action: 'edition.update',
      entityType: 'edition',
      entityId: editionId,
      before: Object.fromEntries(changed.map((k) => [k, beforeState[k]])),
      after: Object.fromEntries(changed.map((k) => [k, afterState[k]])),
      reason: input.confirmDeadline === 'yes' && windowChangeNeedsConfirmation(before, after, applications, now) ? 'deadline-moved-after-it-passed' : null,
    });
    return { edition, changed };
  });
  // Names and descriptions show on the public pages, which are cached once published.
  if (result.changed.length > 0) invalidatePublicResults(result.edition.year);
  return result;
}

// ─── Status ─────────────────────────────────────────────────────────────────

/** What the status machine needs to know, read inside the caller's transaction. */
export function editionFacts(tx: DbOrTx, edition: Edition, now: Date): EditionFacts {
  const a = schema.applications;
  const byStatus = tx
    .select({ status: a.status, n: count() })
    .from(a)
    .where(eq(a.editionId, edition.id))
    .groupBy(a.status)
    .all();
  const n = (statuses: readonly string[]) => byStatus.filter((r) => statuses.includes(r.status)).reduce((sum, r) => sum + r.n, 0);
  const rounds = tx.select().from(schema.rounds).where(eq(schema.rounds.editionId, edition.id)).all();
  const roundIds = rounds.map((r) => r.id);
  return {
    tracks: countOf(tx, schema.tracks, eq(schema.tracks.editionId, edition.id)),
    criteria: countOf(tx, schema.criteria, eq(schema.criteria.editionId, edition.id)),
    screeningRound: rounds.some((r) => r.kind === 'screening'),
    drafts: n(['draft']),
    submitted: n(['submitted', 'shortlisted', 'finalist', 'winner', 'not_selected']),
    finalists: n(['finalist', 'winner']),
    submittedSheets:
      roundIds.length === 0
        ? 0
        : countOf(tx, schema.scoresheets, and(inArray(schema.scoresheets.roundId, roundIds), eq(schema.scoresheets.status, 'submitted'))),
    windowClosed: now.getTime() > edition.applicationsCloseAt.getTime(),
    finalSealed: rounds.some((r) => r.kind === 'final' && Boolean(r.sealHash)),
  };
}

/** The steps the status page offers, each with the machine's answer (its pre-check summary). */
export function statusSteps(editionId: number, now = new Date()): { to: EditionStatus; check: StepCheck }[] {
  const db = getDb();
  const edition = editionOrRefuse(db, editionId);
  const facts = editionFacts(db, edition, now);
  return EDITION_STEPS[edition.status].map((to) => ({ to, check: checkStep(edition.status, to, facts) }));
}

/**
 * Moves the edition one step, if the machine allows it now: `from` is the status the organiser
 * saw (a step taken meanwhile by someone else is refused rather than repeated), `confirm` and
 * `reason` what the step asks for.
 */
export function stepEdition(
  editionId: number,
  step: { from?: EditionStatus; to: EditionStatus; reason?: string; confirm?: boolean },
  { actorId, now = new Date() }: Act,
) {
  const result = auditedTransaction({ editionId, actorId, now }, (tx, audit) => {
    const edition = editionOrRefuse(tx, editionId);
    if (step.from && step.from !== edition.status) throw new Refusal(409, 'editions.step.refused.notAStep');
    const check = checkStep(edition.status, step.to, editionFacts(tx, edition, now));
    if (!check.allowed) throw new Refusal(409, check.refusal);
    const reason = step.reason?.trim() ?? '';
    if (check.needsReason && !reason) throw new Refusal(400, 'editions.step.errors.reason', {}, 'reason');
    if (check.needsConfirmation && !step.confirm) throw new Refusal(400, 'editions.step.errors.confirm', {}, 'confirm');
    tx.update(schema.editions).set({ status: step.to }).where(eq(schema.editions.id, editionId)).run();
    audit(statusChange('edition', editionId, { from: edition.status, to: step.to, reason: reason || null }));
    return { year: edition.year, from: edition.status, to: step.to };
  });
  invalidatePublicResults(result.year);
  return result;
}

/** Counts for the settings page: whether moving the window needs the confirmation box. */
export function windowConfirmationShown(edition: Edition, now = new Date()): boolean {
  const applications = applicationCount(getDb(), edition.id);
  return (
    applications > 0 &&
    (edition.applicationsCloseAt.getTime() <= now.getTime() || edition.applicationsOpenAt.getTime() <= now.getTime())
  );
}

/** Editions a public visitor may see: every one but the drafts. */
export const PUBLIC_EDITION_STATUSES = ['open', 'judging', 'final', 'published'] as const;
export const notDraft = notInArray(schema.editions.status, ['draft']);
