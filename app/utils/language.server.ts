/**
 * The page's language: the visitor's choice (cookie) first, then the browser's
 * Accept-Language, then English.
 */
import { createCookie } from '@remix-run/node';
import { isLang, type Lang } from '~/i18n';

export const languageCookie = createCookie('palmares_lang', {
  path: '/',
  sameSite: 'lax',
  httpOnly: true,
  maxAge: 365 * 24 * 60 * 60,
});

/** The best of fr/en for an Accept-Language header, by its q-values. */
export function languageFromHeader(header: string | null): Lang | null {
  if (!header) return null;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { base: tag.trim().toLowerCase().split('-')[0], q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((entry) => entry.q > 0 && !Number.isNaN(entry.q))
    .sort((a, b) => b.q - a.q);
  return ranked.map((entry) => entry.base).find(isLang) ?? null;
}

export async function getLanguage(request: Request): Promise<Lang> {
  const chosen = await languageCookie.parse(request.headers.get('Cookie'));
  if (isLang(chosen)) return chosen;
  return languageFromHeader(request.headers.get('Accept-Language')) ?? 'en';
}
