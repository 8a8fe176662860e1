/**
 * /organise/:year/judges — invite judges (the link is shown once, to copy), follow, resend
 * and revoke invitations, see the edition's judges, and keep the conflict register (record a
 * conflict on a judge's behalf, remove one with a reason). Rules live in invitations.server.ts
 * and conflicts.server.ts.
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { LinkShownOnce } from '~/components/judging-setup-copy-link';
import { ConformForm, ErrorSummary, FormActions, RefusalSummary, SelectField, TextareaField, useSchemaForm } from '~/components/forms';
import { DoneNotice, Icon, LockedNotice } from '~/components/notices';
import { replyOf } from '~/domain/form-reply';
import { InviteForm } from '~/components/InviteForm';
import { invitationItemSchema, invitationSchema, LIMITS, organiserConflictSchema, removeConflictSchema } from '~/domain/judging-setup';
import { formatDate, useT } from '~/i18n';
import styles from '~/styles/judging-setup.css';
import { conflictRegister, declarableApplications, declareConflict, removeConflict } from '~/utils/conflicts.server';
import {
  createInvitation,
  editionJudgeList,
  invitationPath,
  listInvitations,
  resendInvitation,
  revokeInvitation,
  type InvitationState,
} from '~/utils/invitations.server';
import { attempt, parseForm, replyTo } from '~/utils/form.server';
import { mailContext } from '~/utils/mail.server';
import { editionHeader, organiserAction, organiserPage } from '~/utils/organiser-page.server';
import { organiserPageHead } from '~/utils/organiser-page';
import { DataTable } from '~/components/DataTable';

export const { links, meta } = organiserPageHead(styles, 'organise.tabs.judges');

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { edition, messages } = await organiserPage(request, params, ['judging']);
  return {
    messages,
    edition: editionHeader(edition),
    invitations: listInvitations(edition.id),
    judges: editionJudgeList(edition.id),
    conflicts: conflictRegister(edition.id),
    applications: declarableApplications(edition.id),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, edition, formData, intent, act: actor } = await organiserAction(request, params);
  const act = { ...actor, mail: await mailContext(request) };
  const done = (anchor: string, extra: Record<string, string | number> = {}) =>
    redirect(`/organise/${edition.year}/judges?${new URLSearchParams({ done: intent, ...mapToStrings(extra) })}#${anchor}`);
  /** The link, shown once: the token is never stored, so it cannot be shown again. */
  const linkShown = (email: string, token: string, resent: boolean) =>
    data({ invitationLink: { email, link: new URL(invitationPath(token), request.url).toString(), resent } });

  switch (intent) {
    case 'invitation.create': {
      const submission = parseForm(formData, invitationSchema);
      if (submission.status !== 'success') return replyTo(intent, submission.reply());
      return attempt(intent, submission, () => {
        const { token } = createInvitation({ ...act, email: submission.value.email });
        return linkShown(submission.value.email, token, false);
      });
    }
    case 'invitation.resend':
    case 'invitation.revoke': {
      const submission = parseForm(formData, invitationItemSchema);
      if (submission.status !== 'success') throw new Response('Bad Request', { status: 400 });
      const { invitationId } = submission.value;
      return attempt(`${intent}:${invitationId}`, submission, () => {
        if (intent === 'invitation.revoke') {
          revokeInvitation({ ...act, invitationId });
          return done('invitations');
        }
        const { invitation, token } = resendInvitation({ ...act, invitationId });
        return linkShown(invitation.email, token, true);
      });
    }
    case 'conflict.create': {
      const submission = parseForm(formData, organiserConflictSchema);
      if (submission.status !== 'success') return replyTo(intent, submission.reply());
      return attempt(intent, submission, () => {
        const outcome = declareConflict({ ...submission.value, editionId: edition.id, declaredBy: user.id });
        return done('conflicts', { assignments: outcome.removedAssignments, scoresheets: outcome.removedScoresheets });
      });
    }
    case 'conflict.remove': {
      const submission = parseForm(formData, removeConflictSchema);
      const form = `${intent}:${formData.get('conflictId') ?? ''}`;
      if (submission.status !== 'success') return replyTo(form, submission.reply());
      return attempt(form, submission, () => (removeConflict({ ...act, ...submission.value }), done('conflicts')));
    }
    default:
      throw new Response('Bad Request', { status: 400 });
  }
}

function mapToStrings(values: Record<string, string | number>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)]));
}

function StateIcon({ state }: { state: InvitationState }) {
  if (state === 'pending' || state === 'expired') return <Icon name={state} />;
  return <span aria-hidden="true">{state === 'accepted' ? '✓' : '✕'}</span>;
}

export default function EditionJudges() {
  const { edition, invitations, judges, conflicts, applications } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t, lang, has } = useT();
  const [search] = useSearchParams();
  const done = search.get('done');
  const published = edition.status === 'published';
  const when = (date: Date | string) => formatDate(lang, date, { dateStyle: 'medium', timeStyle: 'short' }, edition.timeZone);
  const shown = answer && 'invitationLink' in answer ? answer.invitationLink : null;
  const doneKey = `judges.done.${done}`;
  const notice = done && has(doneKey) ? (
    <DoneNotice>
      {t(doneKey, {
        assignments: Number(search.get('assignments') ?? 0),
        scoresheets: Number(search.get('scoresheets') ?? 0),
      })}
    </DoneNotice>
  ) : null;
  const conflictLabels = {
    judgeId: t('judges.conflicts.judge'),
    applicationId: t('judges.conflicts.application'),
    reason: t('judges.conflicts.reason'),
  };

  return (
    <div className="judging-setup">
      <h2 className="visually-hidden">{t('organise.tabs.judges')}</h2>
      {published ? <LockedNotice title={t('errors.edition.frozen')} /> : null}

      <section id="invite" aria-labelledby="invite-title" className="setup-section">
        <h2 id="invite-title">{t('judges.invite.title')}</h2>
        <p className="muted">{t('judges.invite.lead')}</p>
        {!published ? (
          // A new form after each link shown, so that the address typed for the last one is cleared.
          <InviteForm
            key={shown?.link ?? 'invite'}
            id="invite-form"
            intent="invitation.create"
            answer={answer}
            hint={t('judges.invite.emailHint')}
            submitLabel={t('judges.invite.submit')}
          />
        ) : null}
        {shown ? (
          <LinkShownOnce
            id="invitation-link"
            title={t(shown.resent ? 'judges.invite.resentFor' : 'judges.invite.createdFor', { email: shown.email })}
            label={t('judges.invite.linkLabel')}
            link={shown.link}
            note={t('judges.invite.linkOnce')}
          />
        ) : null}
      </section>

      <section id="invitations" aria-labelledby="invitations-title" className="setup-section">
        <h2 id="invitations-title">{t('judges.invitations.title')}</h2>
        {done?.startsWith('invitation.') ? notice : null}
        {invitations.length === 0 ? (
          <p>{t('judges.invitations.none')}</p>
        ) : (
          <DataTable
            caption={t('judges.invitations.caption', { year: edition.year })}
            regionClassName="table-wrap"
            columns={[
              { label: t('fields.email') },
              { label: t('judges.invitations.state') },
              { label: t('judges.invitations.sent') },
              { label: t('judges.invitations.dates') },
              !published && { label: t('judging.actions') },
            ]}
          >
            {invitations.map((invitation) => {
              const open = invitation.state === 'pending' || invitation.state === 'expired';
              return (
                <tr key={invitation.id} id={`invitation-${invitation.id}`}>
                  <td className="cell-break">{invitation.email}</td>
                  <td>
                    <span className={`state state--${invitation.state}`}>
                      <StateIcon state={invitation.state} /> {t(`judges.invitationState.${invitation.state}`)}
                    </span>
                    {invitation.state === 'accepted' && invitation.acceptedByName ? (
                      <span className="cell-note">{t('judges.invitations.acceptedBy', { name: invitation.acceptedByName })}</span>
                    ) : null}
                  </td>
                  <td>{when(invitation.createdAt)}</td>
                  <td>
                    {invitation.state === 'accepted' && invitation.acceptedAt
                      ? t('judges.invitations.usedOn', { date: when(invitation.acceptedAt) })
                      : invitation.state === 'revoked' && invitation.revokedAt
                      ? t('judges.invitations.revokedOn', { date: when(invitation.revokedAt) })
                      : t(invitation.state === 'expired' ? 'judges.invitations.expiredOn' : 'judges.invitations.validUntil', {
                          date: when(invitation.expiresAt),
                        })}
                  </td>
                  {!published ? (
                    <td>
                      {open ? (
                        <div className="cell-actions">
                          <InvitationButton
                            intent="invitation.resend"
                            id={invitation.id}
                            label={t('judges.invitations.resend')}
                            email={invitation.email}
                          />
                          <InvitationButton
                            intent="invitation.revoke"
                            id={invitation.id}
                            label={t('judges.invitations.revoke')}
                            email={invitation.email}
                            danger
                          />
                        </div>
                      ) : null}
                      <RefusalSummary answer={answer} form={`invitation.resend:${invitation.id}`} />
                      <RefusalSummary answer={answer} form={`invitation.revoke:${invitation.id}`} />
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </DataTable>
        )}
      </section>

      <section id="judges" aria-labelledby="judges-title" className="setup-section">
        <h2 id="judges-title">{t('judges.list.title', { count: judges.length })}</h2>
        {judges.length === 0 ? (
          <p>{t('judges.list.none')}</p>
        ) : (
          <DataTable
            caption={t('judges.list.caption', { year: edition.year })}
            regionClassName="table-wrap"
            columns={[
              { label: t('fields.name') },
              { label: t('fields.email') },
              { label: t('judges.list.joined') },
              { label: t('judges.list.conflicts'), num: true },
              { label: t('judges.list.assignments'), num: true },
            ]}
          >
            {judges.map((judge) => (
              <tr key={judge.id}>
                <th scope="row">{judge.name}</th>
                <td className="cell-break">{judge.email}</td>
                <td>{when(judge.joinedAt)}</td>
                <td className="num">{judge.conflicts}</td>
                <td className="num">{judge.assignments}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>

      <section id="conflicts" aria-labelledby="conflicts-title" className="setup-section">
        <h2 id="conflicts-title">{t('judges.conflicts.title')}</h2>
        {done?.startsWith('conflict.') ? notice : null}
        <p className="muted">{t('judges.conflicts.lead')}</p>
        {conflicts.length === 0 ? (
          <p>{t('judges.conflicts.none')}</p>
        ) : (
          <ul className="item-list">
            {conflicts.map((conflict) => {
              const form = `conflict.remove:${conflict.id}`;
              const failed = replyOf(answer, form) !== undefined;
              return (
                <li key={conflict.id} id={`conflict-${conflict.id}`} className="item">
                  <div className="item__body">
                    <p className="item__title">{t('judges.conflicts.pair', { judge: conflict.judgeName, startup: conflict.startupName })}</p>
                    <p className="item__quote">
                      <span className="visually-hidden">{t('judges.conflicts.reason')}: </span>
                      {conflict.reason}
                    </p>
                    <p className="item__meta">
                      {conflict.declaredById === conflict.judgeId
                        ? t('judges.conflicts.declaredByJudge', { date: when(conflict.createdAt) })
                        : t('judges.conflicts.declaredBy', { name: conflict.declaredByName ?? '—', date: when(conflict.createdAt) })}
                    </p>
                  </div>
                  {!published ? (
                    <details className="disclosure" open={failed || undefined}>
                      <summary className="button button--ghost">
                        {t('judges.conflicts.remove')}
                        <span className="visually-hidden"> {t('judges.conflicts.pair', { judge: conflict.judgeName, startup: conflict.startupName })}</span>
                      </summary>
                      <RemoveConflictForm conflictId={conflict.id} answer={answer} />
                    </details>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}

        {!published ? (
          <NewConflictForm answer={answer} labels={conflictLabels} judges={judges} applications={applications} />
        ) : null}
      </section>
    </div>
  );
}

function InvitationButton({ intent, id, label, email, danger }: { intent: string; id: number; label: string; email: string; danger?: boolean }) {
  return (
    <Form method="post" preventScrollReset>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="invitationId" value={id} />
      <button type="submit" className={`button ${danger ? 'button--danger' : 'button--ghost'}`}>
        {label}
        <span className="visually-hidden"> ({email})</span>
      </button>
    </Form>
  );
}

function RemoveConflictForm({ conflictId, answer }: { conflictId: number; answer: unknown }) {
  const { t } = useT();
  const [form, fields] = useSchemaForm({
    id: `conflict-remove-${conflictId}`,
    schema: removeConflictSchema,
    lastResult: replyOf(answer, `conflict.remove:${conflictId}`),
  });
  const params = { reason: { max: LIMITS.reason } };
  return (
    <ConformForm form={form} className="disclosure__body" preventScrollReset>
      <ErrorSummary form={form} labels={{ reason: t('judges.conflicts.removeReason') }} errorParams={params} level={3} />
      <input type="hidden" name="intent" value="conflict.remove" />
      <input type="hidden" name="conflictId" value={conflictId} />
      <TextareaField meta={fields.reason} label={t('judges.conflicts.removeReason')} hint={t('judges.conflicts.removeHint')} rows={2} errorParams={params.reason} />
      <button type="submit" className="button button--danger">
        {t('judges.conflicts.removeSubmit')}
      </button>
    </ConformForm>
  );
}

function NewConflictForm({
  answer,
  labels,
  judges,
  applications,
}: {
  answer: unknown;
  labels: { judgeId: string; applicationId: string; reason: string };
  judges: { id: number; name: string }[];
  applications: { id: number; startupName: string }[];
}) {
  const { t } = useT();
  const [form, fields] = useSchemaForm({ id: 'conflict-new', schema: organiserConflictSchema, lastResult: replyOf(answer, 'conflict.create') });
  const params = { reason: { max: LIMITS.reason } };
  return (
    <ConformForm form={form} className="setup-form" preventScrollReset>
      <ErrorSummary form={form} labels={labels} errorParams={params} level={3} />
      <fieldset className="fieldset" disabled={judges.length === 0 || applications.length === 0}>
        <legend className="fieldset__legend">{t('judges.conflicts.add')}</legend>
        <input type="hidden" name="intent" value="conflict.create" />
        <p className="field__hint">{t('judges.conflicts.addHint')}</p>
        <div className="grid-2">
          <SelectField
            meta={fields.judgeId}
            label={labels.judgeId}
            placeholder={t('judges.conflicts.chooseJudge')}
            options={judges.map((j) => ({ value: j.id, label: j.name }))}
          />
          <SelectField
            meta={fields.applicationId}
            label={labels.applicationId}
            placeholder={t('judges.conflicts.chooseApplication')}
            options={applications.map((a) => ({ value: a.id, label: a.startupName }))}
          />
        </div>
        <TextareaField meta={fields.reason} label={labels.reason} rows={2} errorParams={params.reason} />
        <FormActions submitLabel={t('judges.conflicts.addSubmit')} />
      </fieldset>
    </ConformForm>
  );
}
