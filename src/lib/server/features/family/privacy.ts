import { desc, eq } from 'drizzle-orm';
import { helsinkiDate } from '../../../domain/access';
import { mayKeepWordsFromGuardians } from '../../../domain/family';
import { m } from '../../../paraglide/messages';
import { logChild } from '../../access-log';
import type { ChildContext, FamilyChildContext } from '../../access';
import { inTransaction, type Db, type DbOrTx } from '../../db';
import { child, ownWordsPrivacy } from '../../db/schema';
import { FieldError, ForbiddenError } from '../../errors';

/*
 * A young person of 15 or more may ask that their own words are not shown to their
 * guardians (docs/domain.md §11, Act 812/2000 § 11). The family's pages never show one
 * member's words to another anyway; the request tells the team, on every screen that
 * shows the young person's words, not to pass them on.
 */

/** Whether the child asked for it now (the newest request counts). */
async function isPrivate(tx: DbOrTx, childId: string): Promise<boolean> {
	const [row] = await tx
		.select({ private: ownWordsPrivacy.private })
		.from(ownWordsPrivacy)
		.where(eq(ownWordsPrivacy.childId, childId))
		.orderBy(desc(ownWordsPrivacy.createdAt), desc(ownWordsPrivacy.id))
		.limit(1);
	return row?.private ?? false;
}

async function oldEnough(tx: DbOrTx, ctx: FamilyChildContext): Promise<boolean> {
	const [c] = await tx
		.select({ dateOfBirth: child.dateOfBirth })
		.from(child)
		.where(eq(child.id, ctx.childId));
	return Boolean(c) && mayKeepWordsFromGuardians(c!.dateOfBirth, helsinkiDate(ctx.now));
}

/**
 * The young person's own choice, as their page shows it: null for anyone who may not make
 * it (a guardian, or a child under 15). Logged as a read when shown.
 */
export async function myPrivacy(db: DbOrTx, ctx: FamilyChildContext) {
	if (ctx.access.kind !== 'family') throw new ForbiddenError();
	if (ctx.access.basis !== 'own_data') return null;
	return inTransaction(db, async (tx) => {
		if (!(await oldEnough(tx, ctx))) return null;
		const asked = await isPrivate(tx, ctx.childId);
		await logChild(tx, ctx, 'read', 'own_words_privacy');
		return { asked };
	});
}

/** The young person asks, or takes the request back; stored as a new row, logged. */
export async function setPrivacy(db: Db, ctx: FamilyChildContext, asked: boolean) {
	if (ctx.access.kind !== 'family' || ctx.access.basis !== 'own_data') throw new ForbiddenError();
	return db.transaction(async (tx) => {
		if (!(await oldEnough(tx, ctx))) throw new FieldError({ _form: m.privacy_error_age() });
		const [row] = await tx
			.insert(ownWordsPrivacy)
			.values({ childId: ctx.childId, personId: ctx.personId, private: asked, createdAt: ctx.now })
			.returning({ id: ownWordsPrivacy.id });
		await logChild(tx, ctx, 'create', 'own_words_privacy', row!.id);
		return row!.id;
	});
}

/** For the team's screens: the words to say when the young person asked, else null. */
export async function privacyNotice(tx: DbOrTx, ctx: ChildContext): Promise<string | null> {
	if (ctx.access.kind !== 'team') throw new ForbiddenError();
	return (await isPrivate(tx, ctx.childId)) ? m.privacy_team_notice() : null;
}
