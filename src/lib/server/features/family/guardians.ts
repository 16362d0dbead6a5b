import { and, asc, eq, isNotNull, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { helsinkiDate } from '../../../domain/access';
import { addDays } from '../../../domain/working-days';
import { maskHetu, parseHetu } from '../../../domain/hetu';
import type { Locale } from '../../../domain/roles';
import { m } from '../../../paraglide/messages';
import { logChild, logChildMany } from '../../access-log';
import { assertChildPermission, type ChildContext } from '../../access';
import { inTransaction, isUniqueViolation, type Db, type DbOrTx } from '../../db';
import { lockForEdit, updateVersioned } from '../../db/lock';
import { guardian } from '../../db/schema';
import { FieldError, ForbiddenError } from '../../errors';
import { notify, teamMembersWithRole } from '../notifications';

/*
 * The child's guardians as the team records them (docs/domain.md §11, issue 36): who may
 * later sign in with Suomi.fi to see the family's own pages. Team roles only; every read
 * and write in the access log with the team's basis. The identity code is shown masked.
 */

export type GuardianInput = { name: string; identityCode: string; locale: Locale };

function assertTeam(ctx: ChildContext) {
	if (ctx.access.kind !== 'team') throw new ForbiddenError();
}

/** The child's guardians, current first, then those whose custody ended. */
export async function guardiansOf(db: DbOrTx, ctx: ChildContext) {
	assertTeam(ctx);
	return inTransaction(db, async (tx) => {
		const rows = await tx
			.select()
			.from(guardian)
			.where(eq(guardian.childId, ctx.childId))
			// Current (no end) first: PostgreSQL sorts nulls last unless told.
			.orderBy(sql`${guardian.endedAt} asc nulls first`, asc(guardian.name));
		const ids = rows.map((r) => r.id);
		await logChildMany(tx, ctx, 'read', 'guardian', ids);
		return rows.map((r) => ({
			id: r.id,
			name: r.name,
			identityCode: maskHetu(r.identityCode),
			locale: r.locale,
			since: helsinkiDate(r.createdAt),
			endedOn: r.endedAt ? helsinkiDate(r.endedAt) : null,
			restriction: r.restrictionReason
				? { reason: r.restrictionReason, reviewOn: r.restrictionReviewOn! }
				: null,
			version: r.version
		}));
	});
}

/** Records a guardian; the same person twice as a current guardian is a field error. */
export async function addGuardian(
	db: Db,
	ctx: ChildContext,
	input: GuardianInput,
	now = new Date()
) {
	assertTeam(ctx);
	const code = parseHetu(input.identityCode);
	const fields: Record<string, string> = {};
	if (!code.valid) fields.identityCode = m.error_hetu_invalid();
	if (!input.name.trim()) fields.name = m.error_guardian_name();
	if (Object.keys(fields).length) throw new FieldError(fields);
	try {
		return await db.transaction(async (tx) => {
			const [row] = await tx
				.insert(guardian)
				.values({
					childId: ctx.childId,
					name: input.name.trim(),
					identityCode: code.valid ? code.normalized : '',
					locale: input.locale,
					createdBy: ctx.actor.userId,
					createdAt: now,
					updatedAt: now
				})
				.returning({ id: guardian.id });
			await logChild(tx, ctx, 'create', 'guardian', row!.id);
			return row!.id;
		});
	} catch (e) {
		if (isUniqueViolation(e)) throw new FieldError({ identityCode: m.error_guardian_twice() });
		throw e;
	}
}

type GuardianEdit = { guardianId: string; version: number };

/**
 * A change to one of the child's guardians, from the version the page showed (a newer one
 * is refused, nothing overwritten), logged as `action`. `also` narrows which rows may change.
 */
function editGuardian(
	db: Db,
	ctx: ChildContext,
	input: GuardianEdit,
	edit: { action: string; values: PgUpdateSetSource<typeof guardian>; also?: SQL; now: Date }
) {
	return db.transaction(async (tx) => {
		const scope = and(
			eq(guardian.id, input.guardianId),
			eq(guardian.childId, ctx.childId),
			edit.also
		);
		await lockForEdit(tx, guardian, scope, input.version);
		await updateVersioned(tx, guardian, input.guardianId, input.version, edit.values, {
			now: edit.now
		});
		await logChild(tx, ctx, edit.action, 'guardian', input.guardianId);
	});
}

/** Custody ended: the guardian stays on record as one who was, from the version shown. */
export async function endGuardian(
	db: Db,
	ctx: ChildContext,
	input: GuardianEdit,
	now = new Date()
) {
	assertTeam(ctx);
	await editGuardian(db, ctx, input, {
		action: 'end',
		values: { endedAt: now, endedBy: ctx.actor.userId },
		also: isNull(guardian.endedAt),
		now
	});
}

/** How far ahead a restriction's review may be set: the team looks at it within a year. */
const REVIEW_WITHIN_DAYS = 365;

/**
 * The team restricts a guardian's access to the family's pages (§11: when the child's
 * interest requires), with a reason and a review date; from the next request the guardian
 * sees nothing of the child. A social worker's decision (`restrictGuardian`); logged.
 */
export async function restrictGuardian(
	db: Db,
	ctx: ChildContext,
	input: { guardianId: string; reason: string; reviewOn: string },
	now = new Date()
) {
	assertTeam(ctx);
	await assertChildPermission(db, ctx, 'restrictGuardian', 'guardian', input.guardianId);
	const today = helsinkiDate(now);
	const latest = addDays(today, REVIEW_WITHIN_DAYS);
	if (input.reviewOn <= today || input.reviewOn > latest)
		throw new FieldError({ reviewOn: m.error_restriction_review() });
	await db.transaction(async (tx) => {
		const [g] = await tx
			.select({ id: guardian.id, version: guardian.version })
			.from(guardian)
			.where(
				and(
					eq(guardian.id, input.guardianId),
					eq(guardian.childId, ctx.childId),
					isNull(guardian.endedAt)
				)
			)
			.for('update');
		if (!g) throw new FieldError({ guardianId: m.error_guardian_not_current() });
		await updateVersioned(
			tx,
			guardian,
			g.id,
			g.version,
			{
				restrictionReason: input.reason,
				restrictionReviewOn: input.reviewOn,
				restrictedBy: ctx.actor.userId,
				restrictedAt: now,
				restrictionRemindedOn: null
			},
			{ now }
		);
		await logChild(tx, ctx, 'restrict', 'guardian', g.id);
	});
}

/** The team lifts a restriction, from the version the page showed; logged. */
export async function liftRestriction(
	db: Db,
	ctx: ChildContext,
	input: GuardianEdit,
	now = new Date()
) {
	assertTeam(ctx);
	await assertChildPermission(db, ctx, 'restrictGuardian', 'guardian', input.guardianId);
	await editGuardian(db, ctx, input, {
		action: 'lift_restriction',
		values: {
			restrictionReason: null,
			restrictionReviewOn: null,
			restrictedBy: null,
			restrictedAt: null,
			restrictionRemindedOn: null
		},
		now
	});
}

/**
 * The worker's reminder when a restriction's review date has come (§11: a restriction is
 * reviewable): the worker who restricted and the team's consultant social workers are
 * told once per review date, in the app and by mail (no names). The row is claimed by its
 * stamp, so a second instance's worker never sends it twice.
 */
export async function remindRestrictionReviews(db: Db, now = new Date()): Promise<number> {
	const today = helsinkiDate(now);
	const due = await db
		.select({
			id: guardian.id,
			childId: guardian.childId,
			by: guardian.restrictedBy,
			reviewOn: guardian.restrictionReviewOn
		})
		.from(guardian)
		.where(
			and(
				isNull(guardian.endedAt),
				isNotNull(guardian.restrictionReviewOn),
				lte(guardian.restrictionReviewOn, today),
				or(
					isNull(guardian.restrictionRemindedOn),
					sql`${guardian.restrictionRemindedOn} <> ${guardian.restrictionReviewOn}`
				)
			)
		);
	let count = 0;
	for (const g of due) {
		await db.transaction(async (tx) => {
			const [claimed] = await tx
				.update(guardian)
				.set({ restrictionRemindedOn: g.reviewOn })
				.where(
					and(
						eq(guardian.id, g.id),
						eq(guardian.restrictionReviewOn, g.reviewOn!),
						or(
							isNull(guardian.restrictionRemindedOn),
							sql`${guardian.restrictionRemindedOn} <> ${guardian.restrictionReviewOn}`
						)
					)
				)
				.returning({ id: guardian.id });
			if (!claimed) return;
			const consultants = await teamMembersWithRole(tx, g.childId, ['consultant_social_worker']);
			await notify(
				tx,
				[g.by, ...consultants],
				'restriction_review',
				`/children/${g.childId}/guardians`,
				now,
				g.childId
			);
			count++;
		});
	}
	return count;
}
