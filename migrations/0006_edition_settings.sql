-- Editions run from the app (issue 10): a French name beside the English one (`name`), a venue and
-- a public description in both languages. Existing editions keep their English name as French
-- name until an organiser translates it. Invitations gain a role: an organiser invites a judge of
-- the edition (as before) or a fellow organiser (site-wide; the invitation is kept against the
-- edition it was sent from, whose audit log records it — docs/decisions/031).
ALTER TABLE `editions` ADD `name_fr` text DEFAULT '' NOT NULL;
--> statement-breakpoint
UPDATE `editions` SET `name_fr` = `name`;
--> statement-breakpoint
ALTER TABLE `editions` ADD `venue` text DEFAULT '' NOT NULL;
--> statement-breakpoint
ALTER TABLE `editions` ADD `description_fr` text DEFAULT '' NOT NULL;
--> statement-breakpoint
ALTER TABLE `editions` ADD `description_en` text DEFAULT '' NOT NULL;
--> statement-breakpoint
ALTER TABLE `invitations` ADD `role` text DEFAULT 'judge' NOT NULL CHECK (`role` IN ('judge', 'organiser'));
