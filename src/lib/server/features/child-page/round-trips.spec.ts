import { describe, expect, it } from 'vitest';
import '../listeners';
import {
	contextOf,
	db,
	makeChild,
	makeGrant,
	makeOrg,
	makeTeamScene,
	makeUser,
	submission
} from '../../testing/fixtures';
import { watchedDb } from '../../testing/round-trips';
import { saveAssessment } from '../assessments';
import { linkSiblings } from '../path';
import { childPage } from '.';

/**
 * The child's page reads thirteen features' parts in one transaction. Each part's reads
 * that do not wait on another go down in the page's first batch, so the page is a fixed
 * number of round trips however many parts it shows (docs/performance.md).
 */
describe.skipIf(!process.env.DATABASE_URL)('the child page’s round trips (PostgreSQL)', () => {
	it('is five: begin, every part’s reads, the names they found, the log row, commit', async () => {
		const d = await db();
		const { team: t, users } = await makeTeamScene(['social_worker']);
		const worker = users.social_worker!;
		const c = await makeChild(t.id, { responsibleWorkerId: worker });
		const sibling = await makeChild(t.id, { responsibleWorkerId: worker });
		const staff = await contextOf(worker, c.id);
		await linkSiblings(d, staff, await contextOf(worker, sibling.id));
		for (const kind of ['school', 'child_health_clinic'] as const) {
			const org = await makeOrg(kind);
			const author = (await makeUser('partner', { organisationId: org.id })).user.id;
			await makeGrant(c.id, org.id, worker);
			await saveAssessment(d, await contextOf(author, c.id), submission({ r_S1: '3' }));
		}
		const watched = watchedDb();
		try {
			const page = await childPage(watched.db, staff);
			// What it read is the page: the sibling and both organisations' assessments.
			expect(page.siblings.map((s) => s.id)).toEqual([sibling.id]);
			expect(page.overview?.organisations).toHaveLength(2);
			// Parts whose results arrive in separate reads of the socket can split a round
			// trip (testing/round-trips.ts): the least of five runs is the page's own figure.
			const trips: number[] = [];
			for (let i = 0; i < 5; i++) {
				watched.reset();
				await childPage(watched.db, staff);
				trips.push(watched.seen.roundTrips);
			}
			expect(Math.min(...trips)).toBe(5);
		} finally {
			await watched.end();
		}
	});
});
