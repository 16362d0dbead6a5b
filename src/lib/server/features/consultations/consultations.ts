import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { and, asc, count, desc, eq, ilike, inArray, isNotNull, type SQL } from 'drizzle-orm';
import { helsinkiDate } from '../../../domain/access';
import { can } from '../../../domain/permissions';
import {
	allowedActions,
	CONSULTATION,
	transition,
	type ConsultationAction
} from '../../../domain/workflows';
import { formatDateTime } from '../../../format';
import { m } from '../../../paraglide/messages';
import { logChild, loggedRows, recordAccess } from '../../access-log';
import { inTransaction, type Db, type DbOrTx } from '../../db';
import { escapeLike } from '../../db/like';
import { lockForEdit, nextVersion } from '../../db/lock';
import {
	accessGrant,
	child,
	childStatus,
	consultation,
	membership,
	organisation,
	user
} from '../../db/schema';
import { childTeamWorkers } from '../children';
import { FieldError, NotFoundError } from '../../errors';
import { raiseFlag } from '../flags';
import { storedFacts } from '../status';
import { notify, organisationStaff, teamMembersWithRole } from '../notifications';
import { PARTNER_KINDS } from '../../../domain/roles';
import { assertChildPermission, type ChildContext } from '../../access';

type Row = typeof consultation.$inferSelect;

/**
 * Who sees a consultation: the child's team sees all of them; a partner or residential unit
 * sees those its own organisation asked for (and their outcome), and those it was invited
 * to (so the invited know when and where), nothing else.
 */
const visibleTo = (
	ctx: ChildContext,
	c: Pick<Row, 'requesterOrganisationId' | 'participantOrganisationIds' | 'participantUserIds'>
) => {
	if (ctx.access.kind === 'team') return true;
	const org = ctx.access.membership.organisationId;
	return (
		c.requesterOrganisationId === org ||
		c.participantOrganisationIds.includes(org) ||
		c.participantUserIds.includes(ctx.userId)
	);
};

/** The team and the requester's organisation see the whole record; the invited a part. */
function viewOf(ctx: ChildContext, c: Pick<Row, 'requesterOrganisationId'>): 'full' | 'invited' {
	if (ctx.access.kind === 'team') return 'full';
	if (ctx.access.basis === 'consultation_invite') return 'invited';
	return c.requesterOrganisationId === ctx.access.membership.organisationId ? 'full' : 'invited';
}

export type RequestInput = { question: string; urgency: 'normal' | 'urgent'; background: string };

/** Anyone who may access the child may ask; the request raises a flag and tells the coordinator. */
export async function requestConsultation(
	db: Db,
	ctx: ChildContext,
	input: RequestInput,
	now = new Date()
) {
	return db.transaction(async (tx) => {
		const [c] = await tx
			.insert(consultation)
			.values({
				childId: ctx.childId,
				requestedBy: ctx.userId,
				requesterOrganisationId: ctx.access.membership.organisationId,
				...input,
				createdAt: now,
				updatedAt: now
			})
			.returning({ id: consultation.id });
		await logChild(tx, ctx, 'create', 'consultation', c!.id);
		const [s] = await tx.select().from(childStatus).where(eq(childStatus.childId, ctx.childId));
		await raiseFlag(
			tx,
			ctx.childId,
			'consultation_requested',
			storedFacts(s) ?? { colour: 'grey', signals: [], domainColours: {}, substance: null },
			now,
			{ consultationId: c!.id, urgent: input.urgency === 'urgent' }
		);
		const coordinators = await teamMembersWithRole(tx, ctx.childId, ['coordinator']);
		await notify(
			tx,
			coordinators,
			'consultation_requested',
			`/consultations/${c!.id}`,
			now,
			ctx.childId
		);
		return c!.id;
	});
}

export async function childOfConsultation(db: Db, id: string): Promise<string | null> {
	const [r] = await db
		.select({ childId: consultation.childId })
		.from(consultation)
		.where(eq(consultation.id, id));
	return r?.childId ?? null;
}

/** The child's consultations the viewer may see, newest first. */
export async function consultationsForChild(db: DbOrTx, ctx: ChildContext) {
	return inTransaction(db, async (tx) => {
		const rows = await tx
			.select({
				id: consultation.id,
				state: consultation.state,
				urgency: consultation.urgency,
				createdAt: consultation.createdAt,
				scheduledAt: consultation.scheduledAt,
				requesterOrganisationId: consultation.requesterOrganisationId,
				participantOrganisationIds: consultation.participantOrganisationIds,
				participantUserIds: consultation.participantUserIds
			})
			.from(consultation)
			.where(eq(consultation.childId, ctx.childId))
			.orderBy(desc(consultation.createdAt));
		const mine = rows.filter((r) => visibleTo(ctx, r));
		await loggedRows(tx, ctx, 'list', 'consultation', mine);
		return mine.map((r) => ({
			id: r.id,
			state: r.state,
			urgency: r.urgency,
			createdAt: r.createdAt,
			scheduledAt: r.scheduledAt
		}));
	});
}

/** One consultation with names resolved, if the viewer may see it; else a logged 404. */
/** What a reader who may not move a consultation on can do with it. */
const NO_ACTIONS: readonly ConsultationAction[] = [];

export async function getConsultation(db: Db, ctx: ChildContext, id: string) {
	const [c] = await db
		.select()
		.from(consultation)
		.where(and(eq(consultation.id, id), eq(consultation.childId, ctx.childId)));
	if (!c || !visibleTo(ctx, c)) {
		await recordAccess(db, {
			actor: ctx.actor,
			action: 'read',
			entityType: 'consultation',
			entityId: id,
			childId: ctx.childId,
			basis: ctx.access.basis,
			outcome: 'denied'
		});
		throw new NotFoundError();
	}
	const view = viewOf(ctx, c);
	return db.transaction(async (tx) => {
		await logChild(tx, ctx, 'read', 'consultation', id);
		// Whom the meeting is about: the name only, also to the invited.
		const [who] = await tx
			.select({ givenName: child.givenName, familyName: child.familyName })
			.from(child)
			.where(eq(child.id, ctx.childId));
		const childName = who ? `${who.givenName} ${who.familyName}` : '';
		// The invited see what they were invited to (docs/domain.md §6), nothing else of the record.
		if (view === 'invited') {
			const heldOrLater = c.state === 'held' || c.state === 'closed';
			return {
				view,
				childName,
				consultation: {
					...c,
					background: '',
					declineReason: null,
					requestedBy: '',
					requesterOrganisationId: '',
					participantUserIds: [],
					participantOrganisationIds: [],
					hypotheses: heldOrLater ? c.hypotheses : [],
					recommendations: heldOrLater ? c.recommendations : null,
					followUpOwnerId: null,
					followUpOn: null
				},
				people: {},
				orgs: {},
				actions: NO_ACTIONS
			};
		}
		const userIds = [c.requestedBy, ...c.participantUserIds, c.followUpOwnerId].filter(
			(x): x is string => !!x
		);
		const orgIds = [c.requesterOrganisationId, ...c.participantOrganisationIds];
		const people = Object.fromEntries(
			(
				await tx
					.select({ id: user.id, name: user.displayName })
					.from(user)
					.where(inArray(user.id, userIds))
			).map((u): [string, string] => [u.id, u.name])
		);
		const orgs = Object.fromEntries(
			(
				await tx
					.select({ id: organisation.id, name: organisation.name })
					.from(organisation)
					.where(inArray(organisation.id, orgIds))
			).map((o): [string, string] => [o.id, o.name])
		);
		const canManage =
			ctx.access.kind === 'team' && can(ctx.access.membership.role, 'scheduleConsultation');
		return {
			view,
			childName,
			consultation: c,
			people,
			orgs,
			actions: canManage ? allowedActions(CONSULTATION, c.state) : NO_ACTIONS
		};
	});
}

/**
 * Below this many organisations that may be invited, each is a choice; above it (a region
 * has hundreds of schools and day-care centres) the choices are those of the child and of
 * this consultation, and the coordinator finds any other by name.
 */
export const ALL_INVITABLE_UP_TO = 25;
/** The most organisations one search shows. */
export const FOUND_AT_MOST = 20;

/** Partner organisations and residential units: any of them may be invited (ADR 023). */
const INVITABLE = inArray(organisation.kind, [...PARTNER_KINDS, 'residential_unit']);

export type Invitee = { id: string; name: string; hasAccess: boolean };
const AN_ID = z.uuid();

/** The organisations that can see the child today: id → name. */
async function orgsWithAccess(db: DbOrTx, childId: string): Promise<Map<string, string>> {
	const today = helsinkiDate();
	const grants = await db
		.select({
			id: organisation.id,
			name: organisation.name,
			validUntil: accessGrant.validUntil,
			revokedAt: accessGrant.revokedAt
		})
		.from(accessGrant)
		.innerJoin(organisation, eq(organisation.id, accessGrant.organisationId))
		.where(eq(accessGrant.childId, childId));
	const orgs = new Map<string, string>();
	for (const g of grants)
		if (!g.revokedAt && (!g.validUntil || g.validUntil >= today)) orgs.set(g.id, g.name);
	return orgs;
}

/**
 * Who may be invited by name: the child's team, and the partner members of organisations
 * that can see the child (`orgs`, read when not given).
 */
async function invitablePeople(db: DbOrTx, childId: string, orgs?: Map<string, string>) {
	const withAccess = orgs ?? (await orgsWithAccess(db, childId));
	const team = await childTeamWorkers(db, childId);
	const partners = withAccess.size
		? await db
				.select({ id: user.id, displayName: user.displayName })
				.from(membership)
				.innerJoin(user, eq(user.id, membership.userId))
				.where(
					and(
						inArray(membership.organisationId, [...withAccess.keys()]),
						isNotNull(membership.approvedAt),
						eq(user.active, true)
					)
				)
		: [];
	return [...team, ...partners];
}

/**
 * Who can be invited: the team's people, partner people of organisations that can see the
 * child, and organisations. `keep` are organisations to show whatever their number (those
 * of the consultation, those ticked); `search` a part of a name to find others by.
 */
export async function participantChoices(
	db: DbOrTx,
	childId: string,
	opts: { keep?: readonly string[]; search?: string; listUpTo?: number } = {}
) {
	const orgs = await orgsWithAccess(db, childId);
	const people = await invitablePeople(db, childId, orgs);
	const [total] = await db.select({ invitable: count() }).from(organisation).where(INVITABLE);
	const invitable = total?.invitable ?? 0;
	const searchable = invitable > (opts.listUpTo ?? ALL_INVITABLE_UP_TO);
	// Ids from a posted form may be anything: only an id can name an organisation.
	const keep = [...new Set(opts.keep ?? [])].filter((id) => AN_ID.safeParse(id).success);
	const words = (opts.search ?? '').trim().split(/\s+/).filter(Boolean);
	const named = (where: SQL | undefined, limit: number) =>
		db
			.select({ id: organisation.id, name: organisation.name })
			.from(organisation)
			.where(and(INVITABLE, where))
			.orderBy(asc(organisation.name))
			.limit(limit);
	// One more than is shown, to tell "these are all" from "there are more".
	const hits = words.length
		? await named(
				and(...words.map((w) => ilike(organisation.name, `%${escapeLike(w)}%`))),
				FOUND_AT_MOST + 1
			)
		: [];
	const matches = hits.slice(0, FOUND_AT_MOST);
	// An organisation without access to the child sees this consultation only, while it is
	// open (ADR 023).
	const others = !searchable
		? await named(undefined, invitable)
		: [
				...(keep.length ? await named(inArray(organisation.id, keep), keep.length) : []),
				...matches
			];
	const organisations: Invitee[] = [...orgs].map(([id, name]) => ({ id, name, hasAccess: true }));
	const shown = new Set(orgs.keys());
	for (const o of others)
		if (!shown.has(o.id)) {
			shown.add(o.id);
			organisations.push({ ...o, hasAccess: false });
		}
	return {
		people,
		organisations,
		/** Whether other organisations are found by name (there are too many to list). */
		searchable,
		/** What a search found, when there was one: at most FOUND_AT_MOST, and whether more. */
		found: words.length
			? { ids: matches.map((o) => o.id), more: hits.length > FOUND_AT_MOST }
			: undefined
	};
}

/**
 * The coordinator looks for organisations to invite by name: the consultation's own and
 * those ticked stay among the choices, the ones found join them.
 */
export async function findInvitees(
	db: Db,
	ctx: ChildContext,
	id: string,
	opts: { search: string; ticked: readonly string[] }
) {
	await assertChildPermission(db, ctx, 'scheduleConsultation', 'consultation', id);
	return db.transaction(async (tx) => {
		const [c] = await tx
			.select()
			.from(consultation)
			.where(and(eq(consultation.id, id), eq(consultation.childId, ctx.childId)));
		if (!c) throw new NotFoundError();
		// Who may be invited to the child's consultation is read from the child's record.
		await logChild(tx, ctx, 'read', 'consultation', id);
		return participantChoices(tx, ctx.childId, {
			keep: [...consultationOrganisations(c), ...opts.ticked],
			search: opts.search
		});
	});
}

/** The organisations a consultation names: who asked, and who is invited. */
export const consultationOrganisations = (
	c: Pick<Row, 'requesterOrganisationId' | 'participantOrganisationIds'>
) => [c.requesterOrganisationId, ...c.participantOrganisationIds];

/** Whether every id is an organisation that may be invited. */
async function allInvitable(db: DbOrTx, ids: readonly string[]) {
	const unique = [...new Set(ids)];
	if (!unique.length) return true;
	const rows = await db
		.select({ id: organisation.id })
		.from(organisation)
		.where(and(INVITABLE, inArray(organisation.id, unique)));
	return rows.length === unique.length;
}

export type ScheduleInput = {
	scheduledAt: Date;
	place: string;
	participantOrganisationIds: string[];
	participantUserIds: string[];
};
export type RecordInput = {
	hypotheses: string[];
	recommendations: string;
	followUpOwnerId: string;
	followUpOn: string;
};

export type ConsultationChange =
	| { action: 'schedule'; data: ScheduleInput }
	| { action: 'record'; data: RecordInput }
	| { action: 'decline'; data: { reason: string } }
	| { action: 'close'; data: Record<string, never> };

/**
 * The coordinator moves a consultation on. The state machine refuses invalid steps; a form
 * based on an older version is refused with the newer data; both change nothing.
 */
export async function changeConsultation(
	db: Db,
	ctx: ChildContext,
	id: string,
	version: number,
	change: ConsultationChange,
	now = new Date()
) {
	await assertChildPermission(db, ctx, 'scheduleConsultation', 'consultation', id);
	if (change.action === 'schedule') {
		const people = new Set((await invitablePeople(db, ctx.childId)).map((p) => p.id));
		if (!change.data.participantUserIds.every((u) => people.has(u)))
			throw new FieldError({ participantUserIds: m.error_choose_option() });
		// Any partner organisation or unit, listed or found by name.
		if (!(await allInvitable(db, change.data.participantOrganisationIds)))
			throw new FieldError({ participantOrganisationIds: m.error_choose_option() });
		if (change.data.scheduledAt.getTime() < now.getTime() - 86400_000)
			throw new FieldError({ scheduledAt: m.error_due_in_past() });
	}
	if (change.action === 'record') {
		if (!change.data.hypotheses.some((h) => h.trim()))
			throw new FieldError({ hypotheses: m.error_hypothesis_required() });
		const people = new Set((await invitablePeople(db, ctx.childId)).map((p) => p.id));
		if (!people.has(change.data.followUpOwnerId))
			throw new FieldError({ followUpOwnerId: m.error_choose_option() });
	}
	return db.transaction(async (tx) => {
		const c = await lockForEdit(
			tx,
			consultation,
			and(eq(consultation.id, id), eq(consultation.childId, ctx.childId)),
			version
		);
		const t = transition(CONSULTATION, c.state, change.action);
		if (!t.ok)
			throw new FieldError({
				_form: m.error_transition({ from: m[`consultation_state_${c.state}`]() })
			});
		// An outcome is of a meeting that has taken place.
		if (change.action === 'record' && c.scheduledAt && c.scheduledAt > now)
			throw new FieldError({
				_form: m.error_record_before_meeting({ time: formatDateTime(c.scheduledAt) })
			});
		const values: PgUpdateSetSource<typeof consultation> = {
			state: t.to,
			updatedAt: now,
			version: nextVersion(consultation)
		};
		if (change.action === 'schedule') {
			const d = change.data;
			Object.assign(values, {
				scheduledAt: d.scheduledAt,
				place: d.place,
				participantOrganisationIds: d.participantOrganisationIds,
				participantUserIds: d.participantUserIds
			});
		}
		if (change.action === 'record') {
			const d = change.data;
			Object.assign(values, {
				hypotheses: d.hypotheses.map((h) => h.trim()).filter((h) => h.length > 0),
				recommendations: d.recommendations,
				followUpOwnerId: d.followUpOwnerId,
				followUpOn: d.followUpOn
			});
		}
		if (change.action === 'decline') values.declineReason = change.data.reason;
		await tx.update(consultation).set(values).where(eq(consultation.id, id));
		await logChild(tx, ctx, change.action, 'consultation', id);
		const link = `/consultations/${id}`;
		if (change.action === 'schedule') {
			// The invited people, and the staff of each invited organisation.
			const staff: string[] = [];
			for (const o of change.data.participantOrganisationIds)
				staff.push(...(await organisationStaff(tx, o)));
			await notify(
				tx,
				[...change.data.participantUserIds, ...staff],
				'consultation_scheduled',
				link,
				now,
				ctx.childId
			);
		}
		if (change.action === 'record' || change.action === 'decline')
			await notify(tx, [c.requestedBy], 'consultation_outcome', link, now, ctx.childId);
	});
}
