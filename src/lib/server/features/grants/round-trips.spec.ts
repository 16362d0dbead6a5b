import { describe, expect, it } from 'vitest';
import { makeChild, makeGrant, makePartner, makeTeamScene, staffOf } from '../../testing/fixtures';
import { watchedDb } from '../../testing/round-trips';
import { partnerInbox } from './grants';

/**
 * A partner's home reads five lists at once and then the grants its children are seen
 * through. Unnamed, each statement was a round trip of its own and another to describe it
 * first (ADR 049): 16 on the wire. Prepared and planned for its own values: five.
 */
describe.skipIf(!process.env.DATABASE_URL)('the partner home’s round trips (PostgreSQL)', () => {
	it('is five: begin, the five lists, the grants they show, the log row, commit', async () => {
		const { team, users } = await makeTeamScene(['social_worker']);
		const worker = users.social_worker!;
		const school = await makePartner('school');
		for (let i = 0; i < 3; i++) {
			const c = await makeChild(team.id, { responsibleWorkerId: worker });
			await makeGrant(c.id, school.organisationId, worker);
		}
		const viewer = await staffOf(school.userId);
		const watched = watchedDb();
		try {
			const home = await partnerInbox(watched.db, viewer, { page: 1 });
			expect(home.total).toBe(3);
			watched.reset();
			await partnerInbox(watched.db, viewer, { page: 1 });
			// begin · the transaction's plan setting and the five lists · the grants · the log
			// row · commit.
			expect(watched.seen).toEqual({ statements: 10, roundTrips: 5 });
		} finally {
			await watched.end();
		}
	});
});
