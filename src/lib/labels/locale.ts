import type { Locale } from '../domain/roles';

/**
 * Each language by its own name (autonym), the same on every page whatever its language: a
 * language list is read by someone looking for theirs.
 */
const NAMES: Record<Locale, string> = { fi: 'suomi', sv: 'svenska', en: 'English' };

export const localeLabel = (locale: Locale): string => NAMES[locale];
