/**
 * The "Log out" button: a post to /logout sent as a whole-page form, not through the router. Its
 * answer tells the browser to forget the site's caches and service worker (Clear-Site-Data, decision
 * 032); a router submission would load the logout route's module meanwhile, through the judge's
 * service worker that this very answer removes, and the page would reload onto the log-in form
 * instead of the home page. The browser follows the redirect itself, with nothing in flight.
 */
import { Form } from '@remix-run/react';
import { useT } from '~/i18n';

export function LogoutForm() {
  const { t } = useT();
  return (
    <Form method="post" action="/logout" reloadDocument>
      <button type="submit" className="button button--ghost">
        {t('nav.logout')}
      </button>
    </Form>
  );
}
