import { whoReadOurData, READ_LOG_LINES } from '$lib/server/features/family';
import {
	familyBar,
	requireFamilyChild,
	requireRecentIdentification
} from '$lib/server/http/family';
import { httpFailure } from '$lib/server/http/forms';
import { uuidParam } from '$lib/server/http/params';
import { readLogText } from './read-log-text';
import type { PageServerLoad } from './$types';

/**
 * "Who has read our data" (Act 703/2023 § 11): the last two years in plain words, after a
 * strong identification at most 10 minutes old; printable. Its words are made here, in
 * the reader's language (ADR 028).
 */
export const load: PageServerLoad = async (event) => {
	const ctx = await requireFamilyChild(event, uuidParam(event.params.childId), {
		entityType: 'access_log'
	});
	requireRecentIdentification(event, ctx);
	const { lines, more } = await whoReadOurData(ctx.db, ctx).catch(httpFailure);
	return {
		bar: familyBar(ctx),
		childId: ctx.childId,
		lines: lines.map((line) => readLogText(line)),
		more: more ? READ_LOG_LINES : null
	};
};
