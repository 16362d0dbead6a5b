import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { helsinkiDate } from '../../../domain/access';
import { addDays } from '../../../domain/working-days';
import { accessGrant, phaseChange, placement, statutoryClock } from '../../db/schema';
import { FieldError, ForbiddenError } from '../../errors';
import {
	contextOf,
	db,
	makeChild,
	makeGrant,
	makeOrg,
	makeTeamScene,
	makePartner
} from '../../testing/fixtures';
import { changePhase } from './phases';
import {
	addMissingEmergencyClocks,
	changePlacement,
	extendEmergencyPlacement,
	recordCareOrderApplication
} from './placements';

/** A client child of a new team, placed in emergency `daysAgo` days ago through the app. */
async function placedInEmergency(daysAgo: number) {
	const now = new Date();
	const today = helsinkiDate(now);
	const { organisation: cp, team: t, users } = await makeTeamScene(['social_worker']);
	const worker = users.social_worker!;
	const c = await makeChild(t.id, {
		phase: 'client',
		phaseSince: addDays(today, -200),
		responsibleWorkerId: worker
	});
	const ctx = await contextOf(worker, c.id);
	await changePhase(
		await db(),
		ctx,
		{
			fromPhase: 'client',
			to: 'placement',
			on: addDays(today, -daysAgo),
			reason: '',
			placementKind: 'emergency_placement',
			unitOrganisationId: '',
			placementPlace: 'Perhekoti Järvelä'
		},
		now
	);
	const clock = async () =>
		(
			await (
				await db()
			)
				.select()
				.from(statutoryClock)
				.where(
					and(eq(statutoryClock.childId, c.id), eq(statutoryClock.kind, 'emergency_placement'))
				)
		)[0]!;
	return { today, ctx, childId: c.id, worker, cp, clock };
}

describe('emergency placement (38 §)', () => {
	it('starts a 30-day clock when the child is placed in emergency', async () => {
		const s = await placedInEmergency(26);
		const k = await s.clock();
		expect(k).toMatchObject({
			startedOn: addDays(s.today, -26),
			dueOn: addDays(s.today, 4),
			metOn: null,
			extendedOn: null
		});
	});

	it('is extended once, by a decision before its end, by at most 30 days', async () => {
		const s = await placedInEmergency(26);
		const k = await s.clock();
		const d = await db();
		const tooLong = extendEmergencyPlacement(d, s.ctx, {
			clockId: k.id,
			version: k.version,
			decidedOn: s.today,
			until: addDays(k.dueOn, 31)
		});
		await expect(tooLong).rejects.toBeInstanceOf(FieldError);
		await extendEmergencyPlacement(d, s.ctx, {
			clockId: k.id,
			version: k.version,
			decidedOn: s.today,
			until: addDays(k.dueOn, 30)
		});
		const extended = await s.clock();
		expect(extended).toMatchObject({ dueOn: addDays(k.dueOn, 30), extendedOn: s.today });
		const again = extendEmergencyPlacement(d, s.ctx, {
			clockId: k.id,
			version: extended.version,
			decidedOn: s.today,
			until: addDays(k.dueOn, 20)
		});
		await expect(again).rejects.toBeInstanceOf(FieldError);
		expect((await s.clock()).dueOn).toBe(addDays(k.dueOn, 30));
	});

	it('is past its end without a decision: no extension; a care-order application meets it late', async () => {
		const s = await placedInEmergency(40);
		const k = await s.clock();
		expect(k.dueOn < s.today).toBe(true);
		const d = await db();
		await expect(
			extendEmergencyPlacement(d, s.ctx, {
				clockId: k.id,
				version: k.version,
				decidedOn: s.today,
				until: addDays(s.today, 10)
			})
		).rejects.toBeInstanceOf(FieldError);
		await recordCareOrderApplication(d, s.ctx, { clockId: k.id, version: k.version, on: s.today });
		// Met on the application's day, after the end: its lateness stays in the record.
		expect(await s.clock()).toMatchObject({ metOn: s.today, dueOn: k.dueOn });
	});

	it('moves to a care order in a unit without leaving the placement phase; the clock is met', async () => {
		const s = await placedInEmergency(20);
		const unit = await makeOrg('residential_unit');
		const d = await db();
		await changePlacement(d, s.ctx, {
			kind: 'care_order',
			on: s.today,
			unitOrganisationId: unit.id,
			placementPlace: '',
			reason: 'Huostaanottopäätös.'
		});
		expect((await s.clock()).metOn).toBe(s.today);
		const rows = await d.select().from(phaseChange).where(eq(phaseChange.childId, s.childId));
		expect(rows.map((r) => [r.fromPhase, r.toPhase, r.placementKind])).toContainEqual([
			'placement',
			'placement',
			'care_order'
		]);
		const [p] = await d.select().from(placement).where(eq(placement.childId, s.childId));
		expect(p).toMatchObject({ unitOrganisationId: unit.id, since: s.today, until: null });
		const grants = await d.select().from(accessGrant).where(eq(accessGrant.childId, s.childId));
		expect(grants).toContainEqual(
			expect.objectContaining({ organisationId: unit.id, basis: 'placement' })
		);
	});

	it('a partner may not extend, apply or change a placement', async () => {
		const s = await placedInEmergency(10);
		const k = await s.clock();
		const { org: school, userId: teacher } = await makePartner('school');
		await makeGrant(s.childId, school.id, s.worker);
		const pctx = await contextOf(teacher, s.childId);
		const d = await db();
		await expect(
			extendEmergencyPlacement(d, pctx, {
				clockId: k.id,
				version: k.version,
				decidedOn: s.today,
				until: addDays(k.dueOn, 10)
			})
		).rejects.toBeInstanceOf(ForbiddenError);
		await expect(
			recordCareOrderApplication(d, pctx, { clockId: k.id, version: k.version, on: s.today })
		).rejects.toBeInstanceOf(ForbiddenError);
		await expect(
			changePlacement(d, pctx, {
				kind: 'care_order',
				on: s.today,
				unitOrganisationId: '',
				placementPlace: 'X',
				reason: ''
			})
		).rejects.toBeInstanceOf(ForbiddenError);
		expect(await s.clock()).toMatchObject({ metOn: null, extendedOn: null, dueOn: k.dueOn });
	});

	it('gives a placement made before the clock existed its clock, once', async () => {
		// As the rows of an older version were: the move into emergency placement, no clock.
		const d = await db();
		const today = helsinkiDate();
		const { team: t, users } = await makeTeamScene(['social_worker']);
		const worker = users.social_worker!;
		const c = await makeChild(t.id, { phase: 'placement', phaseSince: addDays(today, -12) });
		await d.insert(phaseChange).values({
			childId: c.id,
			fromPhase: 'client',
			toPhase: 'placement',
			on: addDays(today, -12),
			placementKind: 'emergency_placement',
			placementPlace: 'Perhekoti',
			changedBy: worker,
			changedAt: new Date()
		});
		const s = {
			childId: c.id,
			clock: async () =>
				(
					await d
						.select()
						.from(statutoryClock)
						.where(
							and(eq(statutoryClock.childId, c.id), eq(statutoryClock.kind, 'emergency_placement'))
						)
				)[0]
		};
		expect(await s.clock()).toBeUndefined();
		expect(await addMissingEmergencyClocks(d)).toBeGreaterThanOrEqual(1);
		expect(await s.clock()).toMatchObject({
			startedOn: addDays(today, -12),
			dueOn: addDays(today, 18)
		});
		await addMissingEmergencyClocks(d);
		const all = await d
			.select()
			.from(statutoryClock)
			.where(
				and(eq(statutoryClock.childId, s.childId), eq(statutoryClock.kind, 'emergency_placement'))
			);
		expect(all).toHaveLength(1);
	});
});
