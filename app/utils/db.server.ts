/** The app's door to the database: the one client of db/client.ts, and the schema. */
export { getDb, closeDb, runMigrations, databasePath, type Db } from '../../db/client';
export * as schema from '../../db/schema';
import { getDb, type Db } from '../../db/client';

/**
 * A query built and prepared once per database connection, for paths every request takes (the
 * session look-up, /healthz): drizzle otherwise rebuilds the SQL and better-sqlite3 prepares it
 * again on each call. Per connection, since tests open several (decision 045).
 */
export function preparedOnce<T>(build: (db: Db) => T): () => T {
  const byDb = new WeakMap<Db, T>();
  return () => {
    const db = getDb();
    let query = byDb.get(db);
    if (query === undefined) {
      query = build(db);
      byDb.set(db, query);
    }
    return query;
  };
}
