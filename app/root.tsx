import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import type { ShouldRevalidateFunction } from '@remix-run/react';
import {
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react';
import { type ReactNode } from 'react';
import { LanguageSwitch } from '~/components/LanguageSwitch';
import { type Lang, tOf, useT } from '~/i18n';
import stylesheet from '~/styles/app.css';
import { canOrganise, getLanguage, getUser, judgedEditionIds, messagesIn } from '~/utils/root-route.server';
import { useNonce } from '~/utils/nonce';
import { postKeepsRootData, type RootHandle } from '~/utils/route-handles';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesheet },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
];

export const meta: MetaFunction<typeof loader> = ({ matches }) => {
  const { t } = tOf(matches);
  return [{ title: t('app.title') }, { name: 'description', content: t('app.description') }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const [lang, user] = await Promise.all([getLanguage(request), getUser(request)]);
  return {
    lang,
    messages: messagesIn(lang, ['core']),
    user: user
      ? {
          name: user.name,
          role: user.role,
          isOrganiser: canOrganise(user),
          isJudge: judgedEditionIds(user.id).length > 0,
        }
      : null,
  };
}

type RootData = Awaited<ReturnType<typeof loader>>;

/**
 * A post to a route whose handle says `revalidateRootAfterPost: false` (a scoresheet save) changes
 * neither the language nor the user: skip reloading the root after it, so a dropped connection
 * right after a save cannot turn the judge's page into an error page (app/utils/route-handles.ts).
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, formAction, defaultShouldRevalidate }) => {
  if (formMethod?.toUpperCase() === 'POST' && formAction && postKeepsRootData(formAction)) return false;
  return defaultShouldRevalidate;
};

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>('root');
  const lang: Lang = data?.lang ?? 'en';
  const nonce = useNonce();
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

/**
 * The header. Wide screens show the brand, the sections and the account in one row. Phones show
 * the brand and a "Menu" button, a <details> (it opens without JavaScript) holding the same links:
 * each set is in the page once for each layout, and CSS shows only one, so the hidden one is out
 * of the tab order and of the accessibility tree. Tab order follows the visual order in both.
 */
function SiteHeader({ user }: { user: RootData['user'] | null }) {
  const { t } = useT();
  const location = useLocation();
  const here = `${location.pathname}${location.search}`;
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t('nav.skipToContent')}
      </a>
      <div className="site-header__inner">
        <Link to="/" className="brand">
          <span className="brand__mark" aria-hidden="true">
            ★
          </span>
          <span>Palmarès</span>
        </Link>
        <div className="site-header__wide">
          <SiteNav user={user} />
          <AccountActions user={user} here={here} />
        </div>
        {/* Keyed on the location: a link followed inside the open menu gives a closed one on the next page. */}
        <details className="site-menu" key={location.key}>
          <summary className="site-menu__button">
            <span className="site-menu__icon" aria-hidden="true" />
            {t('nav.menu')}
          </summary>
          <div className="site-menu__panel">
            <SiteNav user={user} />
            <AccountActions user={user} here={here} />
          </div>
        </details>
      </div>
    </header>
  );
}

function SiteNav({ user }: { user: RootData['user'] | null }) {
  const { t } = useT();
  const location = useLocation();
  const onEditions = location.pathname === '/' || location.pathname.startsWith('/editions/');
  return (
    <nav aria-label={t('nav.label')} className="site-nav">
      <ul>
        <li>
          {/* Current on the home page and on every edition page. */}
          <Link to="/" aria-current={onEditions ? 'page' : undefined} className={onEditions ? 'active' : undefined}>
            {t('nav.editions')}
          </Link>
        </li>
        <li>
          <NavLink to="/method">{t('nav.method')}</NavLink>
        </li>
        {user?.role === 'founder' ? (
          <li>
            <NavLink to="/me">{t('nav.myApplications')}</NavLink>
          </li>
        ) : null}
        {user?.isJudge ? (
          <li>
            <NavLink to="/judge">{t('nav.judging')}</NavLink>
          </li>
        ) : null}
        {user?.isOrganiser ? (
          <li>
            <NavLink to="/organise">{t('nav.organise')}</NavLink>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

function AccountActions({ user, here }: { user: RootData['user'] | null; here: string }) {
  const { t } = useT();
  const withoutAccountLinks = useMatches().some((m) => (m.handle as RootHandle | undefined)?.withoutAccountLinks);
  return (
    <div className="site-header__account">
      <LanguageSwitch redirectTo={here} />
      {withoutAccountLinks ? null : user ? (
        <>
          <NavLink to="/account" className="account-link">
            <span className="visually-hidden">{t('nav.accountOf')} </span>
            {user.name}
          </NavLink>
          {/* A whole-page post: see routes/logout.tsx. */}
          <Form method="post" action="/logout" reloadDocument>
            <button type="submit" className="button button--ghost">
              {t('nav.logout')}
            </button>
          </Form>
        </>
      ) : (
        <>
          <NavLink to={`/login?${new URLSearchParams({ redirectTo: here })}`} className="button button--ghost">
            {t('nav.login')}
          </NavLink>
          <NavLink to="/signup" className="button button--primary">
            {t('nav.signup')}
          </NavLink>
        </>
      )}
    </div>
  );
}

function SiteFooter() {
  const { t } = useT();
  return (
    <footer className="site-footer">
      <p>{t('footer.tagline')}</p>
    </footer>
  );
}

export default function App() {
  const data = useRouteLoaderData<typeof loader>('root');
  return (
    <>
      <SiteHeader user={data?.user ?? null} />
      <main id="main" tabIndex={-1} className="site-main">
        <Outlet />
      </main>
      <SiteFooter />
    </>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData<typeof loader>('root');
  const { t } = useT();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const key = status === 403 ? 'forbidden' : status === 404 ? 'notFound' : 'serverError';
  return (
    <>
      <SiteHeader user={data?.user ?? null} />
      <main id="main" tabIndex={-1} className="site-main">
        <div className="error-page">
          <p className="error-page__code">{status}</p>
          <h1>{t(`errors.page.${key}.title`)}</h1>
          <p>{t(`errors.page.${key}.body`)}</p>
          <p>
            <Link to="/">{t('errors.page.backHome')}</Link>
          </p>
        </div>
      </main>
      <SiteFooter />
    </>
  );
}
