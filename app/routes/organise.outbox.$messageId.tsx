/**
 * /organise/outbox/:messageId — one message as its recipient reads it (plain text and HTML), its
 * single-use link (invitation, password reset) replaced by a placeholder; a failed message can be
 * queued again (audited).
 */
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { RefusalSummary } from '~/components/forms';
import { isMailTemplate } from '~/domain/mail-templates';
import { formatDate, titleMeta, useT } from '~/i18n';
import { messagesFor } from '~/i18n/messages.server';
import { requireOrganiser } from '~/utils/auth.server';
import { attempt, parseForm } from '~/utils/form.server';
import { outboxMessage, retryMail } from '~/utils/mail.server';
import { invariantResponse } from '@epic-web/invariant';

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => titleMeta(matches, 'outbox.message.title', { id: data?.message.id ?? '' });

function messageIdOf(value: string | undefined): number {
  invariantResponse(value && /^\d{1,9}$/.test(value), 'Not Found', { status: 404 });
  return Number(value);
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  const message = outboxMessage(messageIdOf(params.messageId));
  invariantResponse(message, 'Not Found', { status: 404 });
  return { messages: await messagesFor(request, ['mail']), message };
}

const retrySchema = z.object({ intent: z.literal('retry') });

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireOrganiser(request);
  const id = messageIdOf(params.messageId);
  const submission = parseForm(await request.formData(), retrySchema);
  if (submission.status !== 'success') throw new Response('Bad Request', { status: 400 });
  return attempt('retry', submission, () => {
    retryMail({ id, actorId: user.id });
    return redirect('/organise/outbox?done=retry');
  });
}

export default function OutboxMessage() {
  const { message } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t, lang } = useT();
  const when = (date: Date | string | number) => formatDate(lang, date, { dateStyle: 'medium', timeStyle: 'medium' });
  return (
    <div className="page page--wide">
      <p>
        <Link to="/organise/outbox">{t('outbox.back')}</Link>
      </p>
      <h1>{t('outbox.message.title', { id: message.id })}</h1>
      <dl className="details">
        <dt>{t('outbox.col.to')}</dt>
        <dd>{message.toAddress}</dd>
        <dt>{t('outbox.col.subject')}</dt>
        <dd>{message.subject}</dd>
        <dt>{t('outbox.message.template')}</dt>
        <dd>{isMailTemplate(message.template) ? t(`outbox.template.${message.template}`) : message.template}</dd>
        <dt>{t('outbox.message.language')}</dt>
        <dd>{message.lang.toUpperCase()}</dd>
        <dt>{t('outbox.col.created')}</dt>
        <dd>{when(message.createdAt)}</dd>
        <dt>{t('outbox.col.status')}</dt>
        <dd>
          <span className={`badge badge--mail-${message.status}`}>{t(`outbox.status.${message.status}`)}</span>
        </dd>
        <dt>{t('outbox.col.attempts')}</dt>
        <dd>{message.attempts}</dd>
        {message.status === 'sent' && message.sentAt ? (
          <>
            <dt>{t('outbox.message.sentAt')}</dt>
            <dd>{when(message.sentAt)}</dd>
          </>
        ) : null}
        {message.status === 'queued' ? (
          <>
            <dt>{t('outbox.message.nextAttempt')}</dt>
            <dd>{when(message.nextAttemptAt)}</dd>
          </>
        ) : null}
        {message.lastError ? (
          <>
            <dt>{t('outbox.col.lastError')}</dt>
            <dd>{message.lastError}</dd>
          </>
        ) : null}
      </dl>
      {message.status === 'failed' ? (
        <Form method="post" id="retry">
          <RefusalSummary answer={answer} form="retry" />
          <button type="submit" name="intent" value="retry" className="button">
            {t('outbox.retry')}
          </button>
        </Form>
      ) : null}
      <p className="muted">{t('outbox.message.secretNote')}</p>
      <h2>{t('outbox.message.text')}</h2>
      <pre className="mail-text">{message.text}</pre>
      <h2>{t('outbox.message.html')}</h2>
      <pre className="mail-text">{message.html}</pre>
    </div>
  );
}
