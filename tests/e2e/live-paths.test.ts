/**
 * The live channel and the ballot's post as the built server answers them before Express
 * (docs/decisions/043 and 044), on a server process of this file's own (a final, tests/fixtures/stage.ts):
 *
 * - the event stream: headers, the retry hint and the state at once, a change from the stage
 *   control, `private, no-store` with a cookie, 429 beyond SSE_MAX_PER_ADDRESS (freed on close), and
 *   Remix's 404 for an edition that is not public;
 * - the ballot: a first post gets its cookie and a 302 once committed; a refused one, the choose step
 *   and a cross-site post are Remix's and Express's answers, as before;
 * - kill -9 while 40 phones vote: every ballot whose 302 arrived is in the database, once.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { voterKey } from '~/utils/votes.server';
import type { FinalWorld } from '../fixtures/stage';
import { freePort, ROOT, runTsx, startServerProcess, type ServerProcess } from './server-process';

const YEAR = 2042;
const dir = path.join(ROOT, 'tests', '.tmp', `live-paths-${process.pid}`);
const databasePath = path.join(dir, 'palmares.db');
let server: ServerProcess | null = null;
let base = '';
let world: FinalWorld;

beforeAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  if (!fs.existsSync(path.join(ROOT, 'build', 'index.js'))) throw new Error('no build: run `npx remix build` first');
  const migrated = runTsx(['db/migrate.ts'], databasePath);
  expect(migrated.status, migrated.stderr).toBe(0);
  const created = runTsx(['tests/fixtures/stage.ts', 'create', String(YEAR)], databasePath);
  expect(created.status, created.stderr).toBe(0);
  world = JSON.parse(created.stdout.trim().split('\n').at(-1)!) as FinalWorld;
  // The vote open without the presence check (tests/integration/vote.test.ts covers the code) and
  // with a limit per address no test here reaches: every phone of this file is 127.0.0.1.
  const db = new Database(databasePath);
  db.prepare(
    `insert into stage_states (edition_id, running_order, vote_open, vote_presence_check, vote_max_per_address, version, updated_at)
     values (?, ?, 1, 0, 100000, 1, ?)
     on conflict(edition_id) do update set vote_open = 1, vote_presence_check = 0, vote_max_per_address = 100000`,
  ).run(world.editionId, JSON.stringify(Object.values(world.apps)), Date.now());
  db.close();
  const port = await freePort();
  server = await startServerProcess({
    port,
    databasePath,
    uploadsDir: path.join(dir, 'uploads'),
    sessionSecret: crypto.randomBytes(32).toString('hex'),
    logLevel: 'error',
    env: { SSE_MAX_PER_ADDRESS: '3', SSE_MAX_TOTAL: '100' },
  });
  base = server.base;
}, 120_000);

afterAll(async () => {
  await server?.stop('SIGKILL');
  fs.rmSync(dir, { recursive: true, force: true });
});

/** An open event stream and what it received so far. */
async function openStream(headers: Record<string, string> = {}) {
  const abort = new AbortController();
  const response = await fetch(`${base}/editions/${YEAR}/stage/events`, { headers, signal: abort.signal });
  let text = '';
  const decoder = new TextDecoder();
  const reading = (async () => {
    try {
      const reader = response.body!.getReader();
      for (let read = await reader.read(); !read.done; read = await reader.read()) text += decoder.decode(read.value, { stream: true });
    } catch {
      // aborted
    }
  })();
  const until = async (predicate: (text: string) => boolean) => {
    const deadline = Date.now() + 10_000;
    while (!predicate(text) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(predicate(text), text).toBe(true);
  };
  const close = async () => {
    abort.abort();
    await reading;
  };
  return { response, text: () => text, until, close };
}

function post(pathname: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return fetch(base + pathname, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: base, ...headers },
    body: new URLSearchParams(fields).toString(),
    signal: AbortSignal.timeout(10_000),
  });
}

describe('the live channel, on Node’s own response', () => {
  it('sends the retry hint and the state at once, then each change, with the headers of the Remix route', async () => {
    const stream = await openStream();
    expect(stream.response.status).toBe(200);
    expect(stream.response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(stream.response.headers.get('cache-control')).toBe('no-cache, no-transform');
    expect(stream.response.headers.get('x-accel-buffering')).toBe('no');
    expect(stream.response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(stream.response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(stream.response.headers.get('content-encoding')).toBeNull();
    await stream.until((text) => /retry: 2000\n\n/.test(text) && /id: 1\nevent: stage\ndata: \{.*"version":1/.test(text));

    // The stage control's form post (no JavaScript), as an organiser.
    const login = await post('/login', { email: world.organiser.email, password: world.password, redirectTo: '' });
    expect(login.status).toBe(302);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    const command = await post(`/organise/${YEAR}/stage`, { intent: 'current.select', applicationId: String(world.apps.Votabl), noscript: '1' }, { Cookie: cookie });
    expect(command.status).toBe(302);
    await stream.until((text) => new RegExp(`id: 2\\nevent: stage\\ndata: \\{.*"currentApplicationId":${world.apps.Votabl}`).test(text));

    // A request with a session is private, as every answer to one.
    const personal = await openStream({ Cookie: cookie });
    expect(personal.response.headers.get('cache-control')).toBe('private, no-store');
    await Promise.all([stream.close(), personal.close()]);
  });

  it('refuses a fourth stream from one address with 429 and the page in its language, and frees the place on close', async () => {
    const open = [await openStream(), await openStream(), await openStream()];
    expect(open.map((s) => s.response.status)).toEqual([200, 200, 200]);
    const fourth = await fetch(`${base}/editions/${YEAR}/stage/events`, { headers: { 'Accept-Language': 'fr' } });
    expect(fourth.status).toBe(429);
    expect(fourth.headers.get('retry-after')).toBe('30');
    expect(fourth.headers.get('content-language')).toBe('fr');
    expect(await fourth.text()).toContain('Trop d’écrans en direct');
    await open[0].close();
    // The server notices the closed socket on its own time.
    const deadline = Date.now() + 10_000;
    let again = await openStream();
    while (again.response.status === 429 && Date.now() < deadline) {
      await again.close();
      await new Promise((resolve) => setTimeout(resolve, 50));
      again = await openStream();
    }
    expect(again.response.status).toBe(200);
    await Promise.all([...open.slice(1), again].map((s) => s.close()));
  });

  it('leaves an edition that is not public to Remix: 404', async () => {
    const response = await fetch(`${base}/editions/1999/stage/events`);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('Not Found');
  });
});

describe('the ballot’s post', () => {
  it('gives a first voter a cookie and a 302 once the ballot is in; a refused one gets the page and its message from Remix', async () => {
    const first = await post(`/vote/${YEAR}`, { intent: 'vote', applicationId: String(world.apps.Civix) });
    expect(first.status).toBe(302);
    expect(first.headers.get('location')).toBe(`/vote/${YEAR}?voted=1`);
    expect(first.headers.get('cache-control')).toBe('private, no-store');
    const voter = /palmares_voter=([^;]+)/.exec(first.headers.get('set-cookie') ?? '')?.[1];
    expect(first.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Lax; Secure/);
    const db = new Database(databasePath, { readonly: true });
    expect(db.prepare('select count(*) as n from votes where voter_id = ?').get(voterKey(voter!))).toEqual({ n: 1 });
    db.close();

    const refused = await post(`/vote/${YEAR}`, { intent: 'vote', applicationId: '999999' }, { Cookie: `palmares_voter=${voter}` });
    expect(refused.status).toBe(404);
    expect(refused.headers.get('content-security-policy')).toMatch(/'nonce-[^']+'/);
    expect(await refused.text()).toContain('This startup is not a finalist of this edition: your vote was not recorded.');

    const choose = await post(`/vote/${YEAR}?c=ABC`, { intent: 'choose', applicationId: String(world.apps.Votabl) }, { Cookie: `palmares_voter=${voter}` });
    expect(choose.status).toBe(200);
    expect(await choose.text()).toContain('Confirm your vote');

    const crossSite = await post(`/vote/${YEAR}`, { intent: 'vote', applicationId: String(world.apps.Civix) }, { Origin: 'https://elsewhere.example' });
    expect(crossSite.status).toBe(403);
  });

  it('loses no acknowledged ballot when the server is killed (SIGKILL) while 40 phones vote, and counts each once', async () => {
    const acknowledged: string[] = [];
    let stopped = false;
    const phones = Array.from({ length: 40 }, async (_, i) => {
      while (!stopped) {
        try {
          const response = await post(`/vote/${YEAR}`, { intent: 'vote', applicationId: String(Object.values(world.apps)[i % 6]) });
          await response.arrayBuffer();
          const voter = /palmares_voter=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1];
          if (response.status === 302 && voter) acknowledged.push(voter);
        } catch {
          return; // the server went away
        }
      }
    });
    const deadline = Date.now() + 20_000;
    while (acknowledged.length < 200 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    await server!.stop('SIGKILL');
    stopped = true;
    await Promise.all(phones);
    expect(acknowledged.length).toBeGreaterThanOrEqual(200);

    // Opened read-write: the WAL the killed process left is recovered, as the next start would.
    const db = new Database(databasePath);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const keys = new Set((db.prepare('select voter_id from votes where edition_id = ?').all(world.editionId) as { voter_id: string }[]).map((v) => v.voter_id));
    const total = (db.prepare('select count(*) as n, count(distinct voter_id) as d from votes where edition_id = ?').get(world.editionId) as { n: number; d: number });
    db.close();
    expect(acknowledged.filter((voter) => !keys.has(voterKey(voter)))).toEqual([]);
    expect(total.n).toBe(total.d);
  }, 60_000);
});
