/**
 * /apply/:year/files — the pitch deck (PDF, required to submit) and the logo (optional). Each
 * file has its own form: a plain multipart post to this page's action without JavaScript, an
 * XMLHttpRequest with a progress bar to /apply/:year/upload with it (components/UploadField.tsx).
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useActionData, useSearchParams } from '@remix-run/react';
import { ProblemSummary } from '~/components/forms';
import { ApplicationAnswers, SectionSavedNotice, sectionPath, useFocusOnArrival } from '~/components/application-sections';
import { UploadField } from '~/components/UploadField';
import { isSectionId, SECTIONS } from '~/domain/application';
import type { FileKind } from '~/domain/file-types';
import { tOf, useT } from '~/i18n';
import { messagesFor } from '~/i18n/messages.server';
import { detachFile, fileRefusalMessage, uploadApplicationFile } from '~/utils/application-files.server';
import { requireFounder } from '~/utils/auth.server';
import { parseYear, requirePublicEdition } from '~/utils/editions.server';
import { useApplyData } from './apply.$year';

export const meta: MetaFunction = ({ matches }) => {
  const { t } = tOf(matches);
  return [{ title: `${t('apply.section.files.title')} — ${t('apply.eyebrow')} — Palmarès` }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireFounder(request);
  parseYear(params.year);
  return { messages: await messagesFor(request, ['applications']) };
}

function kindOf(value: FormDataEntryValue | null): FileKind | null {
  return value === 'deck' || value === 'logo' ? value : null;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireFounder(request);
  const edition = requirePublicEdition(params.year);
  const here = `/apply/${edition.year}/files`;
  if ((request.headers.get('Content-Type') ?? '').toLowerCase().startsWith('multipart/form-data')) {
    const outcome = await uploadApplicationFile({ request, founderId: user.id, edition });
    if (outcome.ok) return redirect(`${here}?uploaded=${outcome.kind}`);
    return data({ kind: outcome.kind, error: outcome.error, params: outcome.params ?? {} }, { status: outcome.status });
  }
  const form = await request.formData();
  const kind = kindOf(form.get('kind'));
  if (form.get('intent') !== 'remove' || !kind) throw new Response('Bad Request', { status: 400 });
  const replaces = form.get('replaces');
  const outcome = detachFile({ founderId: user.id, edition, kind, replaces: typeof replaces === 'string' ? replaces : undefined });
  if (outcome.ok) return redirect(`${here}?removed=${kind}`);
  const refusal = fileRefusalMessage(outcome.reason);
  return data({ kind, error: refusal.error, params: {} as Record<string, string | number> }, { status: refusal.status });
}

export default function ApplicationFiles() {
  const view = useApplyData();
  const result = useActionData<typeof action>();
  const [search] = useSearchParams();
  const { t } = useT();
  const year = view.edition.year;
  const uploaded = kindOf(search.get('uploaded'));
  const removed = kindOf(search.get('removed'));
  const next = SECTIONS[SECTIONS.indexOf('files') + 1];
  const saved = search.get('saved');
  const justSaved = isSectionId(saved) ? saved : null;
  const arrival = useFocusOnArrival<HTMLDivElement>('files');
  const errorFor = (kind: FileKind) => (result && (result.kind === kind || (!result.kind && kind === 'deck')) ? result.error : null);

  return (
    <div className="stack">
      <div className="arrival stack" tabIndex={-1} ref={arrival}>
        {uploaded && !result ? (
          <p className="notice notice--success" role="status">
            <span aria-hidden="true">✓ </span>
            {t('apply.files.uploaded', { file: t(`apply.fields.${uploaded}`) })}
          </p>
        ) : null}
        {removed && !result ? (
          <p className="notice notice--success" role="status">
            {t('apply.files.removed', { file: t(`apply.fields.${removed}`) })}
          </p>
        ) : null}
        {justSaved && !result ? <SectionSavedNotice section={justSaved} /> : null}
        <div>
          <p className="eyebrow">{t('apply.section.counter', { n: SECTIONS.indexOf('files') + 1, total: SECTIONS.length })}</p>
          <h2 className="apply-content__title">{t('apply.section.files.title')}</h2>
        </div>
      </div>
      {view.editable ? (
        <>
          <p className="lead">{t('apply.section.files.lead')}</p>
          <ProblemSummary
            formId="uploads"
            items={
              result
                ? [
                    {
                      href: `#field-${result.kind ?? 'deck'}`,
                      text: t('forms.summaryItem', {
                        label: t(`apply.fields.${result.kind ?? 'deck'}`),
                        message: t(result.error, result.params),
                      }),
                    },
                  ]
                : []
            }
          />
          <div className="uploads">
            {(['deck', 'logo'] as const).map((kind) => (
              <UploadField
                key={kind}
                kind={kind}
                action={`/apply/${year}/files`}
                xhrAction={`/apply/${year}/upload`}
                current={view[kind]}
                editable
                canRemove={kind === 'logo' || !view.application || view.application.status === 'draft'}
                error={errorFor(kind)}
                errorParams={result?.params}
              />
            ))}
          </div>
          <div className="button-row">
            <Link to={sectionPath(year, next)} className="button button--primary button--large">
              {t('apply.form.continue')}
            </Link>
            <Link to={`/apply/${year}`} className="button button--ghost button--large">
              {t('apply.form.toReview')}
            </Link>
          </div>
        </>
      ) : (
        <>
          <ApplicationAnswers data={view.answers} sections={['files']} headingLevel={3} untitled />
          <p>
            <Link to={`/apply/${year}`}>{t('apply.backToReview')}</Link>
          </p>
        </>
      )}
    </div>
  );
}
