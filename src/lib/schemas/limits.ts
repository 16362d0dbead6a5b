/**
 * Field limits the pages show as hints and the schemas enforce. Kept apart from the
 * schemas so that a page can show them without shipping the validation library.
 */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;
export const EVIDENCE_MAX = 2000;
export const VIEW_MAX = 4000;
export const SUMMARY_MAX = 4000;
