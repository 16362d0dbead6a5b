import { z } from 'zod';
import { text } from './common';

/** The inbox page in the query string: a number only, never a name. */
export const inboxPageSchema = z.object({
	inboxPage: z.coerce.number().int().min(1).max(100_000).catch(1).default(1)
});

export function parseInboxPage(params: URLSearchParams) {
	return parsePage(params, 'inboxPage');
}

/** A page number from the query string; anything else is page 1, never an error. */
export function parsePage(params: URLSearchParams, name = 'page') {
	const raw = params.get(name);
	return inboxPageSchema.parse(raw ? { inboxPage: raw } : {}).inboxPage;
}

/** A name search on a partner's home: posted, so the name never enters a URL. */
export const inboxSearchSchema = z.object({
	name: text(100, 1),
	page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1)
});
