import { and, desc, eq, or } from 'drizzle-orm';
import { CURRENT_INSTRUMENT, instrument, isRating } from '../../../domain/instrument';
import { m } from '../../../paraglide/messages';
import { inTransaction, withKeptPlans, type Db, type DbOrTx, type Tx } from '../../db';
import {
	assessment,
	assessmentRequest,
	organisation,
	user,
	type AssessmentRatings
} from '../../db/schema';
import { ConflictError, FieldError, NotFoundError } from '../../errors';
import { recomputeChildStatus } from '../status';
import { ForbiddenError } from '../../errors';
import { logChild } from '../../access-log';
import { type ChildContext } from '../../access';
import { notifyResponsibleWorker } from '../notifications';
import { nextVersion } from '../../db/lock';
import { together } from '../../db/together';

export type AssessmentContent = {
	ratings: AssessmentRatings;
	childView: string;
	guardiansView: string;
	strengths: string;
	familyInformed: boolean | null;
};

/** Form fields ⇄ stored content (the instrument decides which items exist). */
/** A form value as text: strings as they are, numbers written out, anything else empty. */
const formText = (v: unknown): string =>
	typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';

export function contentFromForm(
	data: Record<string, unknown>,
	version = CURRENT_INSTRUMENT.version
): AssessmentContent {
	const inst = instrument(version);
	const ratings: AssessmentRatings = {};
	for (const item of inst.items) {
		// The schema let through only '' (not rated) or a rating.
		const text = formText(data[`r_${item.id}`]);
		const r = text === '' ? null : Number(text);
		ratings[item.id] = {
			rating: r !== null && isRating(r) ? r : null,
			evidence: formText(data[`e_${item.id}`])
		};
	}
	const fi = data.familyInformed;
	return {
		ratings,
		childView: formText(data.childView),
		guardiansView: formText(data.guardiansView),
		strengths: formText(data.strengths),
		familyInformed: fi === 'yes' ? true : fi === 'no' ? false : null
	};
}

export function formFromContent(
	c: AssessmentContent,
	version = CURRENT_INSTRUMENT.version
): Record<string, string> {
	const out: Record<string, string> = {
		childView: c.childView,
		guardiansView: c.guardiansView,
		strengths: c.strengths,
		familyInformed: c.familyInformed === null ? '' : c.familyInformed ? 'yes' : 'no'
	};
	for (const item of instrument(version).items) {
		const r = c.ratings[item.id];
		out[`r_${item.id}`] = r?.rating === null || r?.rating === undefined ? '' : String(r.rating);
		out[`e_${item.id}`] = r?.evidence ?? '';
	}
	return out;
}

export function ratedCount(c: AssessmentContent): number {
	return Object.values(c.ratings).filter((r) => r.rating !== null).length;
}

/** The organisation an assessment is written for: the membership that gave access. */
function authorOrg(ctx: ChildContext) {
	return ctx.access.membership.organisationId;
}

type SaveInput = {
	assessmentId: string | null;
	version: number;
	requestId: string | null;
	supersedesId: string | null;
	content: AssessmentContent;
	submit: boolean;
};

/**
 * Saves a draft (visible to its author only) or submits. A submitted assessment is never
 * changed again. Optimistic locking on drafts; a stale save is refused with the newer data.
 * `onSubmitted` runs inside the same transaction (the traffic light hooks in here).
 */
export function saveAssessment(
	db: DbOrTx,
	ctx: ChildContext,
	input: SaveInput,
	onSubmitted?: (tx: Tx, assessmentId: string) => Promise<void>,
	now = new Date()
): Promise<{ id: string; status: 'draft' | 'submitted' }> {
	// A hot path of single-child statements, the same plan for every child: kept (ADR 045).
	return withKeptPlans(() => writeAssessment(db, ctx, input, onSubmitted, now));
}

async function writeAssessment(
	db: DbOrTx,
	ctx: ChildContext,
	input: SaveInput,
	onSubmitted: ((tx: Tx, assessmentId: string) => Promise<void>) | undefined,
	now: Date
): Promise<{ id: string; status: 'draft' | 'submitted' }> {
	if (input.submit) {
		const fields: Record<string, string> = {};
		if (ratedCount(input.content) === 0) fields._form = m.error_need_one_rating();
		if (input.content.familyInformed === null)
			fields.familyInformed = m.error_family_informed_required();
		if (Object.keys(fields).length) throw new FieldError(fields);
	}
	const status = input.submit ? ('submitted' as const) : ('draft' as const);
	// The caller's transaction when it passes one: a new assessment's form key (ADR 052).
	return inTransaction(db, async (tx) => {
		/**
		 * The rest of a save, sent at once behind `first`: its log row; on submit the child's
		 * responsible worker's notice (not when they wrote it themselves), the request's
		 * completion, and the traffic light's recompute (docs/domain.md §5.7), whose lock goes
		 * down right behind these writes and whose reads wait for the lock.
		 */
		const finish = async (
			id: string,
			requestId: string | null,
			action: 'create' | 'update',
			first: Record<string, unknown> = {}
		) => {
			const written = together({
				...first,
				log: logChild(tx, ctx, input.submit ? 'submit' : action, 'assessment', id),
				notified: input.submit
					? notifyResponsibleWorker(
							tx,
							ctx.childId,
							ctx.userId,
							'assessment_arrived',
							`/assessments/${id}`,
							now
						)
					: null,
				completed:
					input.submit && requestId
						? tx
								.update(assessmentRequest)
								.set({ status: 'completed', completedAt: now })
								.where(
									and(eq(assessmentRequest.id, requestId), eq(assessmentRequest.status, 'open'))
								)
						: null
			});
			// Started after `together` above has issued the writes (each part goes down in
			// the order it was started), so the recompute's lock and reads follow them on the
			// connection and see the new assessment (status.spec.ts holds the colour).
			const recomputed = input.submit
				? recomputeChildStatus(tx, ctx.childId, `assessment:${id}`, now)
				: null;
			await together({ written, recomputed });
			if (input.submit) await onSubmitted?.(tx, id);
		};
		let id = input.assessmentId;
		if (id) {
			const [row] = await tx.select().from(assessment).where(eq(assessment.id, id));
			if (
				!row ||
				row.childId !== ctx.childId ||
				row.authorId !== ctx.userId ||
				row.status !== 'draft'
			) {
				throw new NotFoundError();
			}
			const [updated] = await tx
				.update(assessment)
				.set({
					...input.content,
					status,
					updatedAt: now,
					submittedAt: input.submit ? now : null,
					version: nextVersion(assessment)
				})
				.where(and(eq(assessment.id, id), eq(assessment.version, input.version)))
				.returning({ id: assessment.id });
			if (!updated) {
				const [current] = await tx.select().from(assessment).where(eq(assessment.id, id));
				throw new ConflictError(current);
			}
			await finish(id, row.requestId, 'update');
		} else {
			if (input.supersedesId) await assertCorrectable(tx, ctx, input.supersedesId);
			const requestId =
				input.requestId && (await openRequestFor(tx, ctx, input.requestId))
					? input.requestId
					: null;
			// The id made here, so the row and its log row go down one round trip together.
			id = crypto.randomUUID();
			await finish(id, requestId, 'create', {
				row: tx.insert(assessment).values({
					id,
					childId: ctx.childId,
					organisationId: authorOrg(ctx),
					authorId: ctx.userId,
					requestId,
					supersedesId: input.supersedesId,
					instrumentVersion: CURRENT_INSTRUMENT.version,
					...input.content,
					status,
					createdAt: now,
					updatedAt: now,
					submittedAt: input.submit ? now : null
				})
			});
		}
		return { id, status };
	});
}

async function openRequestFor(tx: DbOrTx, ctx: ChildContext, requestId: string) {
	const [r] = await tx.select().from(assessmentRequest).where(eq(assessmentRequest.id, requestId));
	return (
		r && r.childId === ctx.childId && r.organisationId === authorOrg(ctx) && r.status === 'open'
	);
}

/**
 * Only the author's organisation corrects, and only the newest version of a chain. The old
 * version's row is locked, so of two simultaneous corrections the second waits, then sees
 * the first and is refused (the route answers 409), never a unique-index failure.
 */
async function assertCorrectable(tx: DbOrTx, ctx: ChildContext, id: string) {
	const [old] = await tx.select().from(assessment).where(eq(assessment.id, id)).for('update');
	if (!old || old.childId !== ctx.childId || old.status !== 'submitted') throw new NotFoundError();
	if (old.organisationId !== authorOrg(ctx)) throw new ForbiddenError();
	const [next] = await tx
		.select({ id: assessment.id })
		.from(assessment)
		.where(eq(assessment.supersedesId, id));
	if (next) throw new FieldError({ _form: m.error_correction_exists() });
	return old;
}

/** Starts a correction: a new draft with the old content, pointing at the old version. */
export async function startCorrection(db: Db, ctx: ChildContext, id: string, now = new Date()) {
	return db.transaction(async (tx) => {
		const old = await assertCorrectable(tx, ctx, id);
		const [row] = await tx
			.insert(assessment)
			.values({
				childId: ctx.childId,
				organisationId: old.organisationId,
				authorId: ctx.userId,
				requestId: null,
				supersedesId: old.id,
				instrumentVersion: CURRENT_INSTRUMENT.version,
				ratings: old.ratings,
				childView: old.childView,
				guardiansView: old.guardiansView,
				strengths: old.strengths,
				familyInformed: old.familyInformed,
				status: 'draft',
				createdAt: now,
				updatedAt: now
			})
			.returning({ id: assessment.id });
		await logChild(tx, ctx, 'create', 'assessment', row!.id);
		return row!;
	});
}

/**
 * Who sees which assessment: the team every submitted one of its child; a partner its own
 * organisation's submitted ones; a draft only its author. Never another partner's text.
 */
function visibleTo(ctx: ChildContext) {
	const own = eq(assessment.authorId, ctx.userId);
	const submitted = eq(assessment.status, 'submitted');
	const scope =
		ctx.access.kind === 'team'
			? submitted
			: and(submitted, eq(assessment.organisationId, authorOrg(ctx)));
	return and(
		eq(assessment.childId, ctx.childId),
		or(scope, and(own, eq(assessment.status, 'draft')))
	);
}

const summaryColumns = {
	id: assessment.id,
	status: assessment.status,
	organisationId: assessment.organisationId,
	organisationName: organisation.name,
	authorName: user.displayName,
	supersedesId: assessment.supersedesId,
	submittedAt: assessment.submittedAt,
	updatedAt: assessment.updatedAt,
	authorId: assessment.authorId
};

export async function listAssessments(db: DbOrTx, ctx: ChildContext) {
	return inTransaction(db, async (tx) => {
		const rows = await tx
			.select(summaryColumns)
			.from(assessment)
			.innerJoin(organisation, eq(organisation.id, assessment.organisationId))
			.innerJoin(user, eq(user.id, assessment.authorId))
			.where(visibleTo(ctx))
			.orderBy(desc(assessment.submittedAt), desc(assessment.updatedAt));
		const supersededIds = new Set(
			rows.filter((r) => r.status === 'submitted').map((r) => r.supersedesId)
		);
		await logChild(tx, ctx, 'list', 'assessment');
		return rows.map((r) => ({ ...r, superseded: supersededIds.has(r.id) }));
	});
}

export async function getAssessment(db: Db, ctx: ChildContext, id: string) {
	return db.transaction(async (tx) => {
		const [row] = await tx
			.select({ ...summaryColumns, a: assessment })
			.from(assessment)
			.innerJoin(organisation, eq(organisation.id, assessment.organisationId))
			.innerJoin(user, eq(user.id, assessment.authorId))
			.where(and(eq(assessment.id, id), visibleTo(ctx)));
		if (!row) throw new NotFoundError();
		const [next] = await tx
			.select({ id: assessment.id, status: assessment.status })
			.from(assessment)
			.where(and(eq(assessment.supersedesId, id), eq(assessment.status, 'submitted')));
		await logChild(tx, ctx, 'read', 'assessment', id);
		// Only the author's organisation corrects, and only the newest version.
		const canCorrect = row.status === 'submitted' && !next && row.organisationId === authorOrg(ctx);
		return { ...row, supersededById: next?.id ?? null, canCorrect };
	});
}

/** Which child an assessment belongs to, for routing by assessment id (no data returned). */
export async function childOfAssessment(db: DbOrTx, id: string): Promise<string | null> {
	const [row] = await db
		.select({ childId: assessment.childId })
		.from(assessment)
		.where(eq(assessment.id, id));
	return row?.childId ?? null;
}
