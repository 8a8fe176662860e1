/**
 * The lookup: `useT()` in components, `translate()` anywhere. Both dictionaries
 * are typed from the English one, so a key missing in French fails the typecheck.
 */
import { useRouteLoaderData } from '@remix-run/react';
import { en, type MessageKey } from './en';
import { fr } from './fr';

export const LANGUAGES = ['fr', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];
export type { MessageKey };

const dictionaries: Record<Lang, Record<MessageKey, string>> = { en, fr };

export function isLang(value: unknown): value is Lang {
  return value === 'fr' || value === 'en';
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}

/** `translate('fr', 'errors.auth.tooManyAttempts', { minutes: 3 })`; `{name}` placeholders. */
export function translate(lang: Lang, key: MessageKey | string, params: Record<string, string | number> = {}): string {
  const template = isMessageKey(key) ? dictionaries[lang][key] : key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export type T = (key: MessageKey | string, params?: Record<string, string | number>) => string;

/** The page's language (from the root loader) and its lookup. */
export function useT(): { t: T; lang: Lang } {
  const data = useRouteLoaderData('root') as { lang?: Lang } | undefined;
  const lang: Lang = isLang(data?.lang) ? data.lang : 'en';
  return { lang, t: (key, params) => translate(lang, key, params) };
}

/** Dates as people read them in each language, in the edition's time zone. */
export function formatDate(
  lang: Lang,
  date: Date | string | number,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'long' },
  timeZone = 'Europe/Paris',
): string {
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { timeZone, ...options }).format(new Date(date));
}

export function formatNumber(lang: Lang, value: number, options: Intl.NumberFormatOptions = {}): string {
  return new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', options).format(value);
}
