/**
 * /logout — ends the session. Every "Log out" form posts here as a whole page (`reloadDocument`),
 * not through the router: this answer tells the browser to forget the site's caches and service
 * worker (Clear-Site-Data), and a router submission would meanwhile load this route's module
 * through the judge's service worker that the answer removes; the page then reloaded onto the
 * log-in form instead of the home page.
 */
import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { CLEAR_SITE_DATA, endSession } from '~/utils/session.server';

/** POST only: a link or a prefetch must never log anyone out. */
export async function loader() {
  return redirect('/');
}

export async function action({ request }: ActionFunctionArgs) {
  // The device forgets what it kept for this account: a judge's scoresheets, service worker and outbox (decision 032).
  return redirect('/', { headers: { 'Set-Cookie': await endSession(request), 'Clear-Site-Data': CLEAR_SITE_DATA } });
}
