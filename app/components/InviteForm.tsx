/**
 * An invitation by email — a judge to an edition (judges page), an organiser to the team (team
 * page): one address and one button, posted under `intent`; a refused address shows the error
 * summary and keeps what was typed (form kit, ./forms.tsx).
 */
import { replyOf } from '~/domain/form-reply';
import { invitationSchema } from '~/domain/judging-setup';
import { useT } from '~/i18n';
import { ConformForm, ErrorSummary, Field, useSchemaForm } from './forms';

export function InviteForm({
  id,
  intent,
  answer,
  hint,
  submitLabel,
}: {
  id: string;
  intent: string;
  /** The action's last answer (shown if it is about this form). */
  answer: unknown;
  hint?: string;
  submitLabel: string;
}) {
  const { t } = useT();
  const [form, fields] = useSchemaForm({ id, schema: invitationSchema, lastResult: replyOf(answer, intent) });
  return (
    <ConformForm form={form} className="setup-form" preventScrollReset>
      <ErrorSummary form={form} labels={{ email: t('fields.email') }} level={3} />
      <input type="hidden" name="intent" value={intent} />
      <div className="inline-form">
        <Field meta={fields.email} type="email" label={t('fields.email')} hint={hint} autoComplete="off" />
        <button type="submit" className="button button--primary">
          {submitLabel}
        </button>
      </div>
    </ConformForm>
  );
}
