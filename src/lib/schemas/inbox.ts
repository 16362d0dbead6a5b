import { z } from 'zod';
import { pageNumber, text } from './common';

/** A name search on a partner's home: posted, so the name never enters a URL. */
export const inboxSearchSchema = z.object({
	name: text(100, 1),
	page: pageNumber
});
