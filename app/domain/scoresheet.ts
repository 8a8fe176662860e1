/**
 * The rules of a scoresheet, with no I/O: what a form may contain, whether a value fits its
 * criterion's scale, what a save changes, and whether it was based on the sheet's latest revision.
 *
 * The server (app/utils/scoresheets.server.ts) loads the stored sheet, asks `planSave` what to do
 * and applies the answer in one transaction; the browser uses the same names and limits for its
 * form, so both sides agree on what a valid sheet is. Messages are dictionary keys (app/i18n/scoring.ts).
 */
import type { MessageKey } from '~/i18n';

// ─── Shapes ──────────────────────────────────────────────────────────────────

/** What a value is checked against: the criterion's integer scale, inclusive. */
export interface ScaleCriterion {
  id: number;
  scaleMin: number;
  scaleMax: number;
}

/**
 * A criterion as a judge scores it and an applicant reads it: its names and help in both
 * languages, its weight and scale (the scoresheet, an open edition's page, the demo seed).
 */
export interface ScoresheetCriterion extends ScaleCriterion {
  nameFr: string;
  nameEn: string;
  helpFr: string;
  helpEn: string;
  weight: number;
}

export type ScoresheetStatus = 'draft' | 'submitted';

/**
 * What the judge writes: a value (null while not chosen) and two comments per criterion, and two
 * overall comments. `comments` and `overallComment` are for the jury only and never reach the
 * founder; `sharedComments` and `sharedOverallComment` are for the startup, shown to its founder
 * once the results are published (unless an organiser withholds one).
 */
export interface ScoresheetContent {
  values: Record<number, number | null>;
  comments: Record<number, string>;
  overallComment: string;
  sharedComments: Record<number, string>;
  sharedOverallComment: string;
}

/** A stored sheet as the audit log and the revision conflict show it. */
export interface ScoresheetSnapshot extends ScoresheetContent {
  status: ScoresheetStatus;
  revision: number;
}

/** `save` keeps the sheet's status (a draft stays a draft); `submit` requires every criterion. */
export const SAVE_INTENTS = ['save', 'submit'] as const;
export type SaveIntent = (typeof SAVE_INTENTS)[number];

/** One audit event per scoring action, named by what the judge did. */
export type ScoresheetAction = 'scoresheet.save' | 'scoresheet.submit' | 'scoresheet.change';

export type FieldErrors = Record<string, MessageKey>;

// ─── The form ────────────────────────────────────────────────────────────────

export const COMMENT_MAX_LENGTH = 2000;
export const OVERALL_COMMENT_MAX_LENGTH = 5000;

/** Field names of the scoresheet form (the browser builds the same names). */
export const scoreField = (criterionId: number) => `score-${criterionId}`;
export const commentField = (criterionId: number) => `comment-${criterionId}`;
export const OVERALL_COMMENT_FIELD = 'overallComment';
/** The comments for the startup (shared with the founder after publication). */
export const sharedCommentField = (criterionId: number) => `shared-comment-${criterionId}`;
export const SHARED_OVERALL_COMMENT_FIELD = 'sharedOverallComment';

// The schema of a save's fixed part (`saveRequestSchema`) lives in ./scoresheet-request.ts: the
// judge's page imports this module, and zod must not reach it (first-load budget).
export type { SaveRequest } from './scoresheet-request';

/** The raw text of a form, per criterion, before validation. */
export interface RawScoresheet {
  values: Record<number, string>;
  comments: Record<number, string>;
  overallComment: string;
  sharedComments: Record<number, string>;
  sharedOverallComment: string;
}

type FormLike = { get(name: string): FormDataEntryValue | null };

function text(form: FormLike, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

/** Reads the fields of the given criteria (and only those) from a form. */
export function readScoresheetForm(form: FormLike, criteria: readonly ScaleCriterion[]): RawScoresheet {
  const raw: RawScoresheet = {
    values: {},
    comments: {},
    overallComment: text(form, OVERALL_COMMENT_FIELD),
    sharedComments: {},
    sharedOverallComment: text(form, SHARED_OVERALL_COMMENT_FIELD),
  };
  for (const c of criteria) {
    raw.values[c.id] = text(form, scoreField(c.id)).trim();
    raw.comments[c.id] = text(form, commentField(c.id));
    raw.sharedComments[c.id] = text(form, sharedCommentField(c.id));
  }
  return raw;
}

/** The same content as form fields, for the browser's saves and for a "keep my version" form. */
export function scoresheetFormFields(criteria: readonly ScaleCriterion[], content: ScoresheetContent): Record<string, string> {
  const fields: Record<string, string> = {
    [OVERALL_COMMENT_FIELD]: content.overallComment,
    [SHARED_OVERALL_COMMENT_FIELD]: content.sharedOverallComment ?? '',
  };
  for (const c of criteria) {
    const value = content.values[c.id];
    fields[scoreField(c.id)] = value === null || value === undefined ? '' : String(value);
    fields[commentField(c.id)] = content.comments[c.id] ?? '';
    fields[sharedCommentField(c.id)] = content.sharedComments?.[c.id] ?? '';
  }
  return fields;
}

// ─── Values ──────────────────────────────────────────────────────────────────

export type ValueCheck = { ok: true; value: number | null } | { ok: false; error: MessageKey };

/**
 * One value against its criterion: empty means "not chosen yet" (null); anything else must be a
 * whole number inside the scale. "7.5", "1e1", "seven" and 11 on a 1–10 scale are refused.
 */
export function checkValue(raw: string, criterion: ScaleCriterion): ValueCheck {
  const trimmed = raw.trim();
  if (trimmed === '') return { ok: true, value: null };
  if (!/^[+-]?\d{1,9}$/.test(trimmed)) return { ok: false, error: 'scoring.errors.notInteger' };
  const value = Number(trimmed);
  if (value < criterion.scaleMin || value > criterion.scaleMax) return { ok: false, error: 'scoring.errors.outOfScale' };
  return { ok: true, value };
}

/** The whole numbers a criterion's scale offers, lowest first. */
export function scaleSteps(criterion: Pick<ScaleCriterion, 'scaleMin' | 'scaleMax'>): number[] {
  const steps: number[] = [];
  for (let v = criterion.scaleMin; v <= criterion.scaleMax; v++) steps.push(v);
  return steps;
}

export function isComplete(criteria: readonly ScaleCriterion[], values: Record<number, number | null | undefined>): boolean {
  return criteria.every((c) => values[c.id] !== null && values[c.id] !== undefined);
}

export function countScored(criteria: readonly ScaleCriterion[], values: Record<number, number | null | undefined>): number {
  return criteria.filter((c) => values[c.id] !== null && values[c.id] !== undefined).length;
}

export type SheetCheck =
  | { ok: true; content: ScoresheetContent }
  | { ok: false; fieldErrors: FieldErrors };

/**
 * Validates a whole form. A draft may leave criteria unscored; a `complete` sheet (a submit, or any
 * change to an already submitted sheet) must score every criterion. Each refused field gets its own
 * message, keyed by its form field name.
 */
export function validateScoresheet(criteria: readonly ScaleCriterion[], raw: RawScoresheet, mode: 'draft' | 'complete'): SheetCheck {
  const fieldErrors: FieldErrors = {};
  const content: ScoresheetContent = {
    values: {},
    comments: {},
    overallComment: raw.overallComment.trim(),
    sharedComments: {},
    sharedOverallComment: raw.sharedOverallComment.trim(),
  };
  for (const c of criteria) {
    const check = checkValue(raw.values[c.id] ?? '', c);
    if (!check.ok) fieldErrors[scoreField(c.id)] = check.error;
    else if (check.value === null && mode === 'complete') fieldErrors[scoreField(c.id)] = 'scoring.errors.required';
    else content.values[c.id] = check.value;
    const comment = (raw.comments[c.id] ?? '').trim();
    if (comment.length > COMMENT_MAX_LENGTH) fieldErrors[commentField(c.id)] = 'scoring.errors.commentTooLong';
    content.comments[c.id] = comment;
    const shared = (raw.sharedComments[c.id] ?? '').trim();
    if (shared.length > COMMENT_MAX_LENGTH) fieldErrors[sharedCommentField(c.id)] = 'scoring.errors.commentTooLong';
    content.sharedComments[c.id] = shared;
  }
  if (content.overallComment.length > OVERALL_COMMENT_MAX_LENGTH) {
    fieldErrors[OVERALL_COMMENT_FIELD] = 'scoring.errors.overallCommentTooLong';
  }
  if (content.sharedOverallComment.length > OVERALL_COMMENT_MAX_LENGTH) {
    fieldErrors[SHARED_OVERALL_COMMENT_FIELD] = 'scoring.errors.overallCommentTooLong';
  }
  return Object.keys(fieldErrors).length > 0 ? { ok: false, fieldErrors } : { ok: true, content };
}

// ─── Changes ─────────────────────────────────────────────────────────────────

export type ScoresheetChange =
  | { field: 'status'; before: ScoresheetStatus | null; after: ScoresheetStatus }
  | { field: 'value'; criterionId: number; before: number | null; after: number | null }
  | { field: 'comment'; criterionId: number; before: string; after: string }
  | { field: 'overallComment'; before: string; after: string }
  | { field: 'sharedComment'; criterionId: number; before: string; after: string }
  | { field: 'sharedOverallComment'; before: string; after: string };

/** What differs between two versions of a sheet, criterion by criterion in display order. */
export function diffScoresheets(
  criteria: readonly ScaleCriterion[],
  before: (ScoresheetContent & { status: ScoresheetStatus | null }) | null,
  after: ScoresheetContent & { status: ScoresheetStatus },
): ScoresheetChange[] {
  const changes: ScoresheetChange[] = [];
  const beforeStatus = before?.status ?? null;
  if (beforeStatus !== after.status) changes.push({ field: 'status', before: beforeStatus, after: after.status });
  for (const c of criteria) {
    const b = before?.values[c.id] ?? null;
    const a = after.values[c.id] ?? null;
    if (b !== a) changes.push({ field: 'value', criterionId: c.id, before: b, after: a });
    const bc = before?.comments[c.id] ?? '';
    const ac = after.comments[c.id] ?? '';
    if (bc !== ac) changes.push({ field: 'comment', criterionId: c.id, before: bc, after: ac });
    const bs = before?.sharedComments?.[c.id] ?? '';
    const as = after.sharedComments?.[c.id] ?? '';
    if (bs !== as) changes.push({ field: 'sharedComment', criterionId: c.id, before: bs, after: as });
  }
  const bo = before?.overallComment ?? '';
  if (bo !== after.overallComment) changes.push({ field: 'overallComment', before: bo, after: after.overallComment });
  const bso = before?.sharedOverallComment ?? '';
  const aso = after.sharedOverallComment ?? '';
  if (bso !== aso) changes.push({ field: 'sharedOverallComment', before: bso, after: aso });
  return changes;
}

/** A version as it would be stored: comments trimmed. */
function normalised(content: ScoresheetContent): ScoresheetContent & { status: ScoresheetStatus } {
  return {
    status: 'draft',
    values: content.values,
    overallComment: content.overallComment.trim(),
    comments: Object.fromEntries(Object.entries(content.comments).map(([id, comment]) => [id, comment.trim()])),
    // A copy kept on this device before the second comment existed has none: read as empty.
    sharedOverallComment: (content.sharedOverallComment ?? '').trim(),
    sharedComments: Object.fromEntries(Object.entries(content.sharedComments ?? {}).map(([id, comment]) => [id, comment.trim()])),
  };
}

/** Whether two versions say the same thing (comments compared as they are stored: trimmed). */
export function sameContent(criteria: readonly ScaleCriterion[], a: ScoresheetContent, b: ScoresheetContent): boolean {
  return diffScoresheets(criteria, normalised(a), normalised(b)).length === 0;
}

/** How many fields (scores, comments) differ between two versions: the "N changes waiting" of the outbox. */
export function changedFieldCount(criteria: readonly ScaleCriterion[], a: ScoresheetContent, b: ScoresheetContent): number {
  return diffScoresheets(criteria, normalised(a), normalised(b)).length;
}

/** The criteria whose value or comment differ between two versions (for the revision-conflict table). */
export function differingCriteria(criteria: readonly ScaleCriterion[], a: ScoresheetContent, b: ScoresheetContent): Set<number> {
  const ids = new Set<number>();
  for (const change of diffScoresheets(criteria, normalised(a), normalised(b))) {
    if (change.field === 'value' || change.field === 'comment' || change.field === 'sharedComment') ids.add(change.criterionId);
  }
  return ids;
}

// ─── A save, decided ─────────────────────────────────────────────────────────

/**
 * The revision check of optimistic concurrency: a save must be based on the revision it is
 * about to replace. A sheet that does not exist yet has revision 0.
 */
export function isStale(storedRevision: number, baseRevision: number): boolean {
  return storedRevision !== baseRevision;
}

/** The audit action of a save: what the judge did, seen from the sheet's status before it. */
export function scoresheetActionOf(statusBefore: ScoresheetStatus | null, intent: SaveIntent): ScoresheetAction {
  if (statusBefore === 'submitted') return 'scoresheet.change';
  return intent === 'submit' ? 'scoresheet.submit' : 'scoresheet.save';
}

export type SavePlan =
  | { result: 'invalid'; fieldErrors: FieldErrors }
  | { result: 'stale'; stored: ScoresheetSnapshot }
  /** Valid, current, and identical to what is stored: nothing to write, nothing to audit. */
  | { result: 'unchanged'; stored: ScoresheetSnapshot }
  | {
      result: 'write';
      action: ScoresheetAction;
      before: ScoresheetSnapshot | null;
      after: ScoresheetSnapshot;
      changes: ScoresheetChange[];
    };

/**
 * Decides a save from the stored sheet (null before the first save), the revision the judge's copy
 * is based on, the intent and the raw form. Pure: the caller loads and writes.
 *
 * - A submitted sheet stays submitted; changing it (until the round is locked) must keep it complete.
 * - A submit requires every criterion; a draft save accepts blanks but never a value off the scale.
 * - A save based on an older revision is refused whatever it contains (the judge chooses, see
 *   docs/decisions on idempotency and revisions).
 */
export function planSave(
  criteria: readonly ScaleCriterion[],
  stored: ScoresheetSnapshot | null,
  baseRevision: number,
  intent: SaveIntent,
  raw: RawScoresheet,
): SavePlan {
  const statusBefore = stored?.status ?? null;
  const mode = intent === 'submit' || statusBefore === 'submitted' ? 'complete' : 'draft';
  const check = validateScoresheet(criteria, raw, mode);
  if (!check.ok) return { result: 'invalid', fieldErrors: check.fieldErrors };
  if (isStale(stored?.revision ?? 0, baseRevision)) {
    // Only a sheet that exists can be newer than the judge's copy; a base revision ahead of a
    // missing sheet is a forged or corrupted form, refused the same way.
    return { result: 'stale', stored: stored ?? emptySnapshot(criteria) };
  }
  const status: ScoresheetStatus = intent === 'submit' || statusBefore === 'submitted' ? 'submitted' : 'draft';
  const changes = diffScoresheets(criteria, stored, { ...check.content, status });
  if (stored && changes.length === 0) return { result: 'unchanged', stored };
  return {
    result: 'write',
    action: scoresheetActionOf(statusBefore, intent),
    before: stored,
    after: { ...check.content, status, revision: (stored?.revision ?? 0) + 1 },
    changes,
  };
}

/** A sheet nobody has saved yet: every criterion unscored, no comment. */
export function emptyContent(criteria: readonly { id: number }[]): ScoresheetContent {
  const content: ScoresheetContent = { values: {}, comments: {}, overallComment: '', sharedComments: {}, sharedOverallComment: '' };
  for (const c of criteria) {
    content.values[c.id] = null;
    content.comments[c.id] = '';
    content.sharedComments[c.id] = '';
  }
  return content;
}

export function emptySnapshot(criteria: readonly { id: number }[]): ScoresheetSnapshot {
  return { ...emptyContent(criteria), status: 'draft', revision: 0 };
}

/**
 * What the judge typed, shown back after a refused save: values that are not on the scale are
 * left unchosen (their message says why), comments as typed.
 */
export function typedContent(criteria: readonly ScaleCriterion[], raw: RawScoresheet): ScoresheetContent {
  const content = emptyContent(criteria);
  content.overallComment = raw.overallComment;
  content.sharedOverallComment = raw.sharedOverallComment;
  for (const c of criteria) {
    const check = checkValue(raw.values[c.id] ?? '', c);
    content.values[c.id] = check.ok ? check.value : null;
    content.comments[c.id] = raw.comments[c.id] ?? '';
    content.sharedComments[c.id] = raw.sharedComments[c.id] ?? '';
  }
  return content;
}

// ─── The wire ────────────────────────────────────────────────────────────────

/** What the scoresheet action answers (besides the redirect after a submit, and 403/404). */
export type SaveAnswer =
  | { result: 'saved'; key: string; intent: SaveIntent; revision: number; status: ScoresheetStatus; savedAt: string; replayed: boolean }
  | { result: 'invalid'; key: string; intent: SaveIntent; fieldErrors: Record<string, MessageKey>; formError: MessageKey | null; typed: ScoresheetContent }
  | { result: 'stale'; key: string; intent: SaveIntent; mine: ScoresheetContent; stored: ScoresheetSnapshot; storedAt: string | null }
  /** `onStage`: a final-round scoresheet while scoring is closed on stage for that startup. */
  | { result: 'locked'; key: string; onStage?: boolean }
  /** Said by the browser itself (clientAction) when the request did not get an answer. */
  | { result: 'unreachable'; key: string };
