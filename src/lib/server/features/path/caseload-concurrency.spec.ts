import { and, eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { helsinkiDate } from '../../../domain/access';
import { CASELOAD_PHASES } from '../../../domain/path';
import { child } from '../../db/schema';
import { FieldError } from '../../errors';
import {
	contextOf,
	db,
	makeChild,
	makeChildren,
	makeOrg,
	makeTeam,
	makeUser
} from '../../testing/fixtures';
import { changePhase } from './phases';

/**
 * Two social workers each move one of the same colleague's needs assessments on to client at
 * the same moment, when the colleague has 29 clients: only one may take the 30th place; the
 * other would be the 31st and needs the consultant (13 b §). Truly concurrent transactions need a pool of real
 * connections, so this runs against PostgreSQL only (PGlite runs them one after another).
 */
const onPostgres = Boolean(process.env.DATABASE_URL);
const ROUNDS = 8;

async function setupRound() {
	const d = await db();
	const cp = await makeOrg('child_protection');
	const teamId = (await makeTeam(cp.id)).id;
	const worker = (await makeUser('social_worker', { organisationId: cp.id, teamId })).user.id;
	const deciders = [
		(await makeUser('social_worker', { organisationId: cp.id, teamId })).user.id,
		(await makeUser('social_worker', { organisationId: cp.id, teamId })).user.id
	];
	await makeChildren(teamId, 29, () => ({ phase: 'client', responsibleWorkerId: worker }));
	const today = helsinkiDate(new Date());
	// Two of the worker's needs assessments (workload, not caseload) become clients at once.
	const racing = [];
	for (const decider of deciders) {
		const c = await makeChild(teamId, {
			phase: 'needs_assessment',
			phaseSince: today,
			responsibleWorkerId: worker
		});
		racing.push({ ctx: await contextOf(decider, c.id), childId: c.id });
	}
	return { d, worker, teamId, racing, today };
}

describe.skipIf(!onPostgres)('caseload under concurrent assignments (PostgreSQL pool)', () => {
	it(`gives the 30th place to one of two, in ${ROUNDS} rounds`, async () => {
		for (let round = 0; round < ROUNDS; round++) {
			const { d, worker, teamId, racing, today } = await setupRound();
			// Both transactions are open at once on different pooled connections.
			const results = await Promise.allSettled(
				racing.map((r) =>
					changePhase(d, r.ctx, {
						fromPhase: 'needs_assessment',
						to: 'client',
						on: today,
						reason: '',
						placementKind: '',
						unitOrganisationId: '',
						placementPlace: '',
						caseloadReason: ''
					})
				)
			);
			const fulfilled = results.filter((r) => r.status === 'fulfilled');
			const rejected = results.filter((r) => r.status === 'rejected');
			expect(fulfilled.length, `round ${round}`).toBe(1);
			expect(rejected.length, `round ${round}`).toBe(1);
			const reason: unknown = (rejected[0] as PromiseRejectedResult).reason;
			expect(reason).toBeInstanceOf(FieldError);
			expect(Object.keys((reason as FieldError).fields)).toEqual(['caseloadReason']);

			const [{ n } = { n: 0 }] = await d
				.select({ n: sql<number>`count(*)`.mapWith(Number) })
				.from(child)
				.where(
					and(
						eq(child.teamId, teamId),
						eq(child.responsibleWorkerId, worker),
						inArray(child.phase, [...CASELOAD_PHASES])
					)
				);
			expect(n, `round ${round}`).toBe(30);
		}
	});
});
