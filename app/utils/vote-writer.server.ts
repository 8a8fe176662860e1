/**
 * The audience vote's group commit (docs/decisions/044-votes-group-commit.md). A hall votes at
 * once; one `BEGIN IMMEDIATE` transaction per ballot serialises them at the disk's pace. Instead,
 * ballots are queued in this process and applied together, each one still checked on its own
 * (`applyVote`: open, presence code, finalist, existing ballot, per-address limit), in one
 * transaction; each caller's promise settles only **after that transaction has committed**, so an
 * answer sent to a voter is never for a ballot a crash could still lose.
 *
 * A batch starts on the next turn of the event loop after the first queued ballot (setImmediate):
 * alone, a ballot waits for nothing; under load, every request read while the previous batch was
 * being written joins the next one. At most MAX_BATCH ballots per transaction.
 */
import { getDb } from './db.server';
import { log } from './log.server';
import { applyVote, type CastVote, type VoteOutcome } from './votes.server';

export const MAX_BATCH = 500;

interface Pending {
  vote: CastVote;
  resolve: (outcome: VoteOutcome) => void;
  reject: (error: unknown) => void;
}

let queue: Pending[] = [];
let scheduled = false;
const stats = { batches: 0, ballots: 0, largest: 0 };

/** Queues a ballot: resolves with its outcome once committed, or rejects with its Refusal (nothing written). */
export function queueVote(vote: CastVote): Promise<VoteOutcome> {
  return new Promise((resolve, reject) => {
    queue.push({ vote: { ...vote, now: vote.now ?? new Date() }, resolve, reject });
    if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  });
}

function flush(): void {
  scheduled = false;
  const batch = queue.slice(0, MAX_BATCH);
  queue = queue.slice(batch.length);
  if (queue.length > 0) {
    scheduled = true;
    setImmediate(flush);
  }
  if (batch.length === 0) return;
  const outcomes: ({ ok: VoteOutcome } | { refused: unknown })[] = [];
  const client = getDb().$client;
  try {
    client
      .transaction(() => {
        outcomes.length = 0;
        for (const { vote } of batch) {
          try {
            outcomes.push({ ok: applyVote(client, vote) });
          } catch (error) {
            // A refusal throws before its ballot writes anything; any other error comes from its one
            // statement, which SQLite undid alone: the batch's other ballots stand either way.
            outcomes.push({ refused: error });
          }
        }
      })
      .immediate();
  } catch (error) {
    // The transaction itself failed (busy beyond the timeout, disk full): nothing of it was kept.
    log.error('vote_batch_failed', { ballots: batch.length, error: error instanceof Error ? error.message : String(error) });
    for (const pending of batch) pending.reject(error);
    return;
  }
  stats.batches += 1;
  stats.ballots += batch.length;
  stats.largest = Math.max(stats.largest, batch.length);
  batch.forEach((pending, i) => {
    const outcome = outcomes[i];
    if ('ok' in outcome) pending.resolve(outcome.ok);
    else pending.reject(outcome.refused);
  });
}

/** Batches and ballots written since start (for the benchmark and tests). */
export function voteWriterStats() {
  return { ...stats, queued: queue.length };
}
