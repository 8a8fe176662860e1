/** Page titles in the page's language, for routes' `meta` exports (the messages come with the data). */
import { isLang, tOf, type Lang, type MessageKey, type Params } from './index';

type Match = { id: string; data: unknown };

export { tOf };

/** The language the root loader chose, as seen from a route's `meta`. */
export function langOf(matches: readonly Match[]): Lang {
  const lang = (matches.find((m) => m.id === 'root')?.data as { lang?: unknown } | undefined)?.lang;
  return isLang(lang) ? lang : 'en';
}

/** `[{ title: '<translated> — Palmarès' }]` */
export function titleMeta(matches: readonly Match[], key: MessageKey, params?: Params) {
  return [{ title: `${tOf(matches).t(key, params)} — Palmarès` }];
}

/** `[{ title: '<translated> — <year> — Palmarès' }]`, the title of one edition's page. */
export function editionTitleMeta(matches: readonly Match[], key: MessageKey, year: number | undefined, params?: Params) {
  return [{ title: `${tOf(matches).t(key, params)} — ${year ?? ''} — Palmarès` }];
}
