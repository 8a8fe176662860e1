/**
 * Mail through a transactional outbox (docs/decisions/028). A change that sends a message calls
 * `enqueueMail(tx, …)` inside its own transaction: the message is committed with the change or not
 * at all, and no request ever waits on SMTP. The sender loop (`startMailSender`, started by
 * server.js) delivers what is due, oldest first: over SMTP with nodemailer when SMTP_URL is set,
 * otherwise as `.eml` files in MAIL_OUTBOX_DIR. A failure is tried again with a growing delay
 * (30 s, 1 min, 2 min … at most 1 h), its attempts and last error kept; after MAX_ATTEMPTS the
 * message is `failed` and an organiser may queue it again from /organise/outbox.
 *
 * A single-use link (invitation, password reset) is never stored in clear: it is sealed with
 * AES-256-GCM under a key derived from SESSION_SECRET, opened only to send, and erased once sent.
 * The outbox page renders messages without it.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { and, asc, desc, eq, lte, type SQL } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { renderMail, type MailParams, type MailTemplate, type RenderedMail } from '~/domain/mail-templates';
import { editionName, type NamedEdition } from '~/domain/edition';
import { Refusal } from '~/domain/refusal';
import { isLang, type Lang, type MessageKey, type Params } from '~/i18n';
import { translate } from '~/i18n/messages.server';
import { auditedTransaction, type DbOrTx } from './audit.server';
import { getDb, schema } from './db.server';
import { env } from './env.server';
import { getLanguage } from './language.server';
import { log } from './log.server';

export const MAIL_RETRY = {
  /** The delay after the first failure; doubled after each next one. */
  baseMs: 30_000,
  maxDelayMs: 60 * 60_000,
  /** Attempts before a message is `failed`. */
  maxAttempts: 8,
  /** How long a message being sent is kept from another sender (a second process, a crash mid-send). */
  leaseMs: 10 * 60_000,
} as const;

/** The delay before the next attempt after `attempts` failed ones. */
export function retryDelayMs(attempts: number, baseMs: number = MAIL_RETRY.baseMs): number {
  return Math.min(MAIL_RETRY.maxDelayMs, baseMs * 2 ** Math.max(0, attempts - 1));
}

// ─── Sealed links ───────────────────────────────────────────────────────────

const SEAL_LABEL = 'palmares/mail-outbox-link/v1';

function sealKey(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, '', SEAL_LABEL, 32));
}

export function sealLink(link: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealKey(env().SESSION_SECRET), iv);
  const body = Buffer.concat([cipher.update(link, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
}

/** The link, with any secret of SESSION_SECRET (rotation); null when none opens it. */
export function openLink(sealed: string): string | null {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || !body) return null;
  for (const secret of env().SESSION_SECRETS) {
    try {
      const decipher = createDecipheriv('aes-256-gcm', sealKey(secret), Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      // another secret of the rotation, or none
    }
  }
  return null;
}

// ─── Writing a message ──────────────────────────────────────────────────────

/** Where links in mail point: PUBLIC_URL when set, else the request's own origin. */
export function mailOrigin(request: Request): string {
  return (env().PUBLIC_URL ?? new URL(request.url).origin).replace(/\/$/, '');
}

/** What a request that sends mail passes to the service that writes it. */
export interface MailContext {
  /** The origin of links (`mailOrigin(request)`). */
  origin: string;
  /** The page's language: the recipient's when they have no preference of their own. */
  lang: Lang;
}

/** The mail context of a request: its links' origin and its page language. */
export async function mailContext(request: Request): Promise<MailContext> {
  return { origin: mailOrigin(request), lang: await getLanguage(request) };
}

/** The recipient's language: their account's preference, else `fallback`. */
export function recipientLang(db: DbOrTx, email: string, fallback: Lang): Lang {
  const row = db.select({ lang: schema.users.preferredLanguage }).from(schema.users).where(eq(schema.users.email, email)).get();
  return row?.lang ?? fallback;
}

export function mailTranslator(lang: Lang) {
  return (key: MessageKey, params?: Params) => translate(lang, key, params);
}

export interface NewMail<K extends MailTemplate> {
  to: string;
  lang: Lang;
  template: K;
  params: MailParams[K];
  /** The message's single-use link: sealed, never stored in clear. */
  link?: string | null;
  editionId?: number | null;
  now?: Date;
}

let wake: (() => void) | null = null;

/** Queues a message in the caller's transaction; the sender delivers it once that commits. */
export function enqueueMail<K extends MailTemplate>(tx: DbOrTx, mail: NewMail<K>): number {
  const now = mail.now ?? new Date();
  const { subject } = renderMail(mail.template, mail.params, { lang: mail.lang, t: mailTranslator(mail.lang), link: null });
  const row = tx
    .insert(schema.mailOutbox)
    .values({
      toAddress: mail.to,
      lang: mail.lang,
      template: mail.template,
      params: mail.params as unknown as Record<string, unknown>,
      secret: mail.link ? sealLink(mail.link) : null,
      subject,
      editionId: mail.editionId ?? null,
      status: 'queued',
      attempts: 0,
      nextAttemptAt: now,
      createdAt: now,
    })
    .returning({ id: schema.mailOutbox.id })
    .get();
  // Runs after the (synchronous) transaction has committed or rolled back; a rolled-back message is simply not found.
  if (wake) setImmediate(wake);
  return row.id;
}

/** An invitation's mail (judge or organiser, by the role it grants), in the invitation's transaction. */
export function enqueueInvitationMail(
  tx: DbOrTx,
  invitation: {
    role: 'judge' | 'organiser';
    email: string;
    token: string;
    expiresAt: Date;
    inviterId: number;
    editionId: number | null;
    /** The edition's names (a judge invitation names it in the recipient's language). */
    edition?: NamedEdition;
    now?: Date;
  },
  mail: MailContext,
): number {
  const inviter = tx.select({ name: schema.users.name }).from(schema.users).where(eq(schema.users.id, invitation.inviterId)).get();
  const lang = recipientLang(tx, invitation.email, mail.lang);
  const common = {
    to: invitation.email,
    lang,
    link: `${mail.origin}/invite/${invitation.token}`,
    editionId: invitation.editionId,
    now: invitation.now,
  };
  const inviterName = inviter?.name ?? 'Palmarès';
  const expiresAt = invitation.expiresAt.toISOString();
  return invitation.role === 'organiser'
    ? enqueueMail(tx, { ...common, template: 'invitation.organiser', params: { inviterName, expiresAt } })
    : enqueueMail(tx, { ...common, template: 'invitation.judge', params: { inviterName, expiresAt, editionName: invitation.edition ? editionName(invitation.edition, lang) : '' } });
}

// ─── Sending ────────────────────────────────────────────────────────────────

export interface MailTransport {
  /** Delivers one message; throws on refusal. */
  send(message: { id: number; to: string; lang: Lang; template: string } & RenderedMail): Promise<void>;
  describe: string;
}

/** What nodemailer sends for one message, whichever the transport. */
function envelope(from: string, message: Parameters<MailTransport['send']>[0]) {
  return {
    from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    headers: { 'Content-Language': message.lang, 'X-Palmares-Template': message.template },
  };
}

/** nodemailer over SMTP. */
export function smtpTransport(url: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport(url);
  return {
    describe: 'smtp',
    async send(message) {
      await transporter.sendMail(envelope(from, message));
    },
  };
}

/** Each message as an .eml file (demo, development): what SMTP would have carried, byte for byte. */
export function fileTransport(dir: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    describe: `files:${dir}`,
    async send(message) {
      const info = await transporter.sendMail(envelope(from, message));
      fs.mkdirSync(dir, { recursive: true });
      const file = path.join(dir, `${String(message.id).padStart(6, '0')}-${message.template}.eml`);
      fs.writeFileSync(`${file}.partial`, info.message as Buffer);
      fs.renameSync(`${file}.partial`, file);
    },
  };
}

/** The transport the environment asks for. */
export function configuredTransport(): MailTransport {
  const { SMTP_URL, MAIL_FROM, MAIL_OUTBOX_DIR } = env();
  return SMTP_URL ? smtpTransport(SMTP_URL, MAIL_FROM) : fileTransport(path.resolve(process.cwd(), MAIL_OUTBOX_DIR), MAIL_FROM);
}

type OutboxRow = typeof schema.mailOutbox.$inferSelect;

/** A stored message rendered, with its link when `withLink` (to send) or a placeholder (to show). */
export function renderStored(row: OutboxRow, withLink: boolean): RenderedMail {
  const lang: Lang = isLang(row.lang) ? row.lang : 'en';
  const link = withLink && row.secret ? openLink(row.secret) : null;
  if (withLink && row.secret && link === null) throw new Error('the link could not be opened (SESSION_SECRET changed?)');
  return renderMail(row.template as MailTemplate, row.params as never, { lang, t: mailTranslator(lang), link });
}

/**
 * One pass of the sender: every due message, oldest first, one at a time. Returns how many were
 * sent and how many failed an attempt.
 */
export async function deliverDueMail({
  transport,
  now = () => new Date(),
  baseMs = MAIL_RETRY.baseMs,
  limit = 20,
}: {
  transport: MailTransport;
  now?: () => Date;
  baseMs?: number;
  limit?: number;
}): Promise<{ sent: number; failed: number }> {
  const db = getDb();
  const m = schema.mailOutbox;
  const due = db
    .select()
    .from(m)
    .where(and(eq(m.status, 'queued'), lte(m.nextAttemptAt, now())))
    .orderBy(asc(m.nextAttemptAt), asc(m.id))
    .limit(limit)
    .all();
  let sent = 0;
  let failed = 0;
  for (const row of due) {
    const started = now();
    // Claimed by moving its next attempt past a lease: a second sender skips it.
    const claimed = db
      .update(m)
      .set({ attempts: row.attempts + 1, nextAttemptAt: new Date(started.getTime() + MAIL_RETRY.leaseMs) })
      .where(and(eq(m.id, row.id), eq(m.status, 'queued'), eq(m.attempts, row.attempts)))
      .run();
    if (claimed.changes !== 1) continue;
    const attempts = row.attempts + 1;
    try {
      const rendered = renderStored(row, true);
      await transport.send({ id: row.id, to: row.toAddress, lang: isLang(row.lang) ? row.lang : 'en', template: row.template, ...rendered });
      db.update(m).set({ status: 'sent', sentAt: now(), secret: null, lastError: null }).where(eq(m.id, row.id)).run();
      sent += 1;
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
      const gaveUp = attempts >= MAIL_RETRY.maxAttempts;
      db.update(m)
        .set({ status: gaveUp ? 'failed' : 'queued', lastError: message, nextAttemptAt: new Date(now().getTime() + retryDelayMs(attempts, baseMs)) })
        .where(eq(m.id, row.id))
        .run();
      log.warn('mail_failed', { id: row.id, template: row.template, attempts, gaveUp, error: message });
      failed += 1;
    }
  }
  return { sent, failed };
}

let loop: { timer: NodeJS.Timeout | null; running: boolean; stopped: boolean } | null = null;

/** Starts the sender loop (server.js): a pass every `intervalMs`, and one soon after each message queued. */
export function startMailSender({ intervalMs = 5_000, transport = configuredTransport() }: { intervalMs?: number; transport?: MailTransport } = {}): void {
  if (loop) return;
  const state = { timer: null as NodeJS.Timeout | null, running: false, stopped: false };
  loop = state;
  const pass = async () => {
    if (state.running || state.stopped) return;
    state.running = true;
    if (state.timer) clearTimeout(state.timer);
    try {
      let result;
      do result = await deliverDueMail({ transport });
      while (!state.stopped && result.sent + result.failed >= 20);
    } catch (error) {
      log.error('mail_sender_error', { message: error instanceof Error ? error.message : String(error) });
    } finally {
      state.running = false;
      if (!state.stopped) state.timer = setTimeout(pass, intervalMs);
    }
  };
  wake = () => void pass();
  log.info('mail_sender_started', { transport: transport.describe });
  state.timer = setTimeout(pass, 0);
}

export function stopMailSender(): void {
  if (!loop) return;
  loop.stopped = true;
  if (loop.timer) clearTimeout(loop.timer);
  loop = null;
  wake = null;
}

// ─── The organisers' outbox ─────────────────────────────────────────────────

export function listOutbox({ status, limit = 200 }: { status?: schema.MailStatus; limit?: number } = {}) {
  const m = schema.mailOutbox;
  const conditions: (SQL | undefined)[] = [status ? eq(m.status, status) : undefined];
  return getDb()
    .select({
      id: m.id,
      toAddress: m.toAddress,
      subject: m.subject,
      template: m.template,
      lang: m.lang,
      status: m.status,
      attempts: m.attempts,
      lastError: m.lastError,
      createdAt: m.createdAt,
      nextAttemptAt: m.nextAttemptAt,
      sentAt: m.sentAt,
    })
    .from(m)
    .where(and(...conditions))
    .orderBy(desc(m.id))
    .limit(limit)
    .all();
}

/** One message as the outbox shows it: its single-use link replaced by a placeholder. */
export function outboxMessage(id: number) {
  const row = getDb().select().from(schema.mailOutbox).where(eq(schema.mailOutbox.id, id)).get();
  if (!row) return null;
  const rendered = renderStored(row, false);
  const { secret: _secret, params: _params, ...rest } = row;
  return { ...rest, text: rendered.text, html: rendered.html };
}

/** Queues a failed message again, with a fresh round of attempts. */
export function retryMail({ id, actorId, now = new Date() }: { id: number; actorId: number; now?: Date }) {
  return auditedTransaction({ editionId: null, actorId, now }, (tx, audit) => {
    const m = schema.mailOutbox;
    const row = tx.select().from(m).where(eq(m.id, id)).get();
    if (!row) throw new Refusal(404, 'outbox.errors.notFailed');
    if (row.status !== 'failed') throw new Refusal(409, 'outbox.errors.notFailed');
    tx.update(m).set({ status: 'queued', attempts: 0, nextAttemptAt: now }).where(eq(m.id, id)).run();
    audit({
      action: 'mail.retry',
      entityType: 'mail',
      entityId: id,
      before: { status: 'failed', attempts: row.attempts, lastError: row.lastError },
      after: { status: 'queued', attempts: 0 },
    });
    if (wake) setImmediate(wake);
  });
}
