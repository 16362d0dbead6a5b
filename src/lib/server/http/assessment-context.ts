import type { RequestEvent } from '@sveltejs/kit';
import { requireEntityChild } from './entity-context';

/** Routes by assessment id: find its child (nothing else), then the usual child check. */
export async function requireAssessmentChild(event: RequestEvent, action = 'read') {
	const { id, ctx } = await requireEntityChild(event, event.params.assessmentId, 'assessment', {
		action
	});
	return { aid: id, ctx };
}
