import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { m } from '../../../paraglide/messages';
import { logChild, logListed } from '../../access-log';
import type { ChildContext } from '../../access';
import { inTransaction, type Db, type DbOrTx } from '../../db';
import { child, childStatus, family, childName } from '../../db/schema';
import { FieldError, ForbiddenError, NotFoundError } from '../../errors';
import { lockChild } from '../status';
import { shownColour } from '../status';
import type { Colour } from '../../../domain/colours';

/** The child's siblings in the app (§11), each a read of that child: one list row. */
export async function siblingsOf(db: DbOrTx, ctx: ChildContext) {
	if (ctx.access.kind !== 'team') return [];
	return inTransaction(db, async (tx) => {
		// One statement: the family is found beside the siblings (none when it has none).
		const family = tx
			.select({ familyId: child.familyId })
			.from(child)
			.where(eq(child.id, ctx.childId));
		const rows = await tx
			.select({
				id: child.id,
				...childName,
				dateOfBirth: child.dateOfBirth,
				phase: child.phase,
				colour: shownColour<Colour | null>()
			})
			.from(child)
			.leftJoin(childStatus, eq(childStatus.childId, child.id))
			.where(and(eq(child.familyId, family), ne(child.id, ctx.childId)))
			.orderBy(asc(child.dateOfBirth));
		await logListed(
			tx,
			rows.map((r) => ({
				actor: ctx.actor,
				basis: 'team',
				entityType: 'child',
				entityId: r.id,
				childId: r.id
			})),
			'list'
		);
		return rows;
	});
}

/**
 * Links two children of the same team as siblings. Their families become one: a child
 * already in a family brings its siblings along. Both children are locked, in id order
 * so that two links at once cannot deadlock.
 */
export async function linkSiblings(db: Db, ctx: ChildContext, other: ChildContext) {
	if (ctx.access.kind !== 'team' || other.access.kind !== 'team') throw new ForbiddenError();
	if (ctx.childId === other.childId) throw new FieldError({ siblingId: m.error_sibling_self() });
	await db.transaction(async (tx) => {
		for (const id of [ctx.childId, other.childId].sort()) await lockChild(tx, id);
		const rows = await tx
			.select({ id: child.id, teamId: child.teamId, familyId: child.familyId })
			.from(child)
			.where(sql`${child.id} in (${ctx.childId}, ${other.childId})`);
		const a = rows.find((r) => r.id === ctx.childId);
		const b = rows.find((r) => r.id === other.childId);
		if (!a || !b) throw new NotFoundError();
		if (a.teamId !== b.teamId) throw new FieldError({ siblingId: m.error_sibling_team() });
		if (a.familyId && a.familyId === b.familyId) return;
		let familyId = a.familyId ?? b.familyId;
		if (!familyId) {
			const [f] = await tx.insert(family).values({ teamId: a.teamId }).returning({ id: family.id });
			familyId = f!.id;
		}
		const from = [a.familyId, b.familyId].filter((f): f is string => !!f && f !== familyId);
		// The other family's children move too: each is a write to that child, logged. A
		// family is one team's, so the actor sees them on the same team basis.
		for (const f of from) {
			const moved = await tx
				.update(child)
				.set({ familyId })
				.where(eq(child.familyId, f))
				.returning({ id: child.id });
			for (const mv of moved)
				if (mv.id !== a.id && mv.id !== b.id)
					await logChild(
						tx,
						{ childId: mv.id, actor: ctx.actor, access: ctx.access },
						'link',
						'family',
						familyId
					);
		}
		await tx
			.update(child)
			.set({ familyId })
			.where(sql`${child.id} in (${a.id}, ${b.id})`);
		await logChild(tx, ctx, 'link', 'family', familyId);
		await logChild(tx, other, 'link', 'family', familyId);
	});
}

/** Takes the child out of its family; a family of one is no family. */
export async function unlinkFromFamily(db: Db, ctx: ChildContext) {
	if (ctx.access.kind !== 'team') throw new ForbiddenError();
	await db.transaction(async (tx) => {
		await lockChild(tx, ctx.childId);
		const [c] = await tx
			.select({ familyId: child.familyId })
			.from(child)
			.where(eq(child.id, ctx.childId));
		if (!c) throw new NotFoundError();
		if (!c.familyId) return;
		await tx.update(child).set({ familyId: null }).where(eq(child.id, ctx.childId));
		const left = await tx
			.select({ id: child.id })
			.from(child)
			.where(eq(child.familyId, c.familyId));
		if (left.length === 1) {
			await tx.update(child).set({ familyId: null }).where(eq(child.id, left[0]!.id));
			await logChild(
				tx,
				{ childId: left[0]!.id, actor: ctx.actor, access: ctx.access },
				'unlink',
				'family',
				c.familyId
			);
		}
		await logChild(tx, ctx, 'unlink', 'family', c.familyId);
	});
}
