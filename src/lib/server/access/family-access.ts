import { and, eq, inArray, isNull } from 'drizzle-orm';
import { helsinkiDate } from '../../domain/access';
import { familyBasis, type FamilyBasis } from '../../domain/family';
import { logDenied, type Actor } from '../access-log';
import type { FamilyContext } from '../context';
import type { DbOrTx } from '../db';
import { child, familyPerson, guardian } from '../db/schema';

/*
 * Who of the family sees which child (docs/domain.md §11, ADR 041): decided on every
 * request from what is recorded now, by the person's identity code: a current guardian
 * record whose access the team has not restricted, or the child themself from 12.
 */

/** Only this module can make the brand, so only `checkFamilyChildAccess` makes a context. */
declare const checkedFamily: unique symbol;

/** Proof that a family member's access to one child was checked on this request. */
export type FamilyChildContext = FamilyContext & {
	readonly childId: string;
	readonly actor: Actor;
	readonly access: { readonly kind: 'family'; readonly basis: FamilyBasis };
	/** The guardian record the access rests on (null for the child themself). */
	readonly guardianId: string | null;
	readonly [checkedFamily]: true;
};

/**
 * The family member as the access log writes them: their person id, no organisation and
 * no role. The basis (`guardian`, `own_data`, or `family` on a refusal) says it is a
 * family member, not staff.
 */
export function familyActor(ctx: Pick<FamilyContext, 'personId' | 'requestId'>): Actor {
	return { userId: ctx.personId, organisationId: null, role: null, requestId: ctx.requestId };
}

export type FamilyChild = {
	childId: string;
	givenName: string;
	basis: FamilyBasis;
	guardianId: string | null;
};

/** Every child the person may see now, with the basis; `childIds` narrows to those. */
export async function familyChildren(
	db: DbOrTx,
	personId: string,
	now: Date,
	childIds?: string[]
): Promise<FamilyChild[]> {
	const [person] = await db
		.select({ code: familyPerson.identityCode })
		.from(familyPerson)
		.where(eq(familyPerson.id, personId));
	return person ? childrenOfCode(db, person.code, now, childIds) : [];
}

/** Whether an identity code may come in at all: a guardian or child it would see now. */
export async function identityCodeHasAccess(
	db: DbOrTx,
	identityCode: string,
	now: Date
): Promise<boolean> {
	return (await childrenOfCode(db, identityCode, now)).length > 0;
}

async function childrenOfCode(
	db: DbOrTx,
	code: string,
	now: Date,
	only?: string[]
): Promise<FamilyChild[]> {
	// Two indexed lookups (the child's own code, the current guardian records), then the
	// facts of those children only: never a scan of every child.
	const own = await db
		.select({ id: child.id })
		.from(child)
		.where(eq(child.personalIdentityCode, code));
	const guarded = await db
		.select({ id: guardian.childId })
		.from(guardian)
		.where(and(eq(guardian.identityCode, code), isNull(guardian.endedAt)));
	let ids = [...new Set([...own, ...guarded].map((r) => r.id))];
	if (only) ids = ids.filter((id) => only.includes(id));
	if (!ids.length) return [];
	const rows = await db
		.select({
			childId: child.id,
			givenName: child.givenName,
			dateOfBirth: child.dateOfBirth,
			birthExpected: child.birthExpected,
			childCode: child.personalIdentityCode,
			guardianId: guardian.id,
			restriction: guardian.restrictionReason
		})
		.from(child)
		.leftJoin(
			guardian,
			and(eq(guardian.childId, child.id), eq(guardian.identityCode, code), isNull(guardian.endedAt))
		)
		.where(inArray(child.id, ids))
		.orderBy(child.dateOfBirth, child.id);
	const today = helsinkiDate(now);
	const out: FamilyChild[] = [];
	for (const r of rows) {
		const basis = familyBasis(
			{
				dateOfBirth: r.dateOfBirth,
				birthExpected: r.birthExpected,
				isChild: r.childCode === code,
				isGuardian: r.guardianId !== null,
				guardianRestricted: r.restriction !== null
			},
			today
		);
		if (basis)
			out.push({
				childId: r.childId,
				givenName: r.givenName,
				basis,
				guardianId: basis === 'guardian' ? r.guardianId : null
			});
	}
	return out;
}

/**
 * The family member's access to one child, or null after a `denied` row (committed on its
 * own): the same answer for "no such child", "not yours" and "restricted". `ownData`:
 * what only the child themself may do (their own view, §11); a guardian is refused too.
 */
export async function checkFamilyChildAccess(
	db: DbOrTx,
	ctx: FamilyContext,
	childId: string,
	what: { action: string; entityType?: string; ownData?: boolean }
): Promise<FamilyChildContext | null> {
	const [found] = await familyChildren(db, ctx.personId, ctx.now, [childId]);
	const actor = familyActor(ctx);
	if (!found || (what.ownData && found.basis !== 'own_data')) {
		await logDenied(db, actor, {
			action: what.action,
			entityType: what.entityType ?? 'child',
			entityId: childId,
			childId,
			basis: 'family',
			requestId: ctx.requestId
		});
		return null;
	}
	const checked = {
		...ctx,
		childId,
		actor,
		access: { kind: 'family', basis: found.basis },
		guardianId: found.guardianId
	};
	return Object.freeze(checked) as FamilyChildContext;
}
