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
 * A route with no row fails the test: add its rows when you add a route. To print the current
 * answers in this format: MATRIX_PRINT=1 npx vitest run tests/integration/authorization-matrix.test.ts
 */
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb, schema } from '~/utils/db.server';
import { context, formRequest, getRequest } from '../fixtures/http';
import { assign, attachStoredDeck, judgingEdition, type JudgingEdition } from '../fixtures/judging';
import { INTENTS, routeEntries, routeParams, type RouteEntry } from '../fixtures/routes';
import { sessionCookie } from '../fixtures/users';
import { statusOf } from './helpers';

const ROLES = ['anon', 'own', 'other', 'asg', 'unasg', 'conf', 'org'] as const;
type Role = (typeof ROLES)[number];


/**
 * Expected status per cell, in the order of ROLES: anon own other asg unasg conf org.
 * `-` marks a method the route does not have (its module exports no loader / no action).
 */
const EXPECTED = `
route                                                                    anon own other asg unasg conf org
routes/$ GET                                                             404 404 404 404 404 404 404
routes/_index GET                                                        200 200 200 200 200 200 200
routes/account GET                                                       302 200 200 200 200 200 200
routes/account POST                                                      302 400 400 400 400 400 400
routes/apply.$year GET                                                   302 200 200 403 403 403 403
routes/apply.$year._index GET                                            302 200 200 403 403 403 403
routes/apply.$year._index POST                                           302 400 400 403 403 403 403
routes/apply.$year.$section GET                                          302 200 200 403 403 403 403
routes/apply.$year.$section POST                                         302 403 403 403 403 403 403
routes/apply.$year.files GET                                             302 200 200 403 403 403 403
routes/apply.$year.files POST                                            302 400 400 403 403 403 403
routes/apply.$year.upload GET                                            302 405 405 403 403 403 403
routes/apply.$year.upload POST                                           302 403 403 403 403 403 403
routes/apply.$year.withdraw GET                                          302 200 200 403 403 403 403
routes/apply.$year.withdraw POST                                         302 302 302 403 403 403 403
routes/editions.$year GET                                                200 200 200 200 200 200 200
routes/editions.$year_.stage GET                                         200 200 200 200 200 200 200
routes/editions.$year_.stage.events GET                                  200 200 200 200 200 200 200
routes/editions.$year.results[.csv] GET                                  404 404 404 404 404 404 404
routes/editions.$year.datapackage[.json] GET                             404 404 404 404 404 404 404
routes/editions.$year.results[.json] GET                                 404 404 404 404 404 404 404
routes/editions.$year.scores[.csv] GET                                   404 404 404 404 404 404 404
routes/files.$fileId GET                                                     302 200 404 200 404 404 200
routes/forgot-password GET                                               200 200 200 200 200 200 200
routes/forgot-password POST                                              400 400 400 400 400 400 400
routes/healthz GET                                                       200 200 200 200 200 200 200
routes/invite.$token GET                                                 404 404 404 404 404 404 404
routes/invite.$token POST:join                                           404 404 404 404 404 404 404
routes/invite.$token POST:login                                          404 404 404 404 404 404 404
routes/invite.$token POST:signup                                         404 404 404 404 404 404 404
routes/judge._index GET                                                  302 403 403 200 200 200 403
routes/judge.$year GET                                                     -   -   -   -   -   -   -
routes/judge.$year._index GET                                            302 403 403 200 200 200 403
routes/judge.$year.conflicts GET                                         302 403 403 200 200 200 403
routes/judge.$year.conflicts POST                                        302 403 403 400 400 400 403
routes/judge.$year.rounds.$roundId.$applicationId GET                    302 403 403 200 404 403 403
routes/judge.$year.rounds.$roundId.$applicationId POST:save              302 403 403 400 404 403 403
routes/judge.$year.rounds.$roundId.$applicationId POST:submit            302 403 403 400 404 403 403
routes/judge.$year.stage-target GET                                      302 403 403 200 200 200 403
routes/login GET                                                         200 302 302 302 302 302 302
routes/login POST                                                        400 400 400 400 400 400 400
routes/logout GET                                                        302 302 302 302 302 302 302
routes/logout POST                                                       302 302 302 302 302 302 302
routes/me GET                                                            302 200 200 403 403 403 403
routes/method GET                                                        200 200 200 200 200 200 200
routes/organise._index GET                                               302 403 403 403 403 403 200
routes/organise.new GET                                                  302 403 403 403 403 403 200
routes/organise.new POST                                                 302 403 403 403 403 403 400
routes/organise.outbox._index GET                                        302 403 403 403 403 403 200
routes/organise.outbox.$messageId GET                                    302 403 403 403 403 403 404
routes/organise.outbox.$messageId POST:retry                             302 403 403 403 403 403 404
routes/organise.$year GET                                                302 403 403 403 403 403 200
routes/organise.$year._index GET                                         302 403 403 403 403 403 200
routes/organise.$year._index POST:criterion.create                       302 403 403 403 403 403 400
routes/organise.$year._index POST:criterion.update                       302 403 403 403 403 403 400
routes/organise.$year._index POST:criterion.delete                       302 403 403 403 403 403 400
routes/organise.$year._index POST:round.create                           302 403 403 403 403 403 400
routes/organise.$year._index POST:round.update                           302 403 403 403 403 403 400
routes/organise.$year._index POST:round.delete                           302 403 403 403 403 403 400
routes/organise.$year._index POST:round.lock                             302 403 403 403 403 403 400
routes/organise.$year._index POST:round.unlock                           302 403 403 403 403 403 400
routes/organise.$year._index POST:track.create                           302 403 403 403 403 403 400
routes/organise.$year._index POST:track.update                           302 403 403 403 403 403 400
routes/organise.$year._index POST:track.delete                           302 403 403 403 403 403 400
routes/organise.$year.applications._index GET                            302 403 403 403 403 403 200
routes/organise.$year.applications.$applicationId GET                               302 403 403 403 403 403 200
routes/organise.$year.applications[.csv] GET                             302 403 403 403 403 403 200
routes/organise.$year.applications[.xlsx] GET                            302 403 403 403 403 403 200
routes/organise.$year.assignments GET                                    302 403 403 403 403 403 200
routes/organise.$year.assignments POST:assign.auto                       302 403 403 403 403 403 400
routes/organise.$year.assignments POST:assignment.add                    302 403 403 403 403 403 400
routes/organise.$year.assignments POST:assignment.remove                 302 403 403 403 403 403 400
routes/organise.$year.audit GET                                          302 403 403 403 403 403 200
routes/organise.$year.audit[.csv] GET                                    302 403 403 403 403 403 200
routes/organise.$year.audit[.xlsx] GET                                   302 403 403 403 403 403 200
routes/organise.$year.judges GET                                         302 403 403 403 403 403 200
routes/organise.$year.judges POST:conflict.create                        302 403 403 403 403 403 400
routes/organise.$year.judges POST:conflict.remove                        302 403 403 403 403 403 400
routes/organise.$year.judges POST:invitation.create                      302 403 403 403 403 403 400
routes/organise.$year.judges POST:invitation.resend                      302 403 403 403 403 403 400
routes/organise.$year.judges POST:invitation.revoke                      302 403 403 403 403 403 400
routes/organise.$year.paper GET                                          302 403 403 403 403 403 200
routes/organise.$year.paper POST:paper.save                              302 403 403 403 403 403 400
routes/organise.$year.paper POST:paper.submit                            302 403 403 403 403 403 400
routes/organise.$year.progress GET                                       302 403 403 403 403 403 200
routes/organise.$year.results GET                                        302 403 403 403 403 403 200
routes/organise.$year.results POST:seal                                  302 403 403 403 403 403 400
routes/organise.$year.results POST:publish                               302 403 403 403 403 403 400
routes/organise.$year.rounds.$roundId.calibration GET                      302 403 403 403 403 403 200
routes/organise.$year.rounds.$roundId.ranking GET                          302 403 403 403 403 403 200
routes/organise.$year.settings GET                                       302 403 403 403 403 403 200
routes/organise.$year.settings POST:edition.update                       302 403 403 403 403 403 400
routes/organise.$year.settings POST:edition.step                         302 403 403 403 403 403 400
routes/organise.$year.team GET                                           302 403 403 403 403 403 200
routes/organise.$year.team POST:organiser.invite                         302 403 403 403 403 403 400
routes/organise.$year.team POST:organiser.revoke                         302 403 403 403 403 403 400
routes/organise.$year.team POST:invitation.revoke                        302 403 403 403 403 403 400
routes/organise.$year.team POST:judge.remove                             302 403 403 403 403 403 400
routes/organise.$year.rounds.$roundId.ranking[.xlsx] GET                   302 403 403 403 403 403 200
routes/organise.$year.shortlist GET                                      302 403 403 403 403 403 200
routes/organise.$year.shortlist POST                                     302 403 403 403 403 403 400
routes/organise.$year.stage GET                                          302 403 403 403 403 403 200
routes/organise.$year.stage POST:order.move                              302 403 403 403 403 403 400
routes/organise.$year.stage POST:current.select                          302 403 403 403 403 403 400
routes/organise.$year.stage POST:timer.start                             302 403 403 403 403 403 400
routes/organise.$year.stage POST:timer.pause                             302 403 403 403 403 403 409
routes/organise.$year.stage POST:timer.resume                            302 403 403 403 403 403 409
routes/organise.$year.stage POST:timer.reset                             302 403 403 403 403 403 409
routes/organise.$year.stage POST:scoring.open                            302 403 403 403 403 403 409
routes/organise.$year.stage POST:scoring.close                           302 403 403 403 403 403 409
routes/organise.$year.stage POST:vote.open                               302 403 403 403 403 403 409
routes/organise.$year.stage POST:vote.close                              302 403 403 403 403 403 409
routes/organise.$year.stage POST:vote.settings                           302 403 403 403 403 403 400
routes/organise.$year.stage POST:reveal.next                             302 403 403 403 403 403 409
routes/organise.$year.stage POST:reveal.previous                         302 403 403 403 403 403 409
routes/set-language GET                                                  302 302 302 302 302 302 302
routes/set-language POST                                                 302 302 302 302 302 302 302
routes/reset-password.$token GET                                         410 410 410 410 410 410 410
routes/reset-password.$token POST                                        400 400 400 400 400 400 400
routes/signup GET                                                        200 302 302 302 302 302 302
routes/signup POST                                                       400 400 400 400 400 400 400
routes/vote.$year GET                                                    200 200 200 200 200 200 200
routes/vote.$year POST:choose                                            400 400 400 400 400 400 400
routes/vote.$year POST:vote                                              400 400 400 400 400 400 400
routes/me_.feedback.$year GET                                            302 404 404 403 403 403 403
routes/organise.$year.feedback GET                                       302 403 403 403 403 403 200
routes/organise.$year.feedback POST:settings                             302 403 403 403 403 403 400
routes/organise.$year.feedback POST:withhold                             302 403 403 403 403 403 400
routes/organise.startups GET                                             302 403 403 403 403 403 200
routes/organise.startups POST:merge                                      302 403 403 403 403 403 400
routes/organise.startups POST:split                                      302 403 403 403 403 403 400
routes/startups._index GET                                               200 200 200 200 200 200 200
routes/startups.$slug GET                                                404 404 404 404 404 404 404
routes/startups[.json] GET                                               200 200 200 200 200 200 200
`;

let e: JudgingEdition;
const users: Partial<Record<Role, number>> = {};
let params: Record<string, string>;

beforeAll(async () => {
  e = await judgingEdition(2051, { applications: 2, judges: 3 });
  const [a] = e.applications;
  attachStoredDeck(a.id, e.founders[0].id, '%PDF-1.4 matrix');
  assign(e.screening.id, e.judges[0].id, a.id);
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
    if (parts.length < 2 || parts[0] === 'route') continue;
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
