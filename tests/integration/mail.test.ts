/**
 * Mail through the outbox (decision 028): written in the change's transaction, delivered by the
 * sender over real SMTP to an in-process `smtp-server` (the whole conversation: envelope, subject,
 * both parts, language), tried again with backoff after a refusal, written as .eml without SMTP,
 * and shown to organisers at /organise/outbox without its single-use link.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMail } from '~/domain/mail-templates';
import { loader as messageLoader, action as messageAction } from '~/routes/organise.outbox.$messageId';
import { loader as outboxLoader } from '~/routes/organise.outbox._index';
import { getDb, schema } from '~/utils/db.server';
import { createInvitation } from '~/utils/invitations.server';
import { enqueueResultsNotices } from '~/utils/mail-messages.server';
import { deliverDueMail, enqueueMail, fileTransport, mailTranslator, MAIL_RETRY, retryMail, smtpTransport } from '~/utils/mail.server';
import { judgingEdition, load, post, type JudgingEdition } from '../fixtures/judging';
import { readMail, linkIn, type ReadMail } from '../fixtures/mail';
import { createUser, sessionCookie } from '../fixtures/users';

interface Received {
  from: string;
  to: string[];
  mail: ReadMail;
}

/** An SMTP server on a random port that keeps what it receives; `refuse` makes it answer 451 to RCPT TO. */
async function startSmtp() {
  const received: Received[] = [];
  const state = { refuse: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (state.refuse > 0) {
        state.refuse -= 1;
        const error = Object.assign(new Error('Mailbox busy, try later'), { responseCode: 451 });
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          mail: readMail(Buffer.concat(chunks)),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return { received, state, url: `smtp://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

let e: JudgingEdition;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
const outboxDir = fs.mkdtempSync(path.join(os.tmpdir(), 'palmares-outbox-'));
const MAIL = { origin: 'https://palmares.test', lang: 'fr' as const };
const m = schema.mailOutbox;
const row = (id: number) => getDb().select().from(m).where(eq(m.id, id)).get()!;
const lastId = () => getDb().select({ id: m.id }).from(m).orderBy(m.id).all().at(-1)!.id;

beforeAll(async () => {
  e = await judgingEdition(2061, { applications: 3, judges: 1 });
  smtp = await startSmtp();
});

afterAll(async () => {
  await smtp.close();
  fs.rmSync(outboxDir, { recursive: true, force: true });
});

/** Delivers everything due now (and nothing else is queued in between: tests run in order). */
async function deliver(at = new Date(), transport = smtpTransport(smtp.url, 'Palmarès <no-reply@palmares.test>')) {
  return deliverDueMail({ transport, now: () => at, baseMs: 1_000 });
}

describe('a judge invitation', () => {
  it('is queued in the invitation’s transaction, its link sealed, and goes over SMTP in both parts and in French', async () => {
    const { token, invitation } = createInvitation({ editionId: e.edition.id, actorId: e.organiser.id, email: 'juge@example.org', mail: MAIL });
    const queued = getDb().select().from(m).where(eq(m.toAddress, 'juge@example.org')).get()!;
    expect(queued).toMatchObject({ status: 'queued', attempts: 0, template: 'invitation.judge', lang: 'fr', editionId: e.edition.id });
    // The token is nowhere in clear in the outbox row.
    expect(JSON.stringify(queued)).not.toContain(token);
    expect(queued.secret).toMatch(/^v1\./);

    expect(await deliver()).toEqual({ sent: 1, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    const got = smtp.received[0];
    expect(got.to).toEqual(['juge@example.org']);
    expect(got.from).toBe('no-reply@palmares.test');
    expect(got.mail.subject).toBe(`Vous êtes invité·e à faire partie du jury de GovTech Summit 2061`);
    expect(got.mail.headers['content-language']).toBe('fr');
    expect(got.mail.headers['content-type']).toMatch(/^multipart\/alternative/);
    expect(linkIn(got.mail, '/invite/')).toBe(`https://palmares.test/invite/${token}`);
    expect(got.mail.text).toContain('Organiser 2061 vous invite');
    expect(got.mail.html).toContain(`<a href="https://palmares.test/invite/${token}"`);
    expect(got.mail.html).toContain('<html lang="fr">');
    expect(invitation.email).toBe('juge@example.org');

    const sent = row(queued.id);
    expect(sent).toMatchObject({ status: 'sent', attempts: 1, lastError: null, secret: null });
    expect(sent.sentAt).toBeInstanceOf(Date);
  });

  it('is not queued when the invitation is refused (same transaction)', () => {
    const before = getDb().select().from(m).all().length;
    expect(() => createInvitation({ editionId: e.edition.id, actorId: e.organiser.id, email: 'juge@example.org', mail: MAIL })).toThrow();
    expect(getDb().select().from(m).all().length).toBe(before);
  });
});

describe('the sender', () => {
  it('tries again with a growing delay after the SMTP server refuses, keeping attempts and the last error', async () => {
    const id = getDb().transaction((tx) =>
      enqueueMail(tx, { to: 'busy@example.org', lang: 'en', template: 'password.reset', params: { name: 'Busy', expiresAt: '2030-01-01T10:00:00Z' }, link: 'https://palmares.test/reset-password/abc' }),
    );
    smtp.state.refuse = 2;
    const t0 = new Date();
    expect(await deliver(t0)).toEqual({ sent: 0, failed: 1 });
    let r = row(id);
    expect(r).toMatchObject({ status: 'queued', attempts: 1 });
    expect(r.lastError).toMatch(/451/);
    expect(r.nextAttemptAt.getTime()).toBe(t0.getTime() + 1_000);
    expect(r.secret).not.toBeNull();

    expect(await deliver(new Date(t0.getTime() + 999))).toEqual({ sent: 0, failed: 0 });
    expect(await deliver(new Date(t0.getTime() + 1_000))).toEqual({ sent: 0, failed: 1 });
    r = row(id);
    expect(r.attempts).toBe(2);
    // Doubled: 2 s after the second failure.
    expect(r.nextAttemptAt.getTime()).toBe(t0.getTime() + 1_000 + 2_000);

    const count = smtp.received.length;
    expect(await deliver(new Date(t0.getTime() + 3_000))).toEqual({ sent: 1, failed: 0 });
    r = row(id);
    expect(r).toMatchObject({ status: 'sent', attempts: 3, secret: null, lastError: null });
    expect(smtp.received[count].mail.subject).toBe('Reset your Palmarès password');
    expect(smtp.received[count].mail.text).toContain('https://palmares.test/reset-password/abc');
  });

  it('gives up after the last attempt (failed), and an organiser queues it again (audited)', async () => {
    const id = getDb().transaction((tx) =>
      enqueueMail(tx, { to: 'nowhere@example.org', lang: 'en', template: 'password.reset', params: { name: 'N', expiresAt: '2030-01-01T10:00:00Z' } }),
    );
    getDb().update(m).set({ attempts: MAIL_RETRY.maxAttempts - 1 }).where(eq(m.id, id)).run();
    smtp.state.refuse = 1;
    expect(await deliver()).toEqual({ sent: 0, failed: 1 });
    expect(row(id)).toMatchObject({ status: 'failed', attempts: MAIL_RETRY.maxAttempts });

    const list = await load(outboxLoader, '/organise/outbox?status=failed', {}, e.organiser.cookie);
    expect(list.data.outbox.map((message: { id: number }) => message.id)).toEqual([id]);
    expect(list.data.outbox[0].lastError).toMatch(/451/);

    const retried = await post(messageAction, `/organise/outbox/${id}`, { messageId: String(id) }, { intent: 'retry' }, e.organiser.cookie);
    expect(retried.status).toBe(302);
    expect(row(id)).toMatchObject({ status: 'queued', attempts: 0 });
    const audit = getDb().select().from(schema.auditEvents).orderBy(schema.auditEvents.id).all().at(-1)!;
    expect(audit).toMatchObject({ action: 'mail.retry', entityType: 'mail', entityId: String(id), actorId: e.organiser.id });
    expect(() => retryMail({ id, actorId: e.organiser.id })).toThrow();
    expect(await deliver()).toEqual({ sent: 1, failed: 0 });
  });

  it('writes each message as an .eml file when no SMTP server is set', async () => {
    const id = getDb().transaction((tx) =>
      enqueueMail(tx, { to: 'eml@example.org', lang: 'en', template: 'password.reset', params: { name: 'Eml', expiresAt: '2030-01-01T10:00:00Z' }, link: 'https://palmares.test/reset-password/xyz' }),
    );
    expect(await deliver(new Date(), fileTransport(outboxDir, 'Palmarès <no-reply@palmares.test>'))).toEqual({ sent: 1, failed: 0 });
    const file = path.join(outboxDir, `${String(id).padStart(6, '0')}-password.reset.eml`);
    const mail = readMail(fs.readFileSync(file));
    expect(mail.headers.to).toBe('eml@example.org');
    expect(mail.subject).toBe('Reset your Palmarès password');
    expect(linkIn(mail, '/reset-password/')).toBe('https://palmares.test/reset-password/xyz');
    expect(mail.html).toContain('href="https://palmares.test/reset-password/xyz"');
    expect(row(id).status).toBe('sent');
  });
});

describe('the outbox page', () => {
  it('shows a message without its single-use link, and only to organisers', async () => {
    createInvitation({ editionId: e.edition.id, actorId: e.organiser.id, email: 'hidden@example.org', mail: MAIL });
    const id = lastId();
    const page = await load(messageLoader, `/organise/outbox/${id}`, { messageId: String(id) }, e.organiser.cookie);
    expect(page.status).toBe(200);
    expect(page.data.message.text).toContain('[lien à usage unique, montré à son seul destinataire]');
    expect(page.data.message.text).not.toContain('/invite/');
    expect(JSON.stringify(page.data)).not.toContain('"secret"');
    const founder = await load(messageLoader, `/organise/outbox/${id}`, { messageId: String(id) }, await sessionCookie(e.founders[0].id));
    expect(founder.status).toBe(403);
  });
});

describe('templates', () => {
  it('escape what people typed in the HTML part', () => {
    const t = mailTranslator('en');
    const mail = renderMail(
      'application.received',
      {
        founderName: '<b>Eve</b>',
        editionName: 'GovTech Summit 2030',
        startupName: '<script>alert(1)</script>',
        submittedAt: '2030-05-01T10:00:00Z',
        url: 'https://palmares.test/apply/2030',
        summary: [{ label: 'One-liner', value: '"quotes" & <tags>' }],
      },
      { lang: 'en', t, link: null },
    );
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.html).toContain('&quot;quotes&quot; &amp; &lt;tags&gt;');
    expect(mail.text).toContain('<script>alert(1)</script>');
    expect(mail.subject).toBe('Application received: <script>alert(1)</script> — GovTech Summit 2030');
  });
});

describe('the results notice', () => {
  it('goes to each founder of a submitted application, in their language, naming them only with consent', async () => {
    const db = getDb();
    const [a, b, c] = e.applications;
    db.update(schema.applications).set({ consentToPublication: true }).where(eq(schema.applications.id, a.id)).run();
    db.update(schema.applications).set({ status: 'withdrawn', withdrawnAt: new Date() }).where(eq(schema.applications.id, c.id)).run();
    db.update(schema.users).set({ preferredLanguage: 'en' }).where(eq(schema.users.id, e.founders[1].id)).run();
    const draftFounder = await createUser('draft-2061@example.org');
    db.insert(schema.applications).values({ editionId: e.edition.id, founderId: draftFounder.id, startupName: 'Draft', updatedAt: new Date() }).run();

    const before = lastId();
    const count = db.transaction((tx) => enqueueResultsNotices(tx, e.edition.id, MAIL));
    expect(count).toBe(2);
    const notices = db.select().from(m).all().filter((message) => message.id > before);
    expect(notices.map((n) => [n.toAddress, n.lang])).toEqual([
      [e.founders[0].email, 'fr'],
      [e.founders[1].email, 'en'],
    ]);
    const text = (id: number) => renderMail('results.published', row(id).params as never, { lang: row(id).lang, t: mailTranslator(row(id).lang), link: null }).text;
    expect(text(notices[0].id)).toContain(`les résultats publics nomment ${a.startupName}`);
    expect(text(notices[1].id)).toContain(`as “Startup A${b.id}”`);
    expect(text(notices[1].id)).toContain('https://palmares.test/me');
  });
});
