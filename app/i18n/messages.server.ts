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

const merged = new Map<string, Messages>();

/**
 * The messages of `namespaces` in `lang` (tests and loaders that know the language): one frozen
 * object per language and list of namespaces (a handful, written in the routes), built on first use
 * rather than copied for every loader of every request.
 */
export function messagesIn(lang: Lang, namespaces: readonly Namespace[]): Messages {
  const key = `${lang}:${namespaces.join(',')}`;
  let messages = merged.get(key);
  if (messages === undefined) {
    messages = Object.freeze(Object.assign({}, ...namespaces.map((ns) => selected[lang][ns]))) as Messages;
    merged.set(key, messages);
  }
  return messages;
}

/** What a loader returns as `messages`: the page language's strings of `namespaces`. */
export async function messagesFor(request: Request, namespaces: readonly Namespace[]): Promise<Messages> {
  return messagesIn(await getLanguage(request), namespaces);
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}

/** `translate('fr', 'errors.auth.tooManyAttempts', { minutes: 3 })`, on the server. */
export function translate(lang: Lang, key: MessageKey, params: Params = {}): string {
  return interpolate(dictionaries[lang][key], params, lang);
}
