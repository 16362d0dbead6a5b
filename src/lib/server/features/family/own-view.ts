import { and, desc, eq } from 'drizzle-orm';
import {
	OWN_VIEW_ANSWERS,
	OWN_VIEW_DOMAINS,
	OWN_VIEW_STATEMENTS,
	OWN_VIEW_VERSION,
	type OwnAnswers
} from '../../../domain/own-view';
import { CURRENT_INSTRUMENT, localized } from '../../../domain/instrument';
import { formatDateTime } from '../../../format';
import { m } from '../../../paraglide/messages';
import { getLocale } from '../../../paraglide/runtime';
import { logChild } from '../../access-log';
import type { ChildContext, FamilyChildContext } from '../../access';
import { inTransaction, type DbOrTx } from '../../db';
import { ownView } from '../../db/schema';
import { ForbiddenError } from '../../errors';
import { latestOwnViews, recomputeChildStatus } from '../status';

/*
 * The young person's own view of the seven domains (docs/domain.md §11). Only the child
 * themself gives it (basis `own_data`, from 12): a guardian's view is asked on every
 * assessment already. Saving it recomputes the child's status under the child's lock, so
 * the signals it adds (a disagreement, "not safe") and the flags they raise are in the
 * same transaction as the answers.
 */

const mayGive = (ctx: FamilyChildContext) =>
	ctx.access.kind === 'family' && ctx.access.basis === 'own_data';

/** Saves a new own view (the newest counts); returns its id. */
export async function giveOwnView(db: DbOrTx, ctx: FamilyChildContext, answers: OwnAnswers) {
	if (!mayGive(ctx)) throw new ForbiddenError();
	const clean: OwnAnswers = Object.fromEntries(
		OWN_VIEW_DOMAINS.map((d) => [d, answers[d] ?? null])
	);
	return inTransaction(db, async (tx) => {
		const [row] = await tx
			.insert(ownView)
			.values({
				childId: ctx.childId,
				personId: ctx.personId,
				version: OWN_VIEW_VERSION,
				answers: clean,
				createdAt: ctx.now
			})
			.returning({ id: ownView.id });
		await logChild(tx, ctx, 'create', 'own_view', row!.id);
		await recomputeChildStatus(tx, ctx.childId, 'own_view', ctx.now);
		return row!.id;
	});
}

/** The statements and answers in the reader's language, for the form. */
export function ownViewQuestions() {
	const locale = getLocale();
	return OWN_VIEW_DOMAINS.map((id) => ({
		id,
		domain: localized(CURRENT_INSTRUMENT.domains.find((d) => d.id === id)!.label, locale),
		statement: localized(OWN_VIEW_STATEMENTS[id], locale)
	}));
}

/** The four answers and "I don't want to answer", as the form's choices. */
export function ownViewChoices() {
	const locale = getLocale();
	return [
		...([0, 1, 2, 3] as const).map((r) => ({
			value: String(r),
			label: localized(OWN_VIEW_ANSWERS[r], locale)
		})),
		{ value: 'skip', label: m.own_view_skip() }
	];
}

/** The young person's own newest view, to show what they said last; logged. */
export async function myOwnView(db: DbOrTx, ctx: FamilyChildContext) {
	if (!mayGive(ctx)) throw new ForbiddenError();
	return inTransaction(db, async (tx) => {
		const [row] = await tx
			.select({ id: ownView.id, answers: ownView.answers, at: ownView.createdAt })
			.from(ownView)
			.where(and(eq(ownView.childId, ctx.childId), eq(ownView.personId, ctx.personId)))
			.orderBy(desc(ownView.createdAt), desc(ownView.id))
			.limit(1);
		if (row) await logChild(tx, ctx, 'read', 'own_view', row.id);
		return row ?? null;
	});
}

/**
 * The newest own view as the team's grid shows it: a column beside the organisations,
 * one answer per domain, in words made here (ADR 028). Team only; logged.
 */
export async function ownViewColumn(db: DbOrTx, ctx: ChildContext) {
	if (ctx.access.kind !== 'team') throw new ForbiddenError();
	return inTransaction(db, async (tx) => {
		const own = (await latestOwnViews(tx, [ctx.childId])).get(ctx.childId);
		if (!own) return null;
		await logChild(tx, ctx, 'read', 'own_view', own.id);
		const locale = getLocale();
		return {
			title: m.own_view_column(),
			given: m.own_view_given({ when: formatDateTime(own.at) }),
			answers: Object.fromEntries(
				OWN_VIEW_DOMAINS.map((d) => {
					const a = own.answers[d];
					return [
						d,
						a === null || a === undefined
							? m.own_view_not_answered()
							: `${a} ${localized(OWN_VIEW_ANSWERS[a], locale)}`
					];
				})
			)
		};
	});
}
