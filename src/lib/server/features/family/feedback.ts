import { and, asc, desc, eq, gte, inArray, isNull, sql } from 'drizzle-orm';
import { helsinkiDate } from '../../../domain/access';
import { fromHelsinkiLocal } from '../../../domain/time';
import { addDays } from '../../../domain/working-days';
import { formatDate, formatDateTime } from '../../../format';
import { m } from '../../../paraglide/messages';
import { logChild, readLogged } from '../../access-log';
import type { FamilyChildContext } from '../../access';
import { inTransaction, type Db, type DbOrTx } from '../../db';
import { agendaItem, clientPlan, familyFeedback, teamMeeting } from '../../db/schema';
import { FieldError, ForbiddenError } from '../../errors';
import { lastMeeting } from './reply';

/*
 * The family's two questions (docs/domain.md §11): after a team meeting that discussed the
 * child, or a client plan, each guardian and the young person are asked "were you heard"
 * and "is the plan clear" (1–5), once, for the newest such event of the last 60 days.
 * Their answers reach the team only as the reports' monthly family-level result.
 */

/** How long after a meeting or a plan the family is still asked about it. */
export const FEEDBACK_ASK_DAYS = 60;

export type FeedbackSubject = { kind: 'meeting' | 'client_plan'; id: string; on: string };

/**
 * What the person is asked about now: the newest client plan and the newest meeting (closed,
 * with the child discussed) of the last 60 days, each unless they answered it already;
 * never an older one of the same kind (a family is asked about now, not about every
 * past week). The newer of the two first. `onlyId`: that one, if it is asked now.
 */
async function askable(
	tx: DbOrTx,
	ctx: FamilyChildContext,
	onlyId?: string
): Promise<FeedbackSubject | null> {
	const today = helsinkiDate(ctx.now);
	const since = addDays(today, -FEEDBACK_ASK_DAYS);
	const [plan] = await tx
		.select({ id: clientPlan.id, on: clientPlan.madeOn })
		.from(clientPlan)
		.where(and(eq(clientPlan.childId, ctx.childId), gte(clientPlan.madeOn, since)))
		.orderBy(desc(clientPlan.madeOn), desc(clientPlan.number))
		.limit(1);
	const last = await lastMeeting(tx, ctx.childId, fromHelsinkiLocal(`${since}T00:00`));
	const meeting = last && { id: last.id, on: helsinkiDate(last.startsAt) };
	const answered = new Set(
		(
			await tx
				.select({ plan: familyFeedback.clientPlanId, meeting: familyFeedback.meetingId })
				.from(familyFeedback)
				.where(
					and(eq(familyFeedback.childId, ctx.childId), eq(familyFeedback.personId, ctx.personId))
				)
		).map((f) => f.plan ?? f.meeting)
	);
	const subjects: FeedbackSubject[] = [
		...(plan ? [{ kind: 'client_plan' as const, ...plan }] : []),
		...(meeting ? [{ kind: 'meeting' as const, ...meeting }] : [])
	].filter((x) => !answered.has(x.id) && (!onlyId || x.id === onlyId));
	subjects.sort((a, b) => (a.on < b.on ? 1 : a.on > b.on ? -1 : 0));
	return subjects[0] ?? null;
}

/** The question the family's child page asks now, in words, or null; logged when asked. */
export async function feedbackQuestion(db: DbOrTx, ctx: FamilyChildContext) {
	if (ctx.access.kind !== 'family') throw new ForbiddenError();
	return inTransaction(db, async (tx) => {
		const subject = await askable(tx, ctx);
		if (!subject) return null;
		await logChild(tx, ctx, 'read', subject.kind, subject.id);
		const date = formatDate(subject.on);
		return {
			kind: subject.kind,
			id: subject.id,
			about:
				subject.kind === 'meeting'
					? m.feedback_about_meeting({ date })
					: m.feedback_about_plan({ date })
		};
	});
}

/**
 * The person's answer about one meeting or plan. Only what they are asked about now: an
 * event of another child, an old one or one answered already is refused, nothing stored.
 */
export async function answerFeedback(
	db: Db,
	ctx: FamilyChildContext,
	input: { kind: 'meeting' | 'client_plan'; id: string; heard: number; clear: number }
) {
	if (ctx.access.kind !== 'family') throw new ForbiddenError();
	const basis = ctx.access.basis;
	return db.transaction(async (tx) => {
		const subject = await askable(tx, ctx, input.id);
		if (!subject || subject.kind !== input.kind)
			throw new FieldError({ heard: m.feedback_error_not_asked() });
		const [row] = await tx
			.insert(familyFeedback)
			.values({
				childId: ctx.childId,
				personId: ctx.personId,
				basis,
				meetingId: input.kind === 'meeting' ? input.id : null,
				clientPlanId: input.kind === 'client_plan' ? input.id : null,
				heard: input.heard,
				clear: input.clear,
				createdAt: ctx.now
			})
			.returning({ id: familyFeedback.id });
		await logChild(tx, ctx, 'create', 'family_feedback', row!.id);
		return row!.id;
	});
}

/**
 * The coming team meetings where the team expects the family at the child's discussion
 * (§11): planned or open, from today on, the child still on the agenda. The meeting's time
 * only: nothing of the agenda's reasons or another child. Logged as a read.
 */
export async function expectedMeetings(db: DbOrTx, ctx: FamilyChildContext) {
	if (ctx.access.kind !== 'family') throw new ForbiddenError();
	const rows = await readLogged(db, ctx, 'read', 'agenda_item', (tx) =>
		tx
			.select({ id: agendaItem.id, startsAt: teamMeeting.startsAt })
			.from(agendaItem)
			.innerJoin(teamMeeting, eq(teamMeeting.id, agendaItem.meetingId))
			.where(
				and(
					eq(agendaItem.childId, ctx.childId),
					eq(agendaItem.familyExpected, true),
					isNull(agendaItem.removedAt),
					inArray(teamMeeting.state, ['planned', 'open']),
					sql`${teamMeeting.startsAt} >= (${helsinkiDate(ctx.now)}::date::timestamp at time zone 'Europe/Helsinki')`
				)
			)
			.orderBy(asc(teamMeeting.startsAt))
	);
	return rows.map((r) => ({ id: r.id, when: formatDateTime(r.startsAt) }));
}
