/**
 * /organise/:year/paper — the paper fallback (issue 12). `?judge=ID`: that judge's assigned sheets
 * of the open rounds, ready to print (criteria, scale and a box per score, in the judge's
 * language; a print stylesheet keeps only the sheets, one per page). `&round=R&application=A`:
 * the form in which the organiser types what the judge wrote, saved as the judge's sheet with the
 * organiser as the audit log's actor (paper.server.ts). Works without JavaScript.
 */
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { ariaOf, FieldShell, ProblemSummary } from '~/components/field-shell';
import {
  COMMENT_MAX_LENGTH,
  commentField,
  OVERALL_COMMENT_FIELD,
  OVERALL_COMMENT_MAX_LENGTH,
  scoreField,
} from '~/domain/scoresheet';
import { interpolate, useT, type Lang, type Messages, type MessageKey, type Params, editionTitleMeta } from '~/i18n';
import { editionName } from '~/domain/edition';
import { messagesIn } from '~/i18n/messages.server';
import scoringStyles from '~/styles/scoring.css';
import { getLanguage } from '~/utils/language.server';
import { enterPaperScores, paperJudge, paperJudges, paperSheet, paperSheets } from '~/utils/paper.server';
import { newSaveKey } from '~/utils/scoresheets.server';
import { organiserAction, organiserPage } from '~/utils/organiser-page.server';
import { TableHead } from '~/components/TableHead';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: scoringStyles }];

export const meta: MetaFunction<typeof loader> = ({ matches, data: page }) => editionTitleMeta(matches, 'scoring.paper.title', page?.year);

function idParam(value: string | null): number | null {
  const id = Number(value);
  return value && Number.isSafeInteger(id) && id > 0 ? id : null;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { edition, messages } = await organiserPage(request, params, ['scoring']);
  const lang = await getLanguage(request);
  const url = new URL(request.url);
  const judgeId = idParam(url.searchParams.get('judge'));
  const judge = judgeId === null ? null : paperJudge(edition.id, judgeId, lang);
  const sheets = judge ? paperSheets(edition.id, judge.id) : null;
  const roundId = idParam(url.searchParams.get('round'));
  const applicationId = idParam(url.searchParams.get('application'));
  const entry = judge && roundId !== null && applicationId !== null ? paperSheet(edition.id, judge.id, roundId, applicationId) : null;
  return {
    messages,
    year: edition.year,
    // The printed sheets name the edition in the judge's language.
    editionName: judge ? editionName(edition, judge.lang) : edition.name,
    judges: paperJudges(edition.id, lang).map(({ id, name }) => ({ id, name })),
    judge,
    // The printed sheets speak the judge's language, whatever the organiser's.
    paperMessages: judge ? pickPaperMessages(messagesIn(judge.lang, ['scoring'])) : null,
    sheets,
    entry: entry
      ? {
          roundId: entry.round.id,
          roundName: { fr: entry.round.nameFr, en: entry.round.nameEn },
          applicationId: entry.application.applicationId,
          startupName: entry.application.startupName,
          stored: entry.stored
            ? { values: entry.stored.values, comments: entry.stored.comments, overallComment: entry.stored.overallComment, status: entry.stored.status }
            : null,
          revision: entry.stored?.revision ?? 0,
        }
      : null,
    saved: url.searchParams.get('saved') === '1',
    idempotencyKey: newSaveKey(),
  };
}

/** Only the printed sheet's words travel in the judge's language. */
function pickPaperMessages(messages: Messages): Messages {
  return Object.fromEntries(Object.entries(messages).filter(([key]) => key.startsWith('scoring.paper.sheet.')));
}

type PaperAnswer = { formError?: MessageKey; fieldErrors?: Record<string, MessageKey> };

export async function action({ request, params }: ActionFunctionArgs) {
  const { user: organiser, edition, formData: form, intent } = await organiserAction(request, params);
  const judgeId = idParam(String(form.get('judgeId') ?? ''));
  const roundId = idParam(String(form.get('roundId') ?? ''));
  const applicationId = idParam(String(form.get('applicationId') ?? ''));
  if ((intent !== 'paper.save' && intent !== 'paper.submit') || judgeId === null || roundId === null || applicationId === null) {
    return data<PaperAnswer>({ formError: 'scoring.errors.badRequest' }, { status: 400 });
  }
  form.set('save', intent === 'paper.submit' ? 'submit' : 'save');
  const outcome = enterPaperScores({ organiserId: organiser.id, editionId: edition.id, judgeId, roundId, applicationId, form });
  switch (outcome.result) {
    case 'saved':
      return redirect(`/organise/${edition.year}/paper?judge=${judgeId}&saved=1#sheets`);
    case 'invalid':
      return data<PaperAnswer>({ formError: outcome.formError ?? 'scoring.paper.errors.invalid', fieldErrors: outcome.fieldErrors }, { status: 400 });
    case 'stale':
      return data<PaperAnswer>({ formError: 'scoring.paper.errors.stale' }, { status: 409 });
    case 'locked':
      return data<PaperAnswer>({ formError: 'scoring.errors.roundLocked' }, { status: 409 });
    case 'forbidden':
    case 'notFound':
      throw new Response('Not Found', { status: 404 });
  }
}

export default function PaperSheets() {
  const page = useLoaderData<typeof loader>();
  const { t } = useT();
  return (
    <div className="paper-page">
      <div className="paper-screen">
        <h2>{t('scoring.paper.title')}</h2>
        <p className="lead">{t('scoring.paper.lead')}</p>
        <Form method="get" className="paper-choose">
          <label htmlFor="paper-judge" className="field__label">
            {t('scoring.paper.judge')}
          </label>
          <select id="paper-judge" name="judge" defaultValue={page.judge?.id ?? ''} className="field__input" required>
            <option value="">{t('scoring.paper.chooseJudge')}</option>
            {page.judges.map((judge) => (
              <option key={judge.id} value={judge.id}>
                {judge.name}
              </option>
            ))}
          </select>
          <button type="submit" className="button button--ghost">
            {t('scoring.paper.show')}
          </button>
        </Form>
        {page.saved && page.judge ? (
          <p className="notice notice--success" role="status">
            {t('scoring.paper.saved', { judge: page.judge.name })}
          </p>
        ) : null}
      </div>
      {page.entry && page.judge && page.sheets ? <PaperEntryForm /> : page.judge && page.sheets ? <PrintableSheets /> : null}
    </div>
  );
}

function PrintableSheets() {
  const page = useLoaderData<typeof loader>();
  const { t, lang } = useT();
  const judge = page.judge!;
  const { rounds, criteria } = page.sheets!;
  const sheetsCount = rounds.reduce((n, r) => n + r.applications.length, 0);
  const p = paperT(page.paperMessages ?? {});
  const judgeLang: Lang = judge.lang;
  return (
    <section id="sheets" aria-labelledby="paper-sheets-title">
      <div className="paper-screen">
        <h3 id="paper-sheets-title">{t('scoring.paper.sheetsOf', { judge: judge.name, count: sheetsCount })}</h3>
        {sheetsCount === 0 ? (
          <p>{t('scoring.paper.none')}</p>
        ) : (
          <>
            <p className="muted">{t('scoring.paper.printHint', { lang: judgeLang.toUpperCase() })}</p>
            <ul className="paper-list">
              {rounds.flatMap((round) =>
                round.applications.map((application) => (
                  <li key={`${round.id}:${application.applicationId}`}>
                    <span>
                      {application.startupName} · {lang === 'fr' ? round.nameFr : round.nameEn} ·{' '}
                      {t(application.status === 'submitted' ? 'scoring.edition.pitchSubmitted' : application.status === 'draft' ? 'scoring.paper.draft' : 'scoring.edition.pitchNotStarted')}
                    </span>
                    <Link
                      className="button button--ghost"
                      to={`?judge=${judge.id}&round=${round.id}&application=${application.applicationId}`}
                    >
                      {t('scoring.paper.enter')}
                      <span className="visually-hidden"> {application.startupName}</span>
                    </Link>
                  </li>
                )),
              )}
            </ul>
          </>
        )}
      </div>
      {rounds.flatMap((round) =>
        round.applications.map((application) => (
          <article key={`${round.id}:${application.applicationId}`} className="paper-sheet" lang={judgeLang}>
            <header className="paper-sheet__head">
              <p className="paper-sheet__edition">{page.editionName}</p>
              <h4 className="paper-sheet__startup">{application.startupName}</h4>
              <p>
                {p('scoring.paper.sheet.round', { round: judgeLang === 'fr' ? round.nameFr : round.nameEn })} ·{' '}
                {p('scoring.paper.sheet.judge', { name: judge.name })}
              </p>
              <p className="paper-sheet__how">{p('scoring.paper.sheet.how')}</p>
            </header>
            <table className="paper-sheet__table">
              <TableHead
                columns={[
                  { label: p('scoring.paper.sheet.criterion') },
                  { label: p('scoring.paper.sheet.score') },
                ]}
              />
              <tbody>
                {criteria.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">
                      <span className="paper-sheet__criterion">{judgeLang === 'fr' ? c.nameFr : c.nameEn}</span>{' '}
                      <span className="paper-sheet__weight">{p('scoring.paper.sheet.weight', { weight: c.weight })}</span>
                      {(judgeLang === 'fr' ? c.helpFr : c.helpEn) ? <span className="paper-sheet__help">{judgeLang === 'fr' ? c.helpFr : c.helpEn}</span> : null}
                    </th>
                    <td>
                      <span className="paper-sheet__boxes">
                        {Array.from({ length: c.scaleMax - c.scaleMin + 1 }, (_, i) => c.scaleMin + i).map((value) => (
                          <span key={value} className="paper-sheet__box">
                            {value}
                          </span>
                        ))}
                      </span>
                      <span className="paper-sheet__comment">{p('scoring.paper.sheet.comment')}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="paper-sheet__overall">{p('scoring.paper.sheet.overall')}</p>
            <p className="paper-sheet__sign">
              <span>{p('scoring.paper.sheet.signature')}</span>
              <span>{p('scoring.paper.sheet.date')}</span>
              <span>{p('scoring.paper.sheet.enteredBy')}</span>
            </p>
          </article>
        )),
      )}
      {sheetsCount > 0 ? (
        <p className="paper-screen">
          <PrintButton label={t('scoring.paper.print')} />
        </p>
      ) : null}
    </section>
  );
}

/** Printing needs the browser's print command: a button with JavaScript, the hint without. */
function PrintButton({ label }: { label: string }) {
  const { t } = useT();
  return (
    <>
      <button type="button" className="button button--primary paper-print" onClick={() => window.print()}>
        {label}
      </button>{' '}
      <span className="muted">{t('scoring.paper.printKeys')}</span>
    </>
  );
}

/** A lookup in the judge's language for the printed sheet's words. */
function paperT(messages: Messages) {
  return (key: MessageKey, params?: Params) => interpolate(messages[key] ?? key, params);
}

function PaperEntryForm() {
  const page = useLoaderData<typeof loader>();
  const answer = useActionData<PaperAnswer>();
  const { t, lang } = useT();
  const judge = page.judge!;
  const entry = page.entry!;
  const { criteria } = page.sheets!;
  const errors = answer?.fieldErrors ?? {};
  const criterionName = (c: (typeof criteria)[number]) => (lang === 'fr' ? c.nameFr : c.nameEn);
  // Each field's id and label, for the fields and the error summary's links.
  const idOf: Record<string, string> = { [OVERALL_COMMENT_FIELD]: 'paper-overall' };
  const labelOf: Record<string, string> = { [OVERALL_COMMENT_FIELD]: t('scoring.paper.overallLabel') };
  const paramsOf: Record<string, Params> = { [OVERALL_COMMENT_FIELD]: { maxLength: OVERALL_COMMENT_MAX_LENGTH } };
  for (const c of criteria) {
    idOf[scoreField(c.id)] = `paper-${c.id}`;
    idOf[commentField(c.id)] = `paper-${c.id}-comment`;
    labelOf[scoreField(c.id)] = t('scoring.paper.scoreLabel', { criterion: criterionName(c), min: c.scaleMin, max: c.scaleMax });
    labelOf[commentField(c.id)] = t('scoring.paper.commentLabel', { criterion: criterionName(c) });
    paramsOf[scoreField(c.id)] = { min: c.scaleMin, max: c.scaleMax };
    paramsOf[commentField(c.id)] = { maxLength: COMMENT_MAX_LENGTH };
  }
  const message = (field: string, key: MessageKey) => t(key, paramsOf[field]);
  const overallError = errors[OVERALL_COMMENT_FIELD] && message(OVERALL_COMMENT_FIELD, errors[OVERALL_COMMENT_FIELD]);
  return (
    <section aria-labelledby="paper-entry-title" className="paper-screen paper-entry">
      <p>
        <Link to={`?judge=${judge.id}#sheets`} className="back-link">
          <span aria-hidden="true">← </span>
          {t('scoring.paper.back', { judge: judge.name })}
        </Link>
      </p>
      <h3 id="paper-entry-title">{t('scoring.paper.entryTitle', { judge: judge.name, startup: entry.startupName })}</h3>
      <p>
        {lang === 'fr' ? entry.roundName.fr : entry.roundName.en} · {t('scoring.paper.entryLead', { judge: judge.name })}
      </p>
      <ProblemSummary
        formId="paper-entry"
        level={3}
        formErrors={answer?.formError ? [t(answer.formError)] : []}
        items={Object.entries(errors).map(([field, key]) => ({
          href: `#${idOf[field] ?? field}`,
          text: t('forms.summaryItem', { label: labelOf[field] ?? field, message: message(field, key) }),
        }))}
      />
      <Form method="post" id="paper-entry" className="paper-entry__form">
        <input type="hidden" name="judgeId" value={judge.id} />
        <input type="hidden" name="roundId" value={entry.roundId} />
        <input type="hidden" name="applicationId" value={entry.applicationId} />
        <input type="hidden" name="revision" value={entry.revision} />
        <input type="hidden" name="idempotencyKey" value={page.idempotencyKey} />
        {criteria.map((c) => {
          const scoreId = idOf[scoreField(c.id)];
          const commentId = idOf[commentField(c.id)];
          const scoreError = errors[scoreField(c.id)] && message(scoreField(c.id), errors[scoreField(c.id)]);
          const commentError = errors[commentField(c.id)] && message(commentField(c.id), errors[commentField(c.id)]);
          const value = entry.stored?.values[c.id];
          return (
            <div key={c.id} className="paper-entry__criterion">
              <FieldShell id={scoreId} label={labelOf[scoreField(c.id)]} error={scoreError}>
                <input
                  id={scoreId}
                  name={scoreField(c.id)}
                  type="number"
                  inputMode="numeric"
                  min={c.scaleMin}
                  max={c.scaleMax}
                  step={1}
                  defaultValue={value === null || value === undefined ? '' : String(value)}
                  className="field__input paper-entry__score"
                  {...ariaOf(scoreId, { error: scoreError })}
                />
              </FieldShell>
              <FieldShell id={commentId} label={labelOf[commentField(c.id)]} error={commentError} className="paper-entry__comment">
                <textarea
                  id={commentId}
                  name={commentField(c.id)}
                  rows={2}
                  maxLength={COMMENT_MAX_LENGTH}
                  defaultValue={entry.stored?.comments[c.id] ?? ''}
                  className="field__input"
                  {...ariaOf(commentId, { error: commentError })}
                />
              </FieldShell>
            </div>
          );
        })}
        <FieldShell id="paper-overall" label={labelOf[OVERALL_COMMENT_FIELD]} error={overallError}>
          <textarea
            id="paper-overall"
            name={OVERALL_COMMENT_FIELD}
            rows={3}
            maxLength={OVERALL_COMMENT_MAX_LENGTH}
            defaultValue={entry.stored?.overallComment ?? ''}
            className="field__input"
            {...ariaOf('paper-overall', { error: overallError })}
          />
        </FieldShell>
        <p className="paper-entry__actions">
          <button type="submit" name="intent" value="paper.submit" className="button button--primary">
            {t('scoring.paper.submit')}
          </button>
          <button type="submit" name="intent" value="paper.save" className="button button--ghost">
            {t('scoring.paper.saveDraft')}
          </button>
        </p>
      </Form>
    </section>
  );
}
