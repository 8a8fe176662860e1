/**
 * What app/root.tsx needs from the server, in one module. Every `.server` module a route imports is
 * an empty module in the browser, and one shared by several routes becomes an empty chunk of its
 * own (≈ 112 bytes gzipped, one more request) on every first load; a module imported by one route
 * only is inlined into it for nothing (decision 045).
 */
export { messagesIn } from '~/i18n/messages.server';
export { canOrganise, getUser, judgedEditionIds } from '~/utils/auth.server';
export { getLanguage } from '~/utils/language.server';
