import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { guardian, notification } from '../../db/schema';
import {
	db,
	makeChild,
	makeGuardian,
	makeTeamScene,
	testIdentityCode
} from '../../testing/fixtures';
import { remindRestrictionReviews } from './guardians';

/**
 * Two instances' workers at the same moment (ADR 024): the reminder of a restriction's
 * review date is claimed by its stamp, so it is sent once. Truly concurrent transactions
 * need PostgreSQL's pool; PGlite runs them one after another.
 */
const onPostgres = Boolean(process.env.DATABASE_URL);

describe.skipIf(!onPostgres)('restriction reminders under two workers (PostgreSQL pool)', () => {
	it('sends each reminder once in 10 rounds', async () => {
		const d = await db();
		const scene = await makeTeamScene(['social_worker', 'consultant_social_worker']);
		const by = scene.users.social_worker!;
		for (let round = 0; round < 10; round++) {
			const childId = (await makeChild(scene.teamId)).id;
			const g = await makeGuardian(childId, testIdentityCode(1980).code, by);
			const today = new Date().toISOString().slice(0, 10);
			await d
				.update(guardian)
				.set({
					restrictionReason: 'Lapsen etu',
					restrictionReviewOn: today,
					restrictedBy: by,
					restrictedAt: new Date()
				})
				.where(eq(guardian.id, g.id));
			const later = new Date(Date.now() + 2 * 86_400_000);
			await Promise.all([remindRestrictionReviews(d, later), remindRestrictionReviews(d, later)]);
			const sent = (
				await d.select().from(notification).where(eq(notification.childId, childId))
			).filter((n) => n.kind === 'restriction_review');
			// The worker who restricted and the consultant: one notice each, not two.
			expect(sent.map((n) => n.userId).sort(), `round ${round}`).toEqual(
				[by, scene.users.consultant_social_worker!].sort()
			);
		}
	});
});
