/**
 * /organise/:year/feedback — the edition's feedback to founders (issue 15): the settings (on or
 * off, rank or band) and every comment the judges wrote for a startup, each of which can be
 * withheld with a reason before publication (audited). Rules live in feedback.server.ts.
 */
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { ChoiceField, CheckboxField, ConformForm, ErrorSummary, TextareaField, useSchemaForm } from '~/components/forms';
import { DoneNotice, LockedNotice } from '~/components/notices';
import { feedbackSettingsSchema, WITHHOLD_REASON_MAX, withholdSchema } from '~/domain/feedback';
import { replyOf } from '~/domain/form-reply';
import { useT } from '~/i18n';
import styles from '~/styles/feedback.css';
import { editionSharedComments, setFeedbackSettings, withholdSharedComment } from '~/utils/feedback.server';
import { attempt, parseForm, replyTo } from '~/utils/form.server';
import { organiserAction, organiserPage } from '~/utils/organiser-page.server';
import { organiserPageHead } from '~/utils/organiser-page';

export const { links, meta } = organiserPageHead(styles, 'organise.tabs.feedback');

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { edition, messages } = await organiserPage(request, params, ['feedback']);
  return {
    messages,
    edition: {
      year: edition.year,
      name: edition.name,
      published: edition.status === 'published',
      feedbackEnabled: edition.feedbackEnabled,
      feedbackRank: edition.feedbackRank,
    },
    comments: editionSharedComments(edition.id),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { edition, formData, intent, act } = await organiserAction(request, params);
  const done = (what: string, anchor: string) => redirect(`/organise/${edition.year}/feedback?done=${what}#${anchor}`);
  switch (intent) {
    case 'settings': {
      const submission = parseForm(formData, feedbackSettingsSchema);
      if (submission.status !== 'success') return replyTo(intent, submission.reply());
      return attempt(intent, submission, () => {
        setFeedbackSettings(act, submission.value);
        return done('settings', 'settings');
      });
    }
    case 'withhold': {
      const form = `withhold:${formData.get('scoresheetId') ?? ''}:${formData.get('criterionId') ?? ''}`;
      const submission = parseForm(formData, withholdSchema);
      if (submission.status !== 'success') return replyTo(form, submission.reply());
      return attempt(form, submission, () => {
        withholdSharedComment(act, submission.value);
        return done('withhold', 'comments');
      });
    }
    default:
      throw new Response('Bad Request', { status: 400 });
  }
}

export default function EditionFeedback() {
  const { edition, comments } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t, lang } = useT();
  const [search] = useSearchParams();
  const done = search.get('done');
  const name = (x: { en: string | null; fr: string | null }) => (lang === 'fr' ? x.fr : x.en) ?? '';
  return (
    <div className="feedback-organise">
      <h2>{t('feedback.organise.title', { edition: edition.name })}</h2>
      <p className="lead">{t('feedback.organise.lead')}</p>
      {done === 'settings' ? <DoneNotice>{t('feedback.settings.saved')}</DoneNotice> : null}
      {done === 'withhold' ? <DoneNotice>{t('feedback.withhold.done')}</DoneNotice> : null}
      <section aria-labelledby="settings">
        <h3 id="settings">{t('feedback.settings.title')}</h3>
        <SettingsForm enabled={edition.feedbackEnabled} rank={edition.feedbackRank} answer={answer} />
      </section>
      <section aria-labelledby="comments">
        <h3 id="comments">{t('feedback.comments.orgTitle', { count: comments.length })}</h3>
        {edition.published ? <LockedNotice title={t('feedback.withhold.frozen')} /> : null}
        {comments.length === 0 ? (
          <p className="muted">{t('feedback.comments.orgNone')}</p>
        ) : (
          <ul className="feedback-comments">
            {comments.map((c) => {
              const key = `${c.scoresheetId}:${c.criterionId ?? 'overall'}`;
              const about = t('feedback.comments.about', {
                startup: c.startupName,
                round: name({ en: c.roundEn, fr: c.roundFr }),
                judge: c.judgeName,
              });
              return (
                <li key={key} id={`comment-${key.replace(':', '-')}`} className={`card feedback-comment${c.withheld !== null ? ' feedback-comment--withheld' : ''}`}>
                  <p className="item__title">{about}</p>
                  <p className="muted">{c.criterionId === null ? t('feedback.comments.overallComment') : name({ en: c.criterionEn, fr: c.criterionFr })}</p>
                  <p className="feedback-comment__text">{c.text}</p>
                  {c.withheld !== null ? (
                    <p>
                      <strong>{t('feedback.withhold.withheld', { reason: c.withheld })}</strong>
                    </p>
                  ) : !edition.published ? (
                    <WithholdForm scoresheetId={c.scoresheetId} criterionId={c.criterionId} about={about} answer={answer} />
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}

function SettingsForm({ enabled, rank, answer }: { enabled: boolean; rank: string; answer: unknown }) {
  const { t } = useT();
  const [form, fields] = useSchemaForm({
    id: 'feedback-settings',
    schema: feedbackSettingsSchema,
    lastResult: replyOf(answer, 'settings'),
    defaultValue: { enabled: enabled ? 'on' : undefined, rank },
  });
  return (
    <ConformForm form={form} className="setup-form" preventScrollReset>
      <input type="hidden" name="intent" value="settings" />
      <CheckboxField meta={fields.enabled} label={t('feedback.settings.enabled')} />
      <ChoiceField
        meta={fields.rank}
        label={t('feedback.settings.rank')}
        options={[
          { value: 'band', label: t('feedback.settings.rank.band') },
          { value: 'rank', label: t('feedback.settings.rank.rank') },
        ]}
      />
      <button type="submit" className="button button--primary">
        {t('feedback.settings.save')}
      </button>
    </ConformForm>
  );
}

function WithholdForm({ scoresheetId, criterionId, about, answer }: { scoresheetId: number; criterionId: number | null; about: string; answer: unknown }) {
  const { t } = useT();
  const criterion = criterionId === null ? 'overall' : String(criterionId);
  const [form, fields] = useSchemaForm({
    id: `withhold-${scoresheetId}-${criterion}`,
    schema: withholdSchema,
    lastResult: replyOf(answer, `withhold:${scoresheetId}:${criterion}`),
  });
  const params = { reason: { max: WITHHOLD_REASON_MAX } };
  return (
    <ConformForm form={form} className="feedback-withhold" preventScrollReset aria-label={`${t('feedback.withhold.submit')} — ${about}`}>
      <ErrorSummary form={form} labels={{ reason: t('feedback.withhold.reason') }} errorParams={params} level={3} />
      <input type="hidden" name="intent" value="withhold" />
      <input type="hidden" name="scoresheetId" value={scoresheetId} />
      <input type="hidden" name="criterionId" value={criterion} />
      <TextareaField meta={fields.reason} label={t('feedback.withhold.reason')} rows={1} errorParams={params.reason} />
      <button type="submit" className="button button--danger">
        {t('feedback.withhold.submit')}
      </button>
    </ConformForm>
  );
}
