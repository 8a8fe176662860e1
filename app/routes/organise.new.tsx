/**
 * /organise/new — create an edition: year (fixed from then on), names in French and English,
 * summit dates and place, application window in Paris time, public descriptions. It is created
 * as a draft, invisible to the public, and the organiser goes on to its settings page, where its
 * status steps are. Rules in app/utils/edition-settings.server.ts.
 */
import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useActionData } from '@remix-run/react';
import { EDITION_ERROR_PARAMS, EditionFields, useEditionLabels } from '~/components/edition-form';
import { ConformForm, ErrorSummary, Field, FormActions, useSchemaForm } from '~/components/forms';
import { newEditionSchema } from '~/domain/edition-form';
import { replyOf } from '~/domain/form-reply';
import { titleMeta, useT } from '~/i18n';
import { messagesFor } from '~/i18n/messages.server';
import styles from '~/styles/judging-setup.css';
import { requireOrganiser } from '~/utils/auth.server';
import { createEditionFromForm } from '~/utils/edition-settings.server';
import { attempt, parseForm, replyTo } from '~/utils/form.server';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, 'editions.new.title');

const FORM = 'edition.create';

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  return { messages: await messagesFor(request, ['editions', 'judging']) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireOrganiser(request);
  const submission = parseForm(await request.formData(), newEditionSchema);
  if (submission.status !== 'success') return replyTo(FORM, submission.reply());
  return attempt(FORM, submission, () => {
    const edition = createEditionFromForm(submission.value, { actorId: user.id });
    return redirect(`/organise/${edition.year}/settings?done=created`);
  });
}

export default function NewEdition() {
  const answer = useActionData<typeof action>();
  const { t } = useT();
  const labels = useEditionLabels();
  const [form, fields] = useSchemaForm({
    id: 'edition-new',
    schema: newEditionSchema,
    lastResult: replyOf(answer, FORM),
    defaultValue: { year: String(new Date().getFullYear() + 1) },
  });
  return (
    <div className="page page--wide judging-setup">
      <header className="page-header">
        <p className="eyebrow">
          <Link to="/organise">{t('organise.title')}</Link>
        </p>
        <h1>{t('editions.new.title')}</h1>
        <p className="lead">{t('editions.new.lead')}</p>
      </header>
      <section className="setup-section" aria-labelledby="edition-new-title">
        <h2 id="edition-new-title" className="visually-hidden">
          {t('editions.new.title')}
        </h2>
        <ConformForm form={form} className="setup-form edition-form">
          <ErrorSummary form={form} labels={labels} errorParams={EDITION_ERROR_PARAMS} />
          <Field meta={fields.year} label={labels.year} hint={t('editions.fields.yearHint')} inputMode="numeric" autoComplete="off" />
          <EditionFields fields={fields} />
          <FormActions submitLabel={t('editions.new.submit')} />
        </ConformForm>
      </section>
    </div>
  );
}
