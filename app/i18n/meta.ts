/** Page titles in the page's language, for routes' `meta` exports. */
import { isLang, translate, type Lang, type MessageKey } from './index';

type Match = { id: string; data: unknown };

/** The language the root loader chose, as seen from a route's `meta`. */
export function langOf(matches: readonly Match[]): Lang {
  const lang = (matches.find((m) => m.id === 'root')?.data as { lang?: unknown } | undefined)?.lang;
  return isLang(lang) ? lang : 'en';
}

/** `[{ title: '<translated> — Palmarès' }]` */
export function titleMeta(matches: readonly Match[], key: MessageKey, params?: Record<string, string | number>) {
  return [{ title: `${translate(langOf(matches), key, params)} — Palmarès` }];
}
