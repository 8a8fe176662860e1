/**
 * Any address no other route matches: a 404 thrown under the root, so that the root loader runs
 * and the error page has the visitor's language and its messages (an unmatched URL would
 * otherwise render the root's error boundary without any loader data).
 */
export async function loader() {
  throw new Response('Not Found', { status: 404 });
}

export default function NotFound() {
  return null;
}
