import { and, asc, eq, isNull } from 'drizzle-orm';
import { helsinkiDate } from '../../../domain/access';
import { maskHetu, parseHetu } from '../../../domain/hetu';
import type { Locale } from '../../../domain/roles';
import { m } from '../../../paraglide/messages';
import { logChild, logChildMany } from '../../access-log';
import type { ChildContext } from '../../access';
import { inTransaction, isUniqueViolation, type Db, type DbOrTx } from '../../db';
import { lockForEdit, updateVersioned } from '../../db/lock';
import { guardian } from '../../db/schema';
import { FieldError, ForbiddenError } from '../../errors';

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
			.orderBy(asc(guardian.endedAt), asc(guardian.name));
		const ids = rows.map((r) => r.id);
		await logChildMany(tx, ctx, 'read', 'guardian', ids);
		return rows.map((r) => ({
			id: r.id,
			name: r.name,
			identityCode: maskHetu(r.identityCode),
			locale: r.locale,
			since: helsinkiDate(r.createdAt),
			endedOn: r.endedAt ? helsinkiDate(r.endedAt) : null,
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

/** Custody ended: the guardian stays on record as one who was, from the version shown. */
export async function endGuardian(
	db: Db,
	ctx: ChildContext,
	input: { guardianId: string; version: number },
	now = new Date()
) {
	assertTeam(ctx);
	await db.transaction(async (tx) => {
		await lockForEdit(
			tx,
			guardian,
			and(
				eq(guardian.id, input.guardianId),
				eq(guardian.childId, ctx.childId),
				isNull(guardian.endedAt)
			),
			input.version
		);
		await updateVersioned(
			tx,
			guardian,
			input.guardianId,
			input.version,
			{ endedAt: now, endedBy: ctx.actor.userId },
			{ now }
		);
		await logChild(tx, ctx, 'end', 'guardian', input.guardianId);
	});
}
