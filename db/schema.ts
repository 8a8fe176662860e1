/**
 * Every table of Palmarès, its foreign keys and indexes. The words are PRODUCT.md's:
 * edition, track, application, criterion, round, assignment, conflict,
 * scoresheet, audit event, vote, invitation.
 *
 * Rules SQLite can hold are held here (foreign keys, UNIQUE, CHECK); the
 * append-only audit log is enforced by triggers written in a custom migration.
 * No drizzle `relations()`: every query joins explicitly (none uses `db.query` with `with:`),
 * and relations play no part in migrations; declare one when a relational query needs it.
 */
import { sql } from 'drizzle-orm';
import { type AnySQLiteColumn, check, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

import {
  APPLICATION_STATUSES,
  AWARD_KINDS,
  EDITION_STATUSES,
  FEEDBACK_RANK_MODES,
  FILE_KINDS,
  INVITATION_ROLES,
  MAIL_STATUSES,
  ROUND_KINDS,
  ROUND_METHODS,
  ROUND_STATES,
  SCORESHEET_STATUSES,
  USER_ROLES,
} from '../app/domain/statuses';

export * from '../app/domain/statuses';

/** `col IN ('a','b')` for a CHECK constraint, from one of the lists above. */
function oneOf(column: string, values: readonly string[]) {
  return sql.raw(`${column} IN (${values.map((v) => `'${v}'`).join(', ')})`);
}

/** A table's own id. */
const id = () => integer('id').primaryKey({ autoIncrement: true });

/** A moment, stored as milliseconds since the epoch. */
const timestamp = (name: string) => integer(name, { mode: 'timestamp_ms' });

const createdAt = () =>
  timestamp('created_at')
    .notNull()
    .default(sql`(cast(unixepoch('subsec') * 1000 as integer))`);

/** A required link to another table's row: `onDelete` says whether deleting that row deletes this one or is refused. */
const requiredRef = (name: string, target: () => AnySQLiteColumn, onDelete: 'cascade' | 'restrict') =>
  integer(name).notNull().references(target, { onDelete });

/** The French and English names of a track, criterion or round. */
const names = () => ({ nameFr: text('name_fr').notNull(), nameEn: text('name_en').notNull() });

// ─── People and sessions ────────────────────────────────────────────────────

export const users = sqliteTable(
  'users',
  {
    id: id(),
    /** Stored lower-cased and trimmed; compared as stored. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    /** `scrypt$N$r$p$salt$hash`, see app/utils/password.server.ts. */
    passwordHash: text('password_hash').notNull(),
    /** Site-wide kind of account. Judging is a membership, in `edition_judges`; `judge` here grants nothing (decision 020). */
    role: text('role', { enum: USER_ROLES }).notNull().default('founder'),
    preferredLanguage: text('preferred_language', { enum: ['fr', 'en'] }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('users_email_unique').on(t.email),
    check('users_role_check', oneOf('role', USER_ROLES)),
    check('users_email_lower_check', sql`email = lower(trim(email))`),
  ],
);

export const sessions = sqliteTable(
  'sessions',
  {
    /** SHA-256 of the random id held by the cookie: a stolen database does not yield live cookies. */
    idHash: text('id_hash').primaryKey(),
    userId: requiredRef('user_id', () => users.id, 'cascade'),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at').notNull(),
    /** Absolute expiry; the idle expiry is computed from `lastSeenAt`. */
    expiresAt: timestamp('expires_at').notNull(),
    userAgent: text('user_agent'),
    ip: text('ip'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Every login and sign-up attempt: the rate limiter counts from here; never a password. */
export const authAttempts = sqliteTable(
  'auth_attempts',
  {
    id: id(),
    kind: text('kind', { enum: ['login', 'signup', 'reset'] }).notNull(),
    email: text('email').notNull(),
    ip: text('ip').notNull(),
    succeeded: integer('succeeded', { mode: 'boolean' }).notNull(),
    at: timestamp('at').notNull(),
  },
  (t) => [
    index('auth_attempts_ip_idx').on(t.kind, t.ip, t.at),
    index('auth_attempts_email_idx').on(t.kind, t.email, t.at),
    check('auth_attempts_kind_check', oneOf('kind', ['login', 'signup', 'reset'])),
  ],
);

/** Password-reset links (docs/decisions/029): single use, one hour, only the token's SHA-256 kept. */
export const passwordResets = sqliteTable(
  'password_resets',
  {
    id: id(),
    userId: requiredRef('user_id', () => users.id, 'cascade'),
    tokenHash: text('token_hash').notNull(),
    createdAt: timestamp('created_at').notNull(),
    expiresAt: timestamp('expires_at').notNull(),
    usedAt: timestamp('used_at'),
  },
  (t) => [uniqueIndex('password_resets_token_unique').on(t.tokenHash), index('password_resets_user_idx').on(t.userId)],
);

/**
 * The transactional outbox (docs/decisions/028): a message is written in the same transaction as
 * the change that sends it, and the sender loop (app/utils/mail.server.ts) delivers it later.
 */
export const mailOutbox = sqliteTable(
  'mail_outbox',
  {
    id: id(),
    toAddress: text('to_address').notNull(),
    lang: text('lang', { enum: ['fr', 'en'] }).notNull(),
    /** A template of app/domain/mail-templates.ts. */
    template: text('template').notNull(),
    /** The template's parameters (JSON); never a secret. */
    params: text('params', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    /** The message's single-use link, sealed with a key derived from SESSION_SECRET; cleared once sent. */
    secret: text('secret'),
    subject: text('subject').notNull(),
    editionId: integer('edition_id').references(() => editions.id, { onDelete: 'set null' }),
    status: text('status', { enum: MAIL_STATUSES }).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    /** When the sender may next try (backoff after a failure). */
    nextAttemptAt: timestamp('next_attempt_at').notNull(),
    lastError: text('last_error'),
    createdAt: timestamp('created_at').notNull(),
    sentAt: timestamp('sent_at'),
  },
  (t) => [
    index('mail_outbox_due_idx').on(t.status, t.nextAttemptAt),
    check('mail_outbox_lang_check', sql`lang IN ('fr', 'en')`),
    check('mail_outbox_status_check', oneOf('status', MAIL_STATUSES)),
    check('mail_outbox_attempts_check', sql`attempts >= 0`),
  ],
);

// ─── Editions and their structure ───────────────────────────────────────────

export const editions = sqliteTable(
  'editions',
  {
    id: id(),
    year: integer('year').notNull(),
    /** The English name; `nameFr` is the French one. Shown through `editionName(edition, lang)` (app/domain/edition.ts). */
    name: text('name').notNull(),
    nameFr: text('name_fr').notNull().default(''),
    city: text('city').notNull(),
    venue: text('venue').notNull().default(''),
    descriptionFr: text('description_fr').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    /** IANA zone in which deadlines are stated and enforced. */
    timeZone: text('time_zone').notNull().default('Europe/Paris'),
    /** Calendar dates of the summit, `YYYY-MM-DD`. */
    startsOn: text('starts_on').notNull(),
    endsOn: text('ends_on').notNull(),
    applicationsOpenAt: timestamp('applications_open_at').notNull(),
    applicationsCloseAt: timestamp('applications_close_at').notNull(),
    status: text('status', { enum: EDITION_STATUSES }).notNull().default('draft'),
    publishedAt: timestamp('published_at'),
    /** Founders read their feedback after publication (issue 15); the organiser may turn it off. */
    feedbackEnabled: integer('feedback_enabled', { mode: 'boolean' }).notNull().default(true),
    /** What the feedback page says of the place: the exact rank, or a band ("top 25 %"). */
    feedbackRank: text('feedback_rank', { enum: FEEDBACK_RANK_MODES }).notNull().default('band'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('editions_year_unique').on(t.year),
    check('editions_status_check', oneOf('status', EDITION_STATUSES)),
    check('editions_window_check', sql`applications_open_at < applications_close_at`),
    check('editions_dates_check', sql`starts_on <= ends_on`),
    check('editions_feedback_rank_check', oneOf('feedback_rank', FEEDBACK_RANK_MODES)),
  ],
);

export const tracks = sqliteTable(
  'tracks',
  {
    id: id(),
    editionId: requiredRef('edition_id', () => editions.id, 'cascade'),
    slug: text('slug').notNull(),
    ...names(),
    position: integer('position').notNull().default(0),
  },
  (t) => [uniqueIndex('tracks_edition_slug_unique').on(t.editionId, t.slug)],
);

export const criteria = sqliteTable(
  'criteria',
  {
    id: id(),
    editionId: requiredRef('edition_id', () => editions.id, 'cascade'),
    ...names(),
    helpFr: text('help_fr').notNull().default(''),
    helpEn: text('help_en').notNull().default(''),
    weight: real('weight').notNull(),
    scaleMin: integer('scale_min').notNull(),
    scaleMax: integer('scale_max').notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    index('criteria_edition_idx').on(t.editionId, t.position),
    check('criteria_weight_check', sql`weight > 0`),
    check('criteria_scale_check', sql`scale_min < scale_max`),
  ],
);

export const rounds = sqliteTable(
  'rounds',
  {
    id: id(),
    editionId: requiredRef('edition_id', () => editions.id, 'cascade'),
    kind: text('kind', { enum: ROUND_KINDS }).notNull(),
    ...names(),
    method: text('method', { enum: ROUND_METHODS }).notNull().default('mean'),
    minSheets: integer('min_sheets').notNull().default(2),
    judgesPerApplication: integer('judges_per_application').notNull().default(3),
    state: text('state', { enum: ROUND_STATES }).notNull().default('open'),
    position: integer('position').notNull().default(0),
    lockedAt: timestamp('locked_at'),
    /** SHA-256 of the round's counted sheets in canonical JSON, set when sealed. */
    sealHash: text('seal_hash'),
    sealedAt: timestamp('sealed_at'),
  },
  (t) => [
    uniqueIndex('rounds_edition_kind_unique').on(t.editionId, t.kind),
    check('rounds_kind_check', oneOf('kind', ROUND_KINDS)),
    check('rounds_method_check', oneOf('method', ROUND_METHODS)),
    check('rounds_state_check', oneOf('state', ROUND_STATES)),
    check('rounds_min_sheets_check', sql`min_sheets >= 1`),
    check('rounds_k_check', sql`judges_per_application >= 1`),
  ],
);

/** A judge's membership of one edition. */
export const editionJudges = sqliteTable(
  'edition_judges',
  {
    editionId: requiredRef('edition_id', () => editions.id, 'cascade'),
    userId: requiredRef('user_id', () => users.id, 'cascade'),
    joinedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.editionId, t.userId] }), index('edition_judges_user_idx').on(t.userId)],
);

export const invitations = sqliteTable(
  'invitations',
  {
    id: id(),
    editionId: requiredRef('edition_id', () => editions.id, 'cascade'),
    email: text('email').notNull(),
    /** SHA-256 of the single-use token; the token itself is only ever in the link. */
    tokenHash: text('token_hash').notNull(),
    invitedBy: integer('invited_by').references(() => users.id, { onDelete: 'set null' }),
    /** `judge`: a membership of the edition; `organiser`: the site-wide kind of account (sent from this edition, decision 031). */
    role: text('role', { enum: INVITATION_ROLES }).notNull().default('judge'),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at').notNull(),
    acceptedAt: timestamp('accepted_at'),
    acceptedBy: integer('accepted_by').references(() => users.id, { onDelete: 'set null' }),
    revokedAt: timestamp('revoked_at'),
  },
  (t) => [
    uniqueIndex('invitations_token_unique').on(t.tokenHash),
    index('invitations_edition_idx').on(t.editionId, t.email),
    check('invitations_role_check', oneOf('role', INVITATION_ROLES)),
  ],
);

// ─── Applications and their files ───────────────────────────────────────────

/**
 * One entry of the public showcase: the applications of one startup across editions
 * (docs/decisions/042). A new application joins its founder's entry; organisers merge and split.
 */
export const startups = sqliteTable('startups', {
  id: id(),
  createdAt: createdAt(),
});

export const files = sqliteTable(
  'files',
  {
    id: id(),
    kind: text('kind', { enum: FILE_KINDS }).notNull(),
    /** Content hash; the file is stored under this name, never the uploader's. */
    sha256: text('sha256').notNull(),
    mimeType: text('mime_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    /** Shown to people only; never used as a path. */
    originalName: text('original_name').notNull(),
    uploadedBy: integer('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('files_sha_idx').on(t.sha256),
    check('files_kind_check', oneOf('kind', FILE_KINDS)),
    check('files_size_check', sql`size_bytes >= 0`),
  ],
);

export const applications = sqliteTable(
  'applications',
  {
    id: id(),
    editionId: requiredRef('edition_id', () => editions.id, 'cascade'),
    founderId: requiredRef('founder_id', () => users.id, 'restrict'),
    trackId: integer('track_id').references(() => tracks.id, { onDelete: 'set null' }),
    status: text('status', { enum: APPLICATION_STATUSES }).notNull().default('draft'),
    startupName: text('startup_name').notNull().default(''),
    /** ISO 3166-1 alpha-2. */
    country: text('country'),
    website: text('website'),
    oneLiner: text('one_liner').notNull().default(''),
    problem: text('problem').notNull().default(''),
    solution: text('solution').notNull().default(''),
    impact: text('impact').notNull().default(''),
    businessModel: text('business_model').notNull().default(''),
    traction: text('traction').notNull().default(''),
    team: text('team').notNull().default(''),
    videoUrl: text('video_url'),
    deckFileId: integer('deck_file_id').references(() => files.id, { onDelete: 'set null' }),
    logoFileId: integer('logo_file_id').references(() => files.id, { onDelete: 'set null' }),
    consentToPublication: integer('consent_to_publication', { mode: 'boolean' }).notNull().default(false),
    /** The showcase entry (docs/decisions/042); set when the application is created. */
    startupId: integer('startup_id').references(() => startups.id, { onDelete: 'set null' }),
    /** Incremented at every save, so a stale form cannot overwrite a newer one. */
    revision: integer('revision').notNull().default(0),
    submittedAt: timestamp('submitted_at'),
    withdrawnAt: timestamp('withdrawn_at'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('applications_edition_founder_unique').on(t.editionId, t.founderId),
    index('applications_edition_status_idx').on(t.editionId, t.status),
    index('applications_edition_track_idx').on(t.editionId, t.trackId),
    index('applications_founder_idx').on(t.founderId),
    index('applications_startup_idx').on(t.startupId),
    check('applications_status_check', oneOf('status', APPLICATION_STATUSES)),
  ],
);

/** Places given by the results: overall podium, per-track winner, people's choice. */
export const awards = sqliteTable(
  'awards',
  {
    id: id(),
    editionId: requiredRef('edition_id', () => editions.id, 'cascade'),
    applicationId: requiredRef('application_id', () => applications.id, 'cascade'),
    kind: text('kind', { enum: AWARD_KINDS }).notNull(),
    trackId: integer('track_id').references(() => tracks.id, { onDelete: 'cascade' }),
    /** 1 for the winner, 2 and 3 for the podium; ties share a place. */
    place: integer('place').notNull().default(1),
  },
  (t) => [
    index('awards_edition_idx').on(t.editionId),
    check('awards_kind_check', oneOf('kind', AWARD_KINDS)),
    check('awards_place_check', sql`place >= 1`),
    check('awards_track_check', sql`(kind = 'track') = (track_id IS NOT NULL)`),
  ],
);

// ─── Judging ────────────────────────────────────────────────────────────────

export const conflicts = sqliteTable(
  'conflicts',
  {
    id: id(),
    judgeId: requiredRef('judge_id', () => users.id, 'cascade'),
    applicationId: requiredRef('application_id', () => applications.id, 'cascade'),
    reason: text('reason').notNull(),
    declaredBy: integer('declared_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('conflicts_judge_application_unique').on(t.judgeId, t.applicationId),
    index('conflicts_application_idx').on(t.applicationId),
    check('conflicts_reason_check', sql`length(trim(reason)) > 0`),
  ],
);

export const assignments = sqliteTable(
  'assignments',
  {
    id: id(),
    roundId: requiredRef('round_id', () => rounds.id, 'cascade'),
    judgeId: requiredRef('judge_id', () => users.id, 'cascade'),
    applicationId: requiredRef('application_id', () => applications.id, 'cascade'),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('assignments_round_judge_application_unique').on(t.roundId, t.judgeId, t.applicationId),
    index('assignments_judge_idx').on(t.judgeId, t.roundId),
    index('assignments_application_idx').on(t.applicationId, t.roundId),
  ],
);

export const scoresheets = sqliteTable(
  'scoresheets',
  {
    id: id(),
    roundId: requiredRef('round_id', () => rounds.id, 'cascade'),
    judgeId: requiredRef('judge_id', () => users.id, 'restrict'),
    applicationId: requiredRef('application_id', () => applications.id, 'cascade'),
    status: text('status', { enum: SCORESHEET_STATUSES }).notNull().default('draft'),
    /** For the jury only: never shown to the founder. */
    overallComment: text('overall_comment').notNull().default(''),
    /** For the startup: shown to its founder once the results are published, unless withheld. */
    sharedOverallComment: text('shared_overall_comment').notNull().default(''),
    /** Set (the organiser's reason) when the shared overall comment is withheld from the founder. */
    sharedOverallCommentWithheld: text('shared_overall_comment_withheld'),
    /** Optimistic concurrency: a save based on an older revision is refused. */
    revision: integer('revision').notNull().default(0),
    submittedAt: timestamp('submitted_at'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('scoresheets_round_judge_application_unique').on(t.roundId, t.judgeId, t.applicationId),
    index('scoresheets_round_status_idx').on(t.roundId, t.status),
    index('scoresheets_application_idx').on(t.applicationId),
    check('scoresheets_status_check', oneOf('status', SCORESHEET_STATUSES)),
    check('scoresheets_revision_check', sql`revision >= 0`),
  ],
);

/**
 * Idempotency receipts of scoresheet saves: the same save (same client-generated key)
 * sent twice is applied once; the second answer repeats the first.
 */
export const scoresheetSaves = sqliteTable(
  'scoresheet_saves',
  {
    idempotencyKey: text('idempotency_key').primaryKey(),
    scoresheetId: requiredRef('scoresheet_id', () => scoresheets.id, 'cascade'),
    /** The sheet's revision after this save was applied. */
    revision: integer('revision').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('scoresheet_saves_sheet_idx').on(t.scoresheetId)],
);

/** One value per criterion of a scoresheet (null while the judge has not chosen). */
export const scores = sqliteTable(
  'scores',
  {
    scoresheetId: requiredRef('scoresheet_id', () => scoresheets.id, 'cascade'),
    criterionId: requiredRef('criterion_id', () => criteria.id, 'restrict'),
    value: integer('value'),
    /** For the jury only: never shown to the founder. */
    comment: text('comment').notNull().default(''),
    /** For the startup: shown to its founder once the results are published, unless withheld. */
    sharedComment: text('shared_comment').notNull().default(''),
    /** Set (the organiser's reason) when the shared comment is withheld from the founder. */
    sharedCommentWithheld: text('shared_comment_withheld'),
  },
  (t) => [primaryKey({ columns: [t.scoresheetId, t.criterionId] }), index('scores_criterion_idx').on(t.criterionId)],
);

// ─── The final and the public ───────────────────────────────────────────────

/** People's choice: one row per voter and edition; a new vote replaces the old one. */
export const votes = sqliteTable(
  'votes',
  {
    id: id(),
    editionId: requiredRef('edition_id', () => editions.id, 'cascade'),
    applicationId: requiredRef('application_id', () => applications.id, 'cascade'),
    /** Random id from the voter's httpOnly cookie. */
    voterId: text('voter_id').notNull(),
    /** SHA-256 of the IP address, for rate limiting without keeping addresses. */
    ipHash: text('ip_hash').notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('votes_edition_voter_unique').on(t.editionId, t.voterId),
    index('votes_edition_application_idx').on(t.editionId, t.applicationId),
    /** The per-address limit's count of recent ballots (decision 044). */
    index('votes_edition_ip_created_idx').on(t.editionId, t.ipHash, t.createdAt),
  ],
);

/**
 * The live final's stage, one row per edition, so that a reload, a second organiser laptop or a
 * server restart shows the same thing. Timers are stored as a start time plus a duration and
 * computed by every screen from the server's clock, never counted locally.
 */
export const stageStates = sqliteTable(
  'stage_states',
  {
    editionId: integer('edition_id')
      .primaryKey()
      .references(() => editions.id, { onDelete: 'cascade' }),
    /** Finalists' application ids in pitching order (JSON array). */
    runningOrder: text('running_order', { mode: 'json' })
      .$type<number[]>()
      .notNull()
      .default(sql`'[]'`),
    currentApplicationId: integer('current_application_id').references(() => applications.id, {
      onDelete: 'set null',
    }),
    timerKind: text('timer_kind', { enum: ['pitch', 'qa'] }),
    timerDurationMs: integer('timer_duration_ms').notNull().default(0),
    /** Set while the timer runs; null when paused or reset. */
    timerStartedAt: timestamp('timer_started_at'),
    /** Time already run before the last pause. */
    timerElapsedMs: integer('timer_elapsed_ms').notNull().default(0),
    scoringOpen: integer('scoring_open', { mode: 'boolean' }).notNull().default(false),
    voteOpen: integer('vote_open', { mode: 'boolean' }).notNull().default(false),
    /** New ballots one network address may add in 10 minutes (1–100000, a CHECK of migration 0007; decision 034). */
    voteMaxPerAddress: integer('vote_max_per_address').notNull().default(1000),
    /** A ballot needs the projector's presence code, at most 2 minutes old (decision 034). */
    votePresenceCheck: integer('vote_presence_check', { mode: 'boolean' }).notNull().default(true),
    /** 0 = not started; each step of the winners' reveal increments it. */
    revealStep: integer('reveal_step').notNull().default(0),
    /** Incremented at every change, so clients can tell a stale state from a new one. */
    version: integer('version').notNull().default(0),
    updatedAt: timestamp('updated_at').notNull(),
  },
  () => [
    check('stage_states_timer_kind_check', sql`timer_kind IS NULL OR timer_kind IN ('pitch', 'qa')`),
    check('stage_states_duration_check', sql`timer_duration_ms >= 0 AND timer_elapsed_ms >= 0`),
    check('stage_states_reveal_check', sql`reveal_step >= 0`),
  ],
);

/**
 * Append-only record of every change that matters. Triggers in the migrations
 * refuse UPDATE and DELETE on this table, whatever the code path.
 */
export const auditEvents = sqliteTable(
  'audit_events',
  {
    id: id(),
    editionId: integer('edition_id').references(() => editions.id, { onDelete: 'restrict' }),
    /** Null for the system (seed, migrations). */
    actorId: integer('actor_id').references(() => users.id, { onDelete: 'restrict' }),
    at: timestamp('at').notNull(),
    /** What happened, as `entity.verb`: `scoresheet.submit`, `round.lock`, … */
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    /** JSON of the entity before and after the change (null when created / deleted). */
    before: text('before', { mode: 'json' }),
    after: text('after', { mode: 'json' }),
    reason: text('reason'),
  },
  (t) => [index('audit_events_edition_at_idx').on(t.editionId, t.at), index('audit_events_entity_idx').on(t.entityType, t.entityId)],
);
