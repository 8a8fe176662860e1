import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { safeRedirect } from '~/domain/account';
import { isLang } from '~/i18n';
import { languageCookie } from '~/utils/language.server';

export async function loader() {
  return redirect('/');
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const lang = form.get('lang');
  const to = safeRedirect(form.get('redirectTo'), '/');
  if (!isLang(lang)) return redirect(to);
  return redirect(to, { headers: { 'Set-Cookie': await languageCookie.serialize(lang) } });
}
