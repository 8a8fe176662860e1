/**
 * Any address no other route matches: a 404 thrown under the root, so that the root loader runs
 * and the error page has the visitor's language and its messages (an unmatched URL would
 * otherwise render the root's error boundary without any loader data).
 */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { log } from '~/utils/log.server';

export async function loader({ request }: LoaderFunctionArgs) {
  // Remix hands a thrown Response to no error handler: log it here as entry.server logs a refusal.
  log.info('request_refused', { method: request.method, path: new URL(request.url).pathname, status: 404 });
  throw new Response('Not Found', { status: 404 });
}

export default function NotFound() {
  return null;
}
