import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { describeDevice } from '~/domain/user-agent';
import { formatDate, titleMeta, useT } from '~/i18n';
import { requireUser } from '~/utils/auth.server';
import { CLEAR_SITE_DATA, listSessions, revokeSession } from '~/utils/session.server';
import { TableHead } from '~/components/TableHead';
import { Fact } from '~/components/Fact';
import { PageHeader } from '~/components/PageHeader';

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, 'account.title');

const revokeSchema = z.object({ session: z.string().regex(/^[0-9a-f]{64}$/) });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return {
    user: { name: user.name, email: user.email, role: user.role },
    sessions: listSessions(user.id).map((s) => ({ ...s, current: s.idHash === user.sessionIdHash })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = revokeSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ error: 'account.revokeFailed' as const }, { status: 400 });
  // Revoking the session in use is logging out: send the person to the home page.
  if (parsed.data.session === user.sessionIdHash) {
    revokeSession(user.id, parsed.data.session);
    // This device forgets what it kept for the account (a judge's scoresheets and outbox, decision 032).
    return redirect('/', { headers: { 'Clear-Site-Data': CLEAR_SITE_DATA } });
  }
  if (!revokeSession(user.id, parsed.data.session)) return data({ error: 'account.revokeFailed' as const }, { status: 404 });
  return redirect('/account');
}

/** "Chrome on Android", never the raw User-Agent header. */
function useDeviceName() {
  const { t } = useT();
  return (userAgent: string | null) => {
    const { browser, system } = describeDevice(userAgent);
    if (!browser && !system) return t('account.unknownDevice');
    if (!system) return browser!;
    return t('account.deviceOn', { browser: browser ?? t('account.unknownBrowser'), system });
  };
}

export default function Account() {
  const { user, sessions } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t, lang } = useT();
  const deviceName = useDeviceName();
  return (
    <div className="page">
      <PageHeader title={t('account.title')} />
      <dl className="facts">
        <Fact term={t('fields.name')}>{user.name}</Fact>
        <Fact term={t('fields.email')}>{user.email}</Fact>
        <Fact term={t('account.role')}>{t(`roles.${user.role}`)}</Fact>
      </dl>
      <section aria-labelledby="sessions-title">
        <h2 id="sessions-title">{t('account.sessions')}</h2>
        <p>{t('account.sessionsHelp')}</p>
        {result?.error ? (
          <p className="field__error" role="alert">
            {t(result.error)}
          </p>
        ) : null}
        <table className="table">
          <TableHead
            columns={[
              { label: t('account.device') },
              { label: t('account.lastSeen') },
              { label: <span className="visually-hidden">{t('account.actions')}</span> },
            ]}
          />
          <tbody>
            {sessions.map((session) => (
              <tr key={session.idHash}>
                <td>
                  {deviceName(session.userAgent)}
                  {session.current ? <strong> ({t('account.thisDevice')})</strong> : null}
                </td>
                <td>{formatDate(lang, session.lastSeenAt, { dateStyle: 'medium', timeStyle: 'short' })}</td>
                <td>
                  {/* This device's own is logging out: a whole-page post, as every "Log out" (routes/logout.tsx). */}
                  <Form method="post" reloadDocument={session.current}>
                    <input type="hidden" name="session" value={session.idHash} />
                    <button type="submit" className="button button--ghost">
                      {session.current ? t('nav.logout') : t('account.revoke')}
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
