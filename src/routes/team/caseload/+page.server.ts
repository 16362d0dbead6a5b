import { z } from 'zod';
import { TEAM_ROLES } from '$lib/domain/roles';
import { requireRole, staffOf } from '$lib/server/http/authz';
import { caseloadOverview, workerCaseload } from '$lib/server/features/path';
import type { PageServerLoad } from './$types';

const workerParam = z.uuid().nullable().catch(null);

/** Each qualified worker's caseload against THL's 15–20 and the legal cap of 30 (13 b §). */
export const load: PageServerLoad = async (event) => {
	await requireRole(event, ...TEAM_ROLES);
	const viewer = staffOf(event);
	const { db } = viewer;
	const overview = await caseloadOverview(db, viewer);
	const workerId = workerParam.parse(event.url.searchParams.get('worker'));
	const worker = overview.workers.find((w) => w.userId === workerId) ?? null;
	return {
		...overview,
		worker,
		children: worker ? await workerCaseload(db, viewer, worker.userId) : []
	};
};
