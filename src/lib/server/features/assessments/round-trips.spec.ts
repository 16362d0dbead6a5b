import { describe, expect, it } from 'vitest';
import '../listeners';
import { recomputeChildStatus } from '../status';
import {
	contextOf,
	db,
	makeChild,
	makeGrant,
	makePartner,
	makeTeamScene,
	submission
} from '../../testing/fixtures';
import { watchedDb } from '../../testing/round-trips';
import { contentFromForm, saveAssessment } from './assessments';

/**
 * A submit is the app's busiest write; on this machine each round trip to PostgreSQL costs
 * more CPU than anything the app computes (docs/performance.md). What it sends is held here
 * so that a later change adds a round trip knowingly.
 */
describe.skipIf(!process.env.DATABASE_URL)('a submit’s round trips (PostgreSQL)', () => {
	it('is four round trips when the colour stays, whatever it notifies and logs', async () => {
		const d = await db();
		const { teamId, users } = await makeTeamScene(['social_worker']);
		const school = await makePartner('school');
		const worker = users.social_worker!;
		const c = await makeChild(teamId, { responsibleWorkerId: worker, dateOfBirth: '2011-03-03' });
		await makeGrant(c.id, school.organisationId, worker);
		await recomputeChildStatus(d, c.id, 'child_created');
		const ctx = await contextOf(school.userId, c.id);
		const watched = watchedDb();
		const submit = (rating: string) =>
			saveAssessment(watched.db, ctx, {
				...submission({ r_L2: rating }),
				content: contentFromForm({ familyInformed: 'yes', r_L2: rating })
			});
		try {
			await submit('1');
			watched.reset();
			await submit('1');
			// Round trips: begin · the assessment, its log row and the worker's notice, with the
			// child's lock and the status's three reads behind them · the stored status · commit.
			expect(watched.seen).toEqual({ statements: 10, roundTrips: 4 });
		} finally {
			await watched.end();
		}
	});
});
