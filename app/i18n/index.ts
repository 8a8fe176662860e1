/**
 * The lookup, in the browser and on the server: `useT()` in components, `tOf(matches)` in `meta`.
 * No dictionary is imported here (only the type of its keys): the server picks the messages of
 * one language and of the namespaces a page's routes declare (`messages.server.ts`) and sends them
 * with the loader data; this module reads them from the matched routes' data, so the server's
 * render and the browser's hydration read the same strings.
 */
import { useMatches } from '@remix-run/react';
import { useMemo } from 'react';
import type { MessageKey } from './en';

export const LANGUAGES = ['fr', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];
export type { MessageKey };
export type Params = Record<string, string | number>;
/** Messages of one language, as a loader sends them (`messages` in its data). */
export type Messages = Partial<Record<MessageKey, string>>;
export type T = (key: MessageKey, params?: Params) => string;
export type Lookup = { t: T; lang: Lang; has: (key: string) => key is MessageKey };

export function isLang(value: unknown): value is Lang {
  return value === 'fr' || value === 'en';
}

const PLURAL = /\{(\w+), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{[^{}]*\})+)\s*\}/g;
const PLURAL_FORM = /(=\d+|\w+)\s*\{([^{}]*)\}/g;
const pluralRules: Partial<Record<Lang, Intl.PluralRules>> = {};

/**
 * `{name}` placeholders, and plurals chosen by `Intl.PluralRules` in the page's language (French
 * says "1 place", "0 place"; English "0 places"), `#` being the number:
 * `interpolate('{count, plural, one {# startup} other {# startups}}', { count: 3 }, 'en')`.
 */
export function interpolate(template: string, params: Params = {}, lang: Lang = 'en'): string {
  if (!template.includes('{')) return template;
  const counted = template.replace(PLURAL, (whole, name: string, options: string) => {
    const value = Number(params[name]);
    if (!(name in params) || !Number.isFinite(value)) return whole;
    const forms = Object.fromEntries([...options.matchAll(PLURAL_FORM)].map((m) => [m[1], m[2]]));
    const rules = (pluralRules[lang] ??= new Intl.PluralRules(lang === 'fr' ? 'fr-FR' : 'en-GB'));
    const form = forms[`=${value}`] ?? forms[rules.select(value)] ?? forms.other ?? '';
    return form.replace(/#/g, formatNumber(lang, value));
  });
  return counted.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

type DataMatch = { id: string; data: unknown };

const reported = new Set<string>();

/**
 * The page's language (from the root loader) and a lookup over the messages every matched route
 * sent. A key no loader sent is a route that forgot a namespace: it shows the key and says so on
 * the console (tests fail on any console.error).
 */
export function tOf(matches: readonly DataMatch[]): Lookup {
  const root = matches.find((m) => m.id === 'root')?.data as { lang?: unknown } | undefined;
  const lang: Lang = isLang(root?.lang) ? root.lang : 'en';
  const sent = matches.map((m) => (m.data as { messages?: Messages } | null | undefined)?.messages).filter((m): m is Messages => Boolean(m));
  const t: T = (key, params) => {
    for (const messages of sent) {
      const template = messages[key];
      if (template !== undefined) return interpolate(template, params, lang);
    }
    if (!reported.has(key)) {
      reported.add(key);
      console.error(`Message "${key}" not shipped with this page (npm run i18n:shipped)`);
    }
    return key;
  };
  /** For labels named by stored data (audit actions and fields): is there a message for it? */
  const has = (key: string): key is MessageKey => sent.some((messages) => messages[key as MessageKey] !== undefined);
  return { t, lang, has };
}

/** The language the root loader chose, as seen from a route's `meta`. */
export function langOf(matches: readonly DataMatch[]): Lang {
  const lang = (matches.find((m) => m.id === 'root')?.data as { lang?: unknown } | undefined)?.lang;
  return isLang(lang) ? lang : 'en';
}

/** `[{ title: '<translated> — Palmarès' }]` */
export function titleMeta(matches: readonly DataMatch[], key: MessageKey, params?: Params) {
  return [{ title: `${tOf(matches).t(key, params)} — Palmarès` }];
}

/** `[{ title: '<translated> — <year> — Palmarès' }]`, the title of one edition's page. */
export function editionTitleMeta(matches: readonly DataMatch[], key: MessageKey, year: number | undefined, params?: Params) {
  return [{ title: `${tOf(matches).t(key, params)} — ${year ?? ''} — Palmarès` }];
}

/** The title of a page about one round of an edition: `key` given the round's name (`{round}`) in the page's language. */
export function roundTitleMeta(
  matches: readonly DataMatch[],
  key: MessageKey,
  year: number | undefined,
  round: { nameFr: string; nameEn: string } | undefined,
) {
  const name = round ? (langOf(matches) === 'fr' ? round.nameFr : round.nameEn) : '';
  return editionTitleMeta(matches, key, year, { round: name });
}

/** The page's language and its lookup, for components. */
export function useT(): Lookup {
  const matches = useMatches();
  return useMemo(() => tOf(matches), [matches]);
}

/** Dates as people read them in each language, in the edition's time zone. */
export function formatDate(
  lang: Lang,
  date: Date | string | number,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'long' },
  timeZone = 'Europe/Paris',
): string {
  // A formatter is costly to build (a profile of an organiser page put 4 % of its time here): one
  // per language, zone and options, kept (the options come from the code, so the set is small).
  const key = `${lang}|${timeZone}|${optionsKey(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { timeZone, ...options });
    dateFormats.set(key, format);
  }
  return format.format(new Date(date));
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The formatter's options as a key, without serialising them as JSON on every call (flat objects of strings, numbers, booleans). */
function optionsKey(options: object): string {
  let key = '';
  for (const name in options) key += `${name}=${String((options as Record<string, unknown>)[name])};`;
  return key;
}

export function formatNumber(lang: Lang, value: number, options: Intl.NumberFormatOptions = {}): string {
  const key = `${lang}|${optionsKey(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', options);
    numberFormats.set(key, format);
  }
  return format.format(value);
}

/** Kept like the date formatters above (each is costly to build; the options come from the code). */
const numberFormats = new Map<string, Intl.NumberFormat>();
