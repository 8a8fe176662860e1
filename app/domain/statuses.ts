/** The closed lists of the domain (PRODUCT.md), shared by the schema's CHECK constraints and the UI. */
export const USER_ROLES = ['founder', 'judge', 'organiser'] as const;
export const EDITION_STATUSES = ['draft', 'open', 'judging', 'final', 'published'] as const;
export const APPLICATION_STATUSES = [
  'draft',
  'submitted',
  'shortlisted',
  'finalist',
  'winner',
  'not_selected',
  'withdrawn',
] as const;
export const ROUND_KINDS = ['screening', 'final'] as const;
export const ROUND_METHODS = ['mean', 'trimmed', 'zscore'] as const;
export const ROUND_STATES = ['open', 'locked'] as const;
export const SCORESHEET_STATUSES = ['draft', 'submitted'] as const;
export const FILE_KINDS = ['deck', 'logo'] as const;
export const AWARD_KINDS = ['overall', 'track', 'peoples_choice'] as const;

export type UserRole = (typeof USER_ROLES)[number];
export type EditionStatus = (typeof EDITION_STATUSES)[number];
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export type RoundMethod = (typeof ROUND_METHODS)[number];
export type RoundKind = (typeof ROUND_KINDS)[number];

/** Applications each kind of round ranks: never drafts, never withdrawn ones. */
export const RANKED_STATUSES = {
  screening: ['submitted', 'shortlisted', 'finalist', 'winner', 'not_selected'],
  final: ['finalist', 'winner'],
} as const satisfies Record<RoundKind, readonly ApplicationStatus[]>;

/** Application statuses that can be assigned in each kind of round (and that a judge sees on the conflicts page). */
export const ELIGIBLE_STATUSES = {
  screening: ['submitted', 'shortlisted'],
  final: ['finalist', 'winner'],
} as const satisfies Record<RoundKind, readonly ApplicationStatus[]>;
/** Applications a judge may declare a conflict with: every application that was submitted and not withdrawn. */
export const DECLARABLE_STATUSES = ['submitted', 'shortlisted', 'finalist', 'winner', 'not_selected'] as const satisfies readonly ApplicationStatus[];
