/**
 * The application form, section by section: one zod schema per section (the truth for the
 * actions, and the source of the HTML constraints the forms show as hints), the rule that a
 * draft may leave fields blank while a submitted application may not, the application window,
 * and the organisers' list query. Pure: no I/O, no React. Messages are dictionary keys.
 */
import { z } from 'zod';
import type { MessageKey } from '~/i18n';
import { plainText } from './text';
import { APPLICATION_STATUSES, type ApplicationStatus, type EditionStatus } from './statuses';

// ─── Sections and their fields ──────────────────────────────────────────────

export const SECTIONS = ['startup', 'pitch', 'impact', 'business', 'team', 'files', 'consent'] as const;
export type SectionId = (typeof SECTIONS)[number];

/** The sections filled through a text form (files have their own upload forms). */
export const FORM_SECTIONS = ['startup', 'pitch', 'impact', 'business', 'team', 'consent'] as const;
export type FormSectionId = (typeof FORM_SECTIONS)[number];

export const SECTION_FIELDS = {
  startup: ['startupName', 'country', 'website', 'trackId'],
  pitch: ['oneLiner', 'problem', 'solution', 'videoUrl'],
  impact: ['impact'],
  business: ['businessModel', 'traction'],
  team: ['team'],
  consent: ['consentToPublication'],
} as const satisfies Record<FormSectionId, readonly string[]>;

export type FormField = (typeof SECTION_FIELDS)[FormSectionId][number];

export function isSectionId(value: unknown): value is SectionId {
  return typeof value === 'string' && (SECTIONS as readonly string[]).includes(value);
}

export function isFormSectionId(value: unknown): value is FormSectionId {
  return typeof value === 'string' && (FORM_SECTIONS as readonly string[]).includes(value);
}

/** Maximum lengths, in characters (after line ends are normalised to LF). */
export const LIMITS = {
  startupName: 120,
  website: 300,
  oneLiner: 160,
  problem: 2000,
  solution: 2000,
  videoUrl: 300,
  impact: 2000,
  businessModel: 1500,
  traction: 1500,
  team: 1500,
} as const;

/** Fields a founder may leave empty even in a submitted application. */
export const OPTIONAL_FIELDS: readonly FormField[] = ['website', 'videoUrl'];

/** ISO 3166-1 alpha-2: every officially assigned code. */
export const COUNTRY_CODES = [
  'AD', 'AE', 'AF', 'AG', 'AI', 'AL', 'AM', 'AO', 'AQ', 'AR', 'AS', 'AT', 'AU', 'AW', 'AX', 'AZ',
  'BA', 'BB', 'BD', 'BE', 'BF', 'BG', 'BH', 'BI', 'BJ', 'BL', 'BM', 'BN', 'BO', 'BQ', 'BR', 'BS',
  'BT', 'BV', 'BW', 'BY', 'BZ', 'CA', 'CC', 'CD', 'CF', 'CG', 'CH', 'CI', 'CK', 'CL', 'CM', 'CN',
  'CO', 'CR', 'CU', 'CV', 'CW', 'CX', 'CY', 'CZ', 'DE', 'DJ', 'DK', 'DM', 'DO', 'DZ', 'EC', 'EE',
  'EG', 'EH', 'ER', 'ES', 'ET', 'FI', 'FJ', 'FK', 'FM', 'FO', 'FR', 'GA', 'GB', 'GD', 'GE', 'GF',
  'GG', 'GH', 'GI', 'GL', 'GM', 'GN', 'GP', 'GQ', 'GR', 'GS', 'GT', 'GU', 'GW', 'GY', 'HK', 'HM',
  'HN', 'HR', 'HT', 'HU', 'ID', 'IE', 'IL', 'IM', 'IN', 'IO', 'IQ', 'IR', 'IS', 'IT', 'JE', 'JM',
  'JO', 'JP', 'KE', 'KG', 'KH', 'KI', 'KM', 'KN', 'KP', 'KR', 'KW', 'KY', 'KZ', 'LA', 'LB', 'LC',
  'LI', 'LK', 'LR', 'LS', 'LT', 'LU', 'LV', 'LY', 'MA', 'MC', 'MD', 'ME', 'MF', 'MG', 'MH', 'MK',
  'ML', 'MM', 'MN', 'MO', 'MP', 'MQ', 'MR', 'MS', 'MT', 'MU', 'MV', 'MW', 'MX', 'MY', 'MZ', 'NA',
  'NC', 'NE', 'NF', 'NG', 'NI', 'NL', 'NO', 'NP', 'NR', 'NU', 'NZ', 'OM', 'PA', 'PE', 'PF', 'PG',
  'PH', 'PK', 'PL', 'PM', 'PN', 'PR', 'PS', 'PT', 'PW', 'PY', 'QA', 'RE', 'RO', 'RS', 'RU', 'RW',
  'SA', 'SB', 'SC', 'SD', 'SE', 'SG', 'SH', 'SI', 'SJ', 'SK', 'SL', 'SM', 'SN', 'SO', 'SR', 'SS',
  'ST', 'SV', 'SX', 'SY', 'SZ', 'TC', 'TD', 'TF', 'TG', 'TH', 'TJ', 'TK', 'TL', 'TM', 'TN', 'TO',
  'TR', 'TT', 'TV', 'TW', 'TZ', 'UA', 'UG', 'UM', 'US', 'UY', 'UZ', 'VA', 'VC', 'VE', 'VG', 'VI',
  'VN', 'VU', 'WF', 'WS', 'YE', 'YT', 'ZA', 'ZM', 'ZW',
] as const;
const COUNTRY_SET: ReadonlySet<string> = new Set(COUNTRY_CODES);

// ─── Field schemas ──────────────────────────────────────────────────────────

/** Browsers send textarea line ends as CRLF but count them as one character in `maxlength`. */
function normaliseText(value: string): string {
  return value.replace(/\r\n?/g, '\n').trim();
}

const requiredText = (field: FormField, max: number) =>
  z
    .string({ error: `apply.errors.${field}.required` })
    .transform(normaliseText)
    .pipe(plainText(z.string().min(1, `apply.errors.${field}.required`).max(max, 'apply.errors.tooLong')));

const webAddress = z.url({ protocol: /^https?$/, hostname: z.regexes.domain });

/** A web address; "civix.fr" is read as https://civix.fr. Blank gives null (the field is optional). */
const optionalUrl = (max: number) =>
  z
    .string()
    .optional()
    .transform((value) => {
      const trimmed = (value ?? '').trim();
      if (!trimmed) return '';
      return /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`;
    })
    .pipe(z.string().max(max, 'apply.errors.tooLong'))
    .refine((value) => value === '' || webAddress.safeParse(value).success, 'apply.errors.url')
    .transform((value) => (value === '' ? null : value));

const country = z
  .string({ error: 'apply.errors.country.required' })
  .trim()
  .toUpperCase()
  .min(1, 'apply.errors.country.required')
  .refine((code) => COUNTRY_SET.has(code), 'apply.errors.country.invalid');

/** The track must be one of the edition's; an edition without tracks asks for none. */
function trackField(trackIds: readonly number[]) {
  if (trackIds.length === 0) return z.string().optional().transform(() => null);
  return z
    .string({ error: 'apply.errors.trackId.required' })
    .trim()
    .min(1, 'apply.errors.trackId.required')
    .transform(Number)
    .refine((id) => Number.isInteger(id) && trackIds.includes(id), 'apply.errors.trackId.invalid');
}

/**
 * A one-line answer typed in a textarea (the one-liner wraps on a phone instead of scrolling
 * sideways): a line break, which Enter would add, becomes a space.
 */
const requiredLine = (field: FormField, max: number) =>
  z
    .string({ error: `apply.errors.${field}.required` })
    .transform((value) => normaliseText(value).replace(/\s*\n\s*/g, ' '))
    .pipe(plainText(z.string().min(1, `apply.errors.${field}.required`).max(max, 'apply.errors.tooLong')));

// ─── One schema per section ─────────────────────────────────────────────────

export function startupSchema(trackIds: readonly number[]) {
  return z.object({
    startupName: requiredText('startupName', LIMITS.startupName),
    country,
    website: optionalUrl(LIMITS.website),
    trackId: trackField(trackIds),
  });
}

export const pitchSchema = z.object({
  oneLiner: requiredLine('oneLiner', LIMITS.oneLiner),
  problem: requiredText('problem', LIMITS.problem),
  solution: requiredText('solution', LIMITS.solution),
  videoUrl: optionalUrl(LIMITS.videoUrl),
});

export const impactSchema = z.object({
  impact: requiredText('impact', LIMITS.impact),
});

export const businessSchema = z.object({
  businessModel: requiredText('businessModel', LIMITS.businessModel),
  traction: requiredText('traction', LIMITS.traction),
});

export const teamSchema = z.object({
  team: requiredText('team', LIMITS.team),
});

export const consentSchema = z.object({
  consentToPublication: z
    .enum(['yes', 'no'], { error: 'apply.errors.consentToPublication.required' })
    .transform((answer) => answer === 'yes'),
});

export function sectionSchema(section: FormSectionId, trackIds: readonly number[]) {
  switch (section) {
    case 'startup':
      return startupSchema(trackIds);
    case 'pitch':
      return pitchSchema;
    case 'impact':
      return impactSchema;
    case 'business':
      return businessSchema;
    case 'team':
      return teamSchema;
    case 'consent':
      return consentSchema;
  }
}

/** What a section's save writes into the `applications` row. */
export interface SectionValues {
  startupName?: string;
  country?: string | null;
  website?: string | null;
  trackId?: number | null;
  oneLiner?: string;
  problem?: string;
  solution?: string;
  videoUrl?: string | null;
  impact?: string;
  businessModel?: string;
  traction?: string;
  team?: string;
  consentToPublication?: boolean;
}

/** Field -> message key (the schema's zod messages, which tsc does not follow past zod). */
export type FieldErrors = Partial<Record<FormField, MessageKey>>;

export type SectionResult =
  | { ok: true; values: SectionValues }
  | { ok: false; fieldErrors: FieldErrors };

/** What a blank field of a draft is stored as. */
const BLANK: Record<FormField, string | null | boolean> = {
  startupName: '',
  country: null,
  website: null,
  trackId: null,
  oneLiner: '',
  problem: '',
  solution: '',
  videoUrl: null,
  impact: '',
  businessModel: '',
  traction: '',
  team: '',
  consentToPublication: false,
};

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function firstErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '') as FormField;
    if (field && !out[field]) out[field] = issue.message as MessageKey;
  }
  return out;
}

/**
 * Validates one section's form. A draft (`complete: false`) may leave any field blank — the
 * founder fills the form in several sittings — but what is typed must be valid. A submitted
 * application (`complete: true`) must keep every required field filled.
 */
export function validateSection(
  section: FormSectionId,
  raw: Record<string, unknown>,
  { complete, trackIds }: { complete: boolean; trackIds: readonly number[] },
): SectionResult {
  const schema = sectionSchema(section, trackIds);
  if (complete) {
    const parsed = schema.safeParse(raw);
    return parsed.success ? { ok: true, values: parsed.data as SectionValues } : { ok: false, fieldErrors: firstErrors(parsed.error) };
  }
  const values: Record<string, unknown> = {};
  const fieldErrors: FieldErrors = {};
  const shape = schema.shape as Record<string, z.ZodType>;
  for (const field of SECTION_FIELDS[section] as readonly FormField[]) {
    if (isBlank(raw[field])) {
      values[field] = BLANK[field];
      continue;
    }
    const parsed = shape[field].safeParse(raw[field]);
    if (parsed.success) values[field] = parsed.data;
    else fieldErrors[field] = (parsed.error.issues[0]?.message as MessageKey | undefined) ?? 'apply.errors.invalid';
  }
  return Object.keys(fieldErrors).length > 0 ? { ok: false, fieldErrors } : { ok: true, values: values as SectionValues };
}

// ─── Reading an application back ────────────────────────────────────────────

/** What the founders wrote (pitch, impact, business and team sections): the text every reader of an application reads. */
export interface WrittenAnswers {
  oneLiner: string;
  problem: string;
  solution: string;
  videoUrl: string | null;
  impact: string;
  businessModel: string;
  traction: string;
  team: string;
}

export interface ApplicationFields extends WrittenAnswers {
  startupName: string;
  country: string | null;
  website: string | null;
  trackId: number | null;
  consentToPublication: boolean;
  deckFileId: number | null;
  logoFileId: number | null;
}

/** The saved application as the forms post it (strings), to prefill them and to re-validate it. */
export function formValuesOf(application: ApplicationFields | null): Record<FormField, string> {
  return {
    startupName: application?.startupName ?? '',
    country: application?.country ?? '',
    website: application?.website ?? '',
    trackId: application?.trackId ? String(application.trackId) : '',
    oneLiner: application?.oneLiner ?? '',
    problem: application?.problem ?? '',
    solution: application?.solution ?? '',
    videoUrl: application?.videoUrl ?? '',
    impact: application?.impact ?? '',
    businessModel: application?.businessModel ?? '',
    traction: application?.traction ?? '',
    team: application?.team ?? '',
    consentToPublication: application?.consentToPublication ? 'yes' : 'no',
  };
}

export type SectionState = 'complete' | 'inProgress' | 'notStarted';

/** How far a section is. The files section needs the deck; the logo is optional. */
export function sectionState(section: SectionId, application: ApplicationFields | null, trackIds: readonly number[]): SectionState {
  if (section === 'files') {
    if (application?.deckFileId) return 'complete';
    return application?.logoFileId ? 'inProgress' : 'notStarted';
  }
  // Consent always has an answer (no, until the founder says yes) once the application exists.
  if (section === 'consent') return application ? 'complete' : 'notStarted';
  const raw = formValuesOf(application);
  if (validateSection(section, raw, { complete: true, trackIds }).ok) return 'complete';
  const started = SECTION_FIELDS[section].some((field) => !isBlank(raw[field]));
  return started ? 'inProgress' : 'notStarted';
}

export function sectionStates(application: ApplicationFields | null, trackIds: readonly number[]): Record<SectionId, SectionState> {
  return Object.fromEntries(SECTIONS.map((s) => [s, sectionState(s, application, trackIds)])) as Record<SectionId, SectionState>;
}

/** Every section's problems, for the submit check: empty when the application can be submitted. */
export function submissionProblems(
  application: ApplicationFields,
  trackIds: readonly number[],
): { section: SectionId; fieldErrors: Record<string, MessageKey> }[] {
  const problems: { section: SectionId; fieldErrors: Record<string, MessageKey> }[] = [];
  const raw = formValuesOf(application);
  for (const section of FORM_SECTIONS) {
    const result = validateSection(section, raw, { complete: true, trackIds });
    if (!result.ok) problems.push({ section, fieldErrors: result.fieldErrors as Record<string, MessageKey> });
  }
  if (!application.deckFileId) problems.push({ section: 'files', fieldErrors: { deck: 'apply.errors.deck.required' } });
  return problems;
}

/** The fields whose value differs, as `{ before, after }` objects holding only those fields. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>) {
  const changed = { before: {} as Partial<T>, after: {} as Partial<T> };
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (after[key] === undefined) continue;
    if (before[key] !== after[key]) {
      changed.before[key] = before[key];
      changed.after[key] = after[key];
    }
  }
  return changed;
}

// ─── Window, statuses and deadline ──────────────────────────────────────────

export type ApplicationWindow = 'notYetOpen' | 'open' | 'closed';

export interface EditionWindow {
  status: EditionStatus;
  applicationsOpenAt: Date;
  applicationsCloseAt: Date;
}

/**
 * Whether founders may write now. The close time is the last moment accepted (to the
 * millisecond): one second after it, every save is refused.
 */
export function applicationWindow(edition: EditionWindow, now: Date): ApplicationWindow {
  if (edition.status === 'draft') return 'notYetOpen';
  if (edition.status !== 'open') return 'closed';
  const t = now.getTime();
  if (t < edition.applicationsOpenAt.getTime()) return 'notYetOpen';
  if (t > edition.applicationsCloseAt.getTime()) return 'closed';
  return 'open';
}

/** Statuses in which a founder may still change the application (while the window is open). */
export function isEditableStatus(status: ApplicationStatus): boolean {
  return status === 'draft' || status === 'submitted';
}

/** A withdrawal ends an application's part in the competition, until the results are published. */
export function canWithdraw(status: ApplicationStatus, editionStatus: EditionStatus): boolean {
  return editionStatus !== 'published' && !['withdrawn', 'winner', 'not_selected'].includes(status);
}

export interface TimeLeft {
  totalMs: number;
  days: number;
  hours: number;
  minutes: number;
}

/** Time left before the close time, in whole days, hours and minutes (all zero once passed). */
export function timeLeft(closeAt: Date | number, now: Date | number): TimeLeft {
  const totalMs = Math.max(0, new Date(closeAt).getTime() - new Date(now).getTime());
  const totalMinutes = Math.floor(totalMs / 60_000);
  return {
    totalMs,
    days: Math.floor(totalMinutes / (24 * 60)),
    hours: Math.floor(totalMinutes / 60) % 24,
    minutes: totalMinutes % 60,
  };
}

// ─── The organisers' list ───────────────────────────────────────────────────

export const LIST_SORTS = ['name', 'status', 'track', 'country', 'submitted', 'updated'] as const;
export type ListSort = (typeof LIST_SORTS)[number];
export const LIST_PAGE_SIZE = 25;
export const SEARCH_MAX_LENGTH = 100;

/** Newest first for dates, A→Z for the rest. */
export const DEFAULT_DIRECTION: Record<ListSort, 'asc' | 'desc'> = {
  name: 'asc',
  status: 'asc',
  track: 'asc',
  country: 'asc',
  submitted: 'desc',
  updated: 'desc',
};

/** Anything unexpected in the address falls back to the default rather than failing the page. */
const listQuerySchema = z.object({
  q: z.string().trim().max(SEARCH_MAX_LENGTH).catch(''),
  status: z.enum(APPLICATION_STATUSES).optional().catch(undefined),
  track: z
    .union([z.literal('none'), z.string().regex(/^\d{1,9}$/).transform(Number)])
    .optional()
    .catch(undefined),
  sort: z.enum(LIST_SORTS).catch('name'),
  dir: z.enum(['asc', 'desc']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export interface ListQuery {
  q: string;
  status: ApplicationStatus | undefined;
  track: number | 'none' | undefined;
  sort: ListSort;
  dir: 'asc' | 'desc';
  page: number;
}

export function parseListQuery(params: URLSearchParams): ListQuery {
  const raw: Record<string, string | undefined> = {};
  for (const key of ['q', 'status', 'track', 'sort', 'dir', 'page']) raw[key] = params.get(key) || undefined;
  const parsed = listQuerySchema.parse({ ...raw, q: raw.q ?? '', sort: raw.sort ?? 'name', page: raw.page ?? '1' });
  return {
    q: parsed.q,
    status: parsed.status,
    track: parsed.track,
    sort: parsed.sort,
    dir: parsed.dir ?? DEFAULT_DIRECTION[parsed.sort],
    page: parsed.page,
  };
}

/** The query as URL parameters, leaving out defaults; `overrides` replace or remove (undefined) keys. */
export function listQueryParams(query: ListQuery, overrides: Partial<Record<keyof ListQuery, string | number | undefined>> = {}) {
  const values: Record<string, string | number | undefined> = {
    q: query.q || undefined,
    status: query.status,
    track: query.track,
    sort: query.sort === 'name' ? undefined : query.sort,
    dir: query.dir === DEFAULT_DIRECTION[query.sort] ? undefined : query.dir,
    page: query.page === 1 ? undefined : query.page,
    ...overrides,
  };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  return params;
}

/** Folds case and accents, so "democratie" finds « Ça Démocratie ». */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

// ─── Names people read ──────────────────────────────────────────────────────

/**
 * Country names in the page's language, sorted as that language sorts them. Computed on the
 * server only (loaders), so that the browser's own ICU data cannot make the page differ at hydration.
 */
export function countryOptions(lang: 'fr' | 'en'): { value: string; label: string }[] {
  const names = new Intl.DisplayNames([lang], { type: 'region' });
  const collator = new Intl.Collator(lang, { sensitivity: 'base' });
  return COUNTRY_CODES.map((code) => ({ value: code, label: names.of(code) ?? code })).sort((x, y) => collator.compare(x.label, y.label));
}

export function countryName(code: string | null | undefined, lang: 'fr' | 'en'): string | null {
  if (!code) return null;
  return new Intl.DisplayNames([lang], { type: 'region' }).of(code) ?? code;
}
