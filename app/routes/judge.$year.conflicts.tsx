/**
 * /judge/:year/conflicts — a judge declares conflicts of interest with the edition's
 * applications, with a reason. Declaring takes the judge off that application in every round
 * that is not locked (and deletes their scoresheet there, kept in the audit log): the rule
 * lives in conflicts.server.ts `declareConflict`, whatever this page shows.
 *
 * One form (issue 12): pick the startup in a list (a select: typing its first letters finds it,
 * with or without JavaScript), give the reason, declare.
 */
import { editionName } from '~/domain/edition';
import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { ConformForm, ErrorSummary, SelectField, TextareaField, useSchemaForm } from '~/components/forms';
import { DoneNotice, LockedNotice } from '~/components/notices';
import { replyOf } from '~/domain/form-reply';
import { declareConflictSchema, LIMITS } from '~/domain/judging-setup';
import { formatDate, tOf, useT } from '~/i18n';
import { messagesFor } from '~/i18n/messages.server';
import styles from '~/styles/judging-setup.css';
import { requireJudgeOf } from '~/utils/auth.server';
import { declarableApplications, declareConflict, judgeConflictView } from '~/utils/conflicts.server';
import { parseYear, requireEdition } from '~/utils/editions.server';
import { attempt, parseForm, replyTo } from '~/utils/form.server';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
  const { t } = tOf(matches);
  return [{ title: `${t('conflicts.title')} — ${data?.edition.year ?? ''} — Palmarès` }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const judge = await requireJudgeOf(request, parseYear(params.year));
  const edition = requireEdition(params.year);
  return {
    messages: await messagesFor(request, ['judging']),
    edition: { year: edition.year, name: edition.name, nameFr: edition.nameFr, status: edition.status, timeZone: edition.timeZone },
    applications: declarableApplications(judge.editionId),
    ...judgeConflictView(judge.id, judge.editionId),
  };
}

const DECLARE_FORM = 'conflict.declare';

export async function action({ request, params }: ActionFunctionArgs) {
  const judge = await requireJudgeOf(request, parseYear(params.year));
  const formData = await request.formData();
  const form = DECLARE_FORM;
  const submission = parseForm(formData, declareConflictSchema);
  if (submission.status !== 'success') return replyTo(form, submission.reply());
  const parsed = { data: submission.value };
  return attempt(form, submission, () => {
    const outcome = declareConflict({ ...parsed.data, editionId: judge.editionId, judgeId: judge.id, declaredBy: judge.id });
    const query = new URLSearchParams({
      declared: String(parsed.data.applicationId),
      assignments: String(outcome.removedAssignments),
      scoresheets: String(outcome.removedScoresheets),
    });
    return redirect(`/judge/${params.year}/conflicts?${query}#declared`);
  });
}

export default function JudgeConflicts() {
  const { edition, applications, declared, withSheet } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t, lang } = useT();
  const [search] = useSearchParams();
  const justDeclared = declared.find((c) => String(c.applicationId) === search.get('declared'));
  const conflicted = new Set(declared.map((c) => c.applicationId));
  const hasSheet = new Set(withSheet);
  const open = applications.filter((a) => !conflicted.has(a.id));
  const published = edition.status === 'published';
  const countries = new Intl.DisplayNames([lang], { type: 'region' });
  const countryName = (code: string | null) => {
    if (!code) return null;
    try {
      return countries.of(code) ?? code;
    } catch {
      return code;
    }
  };

  return (
    <div className="page judging-setup judge-conflicts">
      <header className="page-header">
        <p>
          <Link to={`/judge/${edition.year}`} className="back-link">
            <span aria-hidden="true">← </span>
            {t('conflicts.back', { edition: editionName(edition, lang) })}
          </Link>
        </p>
        <h1>{t('conflicts.title')}</h1>
        <p className="lead">{t('conflicts.lead')}</p>
      </header>

      {published ? <LockedNotice title={t('errors.edition.frozen')} /> : null}

      <section id="declared" aria-labelledby="declared-title" className="setup-section">
        <h2 id="declared-title">{t('conflicts.declared.title', { count: declared.length })}</h2>
        {justDeclared ? (
          <DoneNotice>
            {t('conflicts.done', { startup: justDeclared.startupName })}{' '}
            {Number(search.get('assignments')) + Number(search.get('scoresheets')) > 0
              ? t('conflicts.doneRemoved', { assignments: Number(search.get('assignments')), scoresheets: Number(search.get('scoresheets')) })
              : null}
          </DoneNotice>
        ) : null}
        {declared.length === 0 ? (
          <p>{t('conflicts.declared.none')}</p>
        ) : (
          <ul className="item-list">
            {declared.map((conflict) => (
              <li key={conflict.id} className="item">
                <div className="item__body">
                  <p className="item__title">{conflict.startupName}</p>
                  <p className="item__quote">
                    <span className="visually-hidden">{t('conflicts.reason')}: </span>
                    {conflict.reason}
                  </p>
                  <p className="item__meta">
                    {t(conflict.recordedBy === null ? 'conflicts.declared.on' : 'conflicts.declared.onBy', {
                      date: formatDate(lang, conflict.createdAt, { dateStyle: 'long' }, edition.timeZone),
                      name: conflict.recordedBy ?? '',
                    })}
                  </p>
                </div>
              </li>
            ))}
          </ul>
        )}
        <p className="muted">{t('conflicts.declared.removeHelp')}</p>
      </section>

      {!published ? (
        <section id="applications" aria-labelledby="applications-title" className="setup-section">
          <h2 id="applications-title">{t('conflicts.form.title')}</h2>
          <p className="muted">{t('conflicts.applications.lead')}</p>
          {open.length === 0 ? (
            <p>{t('conflicts.applications.none')}</p>
          ) : (
            <DeclareForm
              answer={answer}
              options={[...open]
                .map((application) => {
                  const startup = application.startupName || t('conflicts.untitled');
                  const country = countryName(application.country);
                  const sheet = hasSheet.has(application.id) ? ` ${t('conflicts.form.hasSheet')}` : '';
                  return { value: application.id, label: `${startup}${country ? ` — ${country}` : ''}${sheet}` };
                })
                .sort((x, y) => x.label.localeCompare(y.label, lang))}
              count={open.length}
            />
          )}
        </section>
      ) : null}
    </div>
  );
}

function DeclareForm({ options, count, answer }: { options: { value: number; label: string }[]; count: number; answer: unknown }) {
  const { t } = useT();
  const [form, fields] = useSchemaForm({
    id: 'conflict-declare',
    schema: declareConflictSchema,
    lastResult: replyOf(answer, DECLARE_FORM),
  });
  const labels = { applicationId: t('conflicts.form.application'), reason: t('conflicts.reason') };
  const params = { reason: { max: LIMITS.reason } };
  return (
    <ConformForm form={form} preventScrollReset className="conflict-form">
      <ErrorSummary form={form} labels={labels} errorParams={params} level={3} />
      <SelectField
        meta={fields.applicationId}
        label={labels.applicationId}
        hint={t('conflicts.form.applicationHint', { count })}
        placeholder={t('conflicts.form.choose')}
        options={options}
        required
      />
      <TextareaField meta={fields.reason} label={labels.reason} hint={t('conflicts.form.reasonHint')} rows={3} errorParams={params.reason} />
      <button type="submit" className="button button--primary button--large">
        {t('conflicts.form.submit')}
      </button>
    </ConformForm>
  );
}
