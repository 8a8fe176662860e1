CREATE TABLE `applications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`edition_id` integer NOT NULL,
	`founder_id` integer NOT NULL,
	`track_id` integer,
	`status` text DEFAULT 'draft' NOT NULL,
	`startup_name` text DEFAULT '' NOT NULL,
	`country` text,
	`website` text,
	`one_liner` text DEFAULT '' NOT NULL,
	`problem` text DEFAULT '' NOT NULL,
	`solution` text DEFAULT '' NOT NULL,
	`impact` text DEFAULT '' NOT NULL,
	`business_model` text DEFAULT '' NOT NULL,
	`traction` text DEFAULT '' NOT NULL,
	`team` text DEFAULT '' NOT NULL,
	`video_url` text,
	`deck_file_id` integer,
	`logo_file_id` integer,
	`consent_to_publication` integer DEFAULT false NOT NULL,
	`revision` integer DEFAULT 0 NOT NULL,
	`submitted_at` integer,
	`withdrawn_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`founder_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`track_id`) REFERENCES `tracks`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`deck_file_id`) REFERENCES `files`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`logo_file_id`) REFERENCES `files`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "applications_status_check" CHECK(status IN ('draft', 'submitted', 'shortlisted', 'finalist', 'winner', 'not_selected', 'withdrawn'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `applications_edition_founder_unique` ON `applications` (`edition_id`,`founder_id`);--> statement-breakpoint
CREATE INDEX `applications_edition_status_idx` ON `applications` (`edition_id`,`status`);--> statement-breakpoint
CREATE INDEX `applications_edition_track_idx` ON `applications` (`edition_id`,`track_id`);--> statement-breakpoint
CREATE INDEX `applications_founder_idx` ON `applications` (`founder_id`);--> statement-breakpoint
CREATE TABLE `assignments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`round_id` integer NOT NULL,
	`judge_id` integer NOT NULL,
	`application_id` integer NOT NULL,
	`created_by` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`judge_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `assignments_round_judge_application_unique` ON `assignments` (`round_id`,`judge_id`,`application_id`);--> statement-breakpoint
CREATE INDEX `assignments_judge_idx` ON `assignments` (`judge_id`,`round_id`);--> statement-breakpoint
CREATE INDEX `assignments_application_idx` ON `assignments` (`application_id`,`round_id`);--> statement-breakpoint
CREATE TABLE `audit_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`edition_id` integer,
	`actor_id` integer,
	`at` integer NOT NULL,
	`action` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` text NOT NULL,
	`before` text,
	`after` text,
	`reason` text,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `audit_events_edition_at_idx` ON `audit_events` (`edition_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_events_entity_idx` ON `audit_events` (`entity_type`,`entity_id`);--> statement-breakpoint
CREATE TABLE `auth_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`email` text NOT NULL,
	`ip` text NOT NULL,
	`succeeded` integer NOT NULL,
	`at` integer NOT NULL,
	CONSTRAINT "auth_attempts_kind_check" CHECK(kind IN ('login', 'signup'))
);
--> statement-breakpoint
CREATE INDEX `auth_attempts_ip_idx` ON `auth_attempts` (`kind`,`ip`,`at`);--> statement-breakpoint
CREATE INDEX `auth_attempts_email_idx` ON `auth_attempts` (`kind`,`email`,`at`);--> statement-breakpoint
CREATE TABLE `awards` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`edition_id` integer NOT NULL,
	`application_id` integer NOT NULL,
	`kind` text NOT NULL,
	`track_id` integer,
	`place` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`track_id`) REFERENCES `tracks`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "awards_kind_check" CHECK(kind IN ('overall', 'track', 'peoples_choice')),
	CONSTRAINT "awards_place_check" CHECK(place >= 1),
	CONSTRAINT "awards_track_check" CHECK((kind = 'track') = (track_id IS NOT NULL))
);
--> statement-breakpoint
CREATE INDEX `awards_edition_idx` ON `awards` (`edition_id`);--> statement-breakpoint
CREATE TABLE `conflicts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`judge_id` integer NOT NULL,
	`application_id` integer NOT NULL,
	`reason` text NOT NULL,
	`declared_by` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`judge_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`declared_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "conflicts_reason_check" CHECK(length(trim(reason)) > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `conflicts_judge_application_unique` ON `conflicts` (`judge_id`,`application_id`);--> statement-breakpoint
CREATE INDEX `conflicts_application_idx` ON `conflicts` (`application_id`);--> statement-breakpoint
CREATE TABLE `criteria` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`edition_id` integer NOT NULL,
	`name_fr` text NOT NULL,
	`name_en` text NOT NULL,
	`help_fr` text DEFAULT '' NOT NULL,
	`help_en` text DEFAULT '' NOT NULL,
	`weight` real NOT NULL,
	`scale_min` integer NOT NULL,
	`scale_max` integer NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "criteria_weight_check" CHECK(weight > 0),
	CONSTRAINT "criteria_scale_check" CHECK(scale_min < scale_max)
);
--> statement-breakpoint
CREATE INDEX `criteria_edition_idx` ON `criteria` (`edition_id`,`position`);--> statement-breakpoint
CREATE TABLE `edition_judges` (
	`edition_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	PRIMARY KEY(`edition_id`, `user_id`),
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `edition_judges_user_idx` ON `edition_judges` (`user_id`);--> statement-breakpoint
CREATE TABLE `editions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`year` integer NOT NULL,
	`name` text NOT NULL,
	`city` text NOT NULL,
	`time_zone` text DEFAULT 'Europe/Paris' NOT NULL,
	`starts_on` text NOT NULL,
	`ends_on` text NOT NULL,
	`applications_open_at` integer NOT NULL,
	`applications_close_at` integer NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`published_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	CONSTRAINT "editions_status_check" CHECK(status IN ('draft', 'open', 'judging', 'final', 'published')),
	CONSTRAINT "editions_window_check" CHECK(applications_open_at < applications_close_at),
	CONSTRAINT "editions_dates_check" CHECK(starts_on <= ends_on)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `editions_year_unique` ON `editions` (`year`);--> statement-breakpoint
CREATE TABLE `files` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`sha256` text NOT NULL,
	`mime_type` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`original_name` text NOT NULL,
	`uploaded_by` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "files_kind_check" CHECK(kind IN ('deck', 'logo')),
	CONSTRAINT "files_size_check" CHECK(size_bytes >= 0)
);
--> statement-breakpoint
CREATE INDEX `files_sha_idx` ON `files` (`sha256`);--> statement-breakpoint
CREATE TABLE `invitations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`edition_id` integer NOT NULL,
	`email` text NOT NULL,
	`token_hash` text NOT NULL,
	`invited_by` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`expires_at` integer NOT NULL,
	`accepted_at` integer,
	`accepted_by` integer,
	`revoked_at` integer,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`invited_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`accepted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invitations_token_unique` ON `invitations` (`token_hash`);--> statement-breakpoint
CREATE INDEX `invitations_edition_idx` ON `invitations` (`edition_id`,`email`);--> statement-breakpoint
CREATE TABLE `rounds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`edition_id` integer NOT NULL,
	`kind` text NOT NULL,
	`name_fr` text NOT NULL,
	`name_en` text NOT NULL,
	`method` text DEFAULT 'mean' NOT NULL,
	`min_sheets` integer DEFAULT 2 NOT NULL,
	`judges_per_application` integer DEFAULT 3 NOT NULL,
	`state` text DEFAULT 'open' NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`locked_at` integer,
	`seal_hash` text,
	`sealed_at` integer,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "rounds_kind_check" CHECK(kind IN ('screening', 'final')),
	CONSTRAINT "rounds_method_check" CHECK(method IN ('mean', 'trimmed', 'zscore')),
	CONSTRAINT "rounds_state_check" CHECK(state IN ('open', 'locked')),
	CONSTRAINT "rounds_min_sheets_check" CHECK(min_sheets >= 1),
	CONSTRAINT "rounds_k_check" CHECK(judges_per_application >= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rounds_edition_kind_unique` ON `rounds` (`edition_id`,`kind`);--> statement-breakpoint
CREATE TABLE `scores` (
	`scoresheet_id` integer NOT NULL,
	`criterion_id` integer NOT NULL,
	`value` integer,
	`comment` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`scoresheet_id`, `criterion_id`),
	FOREIGN KEY (`scoresheet_id`) REFERENCES `scoresheets`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`criterion_id`) REFERENCES `criteria`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `scores_criterion_idx` ON `scores` (`criterion_id`);--> statement-breakpoint
CREATE TABLE `scoresheets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`round_id` integer NOT NULL,
	`judge_id` integer NOT NULL,
	`application_id` integer NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`overall_comment` text DEFAULT '' NOT NULL,
	`revision` integer DEFAULT 0 NOT NULL,
	`submitted_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`judge_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "scoresheets_status_check" CHECK(status IN ('draft', 'submitted')),
	CONSTRAINT "scoresheets_revision_check" CHECK(revision >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `scoresheets_round_judge_application_unique` ON `scoresheets` (`round_id`,`judge_id`,`application_id`);--> statement-breakpoint
CREATE INDEX `scoresheets_round_status_idx` ON `scoresheets` (`round_id`,`status`);--> statement-breakpoint
CREATE INDEX `scoresheets_application_idx` ON `scoresheets` (`application_id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id_hash` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`last_seen_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`user_agent` text,
	`ip` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `tracks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`edition_id` integer NOT NULL,
	`slug` text NOT NULL,
	`name_fr` text NOT NULL,
	`name_en` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tracks_edition_slug_unique` ON `tracks` (`edition_id`,`slug`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text DEFAULT 'founder' NOT NULL,
	`preferred_language` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	CONSTRAINT "users_role_check" CHECK(role IN ('founder', 'judge', 'organiser')),
	CONSTRAINT "users_email_lower_check" CHECK(email = lower(trim(email)))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE TABLE `votes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`edition_id` integer NOT NULL,
	`application_id` integer NOT NULL,
	`voter_id` text NOT NULL,
	`ip_hash` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `votes_edition_voter_unique` ON `votes` (`edition_id`,`voter_id`);--> statement-breakpoint
CREATE INDEX `votes_edition_application_idx` ON `votes` (`edition_id`,`application_id`);