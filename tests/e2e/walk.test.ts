/**
 * Every page of the app, as its users see it, on the demo's data (issue 14, "Done when").
 *
 * - Over HTTP, both languages (fast, no browser): the page answers as expected, its bytes hold no
 *   U+0000 (issue 13: React's streaming renderer used to pad a chunk with 0x00 where a multibyte
 *   character did not fit; app/entry.server.tsx `withoutPadding`), and its text (with titles,
 *   labels and alternative texts) holds no `{placeholder}`, no raw message key and no duplicate id.
 *   The same fetches also cover, for U+0000 only, every page route at the demo's judging (2021)
 *   and published (2019) editions, as the role its first segment names (NUL_ONLY below).
 * - In Chromium, once per page, in French (the longer language) at the size of the page's users
 *   (organiser 1366×768, judge 768×1024, founder and public 390×844): 0 serious or critical axe
 *   findings, 0 console errors (tests/e2e/fixtures.ts fails on any), no horizontal overflow.
 *   axe-core (its minified build) is added to each browser context as an init script, so every
 *   document has it without sending its 1.5 MB source over the DevTools protocol on each page.
 *
 * A new page route must be walked here or named in NOT_PAGES: the walk reads the route list.
 * Findings that belong to other work in progress are kept out of the assertion by the named
 * allow-lists below, each with its reason; they are to be emptied, not extended.
 */
import { createRequire } from 'node:module';
import type axe from 'axe-core';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '~/i18n/en';
import { getDb, schema } from '~/utils/db.server';
import { createInvitation } from '~/utils/invitations.server';
import { startSession } from '~/utils/session.server';
import { cookieFrom } from '../fixtures/http';
import { routeEntries } from '../fixtures/routes';
import { baseURL, hydrated, openBrowser, screenshot, url, type BrowserHandle } from './fixtures';

type Role = 'public' | 'founder' | 'judge' | 'organiser';
type Lang = 'fr' | 'en';

/** Who uses a page, and so at which size it is looked at. */
const SIZE: Record<Role, { width: number; height: number }> = {
  organiser: { width: 1366, height: 768 },
  judge: { width: 768, height: 1024 },
  founder: { width: 390, height: 844 },
  public: { width: 390, height: 844 },
};

const ACCOUNT: Record<Exclude<Role, 'public'>, string> = {
  organiser: 'organiser@example.org',
  judge: 'judge1@example.org',
  founder: 'founder1@example.org',
};

/** Routes that are not pages (files, feeds, redirects) or are walked through their children. */
const NOT_PAGES: Record<string, string> = {
  'routes/editions.$year.datapackage[.json]': 'open data: the description of the CSV files',
  'routes/startups[.json]': 'open data: the showcase as JSON',
  'routes/organise.$year.applications[.xlsx]': 'an Excel download',
  'routes/organise.$year.audit[.xlsx]': 'an Excel download',
  'routes/organise.$year.rounds.$roundId.ranking[.xlsx]': 'an Excel download',
  'routes/apply.$year': 'layout of the /apply/:year pages',
  'routes/judge.$year': 'layout of the /judge/:year pages',
  'routes/organise.$year': 'layout of the /organise/:year pages',
  'routes/apply.$year.upload': 'upload endpoint of the files page (XMLHttpRequest)',
  'routes/apply.$year.withdraw': 'a confirmation reached from /apply/:year; walked below for the founder',
  'routes/editions.$year.results[.csv]': 'open data file',
  'routes/editions.$year.results[.json]': 'open data file',
  'routes/editions.$year.scores[.csv]': 'open data file',
  'routes/editions.$year_.stage.events': 'Server-Sent Events feed',
  'routes/files.$fileId': 'uploaded files',
  'routes/healthz': 'health check',
  'routes/judge.$year.stage-target': 'redirect to the pitch on stage',
  'routes/logout': 'POST only',
  'routes/organise.$year.applications[.csv]': 'spreadsheet export',
  'routes/organise.$year.audit[.csv]': 'spreadsheet export',
  'routes/set-language': 'POST only',
};

interface Page {
  route: string;
  path: string;
  as: Role;
  status?: number;
}

/**
 * Known findings of the other helper's items (issue 14, items 5 and 6, branch "polish-layout"),
 * kept out of the assertion until that branch is merged. The lead empties these lists then.
 */
/** Findings the walk accepts, each with why: none today. */
const AXE_ALLOWED: { rule: string; path: RegExp; why: string }[] = [];
const OVERFLOW_ALLOWED: { path: RegExp; why: string }[] = [];

function pages(): Page[] {
  const db = getDb();
  const roundOf = (year: number, kind: 'screening' | 'final') =>
    db
      .select({ id: schema.rounds.id })
      .from(schema.rounds)
      .innerJoin(schema.editions, eq(schema.editions.id, schema.rounds.editionId))
      .where(and(eq(schema.editions.year, year), eq(schema.rounds.kind, kind)))
      .get()!.id;
  const judge = db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.email, ACCOUNT.judge)).get()!;
  const screening2021 = roundOf(2021, 'screening');
  const assigned = db
    .select({ applicationId: schema.assignments.applicationId })
    .from(schema.assignments)
    .where(and(eq(schema.assignments.roundId, screening2021), eq(schema.assignments.judgeId, judge.id)))
    .get()!.applicationId;
  const application2021 = db
    .select({ id: schema.applications.id })
    .from(schema.applications)
    .innerJoin(schema.editions, eq(schema.editions.id, schema.applications.editionId))
    .where(eq(schema.editions.year, 2021))
    .get()!.id;
  const edition2022 = db.select({ id: schema.editions.id }).from(schema.editions).where(eq(schema.editions.year, 2022)).get()!.id;
  const organiser = db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.email, ACCOUNT.organiser)).get()!;
  // A published edition the demo founder applied to: their feedback page (404 when there is none).
  const founder = db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.email, ACCOUNT.founder)).get()!;
  const feedbackYear = db
    .select({ year: schema.editions.year })
    .from(schema.applications)
    .innerJoin(schema.editions, eq(schema.editions.id, schema.applications.editionId))
    .where(and(eq(schema.applications.founderId, founder.id), eq(schema.editions.status, 'published')))
    .get()?.year;
  const { token } = createInvitation({ editionId: edition2022, actorId: organiser.id, email: `walk-${Date.now()}@example.test` });

  return [
    { route: 'routes/_index', path: '/', as: 'public' },
    { route: 'routes/$', path: '/no-such-page', as: 'public', status: 404 },
    { route: 'routes/login', path: '/login', as: 'public' },
    { route: 'routes/signup', path: '/signup', as: 'public' },
    { route: 'routes/method', path: '/method', as: 'public' },
    // The demo's six editions, one at each step of an edition's life.
    ...[2018, 2019, 2020, 2021, 2022, 2023].map((year): Page => ({ route: 'routes/editions.$year', path: `/editions/${year}`, as: 'public' })),
    { route: 'routes/editions.$year', path: '/editions/1999', as: 'public', status: 404 },
    { route: 'routes/editions.$year_.stage', path: '/editions/2020/stage', as: 'public' },
    // The demo's live final (2023): its stage between pitches, its vote not open yet.
    { route: 'routes/editions.$year_.stage', path: '/editions/2023/stage', as: 'public' },
    { route: 'routes/vote.$year', path: '/vote/2021', as: 'public' },
    { route: 'routes/vote.$year', path: '/vote/2023', as: 'public' },
    { route: 'routes/invite.$token', path: `/invite/${token}`, as: 'public' },
    { route: 'routes/account', path: '/account', as: 'founder' },
    { route: 'routes/me', path: '/me', as: 'founder' },
    { route: 'routes/apply.$year._index', path: '/apply/2022', as: 'founder' },
    ...['startup', 'pitch', 'impact', 'business', 'team', 'consent'].map(
      (section): Page => ({ route: 'routes/apply.$year.$section', path: `/apply/2022/${section}`, as: 'founder' }),
    ),
    { route: 'routes/apply.$year.files', path: '/apply/2022/files', as: 'founder' },
    { route: 'routes/apply.$year.withdraw', path: '/apply/2022/withdraw', as: 'founder' },
    ...table('judge', `
      judge._index                                 /judge
      judge.$year._index                           /judge/2021
      judge.$year._index                           /judge/2023
      judge.$year.conflicts                        /judge/2021/conflicts
      judge.$year.rounds.$roundId.$applicationId   /judge/2021/rounds/${screening2021}/${assigned}
      judge.$year.rounds.$roundId.$applicationId   /judge/2021/rounds/${screening2021}/999999        404`),
    { route: 'routes/organise._index', path: '/organise', as: 'organiser' },
    { route: 'routes/organise.$year._index', path: '/organise/2021', as: 'organiser' },
    { route: 'routes/organise.$year.applications._index', path: '/organise/2021/applications', as: 'organiser' },
    { route: 'routes/organise.$year.applications.$applicationId', path: `/organise/2021/applications/${application2021}`, as: 'organiser' },
    { route: 'routes/organise.$year.applications.$applicationId', path: '/organise/2021/applications/999999', as: 'organiser', status: 404 },
    { route: 'routes/organise.$year.rounds.$roundId.ranking', path: `/organise/2021/rounds/${screening2021}/ranking`, as: 'organiser' },
    { route: 'routes/organise.$year.rounds.$roundId.calibration', path: `/organise/2021/rounds/${screening2021}/calibration`, as: 'organiser' },
    // The pages of the edition in judging (2021) named as their route.
    ...['judges', 'assignments', 'progress', 'shortlist', 'settings', 'team', 'feedback', 'paper'].map(
      (page): Page => ({ route: `routes/organise.$year.${page}`, path: `/organise/2021/${page}`, as: 'organiser' }),
    ),
    { route: 'routes/organise.$year.stage', path: '/organise/2020/stage', as: 'organiser' },
    { route: 'routes/organise.$year.stage', path: '/organise/2023/stage', as: 'organiser' },
    { route: 'routes/organise.$year.results', path: '/organise/2020/results', as: 'organiser' },
    { route: 'routes/organise.$year.audit', path: '/organise/2020/audit', as: 'organiser' },
    { route: 'routes/organise.$year.audit', path: '/organise/2021/audit', as: 'organiser' },
    { route: 'routes/organise.new', path: '/organise/new', as: 'organiser' },
    { route: 'routes/organise.outbox._index', path: '/organise/outbox', as: 'organiser' },
    { route: 'routes/organise.outbox.$messageId', path: '/organise/outbox/999999', as: 'organiser', status: 404 },
    { route: 'routes/organise.startups', path: '/organise/startups', as: 'organiser' },
    { route: 'routes/forgot-password', path: '/forgot-password', as: 'public' },
    { route: 'routes/reset-password.$token', path: '/reset-password/no-such-link', as: 'public', status: 410 },
    { route: 'routes/startups._index', path: '/startups', as: 'public' },
    { route: 'routes/startups.$slug', path: '/startups/civix', as: 'public' },
    { route: 'routes/startups.$slug', path: '/startups/no-such-startup', as: 'public', status: 404 },
    feedbackYear
      ? { route: 'routes/me_.feedback.$year', path: `/me/feedback/${feedbackYear}`, as: 'founder' }
      : { route: 'routes/me_.feedback.$year', path: '/me/feedback/2019', as: 'founder', status: 404 },
  ];
}

/** Pages as a table: a line per page, its route id (less `routes/`), its path and, if not 200, its status. */
function table(as: Role, lines: string): Page[] {
  return lines
    .trim()
    .split('\n')
    .map((line) => {
      const [route, path, status] = line.trim().split(/\s+/);
      return { route: `routes/${route}`, path, as, ...(status ? { status: Number(status) } : {}) };
    });
}

let walk: Page[] = [];
let nulOnly: { path: string; email: string | null }[] = [];
/** Session cookies by account, started as a log-in starts them (no form: auth.test.ts tests the form). */
const sessions = new Map<string, string>();
const emailOf = (role: Role): string | null => (role === 'public' ? null : ACCOUNT[role]);

/**
 * Every page route at the demo's judging (2021) and published (2019) editions, as the account its
 * first segment names (what tests/e2e/no-nul.test.ts fetched for issue 13), less what the walk
 * fetches anyway: these are checked for U+0000 only, in both languages.
 */
function nulOnlyPages(walked: Page[]): { path: string; email: string | null }[] {
  const db = getDb();
  const edition = db.select({ id: schema.editions.id }).from(schema.editions).where(eq(schema.editions.year, 2021)).get()!;
  const assignment = db
    .select({ roundId: schema.assignments.roundId, applicationId: schema.assignments.applicationId, email: schema.users.email })
    .from(schema.assignments)
    .innerJoin(schema.rounds, eq(schema.rounds.id, schema.assignments.roundId))
    .innerJoin(schema.users, eq(schema.users.id, schema.assignments.judgeId))
    .where(eq(schema.rounds.editionId, edition.id))
    .limit(1)
    .get()!;
  const bySegment: Record<string, string> = {
    organise: ACCOUNT.organiser,
    judge: assignment.email,
    apply: ACCOUNT.founder,
    me: ACCOUNT.founder,
    account: ACCOUNT.organiser,
  };
  const seen = new Set(walked.map((p) => `${p.path} ${emailOf(p.as)}`));
  const extra = new Map<string, { path: string; email: string | null }>();
  for (const route of routeEntries().filter((r) => r.file.endsWith('.tsx') && r.path !== '/*')) {
    for (const year of [2019, 2021]) {
      const path = route.path
        .replace(':year', String(year))
        .replace(':roundId', String(assignment.roundId))
        .replace(':applicationId', String(assignment.applicationId))
        .replace(':section', 'pitch')
        .replace(':token', 'no-such-invitation');
      const email = bySegment[path.split('/')[1]] ?? null;
      if (!seen.has(`${path} ${email}`)) extra.set(`${path} ${email}`, { path, email });
    }
  }
  return [...extra.values()];
}

beforeAll(async () => {
  walk = pages();
  nulOnly = nulOnlyPages(walk);
  const emails = new Set([...Object.values(ACCOUNT), ...nulOnly.map((p) => p.email)].filter((e): e is string => e !== null));
  for (const email of emails) {
    const user = getDb().select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.email, email)).get()!;
    sessions.set(email, cookieFrom(await startSession(user.id, { ip: '127.0.0.1', userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36' })));
  }
});

/** The language cookie as the server signs it (a plain cookie: base64 of the JSON value). */
const languageCookie = (lang: Lang) => `palmares_lang=${Buffer.from(JSON.stringify(lang)).toString('base64')}`;

/** Puts the role's session cookie in a browser context (nothing for the public). */
async function signIn(browser: BrowserHandle, role: Role): Promise<void> {
  const email = emailOf(role);
  if (email === null) return;
  const pair = sessions.get(email)!;
  const at = pair.indexOf('=');
  await browser.context.addCookies([{ name: pair.slice(0, at), value: pair.slice(at + 1), url: baseURL() }]);
}

/** A page as the account sees it in that language: its status and its bytes. */
async function fetchPage(path: string, email: string | null, lang: Lang): Promise<{ status: number; bytes: Buffer }> {
  const cookie = [languageCookie(lang), email === null ? undefined : sessions.get(email)].filter(Boolean).join('; ');
  const response = await fetch(url(path), { headers: { Cookie: cookie }, redirect: 'manual' });
  return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()) };
}

/** Where the page's bytes hold a U+0000, if anywhere. */
function nulIn(path: string, status: number, bytes: Buffer): string[] {
  const at = bytes.indexOf(0);
  return at >= 0 ? [`${path} (${status}): 0x00 at byte ${at} of ${bytes.length}`] : [];
}

/** What a reader meets on the page: text, the document title, and labels that are read aloud or shown on hover. */
function readableText(html: string): string {
  const attributes = [...html.matchAll(/\s(?:aria-label|title|alt|placeholder)="([^"]*)"/g)].map((m) => m[1]);
  const body = html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    // Program listings (the recomputation script on /method) have braces of their own.
    .replace(/<pre[\s\S]*?<\/pre>/g, ' ')
    .replace(/<[^>]+>/g, ' ');
  return [body, ...attributes]
    .join('\n')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

const KEYS = new Set(Object.keys(en));

describe('every page, both languages, over HTTP', () => {
  it('routes: every page route is walked or named as not a page', () => {
    const walked = new Set(walk.map((p) => p.route));
    const missing = routeEntries()
      .map((r) => r.id)
      .filter((id) => id !== 'root' && !walked.has(id) && !(id in NOT_PAGES));
    expect(missing).toEqual([]);
  });

  it.each(['en', 'fr'] as const)(
    '%s: each page answers, with no U+0000, no {placeholder}, no raw message key, no duplicate id',
    async (lang) => {
      const problems: string[] = [];
      const fetched: string[] = [];
      for (const page of walk) {
        const { status, bytes } = await fetchPage(page.path, emailOf(page.as), lang);
        fetched.push(`${page.path} ${status}`);
        problems.push(...nulIn(page.path, status, bytes));
        const html = bytes.toString('utf8');
        if (status !== (page.status ?? 200)) problems.push(`${page.path}: status ${status}`);
        const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
        for (const id of new Set(ids.filter((id, i) => ids.indexOf(id) !== i))) problems.push(`${page.path}: duplicate id ${id}`);
        const text = readableText(html);
        for (const m of text.matchAll(/\{[A-Za-z_#][\w#, ]*\}/g)) problems.push(`${page.path}: placeholder ${m[0]}`);
        for (const m of text.matchAll(/\b[a-z][A-Za-z]*(?:\.[A-Za-z_]+)+\b/g)) if (KEYS.has(m[0])) problems.push(`${page.path}: raw key ${m[0]}`);
      }
      for (const { path, email } of nulOnly) {
        const { status, bytes } = await fetchPage(path, email, lang);
        fetched.push(`${path} ${status}`);
        problems.push(...nulIn(path, status, bytes));
      }
      expect(problems, fetched.join('\n')).toEqual([]);
      // The pages issue 13 found a U+0000 on were fetched, with their content.
      expect(fetched).toEqual(expect.arrayContaining(['/organise/2021/applications 200', '/organise/2021/assignments 200']));
    },
  );
});

describe('screenshots for a human (SCREENSHOTS=1 only)', () => {
  it.skipIf(process.env.SCREENSHOTS !== '1')('the audit log in both languages, and /account', async () => {
    for (const lang of ['en', 'fr'] as const) {
      const browser = await openBrowser({ viewport: SIZE.organiser, locale: lang === 'fr' ? 'fr-FR' : 'en-GB' });
      await signIn(browser, 'organiser');
      await browser.page.goto(url('/organise/2020/audit'));
      await screenshot(browser.page, `audit-2020-${lang}`);
      await browser.close();
    }
    const phone = await openBrowser({ viewport: SIZE.founder, locale: 'fr-FR', isMobile: true, hasTouch: true });
    await signIn(phone, 'founder');
    await phone.page.goto(url('/account'));
    await screenshot(phone.page, 'account-fr-phone');
  });
});

/** axe-core's minified build, run in every document of a context before the page's own scripts. */
const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

describe('every page in Chromium, in French, at its users’ size', () => {
  it.each(['public', 'founder', 'judge', 'organiser'] as const)(
    '%s pages: 0 serious or critical axe findings, no console error, no horizontal overflow',
    async (role) => {
      const findings: string[] = [];
      const { width, height } = SIZE[role];
      const browser = await openBrowser({ viewport: { width, height }, locale: 'fr-FR', isMobile: width < 500, hasTouch: role !== 'organiser' });
      // The pages answered 404 (or 410, a dead reset link) on purpose: Chromium reports the document's status on the console.
      browser.allowConsoleError(/Failed to load resource: the server responded with a status of (404|410)/);
      // Through the DevTools protocol, not a <script>: the page's CSP refuses inline scripts, as it should.
      await browser.context.addInitScript({ path: AXE_SCRIPT });
      await signIn(browser, role);
      const tab = browser.page;
      for (const page of walk.filter((p) => p.as === role)) {
        const started = Date.now();
        await tab.goto(url(page.path));
        await hydrated(tab);
        const violations = await tab.evaluate(async () => {
          const result = await (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] });
          return result.violations
            .filter((v) => v.impact === 'serious' || v.impact === 'critical')
            .map((v) => ({ id: v.id, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
        });
        for (const v of violations) {
          if (AXE_ALLOWED.some((a) => a.rule === v.id && a.path.test(page.path))) continue;
          findings.push(`${page.path}: axe ${v.id} at ${v.targets.join(', ')}`);
        }
        const scrollWidth = await tab.evaluate(() => Math.max(document.documentElement.scrollWidth, window.innerWidth));
        if (scrollWidth > width && !OVERFLOW_ALLOWED.some((a) => a.path.test(page.path))) {
          findings.push(`${page.path}: ${scrollWidth}px wide at ${width}px`);
        }
        if (process.env.WALK_TIMES) console.log(page.path, Date.now() - started, 'ms');
        await screenshot(tab, `walk-${page.path.replace(/\W+/g, '-').replace(/^-|-$/g, '') || 'home'}`);
      }
      expect(findings).toEqual([]);
    },
    // About 40 s per role on a quiet machine; generous for a loaded one.
    300_000,
  );
});
