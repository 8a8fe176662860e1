/**
 * /organise/:year/team — the organising team (site-wide: every organiser runs every edition) and
 * this edition's jury. Invite an organiser (a link shown once; the invitation machinery of the
 * judges, role `organiser`), revoke a pending invitation, remove an organiser's access (never the
 * last one's own); remove a judge from the edition with a reason, then see which applications are
 * short of judges. Rules in app/utils/team.server.ts and invitations.server.ts.
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { ConformForm, ErrorSummary, IntentButton, RefusalSummary, TextareaField, useSchemaForm } from '~/components/forms';
import { LinkShownOnce } from '~/components/judging-setup-copy-link';
import { DoneNotice } from '~/components/notices';
import { EDITION_LIMITS, removeJudgeSchema, teamInvitationSchema, teamUserSchema } from '~/domain/edition-form';
import { replyOf } from '~/domain/form-reply';
import { InviteForm } from '~/components/InviteForm';
import { invitationSchema } from '~/domain/judging-setup';
import { formatDate, useT } from '~/i18n';
import styles from '~/styles/judging-setup.css';
import { attempt, parseForm, replyTo } from '~/utils/form.server';
import { createInvitation, editionJudgeList, invitationPath, revokeInvitation } from '~/utils/invitations.server';
import { mailContext } from '~/utils/mail.server';
import { listOrganisers, organiserInvitationEdition, organiserInvitations, removeJudge, revokeOrganiser } from '~/utils/team.server';
import { editionHeader, organiserAction, organiserPage } from '~/utils/organiser-page.server';
import { organiserPageHead } from '~/utils/organiser-page';
import { DataTable } from '~/components/DataTable';

export const { links, meta } = organiserPageHead(styles, 'team.title');

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, edition, messages } = await organiserPage(request, params, ['editions', 'judging']);
  return {
    messages,
    edition: editionHeader(edition),
    me: user.id,
    organisers: listOrganisers(),
    invitations: organiserInvitations().filter((i) => i.state === 'pending' || i.state === 'expired'),
    judges: editionJudgeList(edition.id),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, edition, formData, intent, act } = await organiserAction(request, params);
  const done = (anchor: string) => redirect(`/organise/${edition.year}/team?done=${intent}#${anchor}`);
  switch (intent) {
    case 'organiser.invite': {
      const submission = parseForm(formData, invitationSchema);
      if (submission.status !== 'success') return replyTo(intent, submission.reply());
      const mail = await mailContext(request);
      return attempt(intent, submission, () => {
        // Mailed through the outbox (decision 028), and still shown once to copy.
        const { token } = createInvitation({ ...act, email: submission.value.email, role: 'organiser', mail });
        return data({ invitationLink: { email: submission.value.email, link: new URL(invitationPath(token), request.url).toString() } });
      });
    }
    case 'invitation.revoke': {
      const submission = parseForm(formData, teamInvitationSchema);
      if (submission.status !== 'success') throw new Response('Bad Request', { status: 400 });
      const { invitationId } = submission.value;
      return attempt(`${intent}:${invitationId}`, submission, () => {
        // Audited in the edition it was sent from.
        const editionId = organiserInvitationEdition(invitationId);
        if (editionId === null) throw new Response('Not Found', { status: 404 });
        revokeInvitation({ ...act, editionId, invitationId });
        return done('invitations');
      });
    }
    case 'organiser.revoke': {
      const submission = parseForm(formData, teamUserSchema);
      if (submission.status !== 'success') throw new Response('Bad Request', { status: 400 });
      const { userId } = submission.value;
      return attempt(`${intent}:${userId}`, submission, () => {
        revokeOrganiser({ ...act, userId });
        // Whoever removed their own access has nothing more to see here.
        return userId === user.id ? redirect('/') : done('organisers');
      });
    }
    case 'judge.remove': {
      const submission = parseForm(formData, removeJudgeSchema);
      const form = `${intent}:${formData.get('judgeId') ?? ''}`;
      if (submission.status !== 'success') return replyTo(form, submission.reply());
      return attempt(form, submission, () => data({ judgeRemoved: removeJudge({ ...act, ...submission.value }) }));
    }
    default:
      throw new Response('Bad Request', { status: 400 });
  }
}

export default function Team() {
  const { edition, me, organisers, invitations, judges } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t, lang, has } = useT();
  const [search] = useSearchParams();
  const done = search.get('done');
  const when = (date: Date | string) => formatDate(lang, date, { dateStyle: 'medium', timeStyle: 'short' }, edition.timeZone);
  const shown = answer && 'invitationLink' in answer ? answer.invitationLink : null;
  const removed = answer && 'judgeRemoved' in answer ? answer.judgeRemoved : null;
  const doneKey = `team.done.${done}`;
  const notice = done && has(doneKey) ? <DoneNotice>{t(doneKey)}</DoneNotice> : null;
  const lastOne = organisers.length <= 1;
  const published = edition.status === 'published';

  return (
    <div className="judging-setup">
      <section id="organisers" aria-labelledby="organisers-title" className="setup-section">
        <h2 id="organisers-title">{t('team.organisers.title', { count: organisers.length })}</h2>
        <p className="muted">{t('team.lead')}</p>
        {done === 'organiser.revoke' ? notice : null}
        <DataTable
          caption={t('team.organisers.caption')}
          regionClassName="table-wrap"
          columns={[{ label: t('fields.name') }, { label: t('fields.email') }, { label: t('judging.actions') }]}
        >
          {organisers.map((organiser) => (
            <tr key={organiser.id} id={`organiser-${organiser.id}`}>
              <th scope="row">
                {organiser.name} {organiser.id === me ? <span className="muted">{t('team.organisers.you')}</span> : null}
              </th>
              <td className="cell-break">{organiser.email}</td>
              <td>
                {lastOne ? (
                  <span className="muted">{t('team.organisers.lastOne')}</span>
                ) : (
                  <IntentButton
                    intent="organiser.revoke"
                    fields={{ userId: organiser.id }}
                    label={t('team.organisers.remove')}
                    of={`(${organiser.name})`}
                    variant="danger"
                  />
                )}
                <RefusalSummary answer={answer} form={`organiser.revoke:${organiser.id}`} />
              </td>
            </tr>
          ))}
        </DataTable>
      </section>

      <section id="invite" aria-labelledby="invite-title" className="setup-section">
        <h2 id="invite-title">{t('team.invite.title')}</h2>
        <InviteForm
          key={shown?.link ?? 'invite'}
          id="organiser-invite"
          intent="organiser.invite"
          answer={answer}
          submitLabel={t('team.invite.submit')}
        />
        {shown ? (
          <LinkShownOnce
            id="organiser-invitation-link"
            title={t('team.invite.createdFor', { email: shown.email })}
            label={t('team.invite.linkLabel')}
            link={shown.link}
            note={t('team.invite.linkOnce')}
          />
        ) : null}
      </section>

      <section id="invitations" aria-labelledby="invitations-title" className="setup-section">
        <h2 id="invitations-title">{t('team.invitations.title')}</h2>
        {done === 'invitation.revoke' ? notice : null}
        {invitations.length === 0 ? (
          <p>{t('team.invitations.none')}</p>
        ) : (
          <ul className="item-list">
            {invitations.map((invitation) => (
              <li key={invitation.id} className="item" id={`invitation-${invitation.id}`}>
                <div className="item__body">
                  <p className="item__title cell-break">{invitation.email}</p>
                  <p className="item__meta">
                    {t(`judges.invitationState.${invitation.state}`)} ·{' '}
                    {t(invitation.state === 'expired' ? 'judges.invitations.expiredOn' : 'judges.invitations.validUntil', { date: when(invitation.expiresAt) })}
                  </p>
                  <RefusalSummary answer={answer} form={`invitation.revoke:${invitation.id}`} />
                </div>
                <IntentButton
                  intent="invitation.revoke"
                  fields={{ invitationId: invitation.id }}
                  label={t('team.invitations.revoke')}
                  of={`(${invitation.email})`}
                  variant="ghost"
                />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section id="judges" aria-labelledby="team-judges-title" className="setup-section">
        <h2 id="team-judges-title">{t('team.judges.title', { year: edition.year })}</h2>
        <p className="muted">{t('team.judges.lead')}</p>
        {removed ? (
          <div className="notice notice--done" role="status" data-testid="judge-removed">
            <p className="notice__title">
              <span aria-hidden="true">✓ </span>
              {t('team.removed.title', { name: removed.name })}
            </p>
            <p>{t('team.removed.counts', { assignments: removed.assignments, scoresheets: removed.scoresheets })}</p>
            <h3>{t('team.removed.short')}</h3>
            {removed.short.length === 0 ? (
              <p>{t('team.removed.shortNone')}</p>
            ) : (
              <>
                <ul>
                  {removed.short.map((s) => (
                    <li key={`${s.roundId}-${s.applicationId}`}>
                      {t('team.removed.shortRow', { startup: s.startupName, round: lang === 'fr' ? s.roundNameFr : s.roundNameEn, judges: s.judges, needed: s.needed })}
                    </li>
                  ))}
                </ul>
                <p>
                  <Link to={`/organise/${edition.year}/assignments`}>{t('team.removed.assign')}</Link>
                </p>
              </>
            )}
          </div>
        ) : null}
        {judges.length === 0 ? (
          <p>{t('team.judges.none')}</p>
        ) : (
          <ul className="item-list">
            {judges.map((judge) => (
              <li key={judge.id} className="item" id={`judge-${judge.id}`}>
                <div className="item__body">
                  <p className="item__title">{judge.name}</p>
                  <p className="item__meta cell-break">
                    {judge.email} · {t('judges.list.assignments')}: {judge.assignments}
                  </p>
                </div>
                {!published ? <RemoveJudge judgeId={judge.id} name={judge.name} answer={answer} /> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function RemoveJudge({ judgeId, name, answer }: { judgeId: number; name: string; answer: unknown }) {
  const { t } = useT();
  const formId = `judge.remove:${judgeId}`;
  const [form, fields] = useSchemaForm({ id: `judge-remove-${judgeId}`, schema: removeJudgeSchema, lastResult: replyOf(answer, formId) });
  const failed = replyOf(answer, formId) !== undefined;
  const params = { reason: { max: EDITION_LIMITS.reason } };
  return (
    <details className="disclosure" open={failed || undefined}>
      <summary className="button button--ghost">
        {t('team.judges.remove')}
        <span className="visually-hidden"> ({name})</span>
      </summary>
      <ConformForm form={form} className="disclosure__body" preventScrollReset>
        <ErrorSummary form={form} labels={{ reason: t('team.judges.removeReason') }} errorParams={params} level={3} />
        <input type="hidden" name="intent" value="judge.remove" />
        <input type="hidden" name="judgeId" value={judgeId} />
        <TextareaField meta={fields.reason} label={t('team.judges.removeReason')} rows={2} errorParams={params.reason} />
        <button type="submit" className="button button--danger">
          {t('team.judges.removeSubmit')}
        </button>
      </ConformForm>
    </details>
  );
}
