/**
 * Deprecated: import `tOf`, `titleMeta` and `langOf` from `~/i18n`. A module of its own here was
 * one more chunk (and request) on every first load (decision 045). Kept only so that branches
 * written before can merge; delete it once nothing imports it.
 */
export { langOf, tOf, titleMeta } from './index';
