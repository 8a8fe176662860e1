/**
 * /organise/startups — the showcase's entries for organisers (issue 15, docs/decisions/042): every
 * entry with all its applications, consented or not; merge two entries (a startup that changed
 * hands keeps one history) or split an application into an entry of its own (one account that ran
 * two startups). Both are audited; rules in showcase.server.ts.
 */
import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { ConformForm, ErrorSummary, SelectField, useSchemaForm } from '~/components/forms';
import { PageHeader } from '~/components/PageHeader';
import { DoneNotice } from '~/components/notices';
import { replyOf } from '~/domain/form-reply';
import { mergeSchema, splitSchema } from '~/domain/showcase';
import { titleMeta, useT } from '~/i18n';
import { messagesFor } from '~/i18n/messages.server';
import styles from '~/styles/feedback.css';
import { requireOrganiser } from '~/utils/auth.server';
import { attempt, parseForm, replyTo } from '~/utils/form.server';
import { mergeStartups, organiserEntries, splitApplication } from '~/utils/showcase.server';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, 'showcase.organise.title');

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  return { messages: await messagesFor(request, ['feedback']), entries: organiserEntries() };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireOrganiser(request);
  const formData = await request.formData();
  const act = { editionId: null, actorId: user.id };
  const intent = String(formData.get('intent') ?? '');
  switch (intent) {
    case 'merge': {
      const form = `merge:${formData.get('from') ?? ''}`;
      const submission = parseForm(formData, mergeSchema);
      if (submission.status !== 'success') return replyTo(form, submission.reply());
      return attempt(form, submission, () => {
        mergeStartups(act, submission.value.from, submission.value.into);
        return redirect(`/organise/startups?done=merge#entry-${submission.value.into}`);
      });
    }
    case 'split': {
      const form = `split:${formData.get('applicationId') ?? ''}`;
      const submission = parseForm(formData, splitSchema);
      if (submission.status !== 'success') return replyTo(form, submission.reply());
      return attempt(form, submission, () => {
        const id = splitApplication(act, submission.value.applicationId);
        return redirect(`/organise/startups?done=split#entry-${id}`);
      });
    }
    default:
      throw new Response('Bad Request', { status: 400 });
  }
}

type Entry = ReturnType<typeof organiserEntries>[number];

export default function ShowcaseEntries() {
  const { entries } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useT();
  const [search] = useSearchParams();
  const done = search.get('done');
  return (
    <div className="page page--wide">
      <PageHeader title={t('showcase.organise.title')} lead={t('showcase.organise.lead')} />
      {done === 'merge' ? <DoneNotice>{t('showcase.organise.merged')}</DoneNotice> : null}
      {done === 'split' ? <DoneNotice>{t('showcase.organise.splitDone')}</DoneNotice> : null}
      <ul className="card-list">
        {entries.map((entry) => (
          <li key={entry.startupId} id={`entry-${entry.startupId}`} className="card">
            <h2 className="card__title">
              {entry.applications[0].startupName || '—'} <span className="muted">({t('showcase.organise.entry', { id: entry.startupId })})</span>
            </h2>
            <ul className="showcase-organise-apps" aria-label={t('showcase.organise.applications')}>
              {entry.applications.map((app) => (
                <li key={app.applicationId}>
                  {app.year} — {app.startupName || '—'} · {app.founder}
                  {app.consent ? null : <span className="muted"> · {t('showcase.organise.notPublic')}</span>}
                  {entry.applications.length > 1 ? <SplitForm applicationId={app.applicationId} answer={answer} /> : null}
                </li>
              ))}
            </ul>
            {entries.length > 1 ? <MergeForm entry={entry} entries={entries} answer={answer} /> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

function MergeForm({ entry, entries, answer }: { entry: Entry; entries: Entry[]; answer: unknown }) {
  const { t } = useT();
  const [form, fields] = useSchemaForm({ id: `merge-${entry.startupId}`, schema: mergeSchema, lastResult: replyOf(answer, `merge:${entry.startupId}`) });
  return (
    <ConformForm form={form} className="inline-form" preventScrollReset>
      <ErrorSummary form={form} labels={{ into: t('showcase.organise.merge') }} level={3} />
      <input type="hidden" name="intent" value="merge" />
      <input type="hidden" name="from" value={entry.startupId} />
      <SelectField
        meta={fields.into}
        label={t('showcase.organise.merge')}
        options={entries
          .filter((other) => other.startupId !== entry.startupId)
          .map((other) => ({ value: String(other.startupId), label: `${other.applications[0].startupName || '—'} (${t('showcase.organise.entry', { id: other.startupId })})` }))}
      />
      <button type="submit" className="button button--ghost">
        {t('showcase.organise.mergeSubmit')}
      </button>
    </ConformForm>
  );
}

function SplitForm({ applicationId, answer }: { applicationId: number; answer: unknown }) {
  const { t } = useT();
  const [form] = useSchemaForm({ id: `split-${applicationId}`, schema: splitSchema, lastResult: replyOf(answer, `split:${applicationId}`) });
  return (
    <ConformForm form={form} className="inline-form" preventScrollReset>
      <ErrorSummary form={form} labels={{}} level={3} />
      <input type="hidden" name="intent" value="split" />
      <input type="hidden" name="applicationId" value={applicationId} />
      <button type="submit" className="button button--ghost button--small">
        {t('showcase.organise.split')}
      </button>
    </ConformForm>
  );
}
