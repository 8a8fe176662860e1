CREATE TABLE `stage_states` (
	`edition_id` integer PRIMARY KEY NOT NULL,
	`running_order` text DEFAULT '[]' NOT NULL,
	`current_application_id` integer,
	`timer_kind` text,
	`timer_duration_ms` integer DEFAULT 0 NOT NULL,
	`timer_started_at` integer,
	`timer_elapsed_ms` integer DEFAULT 0 NOT NULL,
	`scoring_open` integer DEFAULT false NOT NULL,
	`vote_open` integer DEFAULT false NOT NULL,
	`reveal_step` integer DEFAULT 0 NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`current_application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "stage_states_timer_kind_check" CHECK(timer_kind IS NULL OR timer_kind IN ('pitch', 'qa')),
	CONSTRAINT "stage_states_duration_check" CHECK(timer_duration_ms >= 0 AND timer_elapsed_ms >= 0),
	CONSTRAINT "stage_states_reveal_check" CHECK(reveal_step >= 0)
);
