/**
 * The messages Palmarès sends, as pure functions: a template, its parameters and the recipient's
 * language give the subject, the plain text and the HTML. Every word comes from the typed
 * dictionaries (app/i18n/mail.ts) through the `t` the caller passes; every value put into the HTML
 * is escaped here, in one place (`renderBlocks`). A message's single-use link (invitation, password
 * reset) is passed apart from the stored parameters: `link: null` renders a placeholder instead,
 * which is what the organisers' outbox shows (docs/decisions/028).
 */
import type { Lang, MessageKey, Params } from '~/i18n';

export type Translate = (key: MessageKey, params?: Params) => string;

export const MAIL_TEMPLATES = ['invitation.judge', 'invitation.organiser', 'application.received', 'password.reset', 'results.published'] as const;
export type MailTemplate = (typeof MAIL_TEMPLATES)[number];

export function isMailTemplate(value: unknown): value is MailTemplate {
  return typeof value === 'string' && (MAIL_TEMPLATES as readonly string[]).includes(value);
}

/** The stored parameters of each template (JSON in `mail_outbox.params`; never a secret). Dates are ISO strings. */
export interface MailParams {
  'invitation.judge': { editionName: string; inviterName: string; expiresAt: string };
  'invitation.organiser': { inviterName: string; expiresAt: string };
  'application.received': {
    founderName: string;
    editionName: string;
    startupName: string;
    submittedAt: string;
    /** The application's page. */
    url: string;
    /** What was sent, field by field, labels already in the recipient's language. */
    summary: { label: string; value: string }[];
  };
  'password.reset': { name: string; expiresAt: string };
  'results.published': {
    founderName: string;
    editionName: string;
    startupName: string;
    consent: boolean;
    /** How the public results name the startup without consent (`Startup A12`). */
    publicLabel: string;
    /** The founder's page, /me. */
    url: string;
    /** The founder's feedback from the jury (/me/feedback/:year), when there is some to read (issue 15). */
    feedbackUrl?: string | null;
  };
}

/** Templates whose message carries a single-use link, passed as `link`, never stored in the parameters. */
export const TEMPLATES_WITH_SECRET_LINK: readonly MailTemplate[] = ['invitation.judge', 'invitation.organiser', 'password.reset'];

/** The template of an invitation's mail, by the role the invitation grants. */
export function invitationTemplate(role: 'judge' | 'organiser'): MailTemplate {
  return role === 'organiser' ? 'invitation.organiser' : 'invitation.judge';
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

type Block =
  | { kind: 'p'; text: string }
  | { kind: 'action'; label: string; url: string | null }
  | { kind: 'list'; items: { label: string; value: string }[] };

const p = (text: string): Block => ({ kind: 'p', text });

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A date and time as people read them in Paris, in the recipient's language. */
export function mailDateTime(lang: Lang, iso: string): string {
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' }).format(new Date(iso));
}

/** Only http(s) links are ever put in an href. */
function safeUrl(url: string): string | null {
  return /^https?:\/\//i.test(url) ? url : null;
}

function renderBlocks(lang: Lang, t: Translate, subject: string, blocks: Block[]): RenderedMail {
  const hidden = t('mail.linkHidden');
  const textParts = blocks.map((block) => {
    if (block.kind === 'p') return block.text;
    if (block.kind === 'action') return `${block.label}:\n${block.url ?? hidden}`;
    return block.items.map((item) => `- ${item.label}: ${item.value.replace(/\n+/g, ' ')}`).join('\n');
  });
  const text = [...textParts, `-- \n${t('mail.signature')}\n${t('mail.footer')}`].join('\n\n') + '\n';

  const htmlParts = blocks.map((block) => {
    if (block.kind === 'p') return `<p>${escapeHtml(block.text)}</p>`;
    if (block.kind === 'action') {
      const url = block.url === null ? null : safeUrl(block.url);
      return url === null
        ? `<p><strong>${escapeHtml(block.label)}</strong>: ${escapeHtml(hidden)}</p>`
        : `<p><a href="${escapeHtml(url)}" style="display:inline-block;padding:10px 16px;background:#1d3fbf;color:#fff;text-decoration:none;border-radius:4px">${escapeHtml(block.label)}</a></p>\n<p style="font-size:13px;color:#555">${escapeHtml(url)}</p>`;
    }
    const rows = block.items
      .map((item) => `<tr><th scope="row" style="text-align:left;vertical-align:top;padding:4px 12px 4px 0">${escapeHtml(item.label)}</th><td style="padding:4px 0;white-space:pre-line">${escapeHtml(item.value)}</td></tr>`)
      .join('\n');
    return `<table role="presentation" style="border-collapse:collapse">\n${rows}\n</table>`;
  });
  const html = [
    '<!doctype html>',
    `<html lang="${lang}">`,
    `<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;line-height:1.5;color:#1a1a1a;max-width:640px">',
    ...htmlParts,
    `<p>${escapeHtml(t('mail.signature'))}</p>`,
    `<p style="font-size:12px;color:#666">${escapeHtml(t('mail.footer'))}</p>`,
    '</body>',
    '</html>',
  ].join('\n');
  return { subject, text, html };
}

/** Long answers are cut in the receipt's summary: the whole text stays on the application's page. */
export function excerpt(value: string, max = 300): string {
  const trimmed = value.trim();
  return trimmed.length <= max ? trimmed : `${trimmed.slice(0, max - 1).trimEnd()}…`;
}

/**
 * Subject, text and HTML of one message. `link` is the single-use link of the templates that have
 * one (null: a placeholder, for the outbox's view).
 */
export function renderMail<K extends MailTemplate>(
  template: K,
  params: MailParams[K],
  { lang, t, link }: { lang: Lang; t: Translate; link: string | null },
): RenderedMail {
  const when = (iso: string) => mailDateTime(lang, iso);
  switch (template) {
    case 'invitation.judge': {
      const v = params as MailParams['invitation.judge'];
      return renderBlocks(lang, t, t('mail.invitation.judge.subject', { edition: v.editionName }), [
        p(t('mail.invitation.judge.greeting')),
        p(t('mail.invitation.judge.body', { inviter: v.inviterName, edition: v.editionName })),
        { kind: 'action', label: t('mail.invitation.judge.action'), url: link },
        p(t('mail.invitation.judge.expiry', { expiresAt: when(v.expiresAt) })),
      ]);
    }
    case 'invitation.organiser': {
      const v = params as MailParams['invitation.organiser'];
      return renderBlocks(lang, t, t('mail.invitation.organiser.subject'), [
        p(t('mail.invitation.judge.greeting')),
        p(t('mail.invitation.organiser.body', { inviter: v.inviterName })),
        { kind: 'action', label: t('mail.invitation.organiser.action'), url: link },
        p(t('mail.invitation.judge.expiry', { expiresAt: when(v.expiresAt) })),
      ]);
    }
    case 'application.received': {
      const v = params as MailParams['application.received'];
      return renderBlocks(lang, t, t('mail.received.subject', { startup: v.startupName, edition: v.editionName }), [
        p(t('mail.received.greeting', { name: v.founderName })),
        p(t('mail.received.body', { startup: v.startupName, edition: v.editionName, submittedAt: when(v.submittedAt) })),
        { kind: 'list', items: v.summary },
        p(t('mail.received.next')),
        { kind: 'action', label: t('mail.received.action'), url: v.url },
      ]);
    }
    case 'password.reset': {
      const v = params as MailParams['password.reset'];
      return renderBlocks(lang, t, t('mail.reset.subject'), [
        p(t('mail.reset.greeting', { name: v.name })),
        p(t('mail.reset.body')),
        { kind: 'action', label: t('mail.reset.action'), url: link },
        p(t('mail.reset.expiry', { expiresAt: when(v.expiresAt) })),
        p(t('mail.reset.ignore')),
      ]);
    }
    case 'results.published': {
      const v = params as MailParams['results.published'];
      return renderBlocks(lang, t, t('mail.results.subject', { edition: v.editionName }), [
        p(t('mail.results.greeting', { name: v.founderName })),
        p(t('mail.results.body', { edition: v.editionName, startup: v.startupName })),
        p(v.consent ? t('mail.results.named', { startup: v.startupName }) : t('mail.results.anonymous', { label: v.publicLabel })),
        { kind: 'action', label: t('mail.results.action'), url: v.url },
        ...(v.feedbackUrl
          ? [p(t('mail.results.feedback')), { kind: 'action' as const, label: t('mail.results.feedbackAction'), url: v.feedbackUrl }]
          : []),
      ]);
    }
    default:
      throw new Error(`unknown mail template ${String(template)}`);
  }
}
