/**
 * Deprecated: import `tOf`, `titleMeta`, `editionTitleMeta` and `langOf` from `~/i18n`. A module of its
 * own here was one more chunk (and request) on every first load (decision 045).
 */
export { editionTitleMeta, langOf, tOf, titleMeta } from './index';
