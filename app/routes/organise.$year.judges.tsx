/**
 * /organise/:year/judges — invite judges (the link is shown once, to copy), follow, resend
 * and revoke invitations, see the edition's judges, and keep the conflict register (record a
 * conflict on a judge's behalf, remove one with a reason). Rules live in invitations.server.ts
 * and conflicts.server.ts.
 */
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { CopyLink } from '~/components/judging-setup-copy-link';
import { DoneNotice, FormErrors, Icon, InputField, LockedNotice, SelectField, TextAreaField } from '~/components/judging-setup-fields';
import { LIMITS, failureOf, invitationItemSchema, invitationSchema, organiserConflictSchema, removeConflictSchema, typedValues } from '~/domain/judging-setup';
import { EMAIL_MAX_LENGTH } from '~/domain/account';
import { formatDate, useT } from '~/i18n';
import { tOf } from '~/i18n/meta';
import { messagesFor } from '~/i18n/messages.server';
import styles from '~/styles/judging-setup.css';
import { requireOrganiser } from '~/utils/auth.server';
import { conflictRegister, declarableApplications, declareConflict, removeConflict } from '~/utils/conflicts.server';
import { requireEdition } from '~/utils/editions.server';
import {
  createInvitation,
  editionJudgeList,
  invitationPath,
  listInvitations,
  resendInvitation,
  revokeInvitation,
  type InvitationState,
} from '~/utils/invitations.server';
import { attempt, invalidForm } from '~/utils/setup.server';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
  const { t } = tOf(matches);
  return [{ title: `${t('organise.tabs.judges')} — ${data?.edition.year ?? ''} — Palmarès` }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  const edition = requireEdition(params.year);
  return {
    messages: await messagesFor(request, ['judging']),
    edition: { id: edition.id, year: edition.year, status: edition.status, timeZone: edition.timeZone },
    invitations: listInvitations(edition.id),
    judges: editionJudgeList(edition.id),
    conflicts: conflictRegister(edition.id),
    applications: declarableApplications(edition.id),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireOrganiser(request);
  const edition = requireEdition(params.year);
  const values = typedValues(await request.formData());
  const act = { editionId: edition.id, actorId: user.id };
  const intent = values.intent ?? '';
  const done = (anchor: string, extra: Record<string, string | number> = {}) =>
    redirect(`/organise/${edition.year}/judges?${new URLSearchParams({ done: intent, ...mapToStrings(extra) })}#${anchor}`);
  /** The link, shown once: the token is never stored, so it cannot be shown again. */
  const linkShown = (email: string, token: string, resent: boolean) =>
    data({ invitationLink: { email, link: new URL(invitationPath(token), request.url).toString(), resent } });

  switch (intent) {
    case 'invitation.create': {
      const parsed = invitationSchema.safeParse(values);
      if (!parsed.success) return invalidForm(intent, parsed.error, values);
      return attempt(intent, values, () => {
        const { token } = createInvitation({ ...act, email: parsed.data.email });
        return linkShown(parsed.data.email, token, false);
      });
    }
    case 'invitation.resend':
    case 'invitation.revoke': {
      const parsed = invitationItemSchema.safeParse(values);
      if (!parsed.success) throw new Response('Bad Request', { status: 400 });
      const form = `${intent}:${parsed.data.invitationId}`;
      return attempt(form, values, () => {
        if (intent === 'invitation.revoke') {
          revokeInvitation({ ...act, invitationId: parsed.data.invitationId });
          return done('invitations');
        }
        const { invitation, token } = resendInvitation({ ...act, invitationId: parsed.data.invitationId });
        return linkShown(invitation.email, token, true);
      });
    }
    case 'conflict.create': {
      const parsed = organiserConflictSchema.safeParse(values);
      if (!parsed.success) return invalidForm(intent, parsed.error, values);
      return attempt(intent, values, () => {
        const outcome = declareConflict({ ...parsed.data, editionId: edition.id, declaredBy: user.id });
        return done('conflicts', { assignments: outcome.removedAssignments, scoresheets: outcome.removedScoresheets });
      });
    }
    case 'conflict.remove': {
      const parsed = removeConflictSchema.safeParse(values);
      const form = `${intent}:${values.conflictId ?? ''}`;
      if (!parsed.success) return invalidForm(form, parsed.error, values);
      return attempt(form, values, () => (removeConflict({ ...act, ...parsed.data }), done('conflicts')));
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
  const result = useActionData<typeof action>();
  const { t, lang, has } = useT();
  const [search] = useSearchParams();
  const done = search.get('done');
  const published = edition.status === 'published';
  const when = (date: Date | string) => formatDate(lang, date, { dateStyle: 'medium', timeStyle: 'short' }, edition.timeZone);
  const shown = result && 'invitationLink' in result ? result.invitationLink : null;
  const inviteFailure = failureOf(result, 'invitation.create');
  const conflictFailure = failureOf(result, 'conflict.create');
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
      {published ? <LockedNotice title={t('judging.errors.edition.published')} /> : null}

      <section id="invite" aria-labelledby="invite-title" className="setup-section">
        <h2 id="invite-title">{t('judges.invite.title')}</h2>
        <p className="muted">{t('judges.invite.lead')}</p>
        {!published ? (
          // A new form after each link shown, so that the address typed for the last one is cleared.
          <Form key={shown?.link ?? 'invite'} method="post" className="setup-form" noValidate preventScrollReset>
            <FormErrors failure={inviteFailure} prefix="invite" labels={{ email: t('fields.email') }} />
            <input type="hidden" name="intent" value="invitation.create" />
            <div className="inline-form">
              <InputField
                prefix="invite"
                name="email"
                type="email"
                label={t('fields.email')}
                hint={t('judges.invite.emailHint')}
                autoComplete="off"
                required
                maxLength={EMAIL_MAX_LENGTH}
                defaultValue={inviteFailure?.values.email ?? ''}
                error={inviteFailure?.fieldErrors.email}
              />
              <button type="submit" className="button button--primary">
                {t('judges.invite.submit')}
              </button>
            </div>
          </Form>
        ) : null}
        {shown ? (
          <div className="link-panel" aria-labelledby="invitation-link-title">
            <p id="invitation-link-title" className="link-panel__title">
              <span aria-hidden="true">✓ </span>
              {t(shown.resent ? 'judges.invite.resentFor' : 'judges.invite.createdFor', { email: shown.email })}
            </p>
            <CopyLink id="invitation-link" label={t('judges.invite.linkLabel')} link={shown.link} testId="invitation-link" />
            <p className="muted">{t('judges.invite.linkOnce')}</p>
          </div>
        ) : null}
      </section>

      <section id="invitations" aria-labelledby="invitations-title" className="setup-section">
        <h2 id="invitations-title">{t('judges.invitations.title')}</h2>
        {done?.startsWith('invitation.') ? notice : null}
        {invitations.length === 0 ? (
          <p>{t('judges.invitations.none')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">{t('judges.invitations.caption', { year: edition.year })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('fields.email')}</th>
                  <th scope="col">{t('judges.invitations.state')}</th>
                  <th scope="col">{t('judges.invitations.sent')}</th>
                  <th scope="col">{t('judges.invitations.dates')}</th>
                  {!published ? <th scope="col">{t('judging.actions')}</th> : null}
                </tr>
              </thead>
              <tbody>
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
                              <InvitationButton intent="invitation.resend" id={invitation.id} label={t('judges.invitations.resend')} email={invitation.email} />
                              <InvitationButton intent="invitation.revoke" id={invitation.id} label={t('judges.invitations.revoke')} email={invitation.email} danger />
                            </div>
                          ) : null}
                          <RowFailure result={result} form={`invitation.resend:${invitation.id}`} />
                          <RowFailure result={result} form={`invitation.revoke:${invitation.id}`} />
                        </td>
                      ) : null}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section id="judges" aria-labelledby="judges-title" className="setup-section">
        <h2 id="judges-title">{t('judges.list.title', { count: judges.length })}</h2>
        {judges.length === 0 ? (
          <p>{t('judges.list.none')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">{t('judges.list.caption', { year: edition.year })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('fields.name')}</th>
                  <th scope="col">{t('fields.email')}</th>
                  <th scope="col">{t('judges.list.joined')}</th>
                  <th scope="col" className="num">{t('judges.list.conflicts')}</th>
                  <th scope="col" className="num">{t('judges.list.assignments')}</th>
                </tr>
              </thead>
              <tbody>
                {judges.map((judge) => (
                  <tr key={judge.id}>
                    <th scope="row">{judge.name}</th>
                    <td className="cell-break">{judge.email}</td>
                    <td>{when(judge.joinedAt)}</td>
                    <td className="num">{judge.conflicts}</td>
                    <td className="num">{judge.assignments}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
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
              const failure = failureOf(result, form);
              const prefix = `conflict-remove-${conflict.id}`;
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
                    <details className="disclosure" open={failure ? true : undefined}>
                      <summary className="button button--ghost">
                        {t('judges.conflicts.remove')}
                        <span className="visually-hidden"> {t('judges.conflicts.pair', { judge: conflict.judgeName, startup: conflict.startupName })}</span>
                      </summary>
                      <Form method="post" className="disclosure__body" noValidate preventScrollReset>
                        <FormErrors failure={failure} prefix={prefix} labels={{ reason: t('judges.conflicts.removeReason') }} />
                        <input type="hidden" name="intent" value="conflict.remove" />
                        <input type="hidden" name="conflictId" value={conflict.id} />
                        <TextAreaField
                          prefix={prefix}
                          name="reason"
                          label={t('judges.conflicts.removeReason')}
                          hint={t('judges.conflicts.removeHint')}
                          required
                          rows={2}
                          maxLength={LIMITS.reason}
                          defaultValue={failure?.values.reason ?? ''}
                          error={failure?.fieldErrors.reason}
                        />
                        <button type="submit" className="button button--danger">
                          {t('judges.conflicts.removeSubmit')}
                        </button>
                      </Form>
                    </details>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}

        {!published ? (
          <Form method="post" className="setup-form" noValidate preventScrollReset>
            <FormErrors failure={conflictFailure} prefix="conflict-new" labels={conflictLabels} />
            <fieldset className="fieldset" disabled={judges.length === 0 || applications.length === 0}>
              <legend className="fieldset__legend">{t('judges.conflicts.add')}</legend>
              <input type="hidden" name="intent" value="conflict.create" />
              <p className="field__hint">{t('judges.conflicts.addHint')}</p>
              <div className="grid-2">
                <SelectField
                  prefix="conflict-new"
                  name="judgeId"
                  label={conflictLabels.judgeId}
                  placeholder={t('judges.conflicts.chooseJudge')}
                  options={judges.map((j) => ({ value: j.id, label: j.name }))}
                  defaultValue={conflictFailure?.values.judgeId ?? ''}
                  error={conflictFailure?.fieldErrors.judgeId}
                />
                <SelectField
                  prefix="conflict-new"
                  name="applicationId"
                  label={conflictLabels.applicationId}
                  placeholder={t('judges.conflicts.chooseApplication')}
                  options={applications.map((a) => ({ value: a.id, label: a.startupName }))}
                  defaultValue={conflictFailure?.values.applicationId ?? ''}
                  error={conflictFailure?.fieldErrors.applicationId}
                />
              </div>
              <TextAreaField
                prefix="conflict-new"
                name="reason"
                label={conflictLabels.reason}
                required
                rows={2}
                maxLength={LIMITS.reason}
                defaultValue={conflictFailure?.values.reason ?? ''}
                error={conflictFailure?.fieldErrors.reason}
              />
              <div className="form-actions">
                <button type="submit" className="button button--primary">
                  {t('judges.conflicts.addSubmit')}
                </button>
              </div>
            </fieldset>
          </Form>
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

function RowFailure({ result, form }: { result: unknown; form: string }) {
  const failure = failureOf(result, form);
  return failure ? <FormErrors failure={failure} prefix={form.replace(/[.:]/g, '-')} labels={{}} /> : null;
}
