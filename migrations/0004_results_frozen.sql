-- Published results are frozen (docs/decisions: freezing published results by triggers).
-- Once an edition's status is 'published', nothing its rankings, awards or statuses depend on may
-- change, whatever the code path: scoresheets, scores, criteria, rounds, assignments, conflicts,
-- votes, awards, tracks, the applications' status and track, and the edition's own publication.
-- The application checks first (app/utils/results.server.ts assertNotFrozen) and says why in the
-- page's language; these triggers hold the rule for every other way in (a script, a console).
-- Publishing writes awards and statuses before it sets the edition to 'published', in one transaction.

CREATE TRIGGER `editions_frozen_update` BEFORE UPDATE OF `status`, `published_at`, `year` ON `editions`
WHEN OLD.`status` = 'published'
  AND (NEW.`status` IS NOT OLD.`status` OR NEW.`published_at` IS NOT OLD.`published_at` OR NEW.`year` IS NOT OLD.`year`)
BEGIN
	SELECT RAISE(ABORT, 'edition published: results are frozen');
END;
--> statement-breakpoint
CREATE TRIGGER `editions_frozen_delete` BEFORE DELETE ON `editions`
WHEN OLD.`status` = 'published'
BEGIN
	SELECT RAISE(ABORT, 'edition published: results are frozen');
END;
--> statement-breakpoint
CREATE TRIGGER `criteria_frozen_insert` BEFORE INSERT ON `criteria`
WHEN EXISTS (SELECT 1 FROM `editions` e WHERE e.`id` = NEW.`edition_id` AND e.`status` = 'published')
BEGIN
	SELECT RAISE(ABORT, 'edition published: results are frozen');
END;
--> statement-breakpoint
CREATE TRIGGER `criteria_frozen_update` BEFORE UPDATE ON `criteria`
WHEN EXISTS (SELECT 1 FROM `editions` e WHERE e.`id` IN (OLD.`edition_id`, NEW.`edition_id`) AND e.`status` = 'published')
BEGIN
	SELECT RAISE(ABORT, 'edition published: results are frozen');
END;
--> statement-breakpoint
CREATE TRIGGER `criteria_frozen_delete` BEFORE DELETE ON `criteria`
WHEN EXISTS (SELECT 1 FROM `editions` e WHERE e.`id` = OLD.`edition_id` AND e.`status` = 'published')
BEGIN
	SELECT RAISE(ABORT, 'edition published: results are frozen');
END;
--> statement-breakpoint
CREATE TRIGGER `rounds_frozen_insert` BEFORE INSERT ON `rounds`
WHEN EXISTS (SELECT 1 FROM `editions` e WHERE e.`id` = NEW.`edition_id` AND e.`status` = 'published')
BEGIN
	SELECT RAISE(ABORT, 'edition published: results are frozen');
END;
--> statement-breakpoint
CREATE TRIGGER `rounds_frozen_update` BEFORE UPDATE ON `rounds`
WHEN EXISTS (SELECT 1 FROM `editions` e WHERE e.`id` IN (OLD.`edition_id`, NEW.`edition_id`) AND e.`status` = 'published')
BEGIN
	SELECT RAISE(ABORT, 'edition published: results are frozen');
END;
--> statement-breakpoint
CREATE TRIGGER `rounds_frozen_delete` BEFORE DELETE ON `rounds`
WHEN EXISTS (SELECT 1 FROM `editions` e WHERE e.`id` = OLD.`edition_id` AND e.`status` = 'published')
BEGIN
	SELECT RAISE(ABORT, 'edition published: results are frozen');
END;
--> statement-breakpoint
CREATE TRIGGER `tracks_frozen_update` BEFORE UPDATE OF `edition_id` ON `tracks`
WHEN EXISTS (SELECT 1 FROM `editions` e WHERE e.`id` IN (OLD.`edition_id`, NEW.`edition_id`) AND e.`status` = 'published')
BEGIN
	SELECT RAISE(ABORT, 'edition published: results are frozen');
END;
--> statement-breakpoint
CREATE TRIGGER `tracks_frozen_delete` BEFORE DELETE ON `tracks`
WHEN EXISTS (SELECT 1 FROM `editions` e WHERE e.`id` = OLD.`edition_id` AND e.`status` = 'published')
BEGIN
	SELECT RAISE(ABORT, 'edition published: results are frozen');
END;
--> statement-breakpoint
CREATE TRIGGER `applications_frozen_insert` BEFORE INSERT ON `applications`
WHEN EXISTS (SELECT 1 FROM `editions` e WHERE e.`id` = NEW.`edition_id` AND e.`status` = 'published')
BEGIN
	SELECT RAISE(ABORT, 'edition published: results are frozen');
END;
--> statement-breakpoint
CREATE TRIGGER `applications_frozen_update` BEFORE UPDATE OF `status`, `track_id`, `edition_id` ON `applications`
WHEN (NEW.`status` IS NOT OLD.`status` OR NEW.`track_id` IS NOT OLD.`track_id` OR NEW.`edition_id` IS NOT OLD.`edition_id`)
  AND EXISTS (SELECT 1 FROM `editions` e WHERE e.`id` IN (OLD.`edition_id`, NEW.`edition_id`) AND e.`status` = 'published')
BEGIN
	SELECT RAISE(ABORT, 'edition published: results are frozen');
END;
--> statement-breakpoint
CREATE TRIGGER `applications_frozen_delete` BEFORE DELETE ON `applications`
WHEN EXISTS (SELECT 1 FROM `editions` e WHERE e.`id` = OLD.`edition_id` AND e.`status` = 'published')
BEGIN
	SELECT RAISE(ABORT, 'edition published: results are frozen');
END;
--> statement-breakpoint
CREATE TRIGGER `awards_frozen_insert` BEFORE INSERT ON `awards`
WHEN EXISTS (SELECT 1 FROM `editions` e WHERE e.`id` = NEW.`edition_id` AND e.`status` = 'published')
BEGIN
	SELECT RAISE(ABORT, 'edition published: results are frozen');
END;
--> statement-breakpoint
CREATE TRIGGER `awards_frozen_update` BEFORE UPDATE ON `awards`
WHEN EXISTS (SELECT 1 FROM `editions` e WHERE e.`id` IN (OLD.`edition_id`, NEW.`edition_id`) AND e.`status` = 'published')
BEGIN
	SELECT RAISE(ABORT, 'edition published: results are frozen');
END;
--> statement-breakpoint
CREATE TRIGGER `awards_frozen_delete` BEFORE DELETE ON `awards`
WHEN EXISTS (SELECT 1 FROM `editions` e WHERE e.`id` = OLD.`edition_id` AND e.`status` = 'published')
BEGIN
	SELECT RAISE(ABORT, 'edition published: results are frozen');
END;
--> statement-breakpoint
CREATE TRIGGER `votes_frozen_insert` BEFORE INSERT ON `votes`
WHEN EXISTS (SELECT 1 FROM `editions` e WHERE e.`id` = NEW.`edition_id` AND e.`status` = 'published')
BEGIN
	SELECT RAISE(ABORT, 'edition published: results are frozen');
END;
--> statement-breakpoint
CREATE TRIGGER `votes_frozen_update` BEFORE UPDATE ON `votes`
WHEN EXISTS (SELECT 1 FROM `editions` e WHERE e.`id` IN (OLD.`edition_id`, NEW.`edition_id`) AND e.`status` = 'published')
BEGIN
	SELECT RAISE(ABORT, 'edition published: results are frozen');
END;
--> statement-breakpoint
CREATE TRIGGER `votes_frozen_delete` BEFORE DELETE ON `votes`
WHEN EXISTS (SELECT 1 FROM `editions` e WHERE e.`id` = OLD.`edition_id` AND e.`status` = 'published')
BEGIN
	SELECT RAISE(ABORT, 'edition published: results are frozen');
END;
--> statement-breakpoint
CREATE TRIGGER `conflicts_frozen_insert` BEFORE INSERT ON `conflicts`
WHEN EXISTS (SELECT 1 FROM `applications` a JOIN `editions` e ON e.`id` = a.`edition_id`
             WHERE a.`id` = NEW.`application_id` AND e.`status` = 'published')
BEGIN
	SELECT RAISE(ABORT, 'edition published: results are frozen');
END;
--> statement-breakpoint
CREATE TRIGGER `conflicts_frozen_update` BEFORE UPDATE ON `conflicts`
WHEN EXISTS (SELECT 1 FROM `applications` a JOIN `editions` e ON e.`id` = a.`edition_id`
             WHERE a.`id` IN (OLD.`application_id`, NEW.`application_id`) AND e.`status` = 'published')
BEGIN
	SELECT RAISE(ABORT, 'edition published: results are frozen');
END;
--> statement-breakpoint
CREATE TRIGGER `conflicts_frozen_delete` BEFORE DELETE ON `conflicts`
WHEN EXISTS (SELECT 1 FROM `applications` a JOIN `editions` e ON e.`id` = a.`edition_id`
             WHERE a.`id` = OLD.`application_id` AND e.`status` = 'published')
BEGIN
	SELECT RAISE(ABORT, 'edition published: results are frozen');
END;
--> statement-breakpoint
CREATE TRIGGER `assignments_frozen_insert` BEFORE INSERT ON `assignments`
WHEN EXISTS (SELECT 1 FROM `rounds` r JOIN `editions` e ON e.`id` = r.`edition_id`
             WHERE r.`id` = NEW.`round_id` AND e.`status` = 'published')
BEGIN
	SELECT RAISE(ABORT, 'edition published: results are frozen');
END;
--> statement-breakpoint
CREATE TRIGGER `assignments_frozen_update` BEFORE UPDATE ON `assignments`
WHEN EXISTS (SELECT 1 FROM `rounds` r JOIN `editions` e ON e.`id` = r.`edition_id`
             WHERE r.`id` IN (OLD.`round_id`, NEW.`round_id`) AND e.`status` = 'published')
BEGIN
	SELECT RAISE(ABORT, 'edition published: results are frozen');
END;
--> statement-breakpoint
CREATE TRIGGER `assignments_frozen_delete` BEFORE DELETE ON `assignments`
WHEN EXISTS (SELECT 1 FROM `rounds` r JOIN `editions` e ON e.`id` = r.`edition_id`
             WHERE r.`id` = OLD.`round_id` AND e.`status` = 'published')
BEGIN
	SELECT RAISE(ABORT, 'edition published: results are frozen');
END;
--> statement-breakpoint
CREATE TRIGGER `scoresheets_frozen_insert` BEFORE INSERT ON `scoresheets`
WHEN EXISTS (SELECT 1 FROM `rounds` r JOIN `editions` e ON e.`id` = r.`edition_id`
             WHERE r.`id` = NEW.`round_id` AND e.`status` = 'published')
BEGIN
	SELECT RAISE(ABORT, 'edition published: results are frozen');
END;
--> statement-breakpoint
CREATE TRIGGER `scoresheets_frozen_update` BEFORE UPDATE ON `scoresheets`
WHEN EXISTS (SELECT 1 FROM `rounds` r JOIN `editions` e ON e.`id` = r.`edition_id`
             WHERE r.`id` IN (OLD.`round_id`, NEW.`round_id`) AND e.`status` = 'published')
BEGIN
	SELECT RAISE(ABORT, 'edition published: results are frozen');
END;
--> statement-breakpoint
CREATE TRIGGER `scoresheets_frozen_delete` BEFORE DELETE ON `scoresheets`
WHEN EXISTS (SELECT 1 FROM `rounds` r JOIN `editions` e ON e.`id` = r.`edition_id`
             WHERE r.`id` = OLD.`round_id` AND e.`status` = 'published')
BEGIN
	SELECT RAISE(ABORT, 'edition published: results are frozen');
END;
--> statement-breakpoint
CREATE TRIGGER `scores_frozen_insert` BEFORE INSERT ON `scores`
WHEN EXISTS (SELECT 1 FROM `scoresheets` s JOIN `rounds` r ON r.`id` = s.`round_id` JOIN `editions` e ON e.`id` = r.`edition_id`
             WHERE s.`id` = NEW.`scoresheet_id` AND e.`status` = 'published')
BEGIN
	SELECT RAISE(ABORT, 'edition published: results are frozen');
END;
--> statement-breakpoint
CREATE TRIGGER `scores_frozen_update` BEFORE UPDATE ON `scores`
WHEN EXISTS (SELECT 1 FROM `scoresheets` s JOIN `rounds` r ON r.`id` = s.`round_id` JOIN `editions` e ON e.`id` = r.`edition_id`
             WHERE s.`id` IN (OLD.`scoresheet_id`, NEW.`scoresheet_id`) AND e.`status` = 'published')
BEGIN
	SELECT RAISE(ABORT, 'edition published: results are frozen');
END;
--> statement-breakpoint
CREATE TRIGGER `scores_frozen_delete` BEFORE DELETE ON `scores`
WHEN EXISTS (SELECT 1 FROM `scoresheets` s JOIN `rounds` r ON r.`id` = s.`round_id` JOIN `editions` e ON e.`id` = r.`edition_id`
             WHERE s.`id` = OLD.`scoresheet_id` AND e.`status` = 'published')
BEGIN
	SELECT RAISE(ABORT, 'edition published: results are frozen');
END;
