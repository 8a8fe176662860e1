/**
 * The forms of judging set-up (tracks, criteria, rounds, invitations, conflicts, assignments):
 * one zod schema per form, used by the action for the truth and by the form for its HTML
 * constraints (LIMITS). Messages are dictionary keys (app/i18n/judging.ts); the numbers a
 * message needs come from LIMITS, so they are stated once.
 *
 * `Refusal` (./refusal.ts) is how the server says no to a well-formed request (a locked round, frozen
 * criteria, a conflicted pair): thrown inside a transaction it also rolls the transaction back.
 */
import { z } from 'zod';
import type { MessageKey } from '~/i18n';
import { plainText } from './text';
import { EMAIL_MAX_LENGTH } from './account';
import { MAX_SEED } from './prng';
import { ROUND_KINDS, ROUND_METHODS } from './statuses';

export const LIMITS = {
  name: 80,
  help: 600,
  reason: 1000,
  position: { min: 0, max: 999 },
  scale: { min: 0, max: 100 },
  weight: { max: 100 },
  minSheets: { min: 1, max: 20 },
  judgesPerApplication: { min: 1, max: 20 },
  seed: { min: 0, max: MAX_SEED },
} as const;

/** How long an invitation link stays valid. */
export const INVITATION_TTL_MS = 14 * 24 * 60 * 60 * 1000;


export type { Params } from './refusal';
import type { Params } from './refusal';

/** Fields of audit before/after states that hold ids, and what they point to (for readable diffs). */
export const AUDIT_ID_FIELDS = {
  judgeId: 'users',
  declaredBy: 'users',
  acceptedBy: 'users',
  createdBy: 'users',
  invitedBy: 'users',
  applicationId: 'applications',
  roundId: 'rounds',
} as const;

/** Names of the ids an audit page mentions, by what they point to. */
export type AuditNames = Record<(typeof AUDIT_ID_FIELDS)[keyof typeof AUDIT_ID_FIELDS], Record<number, string>>;


// ─── Field builders ─────────────────────────────────────────────────────────

function text(required: string, max: number, tooLong: string) {
  return plainText(z.string({ error: required }).trim().min(1, required).max(max, tooLong));
}

function optionalText(max: number, tooLong: string) {
  return z
    .string()
    .optional()
    .transform((v) => (v ?? '').trim())
    .pipe(plainText(z.string().max(max, tooLong)));
}

/** A whole number typed in a form, within [min, max]. */
function integer(range: { min: number; max: number }, required: string, invalid: string) {
  return z
    .string({ error: required })
    .trim()
    .min(1, required)
    .regex(/^-?\d+$/, invalid)
    .transform(Number)
    .pipe(z.number().int().min(range.min, invalid).max(range.max, invalid));
}

/** An id in a hidden field or a select. */
/** A row id as a form sends it: digits only (" 1" or "1e0" is not an id). */
const id = z.string({ error: 'judging.errors.unknownItem' }).regex(/^[1-9][0-9]{0,15}$/, 'judging.errors.unknownItem').transform(Number);

const name = (lang: 'Fr' | 'En') => text(`setup.errors.name${lang}.required`, LIMITS.name, 'setup.errors.name.tooLong');
const position = integer(LIMITS.position, 'setup.errors.position.invalid', 'setup.errors.position.invalid');
const reason = text('judging.errors.reason.required', LIMITS.reason, 'judging.errors.reason.tooLong');

// ─── Set-up: tracks, criteria, rounds ───────────────────────────────────────

export const trackSchema = z.object({
  nameFr: name('Fr'),
  nameEn: name('En'),
  position,
});
export type TrackInput = z.output<typeof trackSchema>;

export const criterionSchema = z
  .object({
    nameFr: name('Fr'),
    nameEn: name('En'),
    helpFr: optionalText(LIMITS.help, 'setup.errors.help.tooLong'),
    helpEn: optionalText(LIMITS.help, 'setup.errors.help.tooLong'),
    // French decimals are typed with a comma: "1,5".
    weight: z
      .string({ error: 'setup.errors.weight.required' })
      .trim()
      .min(1, 'setup.errors.weight.required')
      .transform((v) => v.replace(',', '.'))
      .pipe(
        z
          .string()
          .regex(/^\d+(\.\d+)?$/, 'setup.errors.weight.invalid')
          .transform(Number)
          .pipe(z.number().positive('setup.errors.weight.invalid').max(LIMITS.weight.max, 'setup.errors.weight.invalid')),
      ),
    scaleMin: integer(LIMITS.scale, 'setup.errors.scale.required', 'setup.errors.scale.invalid'),
    scaleMax: integer(LIMITS.scale, 'setup.errors.scale.required', 'setup.errors.scale.invalid'),
    position,
  })
  .superRefine((c, ctx) => {
    if (c.scaleMin >= c.scaleMax) ctx.addIssue({ code: 'custom', path: ['scaleMax'], message: 'setup.errors.scale.order' });
  });
export type CriterionInput = z.output<typeof criterionSchema>;

const roundFields = {
  nameFr: name('Fr'),
  nameEn: name('En'),
  method: z.enum(ROUND_METHODS, { error: 'setup.errors.method.invalid' }),
  minSheets: integer(LIMITS.minSheets, 'setup.errors.minSheets.invalid', 'setup.errors.minSheets.invalid'),
  judgesPerApplication: integer(
    LIMITS.judgesPerApplication,
    'setup.errors.judgesPerApplication.invalid',
    'setup.errors.judgesPerApplication.invalid',
  ),
};
export const roundSchema = z.object(roundFields);
export const newRoundSchema = z.object({ ...roundFields, kind: z.enum(ROUND_KINDS, { error: 'setup.errors.kind.invalid' }) });
export type RoundInput = z.output<typeof roundSchema>;
export type NewRoundInput = z.output<typeof newRoundSchema>;

export const unlockRoundSchema = z.object({ roundId: id, reason });

/** The id of the item a form acts on (edit, remove, lock). */
export const itemSchema = z.object({ id });

// ─── Judges: invitations and conflicts ──────────────────────────────────────

export const invitationSchema = z.object({
  email: z
    .string({ error: 'errors.email.required' })
    .trim()
    .toLowerCase()
    .min(1, 'errors.email.required')
    .max(EMAIL_MAX_LENGTH, 'errors.email.tooLong')
    .pipe(z.email({ error: 'errors.email.invalid' })),
});

export const invitationItemSchema = z.object({ invitationId: id });

/** A judge's own declaration (the judge is the session's user). */
export const declareConflictSchema = z.object({ applicationId: id, reason });

/** An organiser's declaration on behalf of a judge. */
export const organiserConflictSchema = z.object({
  judgeId: z.coerce.number({ error: 'judging.errors.judge.required' }).int().positive('judging.errors.judge.required'),
  applicationId: z.coerce
    .number({ error: 'judging.errors.application.required' })
    .int()
    .positive('judging.errors.application.required'),
  reason,
});

export const removeConflictSchema = z.object({ conflictId: id, reason });

// ─── Assignments ────────────────────────────────────────────────────────────

export const autoAssignSchema = z.object({
  roundId: id,
  seed: integer(LIMITS.seed, 'assignments.errors.seed.invalid', 'assignments.errors.seed.invalid'),
  replace: z.literal('yes').optional(),
});

export const finalAssignSchema = z.object({ roundId: id, replace: z.literal('yes').optional() });

export const manualAssignmentSchema = z.object({
  roundId: id,
  judgeId: z.coerce.number({ error: 'judging.errors.judge.required' }).int().positive('judging.errors.judge.required'),
  applicationId: z.coerce
    .number({ error: 'judging.errors.application.required' })
    .int()
    .positive('judging.errors.application.required'),
});

export const removeAssignmentSchema = manualAssignmentSchema.extend({ confirm: z.literal('yes').optional() });
