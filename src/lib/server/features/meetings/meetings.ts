import { and, asc, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import { helsinkiDate } from '../../../domain/access';
import { buildAgenda, meetingEditable, type AgendaReason } from '../../../domain/meeting';
import { can } from '../../../domain/permissions';
import { m } from '../../../paraglide/messages';
import { logDenied, logListed, type StaffContext } from '../../access-log';
import { teamContextOf, type TeamContext } from '../../access';
import { inTransaction, isTransaction, type DbOrTx, type Tx } from '../../db';
import { lockForEdit, nextVersion, updateVersioned } from '../../db/lock';
import {
	agendaItem,
	child,
	childStatus,
	membership,
	meetingDiscussion,
	team,
	teamMeeting,
	user,
	childName
} from '../../db/schema';
import {
	ConflictError,
	DeniedInTransaction,
	FieldError,
	ForbiddenError,
	NotFoundError
} from '../../errors';
import { agendaFacts } from './agenda-facts';
import { shownColour } from '../status';
import type { Colour } from '../../../domain/colours';

type Meeting = typeof teamMeeting.$inferSelect;

type DeniedWhat = Parameters<typeof logDenied>[2];
/** Not the viewer's team's: a 404 whose denied row must outlive the rolled-back work. */
class Denied extends NotFoundError {
	constructor(readonly what: DeniedWhat) {
		super();
	}
}
export const deny = (what: DeniedWhat) => new Denied(what);

/**
 * A meeting's transaction. A refusal inside it rolls the work back; its denied row is then
 * written on its own, so the log keeps it (the same transaction would lose it).
 */
export async function meetingTx<T>(
	db: DbOrTx,
	who: TeamContext,
	fn: (tx: Tx) => Promise<T>
): Promise<T> {
	try {
		return await inTransaction(db, fn);
	} catch (e) {
		if (e instanceof Denied) {
			// In a caller's transaction the row would be rolled back with it: its owner writes it.
			if (isTransaction(db))
				throw new DeniedInTransaction((after) => logDenied(after, who.actor, e.what));
			await logDenied(db, who.actor, e.what);
			throw new NotFoundError();
		}
		throw e;
	}
}

function assertRuns(who: TeamContext) {
	if (!can(who.actor.role, 'runMeeting')) throw new ForbiddenError();
}

/**
 * The meeting, locked for the transaction when `lock`, if it is the viewer's team's;
 * another team's (or none) is 404 and the refusal is logged, as for a child.
 */
export async function meetingOf(
	tx: DbOrTx,
	who: TeamContext,
	meetingId: string,
	opts: { lock?: boolean; version?: number } = {}
): Promise<Meeting> {
	const where = and(eq(teamMeeting.id, meetingId), eq(teamMeeting.teamId, who.teamId));
	const row = opts.lock
		? await lockForEdit(tx, teamMeeting, where, opts.version).catch((e: unknown) => {
				if (e instanceof NotFoundError) return null;
				throw e;
			})
		: ((await tx.select().from(teamMeeting).where(where))[0] ?? null);
	if (!row) {
		throw deny({
			action: opts.lock ? 'write' : 'read',
			entityType: 'team_meeting',
			entityId: meetingId
		});
	}
	return row;
}

/** A write to a meeting that is still open to writing; a closed one takes addenda only. */
export function assertEditable(meeting: Meeting, state?: Meeting['state']) {
	if (!meetingEditable(meeting.state) || (state && meeting.state !== state))
		throw new FieldError({ _form: m.meeting_error_state() });
}

const logChildren = (
	tx: DbOrTx,
	who: TeamContext,
	entityType: string,
	rows: { entityId: string; childId: string }[],
	action: string
) =>
	logListed(
		tx,
		rows.map((r) => ({ actor: who.actor, basis: 'team', entityType, ...r })),
		action
	);

/** The team's meetings, newest first: no child data, so not a logged read. */
export async function teamMeetings(db: DbOrTx, viewer: StaffContext) {
	const who = teamContextOf(viewer);
	return db
		.select({
			id: teamMeeting.id,
			startsAt: teamMeeting.startsAt,
			state: teamMeeting.state,
			// Spelled out: a one-table select leaves Drizzle's columns unqualified.
			items: sql<number>`(select count(*) from agenda_item a
				where a.meeting_id = "team_meeting"."id" and a.removed_at is null)`.mapWith(Number)
		})
		.from(teamMeeting)
		.where(eq(teamMeeting.teamId, who.teamId))
		.orderBy(desc(teamMeeting.startsAt))
		.limit(100);
}

/**
 * The coordinator (or the consultant) prepares a meeting: the agenda is built from the data
 * (§7) as of now, since the previous meeting that was held. Under the team's advisory lock,
 * so two preparations read the same "previous" one after the other.
 */
export async function prepareMeeting(
	db: DbOrTx,
	viewer: StaffContext,
	input: { startsAt: Date },
	now = new Date()
) {
	const who = teamContextOf(viewer);
	assertRuns(who);
	return meetingTx(db, who, async (tx) => {
		await tx.execute(
			sql`select pg_advisory_xact_lock(hashtextextended(${'meeting:' + who.teamId}, 0))`
		);
		const [settings] = await tx
			.select({ rotationDays: team.rotationDays })
			.from(team)
			.where(eq(team.id, who.teamId));
		const [previous] = await tx
			.select({ id: teamMeeting.id, startsAt: teamMeeting.startsAt })
			.from(teamMeeting)
			.where(
				and(
					eq(teamMeeting.teamId, who.teamId),
					inArray(teamMeeting.state, ['open', 'closed']),
					lt(teamMeeting.startsAt, input.startsAt)
				)
			)
			.orderBy(desc(teamMeeting.startsAt))
			.limit(1);
		const facts = await agendaFacts(tx, who.teamId, previous ?? null, now);
		const agenda = buildAgenda(facts, {
			today: helsinkiDate(now),
			rotationDays: settings?.rotationDays
		});
		const [meeting] = await tx
			.insert(teamMeeting)
			.values({
				teamId: who.teamId,
				startsAt: input.startsAt,
				preparedBy: who.actor.userId,
				noteTakerId: who.actor.role === 'coordinator' ? who.actor.userId : null
			})
			.returning({ id: teamMeeting.id });
		const items = agenda.length
			? await tx
					.insert(agendaItem)
					.values(
						agenda.map((e, i) => ({
							meetingId: meeting!.id,
							childId: e.childId,
							position: i + 1,
							reasons: e.reasons
						}))
					)
					.returning({ entityId: agendaItem.id, childId: agendaItem.childId })
			: [];
		await logChildren(tx, who, 'agenda_item', items, 'write');
		return { id: meeting!.id, items: items.length };
	});
}

/**
 * The meeting and its agenda: each child with its colour and why it is there, whether it
 * was discussed. A fixed number of queries whatever the agenda's length; a logged list.
 */
export async function meetingView(db: DbOrTx, viewer: StaffContext, meetingId: string) {
	const who = teamContextOf(viewer);
	return meetingTx(db, who, async (tx) => {
		const meeting = await meetingOf(tx, who, meetingId);
		const items = await tx
			.select({
				id: agendaItem.id,
				childId: agendaItem.childId,
				position: agendaItem.position,
				reasons: agendaItem.reasons,
				addedBy: agendaItem.addedBy,
				removedReason: agendaItem.removedReason,
				familyExpected: agendaItem.familyExpected,
				version: agendaItem.version,
				...childName,
				colour: shownColour<Colour | null>(),
				discussed: sql<boolean>`exists (select 1 from ${meetingDiscussion}
					where ${meetingDiscussion.meetingId} = ${agendaItem.meetingId}
					and ${meetingDiscussion.childId} = ${agendaItem.childId})`
			})
			.from(agendaItem)
			.innerJoin(child, eq(child.id, agendaItem.childId))
			.leftJoin(childStatus, eq(childStatus.childId, agendaItem.childId))
			.where(eq(agendaItem.meetingId, meeting.id))
			.orderBy(asc(agendaItem.position));
		const people = await teamPeople(tx, who.teamId);
		await logChildren(
			tx,
			who,
			'agenda_item',
			items.map((i) => ({ entityId: i.id, childId: i.childId })),
			'list'
		);
		return {
			meeting,
			items: items.map((i) => ({ ...i, reasons: i.reasons })),
			people
		};
	});
}

/** The team's active members, for the facilitator, note-taker, present and step owners. */
export async function teamPeople(db: DbOrTx, teamId: string) {
	return db
		.select({ id: user.id, displayName: user.displayName, role: membership.role })
		.from(membership)
		.innerJoin(user, eq(user.id, membership.userId))
		.where(
			and(
				eq(membership.teamId, teamId),
				sql`${membership.approvedAt} is not null`,
				eq(user.active, true)
			)
		)
		.orderBy(asc(user.displayName));
}

async function lockedForAgenda(tx: Tx, who: TeamContext, meetingId: string) {
	assertRuns(who);
	const meeting = await meetingOf(tx, who, meetingId, { lock: true });
	assertEditable(meeting);
	return meeting;
}

/** A child the team wants to discuss, added by hand with a word why. */
export async function addToAgenda(
	db: DbOrTx,
	viewer: StaffContext,
	meetingId: string,
	input: { childId: string; note: string }
) {
	const who = teamContextOf(viewer);
	return meetingTx(db, who, async (tx) => {
		const meeting = await lockedForAgenda(tx, who, meetingId);
		const [c] = await tx
			.select({ id: child.id })
			.from(child)
			.where(and(eq(child.id, input.childId), eq(child.teamId, who.teamId)));
		if (!c) {
			throw deny({
				action: 'write',
				entityType: 'agenda_item',
				childId: input.childId
			});
		}
		const reason: AgendaReason = { section: 'added', note: input.note };
		const [existing] = await tx
			.select()
			.from(agendaItem)
			.where(and(eq(agendaItem.meetingId, meeting.id), eq(agendaItem.childId, c.id)));
		if (existing && !existing.removedAt)
			throw new FieldError({ childId: m.meeting_error_already_on_agenda() });
		// An aggregate always answers one row; the default only satisfies the type.
		const [{ next } = { next: 1 }] = await tx
			.select({ next: sql<number>`coalesce(max(${agendaItem.position}), 0) + 1`.mapWith(Number) })
			.from(agendaItem)
			.where(eq(agendaItem.meetingId, meeting.id));
		const [row] = existing
			? await tx
					.update(agendaItem)
					.set({
						removedAt: null,
						removedBy: null,
						removedReason: null,
						addedBy: who.actor.userId,
						position: next,
						reasons: [...existing.reasons, reason],
						version: nextVersion(agendaItem),
						updatedAt: new Date()
					})
					.where(eq(agendaItem.id, existing.id))
					.returning({ id: agendaItem.id })
			: await tx
					.insert(agendaItem)
					.values({
						meetingId: meeting.id,
						childId: c.id,
						position: next,
						reasons: [reason],
						addedBy: who.actor.userId
					})
					.returning({ id: agendaItem.id });
		await logChildren(tx, who, 'agenda_item', [{ entityId: row!.id, childId: c.id }], 'write');
		return row!.id;
	});
}

async function itemOf(tx: Tx, meetingId: string, itemId: string, version?: number) {
	return lockForEdit(
		tx,
		agendaItem,
		and(eq(agendaItem.id, itemId), eq(agendaItem.meetingId, meetingId)),
		version
	);
}

/**
 * One change to a live agenda item, from the version the page showed: the meeting locked
 * and still open to the agenda, the item still on it, the change logged as a write.
 */
async function changeItem(
	db: DbOrTx,
	viewer: StaffContext,
	meetingId: string,
	input: { itemId: string; version: number },
	change: (who: TeamContext) => Partial<typeof agendaItem.$inferInsert>
) {
	const who = teamContextOf(viewer);
	return meetingTx(db, who, async (tx) => {
		const meeting = await lockedForAgenda(tx, who, meetingId);
		const item = await itemOf(tx, meeting.id, input.itemId, input.version);
		if (item.removedAt) throw new ConflictError(item);
		await tx
			.update(agendaItem)
			.set({ ...change(who), version: nextVersion(agendaItem), updatedAt: new Date() })
			.where(eq(agendaItem.id, item.id));
		await logChildren(
			tx,
			who,
			'agenda_item',
			[{ entityId: item.id, childId: item.childId }],
			'write'
		);
	});
}

/** Off the agenda, with a reason; the row stays, so the agenda shows what was taken off. */
export function removeFromAgenda(
	db: DbOrTx,
	viewer: StaffContext,
	meetingId: string,
	input: { itemId: string; version: number; reason: string }
) {
	return changeItem(db, viewer, meetingId, input, (who) => ({
		removedAt: new Date(),
		removedBy: who.actor.userId,
		removedReason: input.reason
	}));
}

/**
 * Whether the family is expected at the child's discussion (§11): they then see the
 * meeting's time on their own pages. From the version the page showed; the same people
 * who prepare the agenda, while the meeting is not closed.
 */
export function setFamilyExpected(
	db: DbOrTx,
	viewer: StaffContext,
	meetingId: string,
	input: { itemId: string; version: number; expected: boolean }
) {
	return changeItem(db, viewer, meetingId, input, () => ({ familyExpected: input.expected }));
}

/**
 * The agenda in a new order: each live item's typed number (§7: the coordinator reorders).
 * Equal numbers keep the items' present order between them; the numbers become 1…n. Every
 * live item must be given once and nothing else: a list made on an older agenda is refused
 * (ConflictError), so nobody's addition or removal is undone by a reorder.
 */
export async function reorderAgenda(
	db: DbOrTx,
	viewer: StaffContext,
	meetingId: string,
	order: readonly { itemId: string; position: number }[]
) {
	const who = teamContextOf(viewer);
	return meetingTx(db, who, async (tx) => {
		const meeting = await lockedForAgenda(tx, who, meetingId);
		const live = await tx
			.select()
			.from(agendaItem)
			.where(and(eq(agendaItem.meetingId, meeting.id), isNull(agendaItem.removedAt)))
			.orderBy(asc(agendaItem.position));
		const typed = new Map(order.map((o) => [o.itemId, o.position]));
		if (
			typed.size !== order.length ||
			typed.size !== live.length ||
			live.some((i) => !typed.has(i.id))
		)
			throw new ConflictError(meeting);
		// Array.prototype.sort is stable: equal numbers keep the present order.
		const moved = live
			.toSorted((a, b) => typed.get(a.id)! - typed.get(b.id)!)
			.map((item, n) => ({ item, position: n + 1 }))
			.filter(({ item, position }) => item.position !== position);
		for (const { item, position } of moved)
			await tx
				.update(agendaItem)
				.set({ position, version: nextVersion(agendaItem), updatedAt: new Date() })
				.where(eq(agendaItem.id, item.id));
		if (moved.length)
			await logChildren(
				tx,
				who,
				'agenda_item',
				moved.map(({ item }) => ({ entityId: item.id, childId: item.childId })),
				'write'
			);
		return { moved: moved.length };
	});
}

/** The team's meeting settings: how often every child must be discussed (§7). */
export async function meetingSettings(db: DbOrTx, viewer: StaffContext) {
	const who = teamContextOf(viewer);
	const [row] = await db
		.select({
			rotationDays: team.rotationDays,
			meetingMinutes: team.meetingMinutes,
			version: team.version
		})
		.from(team)
		.where(eq(team.id, who.teamId));
	return { ...row!, canRun: can(who.actor.role, 'runMeeting') };
}

export async function setMeetingSettings(
	db: DbOrTx,
	viewer: StaffContext,
	input: { rotationDays: number; meetingMinutes: number; version: number }
) {
	const who = teamContextOf(viewer);
	assertRuns(who);
	await updateVersioned(db, team, who.teamId, input.version, {
		rotationDays: input.rotationDays,
		meetingMinutes: input.meetingMinutes
	});
}

/** The team's open cases not on the agenda, to add by hand; a logged list of names. */
export async function agendaCandidates(db: DbOrTx, viewer: StaffContext, meetingId: string) {
	const who = teamContextOf(viewer);
	return meetingTx(db, who, async (tx) => {
		const meeting = await meetingOf(tx, who, meetingId);
		const rows = await tx
			.select({ id: child.id, givenName: child.givenName, familyName: child.familyName })
			.from(child)
			.where(
				and(
					eq(child.teamId, who.teamId),
					sql`${child.phase} <> 'closed'`,
					sql`not exists (select 1 from ${agendaItem} where ${agendaItem.meetingId} = ${meeting.id}
						and ${agendaItem.childId} = ${child.id} and ${agendaItem.removedAt} is null)`
				)
			)
			.orderBy(asc(child.familyName), asc(child.givenName))
			.limit(1000);
		await logChildren(
			tx,
			who,
			'child',
			rows.map((r) => ({ entityId: r.id, childId: r.id })),
			'list'
		);
		return rows;
	});
}
