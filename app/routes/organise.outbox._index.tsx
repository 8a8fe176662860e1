/**
 * /organise/outbox — every message Palmarès sends, newest first, with its status (queued, sent,
 * failed), its attempts and its last error; a failed message can be tried again from its own page.
 * Mail is sent in the background from the outbox (app/utils/mail.server.ts, decision 028).
 */
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react';
import { DoneNotice } from '~/components/notices';
import { PageHeader } from '~/components/PageHeader';
import { MAIL_STATUSES, type MailStatus } from '~/domain/statuses';
import { isMailTemplate } from '~/domain/mail-templates';
import { formatDate, titleMeta, useT } from '~/i18n';
import { messagesFor } from '~/i18n/messages.server';
import { requireOrganiser } from '~/utils/auth.server';
import { env } from '~/utils/env.server';
import { listOutbox } from '~/utils/mail.server';
import { DataTable } from '~/components/DataTable';
import { FilterSelect } from '~/components/field-shell';

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, 'outbox.title');

function statusOf(value: string | null): MailStatus | undefined {
  return MAIL_STATUSES.find((s) => s === value);
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  const status = statusOf(new URL(request.url).searchParams.get('status'));
  const { SMTP_URL, MAIL_OUTBOX_DIR } = env();
  return {
    messages: await messagesFor(request, ['mail']),
    status: status ?? null,
    transport: SMTP_URL ? ({ kind: 'smtp' } as const) : ({ kind: 'files', dir: MAIL_OUTBOX_DIR } as const),
    outbox: listOutbox({ status }),
  };
}

export default function Outbox() {
  const { outbox, status, transport } = useLoaderData<typeof loader>();
  const { t, lang } = useT();
  const [search] = useSearchParams();
  const when = (date: Date | string | number) => formatDate(lang, date, { dateStyle: 'medium', timeStyle: 'medium' });
  return (
    <div className="page page--wide">
      <PageHeader title={t('outbox.title')} lead={t('outbox.lead')}>
        <p className="muted">{transport.kind === 'smtp' ? t('outbox.transport.smtp') : t('outbox.transport.files', { dir: transport.dir })}</p>
      </PageHeader>
      {search.get('done') === 'retry' ? <DoneNotice>{t('outbox.retried')}</DoneNotice> : null}
      <Form method="get" className="inline-form">
        <FilterSelect
          id="outbox-status"
          name="status"
          label={t('outbox.filter.label')}
          value={status}
          placeholder={t('outbox.filter.all')}
          options={MAIL_STATUSES.map((s) => ({ value: s, label: t(`outbox.status.${s}`) }))}
        />
        <button type="submit" className="button button--ghost">
          {t('outbox.filter.apply')}
        </button>
      </Form>
      {outbox.length === 0 ? (
        <p>{t('outbox.empty')}</p>
      ) : (
        <DataTable
          caption={t('outbox.title')}
          className="table--compact"
          id="outbox"
          columns={[
            { label: t('outbox.col.created') },
            { label: t('outbox.col.to') },
            { label: t('outbox.col.subject') },
            { label: t('outbox.col.status') },
            { label: t('outbox.col.attempts') },
            { label: t('outbox.col.lastError') },
          ]}
        >
          {outbox.map((message) => (
            <tr key={message.id} data-status={message.status}>
              <td>{when(message.createdAt)}</td>
              <td>{message.toAddress}</td>
              <td>
                <Link to={`/organise/outbox/${message.id}`}>{message.subject}</Link>
                <br />
                <span className="muted">
                  {isMailTemplate(message.template) ? t(`outbox.template.${message.template}`) : message.template} ·{' '}
                  {message.lang.toUpperCase()}
                </span>
              </td>
              <td>
                <span className={`badge badge--mail-${message.status}`}>{t(`outbox.status.${message.status}`)}</span>
              </td>
              <td>{message.attempts}</td>
              <td>{message.lastError ?? ''}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
