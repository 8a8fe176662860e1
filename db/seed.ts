/**
 * `npm run db:seed`: fills an empty database (DATABASE_PATH) with the demo editions and
 * prints the accounts to log in with. A database that already has an edition or a user is
 * left untouched, so running it twice is safe.
 */
import { closeDb, databasePath, getDb, runMigrations } from './client';
import { isDatabaseEmpty, seedDemo } from './seed-demo';
import { DEMO_PASSWORD } from './seed-data/people';

async function main(): Promise<void> {
  const db = getDb();
  runMigrations(db);
  const file = databasePath();
  if (!isDatabaseEmpty(db)) {
    console.log(`${file} is not empty (it already has editions or users): nothing was seeded.`);
    return;
  }
  const started = performance.now();
  const report = await seedDemo(db, { now: new Date() });
  if (!report.seeded) {
    console.log(`${file} was filled by someone else meanwhile: nothing was seeded.`);
    return;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Demo data seeded into ${file} in ${seconds} s.\n`);
  console.log(`Accounts (password for all: ${DEMO_PASSWORD})`);
  const width = Math.max(...report.accounts.map((a) => a.email.length));
  for (const account of report.accounts) console.log(`  ${account.email.padEnd(width)}  ${account.role}`);
  console.log('\nEditions');
  for (const e of report.editions) {
    console.log(`  ${e.year}  ${e.status.padEnd(9)}  ${String(e.applications).padStart(2)} applications  ${String(e.scoresheets).padStart(3)} scoresheets`);
  }
  const final = report.editions.find((e) => e.status === 'final');
  if (final) {
    console.log(`\nThe live final of ${final.year} is ready to run (README, "Running the demo's live final"):`);
    console.log(`  stage control  /organise/${final.year}/stage   (organiser)`);
    console.log(`  projector      /editions/${final.year}/stage   (organiser, for the QR code)`);
    console.log(`  judges         /judge/${final.year}`);
    console.log(`  vote           /vote/${final.year}`);
  }
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(closeDb);
