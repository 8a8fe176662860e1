/** `npm run db:migrate`: applies pending migrations to DATABASE_PATH. */
import { closeDb, databasePath, getDb, runMigrations } from './client';

runMigrations(getDb());
console.log(`Migrations applied to ${databasePath()}`);
closeDb();
