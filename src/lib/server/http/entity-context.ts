import { error, type RequestEvent } from '@sveltejs/kit';
import { m } from '../../paraglide/messages';
import { logDenied, requireChildAccess, staffOf } from './authz';
import { checkConsultationInvite } from '../access';
import type { Db } from '../db';
import { uuidParam } from './params';
import { childOfAssessment } from '../features/assessments';
import { childOfConsultation } from '../features/consultations';
import { childOfFlag } from '../features/flags';
import { childOfWorkflow } from '../features/intensive';

const finders = {
	assessment: childOfAssessment,
	flag: childOfFlag,
	consultation: childOfConsultation,
	intensive_workflow: childOfWorkflow
} satisfies Record<string, (db: Db, id: string) => Promise<string | null>>;

/**
 * Routes by an assessment, flag, consultation or workflow id: find its child (nothing
 * else), then the usual child check. Unknown id and no access look the same: a logged 404.
 */
export async function requireEntityChild(
	event: RequestEvent,
	param: string | undefined,
	entityType: keyof typeof finders,
	opts: { teamOnly?: boolean; action?: string } = {}
) {
	const id = uuidParam(param);
	const staff = staffOf(event);
	const childId = await finders[entityType](staff.db, id);
	if (!childId) {
		await logDenied(event, { entityType, entityId: id });
		error(404, m.error_not_found());
	}
	// Invited to a consultation without access to the child: that consultation only (ADR 023).
	if (entityType === 'consultation' && !opts.teamOnly) {
		const invited = await checkConsultationInvite(staff.db, staff, id);
		if (invited) return { id, ctx: invited };
	}
	const ctx = await requireChildAccess(event, childId, { ...opts, entityType, entityId: id });
	return { id, ctx };
}
