import { eq } from 'drizzle-orm';
import { helsinkiDate } from '../../../domain/access';
import { parseHetu } from '../../../domain/hetu';
import { m } from '../../../paraglide/messages';
import { logChild } from '../../access-log';
import type { ChildContext } from '../../access';
import type { Db } from '../../db';
import { lockForEdit, nextVersion } from '../../db/lock';
import { child } from '../../db/schema';
import { FieldError, ForbiddenError } from '../../errors';

/*
 * A child notified before birth (25 c §, docs/domain.md §10) becomes an ordinary record when
 * the team records the birth: the real date replaces the expected one, with the identity
 * code when it is known. Team roles only, under the record's optimistic lock, logged.
 */

export type BirthInput = { bornOn: string; personalIdentityCode: string; version: number };

export async function recordBirth(db: Db, ctx: ChildContext, input: BirthInput, now = new Date()) {
	if (ctx.access.kind !== 'team') throw new ForbiddenError();
	if (input.bornOn > helsinkiDate(now)) throw new FieldError({ bornOn: m.error_date_in_future() });
	let code: string | null = null;
	if (input.personalIdentityCode) {
		const h = parseHetu(input.personalIdentityCode);
		if (!h.valid) throw new FieldError({ personalIdentityCode: m.error_hetu_invalid() });
		if (h.birthDate !== input.bornOn)
			throw new FieldError({ personalIdentityCode: m.error_hetu_birthdate() });
		code = h.normalized;
	}
	await db.transaction(async (tx) => {
		const c = await lockForEdit(tx, child, eq(child.id, ctx.childId), input.version);
		if (!c.birthExpected) throw new FieldError({ bornOn: m.error_not_unborn() });
		if (code) {
			const [dup] = await tx
				.select({ id: child.id })
				.from(child)
				.where(eq(child.personalIdentityCode, code));
			if (dup) throw new FieldError({ personalIdentityCode: m.error_hetu_taken() });
		}
		await tx
			.update(child)
			.set({
				dateOfBirth: input.bornOn,
				birthExpected: false,
				personalIdentityCode: code,
				version: nextVersion(child),
				updatedAt: now
			})
			.where(eq(child.id, c.id));
		await logChild(tx, ctx, 'update', 'child');
	});
}
