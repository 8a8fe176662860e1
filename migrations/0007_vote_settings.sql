-- The audience vote's settings, per edition, set from the stage control (docs/decisions/034):
-- how many new ballots one network address may add in 10 minutes (default 1000: a hall of several
-- hundred phones behind one Wi-Fi address), and the presence check (on by default: a ballot needs
-- the code shown on the projector, at most 2 minutes old).
ALTER TABLE `stage_states` ADD `vote_max_per_address` integer DEFAULT 1000 NOT NULL CHECK(vote_max_per_address BETWEEN 1 AND 100000);
--> statement-breakpoint
ALTER TABLE `stage_states` ADD `vote_presence_check` integer DEFAULT true NOT NULL;
