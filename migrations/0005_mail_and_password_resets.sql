-- Mail (docs/decisions/028): the transactional outbox, written in the same transaction as the change
-- that sends the message, and emptied by the sender loop. A message's single-use link (invitation,
-- password reset) is kept sealed (AES-GCM, a key derived from SESSION_SECRET) in `secret` until sent.
CREATE TABLE `mail_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`to_address` text NOT NULL,
	`lang` text NOT NULL,
	`template` text NOT NULL,
	`params` text NOT NULL,
	`secret` text,
	`subject` text NOT NULL,
	`edition_id` integer,
	`status` text DEFAULT 'queued' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text,
	`created_at` integer NOT NULL,
	`sent_at` integer,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "mail_outbox_lang_check" CHECK(lang IN ('fr', 'en')),
	CONSTRAINT "mail_outbox_status_check" CHECK(status IN ('queued', 'sent', 'failed')),
	CONSTRAINT "mail_outbox_attempts_check" CHECK(attempts >= 0)
);
--> statement-breakpoint
CREATE INDEX `mail_outbox_due_idx` ON `mail_outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
-- Password reset (docs/decisions/029): a single-use token valid one hour, stored only as its SHA-256.
CREATE TABLE `password_resets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `password_resets_token_unique` ON `password_resets` (`token_hash`);--> statement-breakpoint
CREATE INDEX `password_resets_user_idx` ON `password_resets` (`user_id`);--> statement-breakpoint
-- Requests for a reset link are rate-limited from auth_attempts like sign-ups: a new kind, so the
-- table is rebuilt with the wider CHECK (nothing references it).
CREATE TABLE `__new_auth_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`email` text NOT NULL,
	`ip` text NOT NULL,
	`succeeded` integer NOT NULL,
	`at` integer NOT NULL,
	CONSTRAINT "auth_attempts_kind_check" CHECK(kind IN ('login', 'signup', 'reset'))
);
--> statement-breakpoint
INSERT INTO `__new_auth_attempts` (`id`, `kind`, `email`, `ip`, `succeeded`, `at`) SELECT `id`, `kind`, `email`, `ip`, `succeeded`, `at` FROM `auth_attempts`;--> statement-breakpoint
DROP TABLE `auth_attempts`;--> statement-breakpoint
ALTER TABLE `__new_auth_attempts` RENAME TO `auth_attempts`;--> statement-breakpoint
CREATE INDEX `auth_attempts_ip_idx` ON `auth_attempts` (`kind`,`ip`,`at`);--> statement-breakpoint
CREATE INDEX `auth_attempts_email_idx` ON `auth_attempts` (`kind`,`email`,`at`);
