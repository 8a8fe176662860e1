/** The app's door to the database: the one client of db/client.ts, and the schema. */
export { getDb, closeDb, runMigrations, databasePath, type Db } from '../../db/client';
export * as schema from '../../db/schema';
