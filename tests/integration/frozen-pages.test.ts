/**
 * The frozen layer's invalidation (app/utils/frozen-pages.server.ts, decision 036): an entry is
 * answered while the edition's public fingerprint stands, and that fingerprint is kept in memory,
 * read again only when the connection's `total_changes()` or the database's `data_version` moved.
 * Proved here: repeated hits read no row; a write of this process shows on the very next request
 * (same turn of the event loop); a commit from a second connection (a CLI script, another process)
 * shows from the next turn; a publication, a consent, a startup's name and the edition's row all
 * invalidate; a write elsewhere re-reads the fingerprint but keeps the entry. (A published edition's
 * status and date cannot change: migrations/0004_results_frozen.sql.)
 */
import Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frozenStats, lookupFrozen, storeFrozen, type FrozenLookup } from '~/utils/frozen-pages.server';
import { getDb, schema } from '~/utils/db.server';
import { createEdition, createUser } from '../fixtures/users';

const YEAR = 2031;
const PATH = `/editions/${YEAR}/results.csv`;
let editionId: number;
let applicationId: number;
let other: Database.Database;

function lookup(): FrozenLookup {
  return lookupFrozen({ method: 'GET', url: PATH, acceptLanguage: 'en' });
}

/** Stores an answer for the current miss, as server.js does after Remix rendered it. */
function store(): void {
  const found = lookup();
  if (!found || !('miss' in found)) throw new Error(`expected a miss, got ${JSON.stringify(found && Object.keys(found))}`);
  const entry = storeFrozen(found.miss, { status: 200, headers: new Headers({ 'Content-Type': 'text/csv; charset=utf-8' }), body: Buffer.from('id,name\n') });
  expect(entry).not.toBeNull();
}

const isHit = (found: FrozenLookup) => found !== null && 'hit' in found;
const isMiss = (found: FrozenLookup) => found !== null && 'miss' in found;
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

beforeAll(async () => {
  const edition = createEdition(YEAR, 'final');
  editionId = edition.id;
  const founder = await createUser('founder-frozen@example.org');
  applicationId = getDb()
    .insert(schema.applications)
    .values({ editionId, founderId: founder.id, status: 'winner', startupName: 'Civix', oneLiner: 'Better forms', consentToPublication: true, updatedAt: new Date() })
    .returning({ id: schema.applications.id })
    .get().id;
  other = new Database(process.env.DATABASE_PATH!);
  other.pragma('busy_timeout = 5000');
});

afterAll(() => other.close());

describe('the frozen layer keeps its fingerprint until the database changes', () => {
  it('leaves an unpublished edition to Remix, and serves it frozen from its publication on', () => {
    expect(lookup()).toBeNull();
    expect(lookup()).toBeNull(); // kept as "not frozen" until the database changes
    getDb().update(schema.editions).set({ status: 'published', publishedAt: new Date('2031-11-12T18:00:00Z') }).where(eq(schema.editions.id, editionId)).run();
    expect(isMiss(lookup())).toBe(true);
  });

  it('answers repeated requests without reading the rows again', async () => {
    store();
    await nextTurn();
    const reads = frozenStats().fingerprintReads;
    for (let i = 0; i < 5; i++) expect(isHit(lookup())).toBe(true);
    await nextTurn();
    expect(isHit(lookup())).toBe(true);
    expect(frozenStats().fingerprintReads).toBe(reads);
  });

  it("sees this process's own write on the very next request, and a write elsewhere keeps the entry", () => {
    expect(isHit(lookup())).toBe(true);
    getDb().update(schema.applications).set({ consentToPublication: false }).where(eq(schema.applications.id, applicationId)).run();
    expect(isMiss(lookup())).toBe(true);
    getDb().update(schema.applications).set({ consentToPublication: true }).where(eq(schema.applications.id, applicationId)).run();
    expect(isHit(lookup())).toBe(true);
    // Not public data: the fingerprint is read again, and is the same.
    const reads = frozenStats().fingerprintReads;
    getDb().update(schema.users).set({ name: 'Someone else' }).where(eq(schema.users.email, 'founder-frozen@example.org')).run();
    expect(isHit(lookup())).toBe(true);
    expect(frozenStats().fingerprintReads).toBe(reads + 1);
  });

  it('sees a commit from a second connection (a CLI script, another process) from the next turn on', async () => {
    expect(isHit(lookup())).toBe(true);
    await nextTurn();
    other.prepare('UPDATE applications SET consent_to_publication = 0 WHERE id = ?').run(applicationId);
    await nextTurn();
    expect(isMiss(lookup())).toBe(true);
    other.prepare('UPDATE applications SET consent_to_publication = 1 WHERE id = ?').run(applicationId);
    await nextTurn();
    expect(isHit(lookup())).toBe(true);
    other.prepare('UPDATE applications SET startup_name = ? WHERE id = ?').run('Civix Labs', applicationId);
    await nextTurn();
    expect(isMiss(lookup())).toBe(true);
    store();
  });

  it("sees a change of the edition's row (names, dates), from either connection", async () => {
    expect(isHit(lookup())).toBe(true);
    getDb().update(schema.editions).set({ name: 'GovTech Summit 2031, Lyon' }).where(eq(schema.editions.id, editionId)).run();
    expect(isMiss(lookup())).toBe(true);
    store();
    await nextTurn();
    other.prepare('UPDATE editions SET name_fr = ? WHERE id = ?').run('Sommet GovTech 2031', editionId);
    await nextTurn();
    expect(isMiss(lookup())).toBe(true);
    store();
    expect(isHit(lookup())).toBe(true);
  });

  it('sees an edition published by another process', async () => {
    const year = 2032;
    const path = `/editions/${year}/results.csv`;
    const edition = createEdition(year, 'final');
    const find = () => lookupFrozen({ method: 'GET', url: path, acceptLanguage: 'fr' });
    expect(find()).toBeNull();
    await nextTurn();
    other.prepare("UPDATE editions SET status = 'published', published_at = ? WHERE id = ?").run(Date.now(), edition.id);
    await nextTurn();
    expect(isMiss(find())).toBe(true);
  });
});
