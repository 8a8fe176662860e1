/**
 * A real edition run from an empty database (issue 10, "Done when"), in Chromium against the built
 * server on a database of its own — migrated, never seeded:
 *
 * 1. `npm run organiser:create` (its command, in process: migrations and the first account);
 * 2. the organiser logs in through the form, creates edition 2030, sets up a track, a criterion
 *    and a screening round, and opens it from the status step of its settings;
 * 3. a founder signs up, applies and submits: the "application received" receipt is in the
 *    outbox, on /organise/outbox and as an .eml file in MAIL_OUTBOX_DIR;
 * 4. the organiser invites a judge by mail; the judge chooses a password from the mailed link and
 *    scores the application assigned to them (without submitting it), logs out, forgets the
 *    password, follows the mailed reset link (single use) and logs in with the new one;
 * 5. the organiser starts judging (the step's summary and its confirmation) and locks the round,
 *    which first lists the scoresheet still in draft and needs the box ticked.
 *
 * One test: each step needs the one before. Fresh contexts per person, no fixed sleeps (mail is
 * awaited by polling the outbox folder). With SCREENSHOTS=1, screenshots of each step's page go to
 * tests/.tmp/screenshots/journey-*.png.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client';
import { organiserCreateCommand } from '../../db/organiser-create';
import { tinyPdf } from '../fixtures/applications';
import { linkIn, readMail, type ReadMail } from '../fixtures/mail';
import { fillAndSave, main, startApplication } from './application-form';
import { hydrated, openBrowser, routerIdle, screenshot, VIEWPORTS } from './fixtures';
import { freePort, readDatabase, ROOT, startServerProcess, type ServerProcess } from './server-process';

const YEAR = 2030;
const EDITION = 'GovTech Summit 2030 — Pitch competition';
const ORGANISER = { email: 'ada@summit.example', name: 'Ada Organiser', password: 'the first organiser passphrase' };
const FOUNDER = { email: 'tomas@civix.example', name: 'Tomás Founder', password: 'a founder passphrase' };
const JUDGE = { email: 'grace@jury.example', name: 'Grace Judge', password: 'the judge first passphrase', newPassword: 'the judge second passphrase' };
const STARTUP = 'Civix';

const dir = path.join(ROOT, 'tests', '.tmp', `journey-${process.pid}`);
const databasePath = path.join(dir, 'palmares.db');
const outboxDir = path.join(dir, 'outbox');
let server: ServerProcess | null = null;
let base = '';

const at = (pathname: string) => new URL(pathname, base).toString();

const readDb = <T>(read: (db: Database.Database) => T): T => readDatabase(databasePath, read);

/** The message of this kind to this address, once the server's sender has written it. */
async function mailTo(to: string, template: string): Promise<ReadMail> {
  let found: ReadMail | null = null;
  await expect
    .poll(
      () => {
        const files = fs.existsSync(outboxDir) ? fs.readdirSync(outboxDir).filter((f) => f.endsWith(`-${template}.eml`)).sort() : [];
        found = files.map((f) => readMail(fs.readFileSync(path.join(outboxDir, f)))).filter((m) => m.headers.to?.includes(to)).pop() ?? null;
        return found !== null;
      },
      { timeout: 15_000, message: `no ${template} message to ${to} in ${outboxDir}` },
    )
    .toBe(true);
  return found!;
}

/** Chromium's report of an expected 4xx answer for the document or its single-fetch request. */
function expectedStatus(pathPrefix: string, status: number): RegExp {
  return new RegExp(`Failed to load resource: the server responded with a status of ${status} .*\\(https?://[^/]+${pathPrefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
}

async function logIn(page: Page, email: string, password: string, landing: string) {
  await page.goto(at('/login'));
  await hydrated(page);
  await main(page).getByLabel('Email address').fill(email);
  await main(page).getByLabel('Password', { exact: true }).fill(password);
  await main(page).getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL((u) => u.pathname === landing);
}

/** Fills a set-up form (found by its legend) and submits it. */
async function addOnSetup(page: Page, legend: string, fields: Record<string, string>, submit: string) {
  const form = main(page).locator('form').filter({ has: page.locator('legend', { hasText: legend }) });
  for (const [label, value] of Object.entries(fields)) await form.getByLabel(label, { exact: true }).fill(value);
  await form.getByRole('button', { name: submit }).click();
}

beforeAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  // 1. `npm run organiser:create -- --email … --name …` with ORGANISER_PASSWORD, in process: it
  // migrates the missing database, then creates the account (tests/integration/organiser-create.test.ts).
  const db = openDatabase(databasePath);
  try {
    const line = await organiserCreateCommand(['--email', ORGANISER.email, '--name', ORGANISER.name], {
      env: { ORGANISER_PASSWORD: ORGANISER.password },
      db,
    });
    expect(line).toBe(`Organiser ${ORGANISER.name} <${ORGANISER.email}> created in ${databasePath}. Log in at /login.`);
  } finally {
    db.$client.close();
  }
  // Nothing but the organiser: no demo, no edition.
  expect(readDb((d) => d.prepare("select (select count(*) from users) as users, (select count(*) from editions) as editions").get())).toEqual({
    users: 1,
    editions: 0,
  });
  server = await startServerProcess({
    port: await freePort(),
    databasePath,
    uploadsDir: path.join(dir, 'uploads'),
    sessionSecret: crypto.randomBytes(32).toString('hex'),
    logLevel: 'error',
    env: { MAIL_OUTBOX_DIR: outboxDir },
  });
  base = server.base;
});

afterAll(async () => {
  await server?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('an edition run from an empty database', () => {
  // One test carries the whole journey (each step needs the one before): longer than the
  // project's 60 s per test when seven engineers share the 2 cores.
  it('organiser:create, edition 2030 opened, a founder applies, a judge scores and resets their password, judging starts and the round locks', { timeout: 180_000 }, async () => {
    // ── 2. The organiser logs in, creates 2030, sets up its judging and opens it. ──
    const organiser = await openBrowser({ viewport: VIEWPORTS.tabletLandscape });
    const op = organiser.page;
    await logIn(op, ORGANISER.email, ORGANISER.password, '/organise');
    await main(op).getByRole('link', { name: 'New edition' }).click();
    await op.waitForURL((u) => u.pathname === '/organise/new');
    await hydrated(op);
    const opensAt = new Date(Date.now() - 24 * 3600_000).toLocaleString('sv-SE', { timeZone: 'Europe/Paris' }).slice(0, 16).replace(' ', 'T');
    const create = main(op).locator('form');
    await create.getByLabel('Year').fill(String(YEAR));
    await create.getByLabel('Name in English').fill(EDITION);
    await create.getByLabel('Name in French').fill('GovTech Summit 2030 — Concours de pitchs');
    await create.getByLabel('First day of the summit').fill('2030-06-12');
    await create.getByLabel('Last day of the summit').fill('2030-06-13');
    await create.getByLabel('City').fill('Paris');
    await create.getByLabel('Applications open').fill(opensAt);
    await create.getByLabel('Applications close').fill('2030-03-01T12:00');
    await create.getByLabel('Public description in English').fill('The pitch competition of the 2030 summit.');
    await create.getByLabel('Public description in French').fill('Le concours de pitchs du sommet 2030.');
    await create.getByRole('button', { name: 'Create the edition' }).click();
    await op.waitForURL((u) => u.pathname === `/organise/${YEAR}/settings`);
    await main(op).getByText(`Edition ${YEAR} created as a draft.`, { exact: false }).waitFor();
    const openStep = main(op).getByTestId('step-open');
    await openStep.getByText('Add at least one track first (set-up page).').waitFor();
    await screenshot(op, 'journey-2-created');

    await main(op).getByRole('navigation', { name: `Pages of the ${YEAR} edition` }).getByRole('link', { name: 'Set-up' }).click();
    await op.waitForURL((u) => u.pathname === `/organise/${YEAR}`);
    await hydrated(op);
    await addOnSetup(op, 'Add a track', { 'Name in French': 'Services publics', 'Name in English': 'Public services' }, 'Add the track');
    await main(op).locator('#tracks').getByRole('link', { name: 'Edit Public services' }).waitFor();
    await addOnSetup(op, 'Add a criterion', { 'Name in French': 'Impact', 'Name in English': 'Impact' }, 'Add the criterion');
    await main(op).locator('#criteria').getByRole('link', { name: 'Edit Impact' }).waitFor();
    await addOnSetup(op, 'Add a round', {}, 'Add the round');
    await main(op).locator('#rounds').getByRole('button', { name: 'Lock Screening' }).waitFor();

    await main(op).getByRole('navigation', { name: `Pages of the ${YEAR} edition` }).getByRole('link', { name: 'Settings' }).click();
    await op.waitForURL((u) => u.pathname === `/organise/${YEAR}/settings`);
    await hydrated(op);
    await openStep.getByText('The edition becomes public: its page, and applications within its window.').waitFor();
    await openStep.getByRole('button', { name: 'Open applications' }).click();
    await main(op).getByText('The edition is now: Open for applications.').waitFor();
    await screenshot(op, 'journey-2-opened');
    expect(readDb((d) => d.prepare('select status from editions where year = ?').get(YEAR))).toEqual({ status: 'open' });

    // ── 3. A founder signs up, applies and submits; the receipt is in the outbox. ──
    const founder = await openBrowser({ viewport: VIEWPORTS.tabletLandscape });
    const fp = founder.page;
    await fp.goto(at('/signup'));
    await hydrated(fp);
    await main(fp).getByLabel('Full name').fill(FOUNDER.name);
    await main(fp).getByLabel('Email address').fill(FOUNDER.email);
    await main(fp).getByLabel('Password', { exact: true }).fill(FOUNDER.password);
    await main(fp).getByRole('button', { name: 'Create my account' }).click();
    await fp.waitForURL((u) => u.pathname === '/me');
    await main(fp).getByRole('link', { name: `Apply to ${EDITION}` }).click();
    await fp.waitForURL((u) => u.pathname === `/apply/${YEAR}`);
    await hydrated(fp);
    await startApplication(fp, YEAR, { name: STARTUP, theme: 'Public services' });
    const save = (next: string, fields: Record<string, string>) => fillAndSave(fp, fields, `/apply/${YEAR}/${next}`);
    await save('pitch', {});
    await save('impact', {
      'One-liner': 'Public spending, line by line.',
      Problem: 'Citizens cannot follow public spending.',
      Solution: 'A public ledger of every invoice.',
    });
    await save('business', { 'Impact for the public sector': 'Three ministries publish every invoice within a week.' });
    await save('team', { 'Business model': 'Administrations pay a yearly licence.', Traction: 'Three ministries.' });
    await save('files', { Team: 'Tomás (CEO) and Ana (CTO).' });
    await hydrated(fp);
    const deckBox = main(fp).getByRole('region', { name: 'Pitch deck' });
    await deckBox.getByLabel('Choose your pitch deck').setInputFiles({ name: `${STARTUP} pitch.pdf`, mimeType: 'application/pdf', buffer: tinyPdf(STARTUP) });
    await deckBox.getByRole('button', { name: 'Upload the pitch deck' }).click();
    await deckBox.getByText('Pitch deck uploaded.').waitFor();
    await main(fp).getByRole('link', { name: 'Continue' }).click();
    await fp.waitForURL((u) => u.pathname === `/apply/${YEAR}/consent`);
    await hydrated(fp);
    await main(fp).getByRole('group', { name: 'Publication of your name and logo' }).getByRole('radio', { name: /^Yes/ }).check();
    await main(fp).getByRole('button', { name: 'Save and continue' }).click();
    await fp.waitForURL((u) => u.pathname === `/apply/${YEAR}`);
    await hydrated(fp);
    await main(fp).getByRole('button', { name: 'Submit my application' }).click();
    await fp.waitForURL((u) => u.pathname === `/apply/${YEAR}` && u.searchParams.get('submitted') === '1');
    await main(fp).getByRole('heading', { name: 'Application submitted' }).waitFor();
    await screenshot(fp, 'journey-3-submitted');

    const receipt = await mailTo(FOUNDER.email, 'application.received');
    expect(receipt.subject).toBe(`Application received: ${STARTUP} — ${EDITION}`);
    expect(receipt.text).toContain(`Hello ${FOUNDER.name},`);
    expect(receipt.text).toContain('Public spending, line by line.');
    expect(receipt.text).toContain(`${STARTUP} pitch.pdf`);
    // The organisers' outbox lists it as sent (the .eml is written just before the row says so).
    const receiptRow = main(op).getByRole('row').filter({ hasText: `Application received: ${STARTUP}` });
    await expect
      .poll(async () => {
        await op.goto(at('/organise/outbox'));
        return (await receiptRow.textContent()) ?? '';
      })
      .toMatch(new RegExp(`${FOUNDER.email}.*Sent`));
    await screenshot(op, 'journey-3-outbox');

    // ── 4. The organiser invites a judge by mail; the judge joins from the mailed link. ──
    await op.goto(at(`/organise/${YEAR}/judges`));
    await hydrated(op);
    await op.locator('#invite').getByLabel('Email address').fill(JUDGE.email);
    await op.getByRole('button', { name: 'Invite', exact: true }).click();
    await op.getByTestId('invitation-link').waitFor();
    const invitation = await mailTo(JUDGE.email, 'invitation.judge');
    expect(invitation.subject).toBe(`You are invited to judge ${EDITION}`);
    expect(invitation.text).toContain(`${ORGANISER.name} invites you to join the jury of ${EDITION}.`);

    const judge = await openBrowser({ viewport: VIEWPORTS.tabletPortrait, hasTouch: true, isMobile: true });
    const jp = judge.page;
    await jp.goto(linkIn(invitation, '/invite/'));
    await hydrated(jp);
    await main(jp).getByText(JUDGE.email).waitFor();
    await main(jp).getByLabel('Full name').fill(JUDGE.name);
    await main(jp).getByLabel('Password', { exact: true }).fill(JUDGE.password);
    await main(jp).getByRole('button', { name: 'Create my judge account' }).tap();
    await jp.waitForURL((u) => u.pathname === `/judge/${YEAR}`);
    await main(jp).getByText('No pitch is assigned to you yet.', { exact: false }).waitFor();

    // The organiser assigns the application to the judge; the judge scores it (a draft: not submitted).
    await op.goto(at(`/organise/${YEAR}/assignments`));
    await hydrated(op);
    await op.getByRole('button', { name: `Assign ${JUDGE.name} to ${STARTUP}`, exact: true }).click();
    await op.getByRole('button', { name: `Take ${JUDGE.name} off ${STARTUP}`, exact: true }).waitFor();
    await jp.reload();
    await hydrated(jp);
    await main(jp).getByRole('link', { name: `Score next: ${STARTUP}` }).tap();
    await jp.getByRole('heading', { level: 1, name: STARTUP }).waitFor();
    await hydrated(jp);
    await main(jp).getByRole('group', { name: /^Impact/ }).getByRole('radio', { name: '7' }).tap();
    await main(jp).locator('.scoresheet__actions .save-status').getByText(/^Saved at \d\d:\d\d$/).waitFor();
    await screenshot(jp, 'journey-4-scored');
    expect(readDb((d) => d.prepare('select s.status, sc.value from scoresheets s join scores sc on sc.scoresheet_id = s.id').all())).toEqual([
      { status: 'draft', value: 7 },
    ]);

    // The judge logs out, forgets the password, and resets it from the mailed link.
    await main(jp).getByRole('link', { name: 'Back to my pitches' }).tap();
    await jp.waitForURL((u) => u.pathname === `/judge/${YEAR}`);
    await main(jp).getByRole('link', { name: new RegExp(`^${STARTUP}`) }).locator('.pitch__state').getByText('Draft: 1 of 1 criterion scored').waitFor();
    await routerIdle(jp);
    await hydrated(jp);
    await jp.locator('header.site-header').getByRole('button', { name: 'Log out' }).tap();
    await jp.waitForURL((u) => u.pathname === '/');
    await jp.goto(at('/login'));
    await main(jp).getByRole('link', { name: 'Forgot your password?' }).tap();
    await jp.waitForURL((u) => u.pathname === '/forgot-password');
    await hydrated(jp);
    await main(jp).getByLabel('Email address').fill(JUDGE.email);
    await main(jp).getByRole('button', { name: 'Send me a link' }).tap();
    await main(jp).getByText(`If an account uses ${JUDGE.email}, a link to choose a new password is on its way.`, { exact: false }).waitFor();
    const reset = await mailTo(JUDGE.email, 'password.reset');
    expect(reset.subject).toBe('Reset your Palmarès password');
    expect(reset.text).toContain(`Hello ${JUDGE.name},`);
    const resetLink = linkIn(reset, '/reset-password/');
    await jp.goto(resetLink);
    await hydrated(jp);
    await main(jp).getByText(`For the account ${JUDGE.email}.`, { exact: false }).waitFor();
    await main(jp).getByLabel('New password').fill(JUDGE.newPassword);
    await main(jp).getByRole('button', { name: 'Save my new password' }).tap();
    await jp.waitForURL((u) => u.pathname === '/login' && u.searchParams.get('reset') === '1');
    await main(jp).getByText('Your password is changed', { exact: false }).waitFor();
    await screenshot(jp, 'journey-4-reset');
    // The link worked once.
    judge.allowConsoleError(expectedStatus('/reset-password/', 410));
    await jp.goto(resetLink);
    await main(jp).getByRole('heading', { name: 'This link does not work' }).waitFor();
    await logIn(jp, JUDGE.email, JUDGE.newPassword, '/judge');
    await main(jp).getByRole('link', { name: new RegExp(`${YEAR}`) }).first().tap();
    await jp.waitForURL((u) => u.pathname === `/judge/${YEAR}`);
    await main(jp).getByRole('link', { name: new RegExp(`^${STARTUP}`) }).locator('.pitch__state').getByText('Draft: 1 of 1 criterion scored').waitFor();

    // ── 5. The organiser starts judging, then locks the round past its confirmation. ──
    await op.goto(at(`/organise/${YEAR}/settings`));
    await hydrated(op);
    const judgingStep = main(op).getByTestId('step-judging');
    await judgingStep.getByText('1 submitted application will be judged.').waitFor();
    await judgingStep.getByText('The application window has not closed yet', { exact: false }).waitFor();
    await judgingStep.getByLabel('I have read the summary above and want to take this step').check();
    await judgingStep.getByRole('button', { name: 'Start judging' }).click();
    await main(op).getByText('The edition is now: Judging under way.').waitFor();
    await screenshot(op, 'journey-5-judging');
    // The founder's application is now read-only, closed before its date.
    await fp.reload();
    await main(fp).getByText('Applications are closed: your application can no longer be changed.', { exact: false }).waitFor();
    await main(fp).getByText('Applications are closed: the organisers started judging before the deadline.').waitFor();

    await op.goto(at(`/organise/${YEAR}#rounds`));
    await hydrated(op);
    const rounds = main(op).locator('#rounds');
    await rounds.getByText('1 scoresheet is still a draft and will not count').waitFor();
    await rounds.getByLabel('Lock anyway: missing and draft scoresheets will not count').check();
    await rounds.getByRole('button', { name: 'Lock Screening' }).click();
    await rounds.getByRole('button', { name: 'Unlock Screening' }).waitFor();
    await screenshot(op, 'journey-5-locked');
    expect(readDb((d) => d.prepare("select state from rounds where kind = 'screening'").get())).toEqual({ state: 'locked' });
    expect(
      readDb((d) => JSON.parse((d.prepare("select after from audit_events where action = 'round.lock'").get() as { after: string }).after)),
    ).toMatchObject({ state: 'locked', missing: 0, drafts: 1 });
    expect(readDb((d) => d.prepare('select status from editions where year = ?').get(YEAR))).toEqual({ status: 'judging' });
  });
});
