/**
 * The dictionaries, on the server only (a `.server` module never reaches the browser bundle).
 * `messagesFor(request, namespaces)` is what a loader sends with its data: one language, the core
 * messages (root) or the feature namespaces its page uses; `translate` is the whole lookup for
 * server code (CSV headers, exports).
 */
import { applicationsMessages } from './applications';
import { editionsMessages } from './editions';
import { en } from './en';
import { feedbackMessages } from './feedback';
import { fr } from './fr';
import { interpolate, type Lang, type Messages, type MessageKey, type Params } from './index';
import { judgingMessages } from './judging';
import { mailMessages, recoveryMessages } from './mail';
import { layoutMessages } from './layout';
import { resultsMessages } from './results';
import { scoringMessages } from './scoring';
import { shippedKeys, type Shipped } from './shipped.server';
import { stageMessages } from './stage';
import { typesetFrench } from './typography';
import { getLanguage } from '~/utils/language.server';

/** French with its typography (narrow no-break spaces), set here once for the server and the browser alike. */
const dictionaries: Record<Lang, Record<MessageKey, string>> = { en, fr: typesetFrench(fr) };

const features = {
  applications: applicationsMessages,
  editions: editionsMessages,
  feedback: feedbackMessages,
  judging: judgingMessages,
  mail: mailMessages,
  recovery: recoveryMessages,
  layout: layoutMessages,
  results: resultsMessages,
  scoring: scoringMessages,
  stage: stageMessages,
};

/** `core` (en.ts, fr.ts: header, footer, statuses, shared form words) is sent by the root loader. */
export type Namespace = 'core' | keyof typeof features;

function byNamespace(lang: Lang): Record<Namespace, Messages> {
  const featureKeys = new Set(Object.values(features).flatMap((f) => Object.keys(f.en)));
  const core = Object.fromEntries(Object.entries(dictionaries[lang]).filter(([key]) => !featureKeys.has(key)));
  return {
    core,
    applications: features.applications[lang],
    editions: features.editions[lang],
    feedback: features.feedback[lang],
    judging: features.judging[lang],
    mail: features.mail[lang],
    recovery: features.recovery[lang],
    layout: features.layout[lang],
    results: features.results[lang],
    scoring: features.scoring[lang],
    stage: features.stage[lang],
  };
}

const selected: Record<Lang, Record<Namespace, Messages>> = { en: byNamespace('en'), fr: typesetNamespaces(byNamespace('fr')) };

function typesetNamespaces(namespaces: Record<Namespace, Messages>): Record<Namespace, Messages> {
  return Object.fromEntries(Object.entries(namespaces).map(([ns, messages]) => [ns, typesetFrench(messages)])) as Record<Namespace, Messages>;
}

/** Every namespace, and the keys of one (unpruned): for scripts/i18n-shipped.ts and tests. */
export const NAMESPACES = Object.keys(selected.en) as Namespace[];
export function keysOfNamespace(namespace: Namespace): string[] {
  return Object.keys(selected.en[namespace]);
}

const merged = new Map<string, Messages>();

/**
 * What a page ships of `namespaces` in `lang` (decision 049): only the keys its routes use, as
 * app/i18n/shipped-keys.server.ts lists them (`npm run i18n:shipped` writes it from the source),
 * and a list no route writes whole. `pathname` (the page's) tells which route's loader it is; without
 * it, what any route writing this list ships. One frozen object per language, list and route,
 * built on first use rather than copied for every loader of every request.
 */
export function messagesIn(lang: Lang, namespaces: readonly Namespace[], pathname?: string): Messages {
  const shipped = shippedKeys(namespaces, pathname);
  const cacheKey = `${lang}:${namespaces.join(',')}:${shipped?.by ?? ''}`;
  let messages = merged.get(cacheKey);
  if (messages === undefined) {
    messages = Object.freeze(shipped ? pick(lang, namespaces, shipped) : allMessagesIn(lang, namespaces));
    merged.set(cacheKey, messages);
  }
  return messages;
}

/** The shipped keys, from the list's namespaces or, for a shared word a route serves itself, from `core`. */
function pick(lang: Lang, namespaces: readonly Namespace[], shipped: Shipped): Messages {
  const from = allMessagesIn(lang, [...namespaces, 'core']) as Record<string, string>;
  return Object.fromEntries(shipped.keys.filter((key) => key in from).map((key) => [key, from[key]])) as Messages;
}

/** Every message of `namespaces` in `lang`, used or not (tests, and code that picks strings itself). */
export function allMessagesIn(lang: Lang, namespaces: readonly Namespace[]): Messages {
  return Object.assign({}, ...namespaces.map((ns) => selected[lang][ns])) as Messages;
}

/** What a loader returns as `messages`: the page language's strings of `namespaces` that its route uses. */
export async function messagesFor(request: Request, namespaces: readonly Namespace[]): Promise<Messages> {
  return messagesIn(await getLanguage(request), namespaces, pathnameOf(request));
}

const pathnames = new WeakMap<Request, string>();

function pathnameOf(request: Request): string {
  let pathname = pathnames.get(request);
  if (pathname === undefined) {
    pathname = new URL(request.url).pathname;
    pathnames.set(request, pathname);
  }
  return pathname;
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}

/** `translate('fr', 'errors.auth.tooManyAttempts', { minutes: 3 })`, on the server. */
export function translate(lang: Lang, key: MessageKey, params: Params = {}): string {
  return interpolate(dictionaries[lang][key], params, lang);
}
