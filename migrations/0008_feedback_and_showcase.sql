-- Feedback to founders (issue 15): a second comment per criterion and overall, shared with the
-- founder after publication; the existing comments stay for the jury only. An organiser may withhold
-- a shared comment before publication (the reason is the withholding; the audit log says who and when).
ALTER TABLE `scores` ADD `shared_comment` text DEFAULT '' NOT NULL;
--> statement-breakpoint
ALTER TABLE `scores` ADD `shared_comment_withheld` text;
--> statement-breakpoint
ALTER TABLE `scoresheets` ADD `shared_overall_comment` text DEFAULT '' NOT NULL;
--> statement-breakpoint
ALTER TABLE `scoresheets` ADD `shared_overall_comment_withheld` text;
--> statement-breakpoint
ALTER TABLE `editions` ADD `feedback_enabled` integer DEFAULT true NOT NULL;
--> statement-breakpoint
ALTER TABLE `editions` ADD `feedback_rank` text DEFAULT 'band' NOT NULL CHECK (`feedback_rank` IN ('rank', 'band'));
--> statement-breakpoint
-- The showcase (docs/decisions/042): one startup entry per row, applications point to it.
CREATE TABLE `startups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
ALTER TABLE `applications` ADD `startup_id` integer REFERENCES `startups`(`id`) ON DELETE set null;
--> statement-breakpoint
CREATE INDEX `applications_startup_idx` ON `applications` (`startup_id`);
--> statement-breakpoint
-- Existing applications: one entry per founder's account (the id of the founder is reused so the
-- link is made in two statements; later entries take the next free id).
INSERT INTO `startups` (`id`) SELECT DISTINCT `founder_id` FROM `applications`;
--> statement-breakpoint
UPDATE `applications` SET `startup_id` = `founder_id`;
