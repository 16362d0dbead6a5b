import { asc, eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { OrganisationKind } from '../../../domain/roles';
import { assessment, childStatus, childStatusHistory, flag } from '../../db/schema';
import {
	db,
	eventFor,
	makeChild,
	makeFamilyPerson,
	makeGrant,
	makeOrg,
	makeTeam,
	makeUser,
	staffOf,
	submission,
	testIdentityCode
} from '../../testing/fixtures';
import { giveOwnView } from '../family';
import { saveAssessment, startCorrection } from '../assessments/assessments';
import { verifyStatuses } from './status';
import { checkChildAccess, checkFamilyChildAccess, type ChildContext } from '../../access';
import type { FamilyContext } from '../../context';

/**
 * Truly concurrent writers need a pool of real connections: PGlite has one connection and
 * runs transactions one after another, so these tests run only against PostgreSQL.
 */
const onPostgres = Boolean(process.env.DATABASE_URL);
const ROUNDS = 20;

/** Four partner organisations, each rating something else, arriving at the same moment. */
const WRITERS: { kind: OrganisationKind; form: Record<string, string> }[] = [
	{ kind: 'school', form: { r_S1: '3' } },
	{ kind: 'child_health_clinic', form: { r_L3: '0' } },
	{ kind: 'child_psychiatry', form: { r_E1: '2', r_R1: '1' } },
	{ kind: 'substance_abuse', form: { r_P1: '2', r_F1: '1' } }
];

async function setupRound() {
	const d = await db();
	const cp = await makeOrg('child_protection');
	const t = await makeTeam(cp.id);
	const worker = await makeUser('social_worker', { organisationId: cp.id, teamId: t.id });
	const c = await makeChild(t.id, { dateOfBirth: '2011-03-04' });
	const ctxs: ChildContext[] = [];
	for (const w of WRITERS) {
		const org = await makeOrg(w.kind);
		const partner = await makeUser('partner', { organisationId: org.id });
		await makeGrant(c.id, org.id, worker.user.id);
		const viewer = await staffOf(partner.user.id);
		ctxs.push((await checkChildAccess(d, viewer, c.id, { action: 'submit' }))!);
	}
	return { d, childId: c.id, ctxs };
}

describe.skipIf(!onPostgres)('status under concurrent submissions (PostgreSQL pool)', () => {
	it(`stays equal to a recompute, with an unbroken history, in ${ROUNDS} rounds`, async () => {
		const children: string[] = [];
		for (let round = 0; round < ROUNDS; round++) {
			const { d, childId, ctxs } = await setupRound();
			children.push(childId);
			// All four transactions are open at once on different pooled connections.
			await Promise.all(ctxs.map((ctx, i) => saveAssessment(d, ctx, submission(WRITERS[i]!.form))));

			const verified = await verifyStatuses(d, 500, [childId]);
			expect(verified.differing, `round ${round}`).toEqual([]);

			const history = await d
				.select()
				.from(childStatusHistory)
				.where(eq(childStatusHistory.childId, childId))
				.orderBy(asc(childStatusHistory.seq));
			// The first row starts from nothing; each next row starts where the previous ended.
			expect(history[0]?.fromColour ?? null, `round ${round}`).toBeNull();
			for (let i = 1; i < history.length; i++) {
				expect(history[i]!.fromColour, `round ${round}, row ${i}`).toBe(history[i - 1]!.toColour);
			}
			expect(history.at(-1)!.toColour).toBe('red');

			const openFlags = await d
				.select({ trigger: flag.trigger, n: sql<number>`count(*)::int` })
				.from(flag)
				.where(eq(flag.childId, childId))
				.groupBy(flag.trigger);
			for (const f of openFlags) expect(f.n, `${f.trigger} in round ${round}`).toBe(1);
		}
		const d = await db();
		expect((await verifyStatuses(d, 500, children)).differing).toEqual([]);
	});

	it('two simultaneous corrections of one assessment: one wins, the other is a conflict', async () => {
		for (let round = 0; round < 5; round++) {
			const { d, ctxs } = await setupRound();
			const school = ctxs[0]!;
			const { id } = await saveAssessment(d, school, submission({ r_S1: '2' }));
			const results = await Promise.allSettled([
				startCorrection(d, school, id),
				startCorrection(d, school, id)
			]);
			const won = results.filter((r) => r.status === 'fulfilled');
			const lost = results.filter((r) => r.status === 'rejected');
			expect(won).toHaveLength(1);
			expect(lost).toHaveLength(1);
			// A clear, expected refusal the route turns into 409, not a database error.
			expect((lost[0] as PromiseRejectedResult).reason.name).toBe('FieldError');
			const chain = await d
				.select()
				.from(assessment)
				.where(inArray(assessment.supersedesId, [id]));
			expect(chain).toHaveLength(1);
		}
	});

	it("a young person's own view and a school's assessment at once: the status sees both", async () => {
		const d = await db();
		for (let round = 0; round < 10; round++) {
			const young = testIdentityCode(2012);
			const cp = await makeOrg('child_protection');
			const t = await makeTeam(cp.id);
			const worker = await makeUser('social_worker', { organisationId: cp.id, teamId: t.id });
			const c = await makeChild(t.id, {
				dateOfBirth: young.date,
				personalIdentityCode: young.code
			});
			const org = await makeOrg('school');
			const partner = await makeUser('partner', { organisationId: org.id });
			await makeGrant(c.id, org.id, worker.user.id);
			const school = (await checkChildAccess(d, await staffOf(partner.user.id), c.id, {
				action: 'submit'
			}))!;
			const person = await makeFamilyPerson(young.code);
			const event = await eventFor(null, {
				routeId: '/family/[childId]/own-view',
				familyPersonId: person.id
			});
			const family = (await checkFamilyChildAccess(d, event.locals.context as FamilyContext, c.id, {
				action: 'write',
				ownData: true
			}))!;
			// Learning: the school says 0, the young person 3. Only a status that sees both
			// has the difference; each writer alone sees nothing to compare.
			await Promise.all([
				saveAssessment(d, school, submission({ r_L1: '0' })),
				giveOwnView(d, family, { S: 0, H: 0, E: 0, L: 3, R: 0, P: 0, F: 0 })
			]);
			expect((await verifyStatuses(d, 500, [c.id])).differing, `round ${round}`).toEqual([]);
			const [stored] = await d.select().from(childStatus).where(eq(childStatus.childId, c.id));
			expect(stored!.signals, `round ${round}`).toContainEqual(
				expect.objectContaining({ signal: 'disagreement', domainId: 'L' })
			);
			const flags = await d.select().from(flag).where(eq(flag.childId, c.id));
			expect(flags.map((f) => f.trigger)).toEqual(['disagreement']);
		}
	});
});
