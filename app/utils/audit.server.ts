/**
 * The audit log: one append-only table (triggers refuse UPDATE and DELETE).
 * Every change that matters calls `recordAudit` inside the same transaction as
 * the change, so a change without its event cannot be committed.
 */
import type { RunResult } from 'better-sqlite3';
import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import type { ScoresheetAction } from '~/domain/scoresheet';
import type { StageCommandType } from '~/domain/stage';
import type { ApplicationStatus, EditionStatus } from '~/domain/statuses';
import type { MessageKey } from '~/i18n';
import { getDb, schema } from './db.server';

/** The database or a transaction of it. */
export type DbOrTx = BaseSQLiteDatabase<'sync', RunResult, typeof schema>;

/**
 * Every action the audit log records, `entity.verb`. An action not listed here fails `tsc`, so the
 * audit page's labels (`audit.action.*` in app/i18n) and filters can rely on this list.
 */
export type AuditAction =
  | 'application.status'
  | 'application.update'
  | 'assignment.add'
  | 'assignment.auto'
  | 'assignment.remove'
  | 'conflict.declare'
  | 'conflict.remove'
  | 'criterion.create'
  | 'criterion.update'
  | 'criterion.delete'
  | 'edition.create'
  | 'edition.status'
  | 'edition.publish'
  | 'edition.update'
  | 'judge.remove'
  | 'organiser.join'
  | 'organiser.revoke'
  | 'invitation.create'
  | 'invitation.resend'
  | 'invitation.revoke'
  | 'invitation.accept'
  | 'mail.retry'
  | 'password.reset'
  | 'round.create'
  | 'round.update'
  | 'round.delete'
  | 'round.lock'
  | 'round.unlock'
  | 'round.seal'
  | 'shortlist.confirm'
  | 'track.create'
  | 'track.update'
  | 'track.delete'
  // Feedback to founders and the showcase (issue 15)
  | 'edition.feedback'
  | 'feedback.withhold'
  | 'startup.merge'
  | 'startup.split'
  | ScoresheetAction
  | `stage.${StageCommandType}`;

/** The audit page's label of an action: a `audit.action.*` message missing for any action fails tsc here. */
export function auditActionLabel(action: AuditAction): MessageKey {
  return `audit.action.${action}`;
}

export interface AuditEntry {
  editionId: number | null;
  /** Null for the system (seed, scheduled tasks). */
  actorId: number | null;
  /** `entity.verb`, e.g. `scoresheet.submit`, `round.lock`, `application.update`. */
  action: AuditAction;
  entityType: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
  at?: Date;
}

/** The stored row of an audit entry: the entity's id as text, a missing time now, a missing before, after or reason null. */
export function auditRow(entry: AuditEntry) {
  return {
    editionId: entry.editionId,
    actorId: entry.actorId,
    at: entry.at ?? new Date(),
    action: entry.action,
    entityType: entry.entityType,
    entityId: String(entry.entityId),
    before: entry.before ?? null,
    after: entry.after ?? null,
    reason: entry.reason ?? null,
  } satisfies typeof schema.auditEvents.$inferInsert;
}

export function recordAudit(db: DbOrTx, entry: AuditEntry): void {
  db.insert(schema.auditEvents).values(auditRow(entry)).run();
}

export interface AuditFilter {
  editionId?: number;
  entityType?: string;
  entityId?: string;
  actorId?: number;
  action?: string;
  /** Keyset pagination: events with a smaller id than this. */
  beforeId?: number;
  limit?: number;
}

/** Newest first, with the actor's name. */
export function listAudit(filter: AuditFilter = {}) {
  const a = schema.auditEvents;
  const conditions: (SQL | undefined)[] = [
    filter.editionId !== undefined ? eq(a.editionId, filter.editionId) : undefined,
    filter.entityType ? eq(a.entityType, filter.entityType) : undefined,
    filter.entityId ? eq(a.entityId, filter.entityId) : undefined,
    filter.actorId !== undefined ? eq(a.actorId, filter.actorId) : undefined,
    filter.action ? eq(a.action, filter.action) : undefined,
    filter.beforeId !== undefined ? lt(a.id, filter.beforeId) : undefined,
  ];
  return getDb()
    .select({
      id: a.id,
      at: a.at,
      action: a.action,
      entityType: a.entityType,
      entityId: a.entityId,
      before: a.before,
      after: a.after,
      reason: a.reason,
      actorId: a.actorId,
      actorName: schema.users.name,
    })
    .from(a)
    .leftJoin(schema.users, eq(schema.users.id, a.actorId))
    .where(and(...conditions))
    .orderBy(desc(a.id))
    .limit(filter.limit ?? 100)
    .all();
}

/** Where the audit events of a change go: the log (default), or the demo seed's time-ordered buffer. */
export type AuditSink = (entry: AuditEntry & { at: Date }) => void;

/** Who makes a change, for which edition, and when (defaults to now). */
export interface AuditAct {
  editionId: number | null;
  actorId: number | null;
  now?: Date;
  /** Where the events go instead of the log (the demo seed writes them in time order at the end). */
  sink?: AuditSink;
}

/**
 * An audit event inside `auditedTransaction`: the act fills in edition, actor and time. An event
 * names its edition or actor itself only when the change learns them (accepting an invitation:
 * the edition is the invitation's, the actor the account it creates).
 */
export type AuditEvent = Omit<AuditEntry, 'editionId' | 'actorId' | 'at'> & { editionId?: number | null; actorId?: number | null };

/** The statuses of the entities whose status change is audited as `<entity>.status`. */
interface StatusOf {
  application: ApplicationStatus;
  edition: EditionStatus;
}

/**
 * The audit event of an application's or an edition's status change: `<entity>.status`, with
 * `{ status }` before and after (and the reason, when the change has one).
 */
export function statusChange<E extends keyof StatusOf>(
  entityType: E,
  entityId: number,
  change: { from: StatusOf[E]; to: StatusOf[E]; reason?: string | null },
): AuditEvent {
  const { from, to, reason } = change;
  return {
    action: `${entityType}.status`,
    entityType,
    entityId,
    before: { status: from },
    after: { status: to },
    ...(reason === undefined ? {} : { reason }),
  };
}

/**
 * The one audited write: opens an immediate transaction (or a savepoint inside `db` when it is
 * already a transaction), runs `fn`, and records each event it passes to `audit` in that same
 * transaction, so that a change and its audit event commit together or not at all. Every event
 * of one change carries the same time: the act's `now`, or the moment the change began.
 */
export function auditedTransaction<T>(
  act: AuditAct,
  fn: (tx: DbOrTx, audit: (event: AuditEvent) => void) => T,
  db: DbOrTx = getDb(),
): T {
  const at = act.now ?? new Date();
  return db.transaction(
    (tx) => {
      const sink: AuditSink = act.sink ?? ((entry) => recordAudit(tx, entry));
      return fn(tx, (event) => sink({ editionId: act.editionId, actorId: act.actorId, ...event, at }));
    },
    { behavior: 'immediate' },
  );
}
