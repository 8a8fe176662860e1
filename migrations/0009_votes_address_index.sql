-- The per-address limit of new ballots (decisions 009, 034) counts an address's ballots of the last
-- 10 minutes before each new one; without an index that read scanned every ballot of the edition, so
-- a hall's votes grew quadratically slower (docs/decisions/044).
CREATE INDEX `votes_edition_ip_created_idx` ON `votes` (`edition_id`,`ip_hash`,`created_at`);
