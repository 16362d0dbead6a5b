import { and, asc, eq, isNull } from 'drizzle-orm';
import { grantValid, helsinkiDate } from '../../../domain/access';
import { m } from '../../../paraglide/messages';
import { logChild, loggedRows } from '../../access-log';
import type { ChildContext } from '../../access';
import type { Db, DbOrTx } from '../../db';
import { accessGrant, child, informationAnswer, organisation, user } from '../../db/schema';
import { FieldError, ForbiddenError, NotFoundError } from '../../errors';
import { notify } from '../notifications';

/*
 * Answering a 41 § information request (docs/domain.md §3): the partner organisation the
 * team asked reads what was asked and writes its answer while the request's grant is
 * valid; the team that asked is told and reads the answer on the child's access page.
 */

/** The request behind `grantId`, if it was made to the acting partner for this child. */
async function requestOf(db: DbOrTx, ctx: ChildContext, grantId: string) {
	if (ctx.access.kind !== 'partner') throw new ForbiddenError();
	const [g] = await db
		.select()
		.from(accessGrant)
		.where(
			and(
				eq(accessGrant.id, grantId),
				eq(accessGrant.childId, ctx.childId),
				eq(accessGrant.basis, 'statutory_request'),
				eq(accessGrant.organisationId, ctx.actor.organisationId ?? ''),
				isNull(accessGrant.revokedAt)
			)
		);
	if (!g) throw new NotFoundError();
	return g;
}

/** What was asked, by when, and what the organisation has answered so far; logged. */
export async function informationRequest(db: DbOrTx, ctx: ChildContext, grantId: string) {
	const g = await requestOf(db, ctx, grantId);
	const answers = await db
		.select({
			id: informationAnswer.id,
			body: informationAnswer.body,
			createdAt: informationAnswer.createdAt,
			answeredBy: user.displayName
		})
		.from(informationAnswer)
		.innerJoin(user, eq(user.id, informationAnswer.answeredBy))
		.where(eq(informationAnswer.grantId, g.id))
		.orderBy(asc(informationAnswer.createdAt));
	await logChild(db, ctx, 'read', 'access_grant', g.id);
	return {
		id: g.id,
		message: g.requestMessage ?? '',
		dueOn: g.dueOn,
		validUntil: g.validUntil,
		answers
	};
}

/** The partner's answer, kept as written; the person who asked and the worker are told. */
export async function answerInformationRequest(
	db: Db,
	ctx: ChildContext,
	input: { grantId: string; body: string },
	now = new Date()
) {
	return db.transaction(async (tx) => {
		const g = await requestOf(tx, ctx, input.grantId);
		if (!grantValid(g, helsinkiDate(now))) throw new FieldError({ body: m.error_request_ended() });
		const [row] = await tx
			.insert(informationAnswer)
			.values({
				grantId: g.id,
				childId: ctx.childId,
				organisationId: g.organisationId,
				body: input.body.trim(),
				answeredBy: ctx.actor.userId,
				createdAt: now
			})
			.returning({ id: informationAnswer.id });
		await logChild(tx, ctx, 'create', 'information_answer', row!.id);
		const [c] = await tx
			.select({ worker: child.responsibleWorkerId })
			.from(child)
			.where(eq(child.id, ctx.childId));
		await notify(
			tx,
			[g.grantedBy, c?.worker],
			'information_answered',
			`/children/${ctx.childId}/access`,
			now,
			ctx.childId
		);
		return row!;
	});
}

/** Every answer to the team's 41 § requests about the child, oldest first; one log row. */
export async function informationAnswers(db: DbOrTx, ctx: ChildContext) {
	if (ctx.access.kind !== 'team') throw new ForbiddenError();
	const rows = await db
		.select({
			id: informationAnswer.id,
			grantId: informationAnswer.grantId,
			organisationName: organisation.name,
			body: informationAnswer.body,
			createdAt: informationAnswer.createdAt,
			answeredBy: user.displayName
		})
		.from(informationAnswer)
		.innerJoin(organisation, eq(organisation.id, informationAnswer.organisationId))
		.innerJoin(user, eq(user.id, informationAnswer.answeredBy))
		.where(eq(informationAnswer.childId, ctx.childId))
		.orderBy(asc(informationAnswer.createdAt));
	return loggedRows(db, ctx, 'read', 'information_answer', rows);
}
