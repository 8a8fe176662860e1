import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { endSession } from '~/utils/session.server';

/** POST only: a link or a prefetch must never log anyone out. */
export async function loader() {
  return redirect('/');
}

export async function action({ request }: ActionFunctionArgs) {
  return redirect('/', { headers: { 'Set-Cookie': await endSession(request) } });
}
