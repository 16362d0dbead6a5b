import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { helsinkiDate } from '../../../domain/access';
import { CURRENT_INSTRUMENT, type Rating } from '../../../domain/instrument';
import {
	assessment,
	childStatus,
	childStatusHistory,
	type AssessmentRatings
} from '../../db/schema';
import { seedDemo } from '../../seed/demo';
import {
	db,
	makeChild,
	makeChildren,
	makeGrant,
	makeOrg,
	makeTeam,
	makeUser,
	staffOf,
	submission
} from '../../testing/fixtures';
import { saveAssessment } from '../assessments/assessments';
import { recomputeAll, verifyStatuses } from './status';
import { checkChildAccess } from '../../access';

async function setup() {
	const d = await db();
	const cp = await makeOrg('child_protection');
	const t = await makeTeam(cp.id);
	const worker = await makeUser('social_worker', { organisationId: cp.id, teamId: t.id });
	const schoolOrg = await makeOrg('school');
	const partner = await makeUser('partner', { organisationId: schoolOrg.id });
	const c = await makeChild(t.id);
	await makeGrant(c.id, schoolOrg.id, worker.user.id, {
		basis: 'consent',
		consentGivenBy: 'huoltaja',
		consentGivenOn: helsinkiDate()
	});
	const viewer = await staffOf(partner.user.id);
	const ctx = (await checkChildAccess(d, viewer, c.id, { action: 'create' }))!;
	return { d, childId: c.id, ctx };
}

const submit = submission;

describe('stored status', () => {
	it('moves with the submission, in the same transaction, with history', async () => {
		const { d, childId, ctx } = await setup();
		const { id } = await saveAssessment(d, ctx, submit({ r_S1: '3' }));
		const [s] = await d.select().from(childStatus).where(eq(childStatus.childId, childId));
		expect(s?.colour).toBe('red');
		expect(s?.reasons).toEqual([
			expect.objectContaining({ rule: 'item_rated_3', itemId: 'S1', assessmentId: id })
		]);
		const h = await d
			.select()
			.from(childStatusHistory)
			.where(eq(childStatusHistory.childId, childId));
		expect(h).toEqual([
			expect.objectContaining({ fromColour: null, toColour: 'red', trigger: `assessment:${id}` })
		]);
		await saveAssessment(d, ctx, submit({ r_S1: '0' }));
		const h2 = await d
			.select()
			.from(childStatusHistory)
			.where(eq(childStatusHistory.childId, childId));
		expect(h2.map((x) => [x.fromColour, x.toColour])).toEqual([
			[null, 'red'],
			['red', 'green']
		]);
	});

	it('rolls back both assessment and status when anything after the update fails', async () => {
		const { d, childId, ctx } = await setup();
		await expect(
			saveAssessment(d, ctx, submit({ r_S1: '3' }), () => {
				throw new Error('failure after the status update');
			})
		).rejects.toThrow('failure after the status update');
		expect(await d.select().from(assessment).where(eq(assessment.childId, childId))).toEqual([]);
		expect(await d.select().from(childStatus).where(eq(childStatus.childId, childId))).toEqual([]);
		expect(
			await d.select().from(childStatusHistory).where(eq(childStatusHistory.childId, childId))
		).toEqual([]);
	});
});

describe('recompute check', () => {
	it('reports no difference on the demo data', async () => {
		const d = await db();
		await seedDemo(d);
		expect((await verifyStatuses(d)).differing).toEqual([]);
	});

	it('reports no difference on 1,000 random children, and finds a tampered one', async () => {
		const d = await db();
		const cp = await makeOrg('child_protection');
		const t = await makeTeam(cp.id);
		const author = await makeUser('social_worker', { organisationId: cp.id, teamId: t.id });
		const orgs = await Promise.all(
			['school', 'child_health_clinic', 'child_psychiatry'].map((k) => makeOrg(k as 'school'))
		);
		let seed = 42;
		const rnd = (n: number) => {
			seed = (seed * 1103515245 + 12345) % 2 ** 31;
			return seed % n;
		};
		const children = await makeChildren(t.id, 1000, () => ({ dateOfBirth: '2012-06-06' }));
		const rows = [];
		for (const c of children) {
			for (let k = rnd(4); k > 0; k--) {
				const ratings: AssessmentRatings = {};
				for (const item of CURRENT_INSTRUMENT.items)
					ratings[item.id] = { rating: rnd(4) === 0 ? (rnd(4) as Rating) : null, evidence: '' };
				const at = new Date(Date.now() - rnd(200) * 86400_000 - rnd(1000) * 1000);
				rows.push({
					childId: c.id,
					organisationId: orgs[rnd(3)]!.id,
					authorId: author.user.id,
					instrumentVersion: '1',
					status: 'submitted' as const,
					ratings,
					familyInformed: true,
					submittedAt: at,
					createdAt: at,
					updatedAt: at
				});
			}
		}
		for (let i = 0; i < rows.length; i += 500)
			await d.insert(assessment).values(rows.slice(i, i + 500));
		await d.transaction((tx) =>
			recomputeAll(
				tx,
				children.map((c) => c.id),
				'test'
			)
		);
		const result = await verifyStatuses(d);
		expect(result.checked).toBeGreaterThanOrEqual(1000);
		expect(result.differing).toEqual([]);
		// A stored status that disagrees with the assessments is found.
		const victim = children[0]!.id;
		const [s] = await d.select().from(childStatus).where(eq(childStatus.childId, victim));
		await d
			.update(childStatus)
			.set({ colour: s!.colour === 'red' ? 'green' : 'red' })
			.where(eq(childStatus.childId, victim));
		expect((await verifyStatuses(d)).differing).toEqual([victim]);
		await d.transaction((tx) => recomputeAll(tx, [victim], 'test'));
	}, 120_000);
});
