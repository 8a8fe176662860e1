/**
 * /organise/:year/assignments — who judges what, round by round: automatic assignment
 * (balanced panels with a seed for the screening, every judge on every finalist for the final),
 * manual additions and removals (a removal that would delete a scoresheet asks first), loads
 * and overlap of the current panels. Rules live in app/utils/assignments.server.ts.
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams, useSubmit } from '@remix-run/react';
import { memo, type FormEvent } from 'react';
import {
  CheckboxField,
  ConformForm,
  ErrorSummary,
  FormActions,
  messageText,
  NumberField,
  ProblemSummary,
  useSchemaForm,
} from '~/components/forms';
import { DoneNotice, Icon, LockedNotice } from '~/components/notices';
import { Fact } from '~/components/Fact';
import { repliedForm, replyOf } from '~/domain/form-reply';
import { describeAssignments } from '~/domain/assignment';
import { autoAssignSchema, finalAssignSchema, LIMITS, manualAssignmentSchema, removeAssignmentSchema } from '~/domain/judging-setup';
import { useT, type Lang, type T } from '~/i18n';
import { sameData } from '~/domain/same-data';
import styles from '~/styles/judging-setup.css';
import { addAssignment, applyAutoAssignment, removeAssignment, roundBoard, suggestSeed } from '~/utils/assignments.server';
import { editionRounds } from '~/utils/editions.server';
import { editionJudgeList } from '~/utils/invitations.server';
import { getRound } from '~/utils/rounds.server';
import { attempt, parseForm, replyTo } from '~/utils/form.server';
import { organiserAction, organiserPage } from '~/utils/organiser-page.server';
import { organiserPageHead } from '~/utils/organiser-page';
import { TableHead } from '~/components/TableHead';

export const { links, meta } = organiserPageHead(styles, 'organise.tabs.assignments');

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { edition, messages } = await organiserPage(request, params, ['judging']);
  const rounds = editionRounds(edition.id);
  const asked = Number(new URL(request.url).searchParams.get('round'));
  const round = rounds.find((r) => r.id === asked) ?? rounds[0] ?? null;
  const judges = editionJudgeList(edition.id).map(({ id, name, conflicts }) => ({ id, name, conflicts }));
  const board = round ? roundBoard(edition.id, round) : null;
  return {
    messages,
    edition: { id: edition.id, year: edition.year, status: edition.status },
    rounds: rounds.map((r) => ({ id: r.id, kind: r.kind, nameFr: r.nameFr, nameEn: r.nameEn, state: r.state, judgesPerApplication: r.judgesPerApplication })),
    round: round ? { id: round.id, kind: round.kind, nameFr: round.nameFr, nameEn: round.nameEn, state: round.state, judgesPerApplication: round.judgesPerApplication } : null,
    judges,
    board,
    current: board ? describeAssignments(judges.map((j) => j.id), board.pairs) : null,
    /** A fresh seed for the next draw; the one used is kept in the audit log. */
    suggestedSeed: suggestSeed(),
  };
}

/** An application's row in the matrix: a cell's change comes back there (at the matrix's top, 200 rows would lose the organiser's place). */
const rowId = (applicationId: number) => `application-${applicationId}`;

export async function action({ request, params }: ActionFunctionArgs) {
  const { edition, formData, intent, act } = await organiserAction(request, params);
  const done = (roundId: number, anchor: string) =>
    redirect(`/organise/${edition.year}/assignments?${new URLSearchParams({ round: String(roundId), done: intent })}#${anchor}`);

  switch (intent) {
    case 'assign.auto': {
      const round = getRound(edition.id, Number(formData.get('roundId')));
      // The final puts every judge on every finalist: no seed to choose.
      const submission = round?.kind === 'final' ? parseForm(formData, finalAssignSchema) : parseForm(formData, autoAssignSchema);
      if (submission.status !== 'success') return replyTo(intent, submission.reply());
      const { roundId, replace } = submission.value;
      const seed = round?.kind === 'final' ? 0 : Number((submission.value as { seed?: number }).seed);
      return attempt(intent, submission, () => {
        applyAutoAssignment({ ...act, roundId, seed, replace: replace === 'yes' });
        return done(roundId, 'result');
      });
    }
    case 'assignment.add': {
      const submission = parseForm(formData, manualAssignmentSchema);
      if (submission.status !== 'success') throw new Response('Bad Request', { status: 400 });
      const pair = submission.value;
      const form = `${intent}:${pair.judgeId}:${pair.applicationId}`;
      return attempt(form, submission, () => (addAssignment({ ...act, ...pair }), done(pair.roundId, rowId(pair.applicationId))));
    }
    case 'assignment.remove': {
      const submission = parseForm(formData, removeAssignmentSchema);
      if (submission.status !== 'success') throw new Response('Bad Request', { status: 400 });
      const { roundId, judgeId, applicationId, confirm } = submission.value;
      const form = `${intent}:${judgeId}:${applicationId}`;
      return attempt(form, submission, () => {
        const outcome = removeAssignment({ ...act, roundId, judgeId, applicationId, confirmed: confirm === 'yes' });
        if (outcome.status === 'needs_confirmation') {
          // A question, not an error: nothing was removed yet.
          return data({ confirmRemoval: { roundId, judgeId, applicationId, scoresheet: outcome.scoresheet } });
        }
        return done(roundId, rowId(applicationId));
      });
    }
    default:
      throw new Response('Bad Request', { status: 400 });
  }
}

export default function EditionAssignments() {
  const { edition, rounds, round, judges, board, current, suggestedSeed } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t, lang } = useT();
  const [search] = useSearchParams();
  const submit = useSubmit();
  const submitCell = (event: FormEvent<HTMLTableElement>) => {
    event.preventDefault();
    submit(event.target as HTMLFormElement, { preventScrollReset: true });
  };
  const done = search.get('done');
  const name = (item: { nameFr: string; nameEn: string }) => (lang === 'fr' ? item.nameFr : item.nameEn);

  if (!round || !board || !current) {
    return (
      <div className="judging-setup">
        <h2>{t('organise.tabs.assignments')}</h2>
        <p>
          {t('assignments.noRound')} <Link to={`/organise/${edition.year}#rounds`}>{t('assignments.toSetup')}</Link>
        </p>
      </div>
    );
  }

  const here = `/organise/${edition.year}/assignments?round=${round.id}`;
  const locked = round.state === 'locked' || edition.status === 'published';
  const isFinal = round.kind === 'final';
  const judgeName = new Map(judges.map((j) => [j.id, j.name]));
  const appName = new Map(board.applications.map((a) => [a.id, a.startupName]));
  const panelOf = (applicationId: number) => board.pairs.filter((p) => p.applicationId === applicationId);
  const conflicted = new Set(board.conflicts.map((c) => `${c.judgeId}:${c.applicationId}`));
  const confirm = answer && 'confirmRemoval' in answer ? answer.confirmRemoval : null;
  const { quality } = current;
  const autoBlocked = board.sheets > 0 || board.applications.length === 0;
  const incomplete = isFinal ? [] : board.applications.filter((a) => panelOf(a.id).length !== round.judgesPerApplication);

  return (
    <div className="judging-setup">
      <h2 className="visually-hidden">{t('organise.tabs.assignments')}</h2>
      <nav aria-label={t('assignments.rounds')} className="segmented">
        {rounds.map((r) => (
          <Link key={r.id} to={`?round=${r.id}`} aria-current={r.id === round.id ? 'page' : undefined} className="segmented__item">
            {name(r)}
            {r.state === 'locked' ? (
              <span className="segmented__state">
                {' · '}
                <Icon name="lock" /> {t('setup.roundState.locked')}
              </span>
            ) : null}
          </Link>
        ))}
      </nav>

      {locked ? (
        <LockedNotice title={edition.status === 'published' ? t('errors.edition.frozen') : t('assignments.locked')} />
      ) : null}

      <section id="result" aria-labelledby="summary-title" className="setup-section">
        <h2 id="summary-title">{t('assignments.summary.title', { round: name(round) })}</h2>
        {done === 'assign.auto' ? <DoneNotice>{t('assignments.done.assign.auto')}</DoneNotice> : null}
        <dl className="facts facts--inline">
          <Fact term={t('assignments.summary.applications')}>{board.applications.length}</Fact>
          <Fact term={t('assignments.summary.judges')}>{judges.length}</Fact>
          {!isFinal ? <Fact term={t('setup.fields.judgesPerApplication')}>{round.judgesPerApplication}</Fact> : null}
          <Fact term={t('assignments.summary.assignments')}>{board.pairs.length}</Fact>
          <Fact term={t('assignments.summary.loads')}>
            {board.pairs.length ? t('assignments.summary.loadRange', { min: quality.minLoad, max: quality.maxLoad }) : '—'}
          </Fact>
          <div>
            <dt>{t('assignments.summary.overlap')}</dt>
            <dd>
              {board.pairs.length === 0
                ? '—'
                : quality.panels === 1
                  ? t('assignments.summary.overlapYes')
                  : t('assignments.summary.overlapNo', { groups: quality.panels })}
            </dd>
          </div>
        </dl>
        {board.pairs.length > 0 ? (
          <ul className="warnings">
            {!isFinal && quality.maxLoad - quality.minLoad > 1 ? <li>{t('assignments.warning.unbalanced', { min: quality.minLoad, max: quality.maxLoad })}</li> : null}
            {!isFinal && quality.panels > 1 ? <li>{t('assignments.warning.separate_panels', { panels: quality.panels })}</li> : null}
            {incomplete.length > 0 ? (
              <li>{t('assignments.warning.incomplete', { count: incomplete.length, k: round.judgesPerApplication, startups: incomplete.map((a) => a.startupName).join(', ') })}</li>
            ) : null}
            {isFinal && board.applications.some((a) => panelOf(a.id).length === 0) ? <li>{t('assignments.warning.finalistWithoutJudge')}</li> : null}
          </ul>
        ) : null}
      </section>

      {!locked ? (
        <section id="auto" aria-labelledby="auto-title" className="setup-section">
          <h2 id="auto-title">{t(isFinal ? 'assignments.auto.titleFinal' : 'assignments.auto.title')}</h2>
          <p className="muted">{t(isFinal ? 'assignments.auto.leadFinal' : 'assignments.auto.lead', { k: round.judgesPerApplication })}</p>
          {board.sheets > 0 ? (
            <LockedNotice id="auto-disabled" title={t('assignments.auto.sheetsExist', { count: board.sheets })} />
          ) : board.applications.length === 0 ? (
            <LockedNotice id="auto-disabled" title={t(`assignments.errors.auto.noApplications.${round.kind}`)} />
          ) : null}
          <AutoAssignForm
            answer={answer}
            roundId={round.id}
            isFinal={isFinal}
            blocked={autoBlocked}
            suggestedSeed={suggestedSeed}
            assigned={board.pairs.length}
          />
        </section>
      ) : null}

      {confirm ? (
        <section className="confirm-panel" aria-labelledby="confirm-title" role="alertdialog" aria-describedby="confirm-body">
          <h2 id="confirm-title">{t('assignments.confirm.title')}</h2>
          <p id="confirm-body">
            {t(`assignments.confirm.body.${confirm.scoresheet}`, {
              judge: judgeName.get(confirm.judgeId) ?? '',
              startup: appName.get(confirm.applicationId) ?? '',
            })}
          </p>
          <div className="form-actions">
            <Form method="post" preventScrollReset>
              <input type="hidden" name="intent" value="assignment.remove" />
              <input type="hidden" name="roundId" value={confirm.roundId} />
              <input type="hidden" name="judgeId" value={confirm.judgeId} />
              <input type="hidden" name="applicationId" value={confirm.applicationId} />
              <input type="hidden" name="confirm" value="yes" />
              <button type="submit" className="button button--danger" autoFocus>
                {t('assignments.confirm.submit')}
              </button>
            </Form>
            <Link to={`${here}#${rowId(confirm.applicationId)}`} className="button button--ghost">
              {t('assignments.confirm.cancel')}
            </Link>
          </div>
        </section>
      ) : null}

      <section id="panels" aria-labelledby="panels-title" className="setup-section">
        <h2 id="panels-title">{t('assignments.panels.title')}</h2>
        {board.applications.length > 0 ? <p className="muted">{t(locked ? 'assignments.panels.leadLocked' : 'assignments.panels.lead')}</p> : null}
        {done === 'assignment.add' || done === 'assignment.remove' ? <DoneNotice>{t(`assignments.done.${done}`)}</DoneNotice> : null}
        <CellFailure answer={answer} />
        {board.applications.length === 0 ? (
          <p>{t(`assignments.panels.none.${round.kind}`)}</p>
        ) : judges.length === 0 ? (
          <p>
            {t('assignments.loads.none')} <Link to={`/organise/${edition.year}/judges#invite`}>{t('assignments.loads.invite')}</Link>
          </p>
        ) : (
          <div className="table-wrap matrix-wrap" role="region" tabIndex={0} aria-labelledby="panels-title">
            {/* Each cell is a plain <form> (it posts without JavaScript); with it, one handler submits them all (see MatrixRow). */}
            <table className="table matrix" onSubmit={submitCell}>
              <caption className="visually-hidden">{t('assignments.panels.caption', { round: name(round) })}</caption>
              <TableHead
                columns={[
                  { label: t('assignments.panels.application'), className: 'matrix__corner' },
                  ...judges.map((judge) => ({ label: judge.name, className: 'matrix__judge' })),
                  { label: t('assignments.panels.count'), num: true },
                ]}
              />
              <tbody>
                {board.applications.map((application) => (
                  <MatrixRow
                    key={application.id}
                    t={t}
                    lang={lang}
                    row={{
                      application,
                      judges,
                      panel: panelOf(application.id),
                      conflicted: judges.filter((judge) => conflicted.has(`${judge.id}:${application.id}`)).map((judge) => judge.id),
                      roundId: round.id,
                      k: isFinal ? null : round.judgesPerApplication,
                      locked,
                    }}
                  />
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('assignments.loads.load')}</th>
                  {judges.map((judge) => (
                    <td key={judge.id} className="matrix__cell">
                      {current.loads.find((l) => l.judgeId === judge.id)?.load ?? 0}
                    </td>
                  ))}
                  <td className="num">{board.pairs.length}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}

interface MatrixRowData {
  application: { id: number; startupName: string };
  judges: { id: number; name: string }[];
  panel: ReturnType<typeof roundBoard>['pairs'];
  /** The judges declared in conflict with this application. */
  conflicted: number[];
  roundId: number;
  /** Judges per application (screening), or null for the final (every judge on every finalist). */
  k: number | null;
  locked: boolean;
}

/**
 * One application's row of the matrix, rendered again only when its data or the language changed:
 * a click changes one row, and rendering all of them on each state of the navigation (submitting,
 * loading, idle) took most of a click's time with 200 applications × 12 judges. For the same
 * reason a cell is a plain <form>, not Remix's (whose hooks follow every navigation): the table's
 * `onSubmit` sends it through Remix.
 */
const MatrixRow = memo(
  function MatrixRow({ row, t }: { row: MatrixRowData; t: T; lang: Lang }) {
    const { application, judges, panel, conflicted, roundId, k, locked } = row;
    const short = k !== null && panel.length !== k;
    return (
      <tr id={rowId(application.id)}>
        <th scope="row" className="matrix__application">
          {application.startupName}
        </th>
        {judges.map((judge) => {
          const pair = panel.find((p) => p.judgeId === judge.id);
          const inConflict = conflicted.includes(judge.id);
          const labels = { judge: judge.name, startup: application.startupName };
          return (
            <td key={judge.id} className={`matrix__cell${pair ? ' matrix__cell--on' : ''}`}>
              {inConflict ? (
                <span className="matrix__conflict">
                  <span aria-hidden="true">⚠ </span>
                  {t('assignments.panels.conflicted')}
                </span>
              ) : null}
              {pair ? (
                locked ? (
                  <span className="matrix__mark">
                    <span aria-hidden="true">✓</span>
                    <span className="visually-hidden">{t('assignments.panels.assigned')}</span>
                  </span>
                ) : (
                  <CellButton intent="assignment.remove" roundId={roundId} judgeId={judge.id} applicationId={application.id} label={t('assignments.panels.remove', labels)} on />
                )
              ) : !locked && !inConflict ? (
                <CellButton intent="assignment.add" roundId={roundId} judgeId={judge.id} applicationId={application.id} label={t('assignments.panels.add', labels)} />
              ) : null}
              {pair?.sheet ? (
                <span className="matrix__sheet">
                  <span className="visually-hidden">{t('assignments.sheet.label')} </span>
                  {t(`assignments.sheet.${pair.sheet}`)}
                </span>
              ) : null}
            </td>
          );
        })}
        <td className="num">
          {k === null ? panel.length : t('assignments.panels.ofK', { count: panel.length, k })}
          {short ? <span className="cell-note">⚠ {t('assignments.panels.short', { k })}</span> : null}
        </td>
      </tr>
    );
  },
  (before, after) => before.lang === after.lang && sameData(before.row, after.row),
);

/** One cell of the matrix: assign the judge to the application, or take them off it. */
function CellButton({ intent, roundId, judgeId, applicationId, label, on }: {
  intent: 'assignment.add' | 'assignment.remove';
  roundId: number;
  judgeId: number;
  applicationId: number;
  label: string;
  on?: boolean;
}) {
  return (
    <form method="post">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="roundId" value={roundId} />
      <input type="hidden" name="judgeId" value={judgeId} />
      <input type="hidden" name="applicationId" value={applicationId} />
      <button type="submit" className={`matrix__button${on ? ' matrix__button--on' : ''}`} title={label}>
        <span aria-hidden="true">{on ? '✓' : '+'}</span>
        <span className="visually-hidden">{label}</span>
      </button>
    </form>
  );
}

/** A refused change from the matrix (a conflicted pair, a locked round…), above it. */
function CellFailure({ answer }: { answer: unknown }) {
  const { t } = useT();
  const form = repliedForm(answer);
  if (!form?.startsWith('assignment.')) return null;
  const messages = Object.values(replyOf(answer, form)?.error ?? {}).flatMap((m) => m ?? []);
  return <ProblemSummary formId="matrix" formErrors={messages.slice(0, 1).map((m) => messageText(t, m))} items={[]} level={3} />;
}

function AutoAssignForm({
  answer,
  roundId,
  isFinal,
  blocked,
  suggestedSeed,
  assigned,
}: {
  answer: unknown;
  roundId: number;
  isFinal: boolean;
  blocked: boolean;
  suggestedSeed: number;
  assigned: number;
}) {
  const { t } = useT();
  const [form, fields] = useSchemaForm({
    id: 'auto-assign',
    schema: isFinal ? finalAssignSchema : autoAssignSchema,
    lastResult: replyOf(answer, 'assign.auto'),
    defaultValue: { seed: String(suggestedSeed) },
  });
  const meta = fields as unknown as Record<'seed' | 'replace', typeof fields.roundId>;
  const labels = { seed: t('assignments.auto.seed'), replace: t('assignments.auto.replaceLabel') };
  return (
    <ConformForm form={form} className="setup-form" preventScrollReset>
      <ErrorSummary form={form} labels={labels} errorParams={{ seed: LIMITS.seed }} level={3} />
      <fieldset className="fieldset" disabled={blocked} aria-describedby={blocked ? 'auto-disabled' : undefined}>
        <legend className="visually-hidden">{t(isFinal ? 'assignments.auto.titleFinal' : 'assignments.auto.title')}</legend>
        <input type="hidden" name="intent" value="assign.auto" />
        <input type="hidden" name="roundId" value={roundId} />
        {!isFinal ? (
          <NumberField
            meta={meta.seed}
            label={labels.seed}
            hint={t('assignments.auto.seedHint')}
            className="field__input field__input--short"
            errorParams={LIMITS.seed}
          />
        ) : null}
        {assigned > 0 ? <CheckboxField meta={meta.replace} value="yes" label={t('assignments.auto.replaceLabel', { count: assigned })} /> : null}
        <FormActions submitLabel={t(isFinal ? 'assignments.auto.submitFinal' : 'assignments.auto.submit')} />
      </fieldset>
    </ConformForm>
  );
}
