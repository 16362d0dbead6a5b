import { error, type RequestEvent } from '@sveltejs/kit';
import { m } from '../paraglide/messages';
import { logDenied, requireChildAccess } from './authz';
import { getDb } from './db';
import { uuidParam } from './params';
import { childOfAssessment } from './services/assessments';

/** Routes by assessment id: find its child (nothing else), then the usual child check. */
export async function requireAssessmentChild(event: RequestEvent, action = 'read') {
	const aid = uuidParam(event.params.aid);
	const childId = await childOfAssessment(await getDb(), aid);
	if (!childId) {
		await logDenied(event, { entityType: 'assessment', entityId: aid });
		error(404, m.error_not_found());
	}
	const ctx = await requireChildAccess(event, childId, {
		action,
		entityType: 'assessment',
		entityId: aid
	});
	return { aid, ctx };
}
