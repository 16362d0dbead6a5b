/**
 * The hidden field that carries a create form's one-time key (ADR 052): the page draws it
 * (FormShell), the server reads it (server/submissions.ts). Imports nothing, so a page
 * that names it ships no validator.
 */
export const ONCE_FIELD = '_once';
