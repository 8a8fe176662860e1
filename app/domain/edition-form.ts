/**
 * The forms of an edition's settings and status: one zod schema per form, used by the action for
 * the truth and by the page for its constraints. Messages are keys of the `editions` dictionary
 * (app/i18n/editions.ts). Times are typed as Paris wall-clock times (`datetime-local`) and checked
 * here, daylight saving included (./edition.ts).
 */
import { z } from 'zod';
import { EDITION_TIME_ZONE, localToInstant } from './edition-time';
import { EDITION_STATUSES } from './statuses';
import { plainText } from './text';

export const EDITION_LIMITS = {
  year: { min: 2000, max: 2100 },
  name: 120,
  city: 80,
  venue: 160,
  description: 2000,
  reason: 1000,
} as const;

function required(max: number, requiredKey: string, tooLong = 'editions.errors.text.tooLong') {
  return plainText(z.string({ error: requiredKey }).trim().min(1, requiredKey).max(max, tooLong));
}

function optional(max: number) {
  return z
    .string()
    .optional()
    .transform((v) => (v ?? '').trim())
    .pipe(plainText(z.string().max(max, 'editions.errors.text.tooLong')));
}

const isoDate = z
  .string({ error: 'editions.errors.date.required' })
  .trim()
  .min(1, 'editions.errors.date.required')
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'editions.errors.date.invalid')
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
  }, 'editions.errors.date.invalid');

/** A Paris wall-clock time; a time that does not exist (the spring change) is refused by name. */
const parisTime = z
  .string({ error: 'editions.errors.time.required' })
  .trim()
  .min(1, 'editions.errors.time.required')
  .superRefine((value, ctx) => {
    const result = localToInstant(value, EDITION_TIME_ZONE);
    if (!result.ok) ctx.addIssue({ code: 'custom', message: result.reason === 'nonexistent' ? 'editions.errors.time.nonexistent' : 'editions.errors.time.invalid' });
  });

const settingsFields = {
  nameEn: required(EDITION_LIMITS.name, 'editions.errors.nameEn.required'),
  nameFr: required(EDITION_LIMITS.name, 'editions.errors.nameFr.required'),
  city: required(EDITION_LIMITS.city, 'editions.errors.city.required'),
  venue: optional(EDITION_LIMITS.venue),
  startsOn: isoDate,
  endsOn: isoDate,
  opensAt: parisTime,
  closesAt: parisTime,
  descriptionFr: optional(EDITION_LIMITS.description),
  descriptionEn: optional(EDITION_LIMITS.description),
};

type SettingsShape = { startsOn: string; endsOn: string; opensAt: string; closesAt: string };

/** Order of dates and of the window, reported next to the later field. */
function checkOrder(value: SettingsShape, ctx: z.RefinementCtx) {
  if (value.startsOn && value.endsOn && value.endsOn < value.startsOn) {
    ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'editions.errors.dates.order' });
  }
  const opens = localToInstant(value.opensAt, EDITION_TIME_ZONE);
  const closes = localToInstant(value.closesAt, EDITION_TIME_ZONE);
  if (opens.ok && closes.ok && closes.instant.getTime() <= opens.instant.getTime()) {
    ctx.addIssue({ code: 'custom', path: ['closesAt'], message: 'editions.errors.window.order' });
  }
}

export const editionSettingsSchema = z
  .object({
    ...settingsFields,
    /** Ticked to move a deadline that has passed once applications exist. */
    confirmDeadline: z.literal('yes').optional(),
  })
  .superRefine(checkOrder);
export type EditionSettingsInput = z.output<typeof editionSettingsSchema>;

export const newEditionSchema = z
  .object({
    year: z
      .string({ error: 'editions.errors.year.required' })
      .trim()
      .min(1, 'editions.errors.year.required')
      .regex(/^\d{4}$/, 'editions.errors.year.invalid')
      .transform(Number)
      .pipe(z.number().int().min(EDITION_LIMITS.year.min, 'editions.errors.year.invalid').max(EDITION_LIMITS.year.max, 'editions.errors.year.invalid')),
    ...settingsFields,
  })
  .superRefine(checkOrder);
export type NewEditionInput = z.output<typeof newEditionSchema>;

export const editionStepSchema = z.object({
  /** The status the organiser saw: a step someone else took meanwhile is not taken twice. */
  from: z.enum(EDITION_STATUSES, { error: 'editions.step.refused.notAStep' }),
  to: z.enum(EDITION_STATUSES, { error: 'editions.step.refused.notAStep' }),
  /** Required by steps back (the service says so): kept optional here so the service answers with its own message. */
  reason: optional(EDITION_LIMITS.reason),
  confirm: z.literal('yes').optional(),
});

/**
 * Whether changing the window needs an explicit confirmation: once applications exist, moving an
 * opening or a deadline that has already passed changes what founders were told and did.
 */
export function windowChangeNeedsConfirmation(
  before: { applicationsOpenAt: Date; applicationsCloseAt: Date },
  after: { applicationsOpenAt: Date; applicationsCloseAt: Date },
  applications: number,
  now: Date,
): boolean {
  if (applications === 0) return false;
  const moved = (a: Date, b: Date) => a.getTime() !== b.getTime();
  const passed = (d: Date) => d.getTime() <= now.getTime();
  return (
    (moved(before.applicationsCloseAt, after.applicationsCloseAt) && (passed(before.applicationsCloseAt) || passed(after.applicationsCloseAt))) ||
    (moved(before.applicationsOpenAt, after.applicationsOpenAt) && passed(before.applicationsOpenAt))
  );
}

// ─── The organising team ────────────────────────────────────────────────────

/** A row id as a form sends it: digits only. */
const rowId = z.string({ error: 'judging.errors.unknownItem' }).regex(/^[1-9][0-9]{0,15}$/, 'judging.errors.unknownItem').transform(Number);

export const teamUserSchema = z.object({ userId: rowId });
export const teamInvitationSchema = z.object({ invitationId: rowId });
export const removeJudgeSchema = z.object({
  judgeId: rowId,
  reason: plainText(
    z
      .string({ error: 'judging.errors.reason.required' })
      .trim()
      .min(1, 'judging.errors.reason.required')
      .max(EDITION_LIMITS.reason, 'judging.errors.reason.tooLong'),
  ),
});
