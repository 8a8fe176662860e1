/**
 * The authorization matrix (issue 11, proof 1): every route of the app, as Remix's flat-routes
 * convention reads app/routes (the same function the compiler uses, so the list is the build's),
 * × every role, GET and each POST intent, with the status each cell must answer.
 *
 * Roles, on one edition in judging with application A: anonymous, A's founder, another founder
 * (with an application of their own), a judge assigned to A, a judge of the edition not assigned
 * to it, a judge conflicted with A, an organiser. Each loader and action is called on its own, as
 * a `.data` request can ask one route without its parents, so every route must guard itself.
 * POSTs carry only the intent: a cell says who is let through to validation (4xx of the form),
 * who is refused (403), sent to log in (302) or told nothing exists (404/405).
 *
 * The expected answers are the table in authorization-matrix.txt, beside this file. A route with
 * no row there fails the test: add its rows when you add a route. To print the current answers in
 * that format: MATRIX_PRINT=1 npx vitest run tests/integration/authorization-matrix.test.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb, schema } from '~/utils/db.server';
import { context, formRequest, getRequest } from '../fixtures/http';
import { everyRouteEdition, type JudgingEdition } from '../fixtures/judging';
import { INTENTS, routeEntries, routeParams, type RouteEntry } from '../fixtures/routes';
import { sessionCookie } from '../fixtures/users';
import { statusOf } from './helpers';

const ROLES = ['anon', 'own', 'other', 'asg', 'unasg', 'conf', 'org'] as const;
type Role = (typeof ROLES)[number];


/** The expected status of every cell: a table kept as data, beside this file (its format is in its header). */
const EXPECTED = fs.readFileSync(fileURLToPath(new URL('./authorization-matrix.txt', import.meta.url)), 'utf8');

let e: JudgingEdition;
const users: Partial<Record<Role, number>> = {};
let params: Record<string, string>;

beforeAll(async () => {
  e = await everyRouteEdition(2051, '%PDF-1.4 matrix');
  const [a] = e.applications;
  getDb().insert(schema.conflicts).values({ judgeId: e.judges[2].id, applicationId: a.id, reason: 'Investor' }).run();
  users.own = e.founders[0].id;
  users.other = e.founders[1].id;
  users.asg = e.judges[0].id;
  users.unasg = e.judges[1].id;
  users.conf = e.judges[2].id;
  users.org = e.organiser.id;
  params = routeParams(e.year, a.id, e.screening.id);
});

function paramsFor(route: RouteEntry): Record<string, string> {
  const names = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]);
  const out: Record<string, string> = {};
  for (const name of names) {
    if (route.id === 'routes/files.$fileId' && name === 'fileId') {
      out.fileId = String(getDb().select().from(schema.applications).where(eq(schema.applications.id, e.applications[0].id)).get()!.deckFileId);
    } else out[name] = params[name];
  }
  return out;
}

function urlFor(route: RouteEntry, p: Record<string, string>): string {
  return route.path.replace(/:(\w+)/g, (_, name: string) => p[name]);
}

async function cookieOf(role: Role): Promise<string | undefined> {
  return role === 'anon' ? undefined : sessionCookie(users[role]!);
}

type Module = { loader?: (args: any) => unknown; action?: (args: any) => unknown };

async function cell(module: Module, route: RouteEntry, method: string, role: Role): Promise<string> {
  const p = paramsFor(route);
  const url = urlFor(route, p);
  const cookie = await cookieOf(role);
  const [verb, intent] = method.split(':');
  const handler = verb === 'GET' ? module.loader : module.action;
  if (!handler) return '-';
  const abort = new AbortController();
  const base = verb === 'GET' ? getRequest(url, { cookie }) : formRequest(url, intent ? { intent } : {}, { cookie });
  const request = new Request(base, { signal: abort.signal });
  try {
    return String(await statusOf(() => handler({ request, params: p, context: context() })));
  } finally {
    abort.abort(); // ends a live stream the loader opened
    // A POST let through may have withdrawn an application: every cell starts from the same world.
    if (verb === 'POST') {
      getDb().update(schema.applications).set({ status: 'submitted', withdrawnAt: null }).where(eq(schema.applications.editionId, e.edition.id)).run();
    }
  }
}

function methodsOf(route: RouteEntry, module: Module): string[] {
  const methods = ['GET'];
  if (module.action) {
    const intents = INTENTS[route.id];
    if (intents) methods.push(...intents.map((i) => `POST:${i}`));
    else methods.push('POST');
  }
  return methods;
}

function parseExpected(): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const line of EXPECTED.split('\n')) {
    const parts = line.trim().split(/\s+/);
    if (parts.length < 2 || parts[0] === 'route' || parts[0].startsWith('#')) continue;
    rows.set(`${parts[0]} ${parts[1]}`, parts.slice(2));
  }
  return rows;
}

describe('authorization matrix', () => {
  it('every route × method × role answers as the table says, and every route has its rows', async () => {
    const expected = parseExpected();
    const lines: string[] = [];
    const mismatches: string[] = [];
    for (const route of routeEntries()) {
      const module = (await import(/* @vite-ignore */ path.resolve('app', route.file))) as Module;
      for (const method of methodsOf(route, module)) {
        const actual: string[] = [];
        for (const role of ROLES) actual.push(await cell(module, route, method, role));
        const key = `${route.id} ${method}`;
        lines.push(`${key.padEnd(72)} ${actual.map((s) => s.padStart(3)).join(' ')}`);
        const want = expected.get(key);
        if (!want) mismatches.push(`no row for ${key} (answers ${actual.join(' ')})`);
        else if (want.join(' ') !== actual.join(' ')) mismatches.push(`${key}: expected ${want.join(' ')}, got ${actual.join(' ')}`);
      }
    }
    if (process.env.MATRIX_PRINT) process.stdout.write(`\n${lines.join('\n')}\n`);
    expect(mismatches).toEqual([]);
  }, 120_000);
});
