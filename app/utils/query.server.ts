/**
 * Query helpers the service modules share: a column qualified by its table for correlated
 * subqueries, and counts and existence checks written once. The app's SQLite is synchronous;
 * drizzle's `$count` is not.
 */
import { count, getTableName, sql, type Column, type GetColumnData, type SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { DbOrTx } from './audit.server';

/**
 * A column with its table's name, for correlated subqueries: drizzle writes bare column names
 * when a select has a single table, and inside `(select … from other where col = "id")` a bare
 * "id" would mean the subquery's own table.
 */
export function qualified(column: Column): SQL {
  return sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;
}

/** How many rows of a table match. */
export function countOf(db: DbOrTx, table: SQLiteTable, where: SQL | undefined): number {
  return db.select({ n: count() }).from(table).where(where).get()?.n ?? 0;
}

/** How many rows of the column's table match, per value of the column (values without rows are absent). */
export function countsBy<C extends SQLiteColumn>(db: DbOrTx, key: C, where?: SQL): Map<GetColumnData<C>, number> {
  const rows = db
    .select({ key: key as SQLiteColumn, n: count() })
    .from(key.table as SQLiteTable)
    .where(where)
    .groupBy(key)
    .all();
  return new Map(rows.map((row) => [row.key as GetColumnData<C>, row.n]));
}

/** Whether any row of the table matches. */
export function exists(db: DbOrTx, table: SQLiteTable, where: SQL | undefined): boolean {
  return Boolean(db.select({ one: sql<number>`1` }).from(table).where(where).limit(1).get());
}
