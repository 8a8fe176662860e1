CREATE TABLE `scoresheet_saves` (
	`idempotency_key` text PRIMARY KEY NOT NULL,
	`scoresheet_id` integer NOT NULL,
	`revision` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`scoresheet_id`) REFERENCES `scoresheets`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `scoresheet_saves_sheet_idx` ON `scoresheet_saves` (`scoresheet_id`);