/**
 * The messages that changes send, built in the change's own transaction (docs/decisions/028):
 * the founder's receipt when an application is submitted, and the notice to founders when the
 * results are published. Invitations and password resets write theirs in their own modules.
 */
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { editionName } from '~/domain/edition';
import { excerpt } from '~/domain/mail-templates';
import { neutralStartupLabel } from '~/domain/open-data';
import { countryName } from '~/domain/application';
import type { DbOrTx } from './audit.server';
import { applicationsWithFounder } from './application-list.server';
import { schema } from './db.server';
import { foundersWithFeedback } from './feedback.server';
import { enqueueMail, mailTranslator, recipientLang, type MailContext } from './mail.server';

/** The founder's "application received", with a summary of what was sent, in their language. */
export function enqueueApplicationReceipt(tx: DbOrTx, applicationId: number, mail: MailContext, now = new Date()): number | null {
  const [row] = applicationsWithFounder(tx, eq(schema.applications.id, applicationId));
  if (!row) return null;
  const lang = recipientLang(tx, row.founderEmail, mail.lang);
  const t = mailTranslator(lang);
  const app = row.application;
  const files = tx
    .select({ id: schema.files.id, name: schema.files.originalName })
    .from(schema.files)
    .where(inArray(schema.files.id, [app.deckFileId ?? -1, app.logoFileId ?? -1]))
    .all();
  const fileName = (id: number | null) => files.find((f) => f.id === id)?.name ?? t('mail.received.none');
  const value = (text: string | null | undefined) => (text && text.trim() ? excerpt(text) : t('mail.received.none'));
  const summary = [
    { label: t('apply.fields.startupName'), value: value(app.startupName) },
    { label: t('apply.fields.country'), value: value(countryName(app.country, lang)) },
    { label: t('apply.fields.website'), value: value(app.website) },
    { label: t('apply.fields.trackId'), value: value(lang === 'fr' ? row.trackFr : row.trackEn) },
    { label: t('apply.fields.oneLiner'), value: value(app.oneLiner) },
    { label: t('apply.fields.problem'), value: value(app.problem) },
    { label: t('apply.fields.solution'), value: value(app.solution) },
    { label: t('apply.fields.videoUrl'), value: value(app.videoUrl) },
    { label: t('apply.fields.impact'), value: value(app.impact) },
    { label: t('apply.fields.businessModel'), value: value(app.businessModel) },
    { label: t('apply.fields.traction'), value: value(app.traction) },
    { label: t('apply.fields.team'), value: value(app.team) },
    { label: t('apply.fields.deck'), value: fileName(app.deckFileId) },
    { label: t('apply.fields.logo'), value: fileName(app.logoFileId) },
    { label: t('apply.fields.consentToPublication'), value: app.consentToPublication ? t('mail.received.yes') : t('mail.received.no') },
  ];
  return enqueueMail(tx, {
    to: row.founderEmail,
    lang,
    template: 'application.received',
    params: {
      founderName: row.founderName,
      editionName: editionName({ name: row.editionName, nameFr: row.editionNameFr }, lang),
      startupName: app.startupName.trim() || neutralStartupLabel(app.id),
      submittedAt: (app.submittedAt ?? now).toISOString(),
      url: `${mail.origin}/apply/${row.year}`,
      summary,
    },
    editionId: app.editionId,
    now,
  });
}

/**
 * The notice that results are published: one message per founder of an application that was
 * submitted and not withdrawn, each in its founder's language, with a link to /me. The message
 * names only the founder's own startup, and says how the public results show it: by name with
 * consent to publication, as its neutral label without (the rule of app/domain/open-data.ts).
 */
export function enqueueResultsNotices(tx: DbOrTx, editionId: number, mail: MailContext, now = new Date()): number {
  const a = schema.applications;
  const rows = applicationsWithFounder(tx, and(eq(a.editionId, editionId), isNotNull(a.submittedAt))).filter(
    (row) => row.application.status !== 'draft' && row.application.status !== 'withdrawn',
  );
  // Founders with feedback from the jury to read get its link too (issue 15; none when the organiser turned it off).
  const withFeedback = new Set(foundersWithFeedback(editionId, tx).map((f) => f.founderId));
  for (const { application, ...row } of rows) {
    const publicLabel = neutralStartupLabel(application.id);
    const lang = recipientLang(tx, row.founderEmail, mail.lang);
    enqueueMail(tx, {
      to: row.founderEmail,
      lang,
      template: 'results.published',
      params: {
        founderName: row.founderName,
        editionName: editionName({ name: row.editionName, nameFr: row.editionNameFr }, lang),
        startupName: application.startupName.trim() || publicLabel,
        consent: application.consentToPublication && application.startupName.trim() !== '',
        publicLabel,
        url: `${mail.origin}/me`,
        feedbackUrl: withFeedback.has(application.founderId) ? `${mail.origin}/me/feedback/${row.year}` : null,
      },
      editionId,
      now,
    });
  }
  return rows.length;
}
