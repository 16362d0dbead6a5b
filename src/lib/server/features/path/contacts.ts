import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { helsinkiDate } from '../../../domain/access';
import { dueDate } from '../../../domain/clocks';
import { parseHetu } from '../../../domain/hetu';
import {
	notifierKindOf,
	type ContactDecision,
	type ContactKind,
	type NotifierKind
} from '../../../domain/path';
import { isTeamRole } from '../../../domain/roles';
import { m } from '../../../paraglide/messages';
import { actorOf, logChild, recordAccess, type Actor, type StaffContext } from '../../access-log';
import { assertChildPermission, type ChildContext } from '../../access';
import type { MembershipInfo } from '../../auth/session';
import { inTransaction, type Db, type DbOrTx } from '../../db';
import { lockForEdit, nextVersion } from '../../db/lock';
import {
	caseContact,
	child,
	membership,
	organisation,
	phaseChange,
	statutoryClock,
	team,
	user,
	childName
} from '../../db/schema';
import { FieldError, ForbiddenError, NotFoundError } from '../../errors';
import { notify, teamMembersWithRole } from '../notifications';
import { addDays } from '../../../domain/working-days';
import { lockChild, recomputeChildStatus } from '../status';
import { assertCanBeResponsible, claimIfCounted, type CaseloadNotice } from './caseload';
import { meetOpenClock } from './clocks';

export type ContactInput = {
	kind: ContactKind;
	receivedOn: string;
	notifierKind: NotifierKind;
	summary: string;
	/** The team may assess urgency as it logs the contact: 'yes', 'no', or '' for later. */
	urgent?: '' | 'yes' | 'no';
};

export type NewChildContactInput = ContactInput & {
	teamId: string;
	givenName: string;
	familyName: string;
	/** 'expected': a notification before birth (25 c §), `dateOfBirth` the expected date. */
	birth?: 'born' | 'expected';
	dateOfBirth: string;
	personalIdentityCode: string;
};

/** The teams a notification can be sent to (a partner chooses the child's home team). */
export async function intakeTeams(db: DbOrTx) {
	return db
		.select({ id: team.id, name: team.name, municipality: organisation.municipality })
		.from(team)
		.innerJoin(organisation, eq(organisation.id, team.organisationId))
		.orderBy(asc(team.name));
}

/** Who files: a team member, or a partner or unit professional (never an admin). */
function filerOf(viewer: StaffContext, teamId: string | null): MembershipInfo {
	const team = viewer.memberships.find((ms) => isTeamRole(ms.role) && ms.teamId === teamId);
	if (team) return team;
	const partner = viewer.memberships.find(
		(ms) => ms.role === 'partner' || ms.role === 'residential_staff'
	);
	if (partner) return partner;
	throw new ForbiddenError();
}

function checkDates(input: ContactInput, today: string) {
	if (input.receivedOn > today) throw new FieldError({ receivedOn: m.error_date_in_future() });
}

/**
 * The worker a notifier is told to contact (§3 receipt): the child's responsible worker
 * when the notifier may already see the child, otherwise the consultant social worker of
 * the team it sent to, so that the receipt says nothing about whether the child was known.
 */
async function contactWorkerFor(
	tx: DbOrTx,
	c: { teamId: string; responsibleWorkerId: string | null },
	sentToTeamId: string | null
) {
	if (!sentToTeamId && c.responsibleWorkerId) return c.responsibleWorkerId;
	const [row] = await tx
		.select({ id: user.id })
		.from(membership)
		.innerJoin(user, eq(user.id, membership.userId))
		.where(
			and(
				eq(membership.teamId, sentToTeamId ?? c.teamId),
				eq(membership.role, 'consultant_social_worker'),
				isNotNull(membership.approvedAt),
				eq(user.active, true)
			)
		)
		.orderBy(asc(user.displayName), asc(user.id))
		.limit(1);
	return row?.id ?? null;
}

/**
 * The shared part of filing: the contact, its 7-working-day decision clock, a closed case
 * opened again, and the team told. A partner's filing gives it no access to the child
 * (§3): it gets the contact's receipt instead. Inside the caller's transaction, under the
 * child's lock.
 */
async function addContact(
	tx: DbOrTx,
	args: {
		actor: Actor;
		membership: MembershipInfo;
		childId: string;
		input: ContactInput;
		now: Date;
		/** The child's name as a notifier wrote it, for its receipt. */
		subjectName: string | null;
		/** The team a notifier chose, when it cannot see the child; null when it can (a grant). */
		sentToTeamId: string | null;
	}
) {
	const { actor, membership, childId, input, now } = args;
	const byTeam = isTeamRole(membership.role);
	const today = helsinkiDate(now);
	await lockChild(tx, childId);
	const [c] = await tx.select().from(child).where(eq(child.id, childId));
	if (!c) throw new NotFoundError();
	// A partner files what it has today, as its own kind; the team assesses urgency.
	const receivedOn = byTeam ? input.receivedOn : today;
	const urgent = byTeam && input.urgent ? input.urgent === 'yes' : null;
	const [contact] = await tx
		.insert(caseContact)
		.values({
			childId,
			kind: input.kind,
			receivedOn,
			notifierKind: byTeam ? input.notifierKind : notifierKindOf(membership.organisationKind),
			summary: input.summary,
			filedBy: actor.userId,
			filedByOrganisationId: membership.organisationId,
			urgent,
			urgencyAssessedBy: urgent === null ? null : actor.userId,
			urgencyAssessedAt: urgent === null ? null : now,
			subjectName: byTeam ? null : args.subjectName,
			sentToTeamId: byTeam ? null : args.sentToTeamId,
			contactWorkerId: byTeam ? null : await contactWorkerFor(tx, c, args.sentToTeamId)
		})
		.returning({ id: caseContact.id, reference: caseContact.reference });
	await tx.insert(statutoryClock).values({
		childId,
		kind: 'decision',
		contactId: contact!.id,
		startedOn: receivedOn,
		dueOn: dueDate('decision', receivedOn)
	});
	if (c.phase === 'closed') {
		await tx
			.update(child)
			.set({ phase: 'contact', phaseSince: receivedOn })
			.where(eq(child.id, childId));
		await tx.insert(phaseChange).values({
			childId,
			fromPhase: 'closed',
			toPhase: 'contact',
			on: receivedOn,
			changedBy: actor.userId,
			changedAt: now
		});
	}
	if (!byTeam) {
		await notify(
			tx,
			await teamMembersWithRole(tx, childId, ['consultant_social_worker', 'coordinator']),
			'contact_new',
			'/intake',
			now,
			childId
		);
	}
	await recordAccess(tx, {
		actor,
		action: 'create',
		entityType: 'case_contact',
		entityId: contact!.id,
		childId,
		basis: byTeam ? 'team' : 'notifier',
		outcome: 'allowed'
	});
	return contact!;
}

/** How far ahead an expected date of birth may be: a pregnancy, with some slack. */
const EXPECTED_BIRTH_MAX_DAYS = 300;

/**
 * A notification before birth (25 c §) is a notification, about a child who has no
 * identity code yet, expected within a pregnancy's time (or a few days overdue).
 */
function unbornProblems(input: NewChildContactInput, today: string) {
	const fields: Record<string, string> = {};
	if (input.kind !== 'notification') fields.kind = m.error_unborn_notification();
	if (input.personalIdentityCode.trim()) fields.personalIdentityCode = m.error_unborn_no_hetu();
	if (
		input.dateOfBirth < addDays(today, -30) ||
		input.dateOfBirth > addDays(today, EXPECTED_BIRTH_MAX_DAYS)
	)
		fields.dateOfBirth = m.error_expected_birth();
	if (Object.keys(fields).length) throw new FieldError(fields);
}

/**
 * A contact about a child the filer names (a new child to the app, as far as they know).
 * With an identity code the app already knows, it joins that child's record, whatever the
 * team chosen: the answer is the same either way, so it reveals nothing. Without one, a new
 * record is made; the team joins duplicates by hand later.
 */
export async function fileContactForNewChild(
	db: Db,
	viewer: StaffContext,
	input: NewChildContactInput,
	now = new Date()
) {
	const filer = filerOf(viewer, input.teamId);
	if (isTeamRole(filer.role) && filer.teamId !== input.teamId) throw new ForbiddenError();
	const today = helsinkiDate(now);
	checkDates(input, today);
	const expected = input.birth === 'expected';
	if (expected) unbornProblems(input, today);
	else if (input.dateOfBirth > today)
		throw new FieldError({ dateOfBirth: m.error_date_in_future() });
	let code: string | null = null;
	if (input.personalIdentityCode) {
		const h = parseHetu(input.personalIdentityCode);
		if (!h.valid) throw new FieldError({ personalIdentityCode: m.error_hetu_invalid() });
		if (h.birthDate !== input.dateOfBirth)
			throw new FieldError({ personalIdentityCode: m.error_hetu_birthdate() });
		code = h.normalized;
	}
	const [t] = await db.select({ id: team.id }).from(team).where(eq(team.id, input.teamId));
	if (!t) throw new FieldError({ teamId: m.error_choose_option() });
	const actor = actorOf(viewer, filer);
	return db.transaction(async (tx) => {
		const [known] = code
			? await tx.select({ id: child.id }).from(child).where(eq(child.personalIdentityCode, code))
			: [];
		let childId = known?.id;
		if (!childId) {
			const [row] = await tx
				.insert(child)
				.values({
					teamId: t.id,
					givenName: input.givenName,
					familyName: input.familyName,
					dateOfBirth: input.dateOfBirth,
					birthExpected: expected,
					personalIdentityCode: code,
					homeMunicipality: '',
					phase: 'contact',
					phaseSince: isTeamRole(filer.role) ? input.receivedOn : today
				})
				.returning({ id: child.id });
			childId = row!.id;
			await recomputeChildStatus(tx, childId, 'child_created');
			await tx.insert(phaseChange).values({
				childId,
				fromPhase: null,
				toPhase: 'contact',
				on: isTeamRole(filer.role) ? input.receivedOn : today,
				changedBy: actor.userId,
				changedAt: now
			});
			await recordAccess(tx, {
				actor,
				action: 'create',
				entityType: 'child',
				entityId: childId,
				childId,
				basis: isTeamRole(filer.role) ? 'team' : 'notifier',
				outcome: 'allowed'
			});
		}
		const contact = await addContact(tx, {
			actor,
			membership: filer,
			childId,
			input,
			now,
			subjectName: `${input.givenName} ${input.familyName}`.trim(),
			sentToTeamId: t.id
		});
		return { childId, contactId: contact.id, byTeam: isTeamRole(filer.role) };
	});
}

/** A contact about a child the filer can see: the team, or a partner with a valid grant. */
export async function fileContact(
	db: Db,
	ctx: ChildContext,
	input: ContactInput,
	now = new Date()
) {
	const ms = ctx.access.membership;
	if (!(isTeamRole(ms.role) || ms.role === 'partner' || ms.role === 'residential_staff'))
		throw new ForbiddenError();
	checkDates(input, helsinkiDate(now));
	return db.transaction(async (tx) => {
		const [c] = await tx
			.select({ givenName: child.givenName, familyName: child.familyName })
			.from(child)
			.where(eq(child.id, ctx.childId));
		const contact = await addContact(tx, {
			actor: ctx.actor,
			membership: ms,
			childId: ctx.childId,
			input,
			now,
			subjectName: c ? `${c.givenName} ${c.familyName}` : null,
			sentToTeamId: null
		});
		return { contactId: contact.id, byTeam: ctx.access.kind === 'team' };
	});
}

/** One contact of the child, for the team's contact page. */
export async function getContact(db: DbOrTx, ctx: ChildContext, contactId: string) {
	if (ctx.access.kind !== 'team') throw new NotFoundError();
	return inTransaction(db, async (tx) => {
		const [row] = await tx
			.select({
				contact: caseContact,
				organisationName: organisation.name,
				phase: child.phase,
				responsibleWorkerId: child.responsibleWorkerId,
				// Whose case it is: a statutory decision is never recorded without seeing it.
				...childName,
				dateOfBirth: child.dateOfBirth,
				birthExpected: child.birthExpected
			})
			.from(caseContact)
			.innerJoin(organisation, eq(organisation.id, caseContact.filedByOrganisationId))
			.innerJoin(child, eq(child.id, caseContact.childId))
			.where(and(eq(caseContact.id, contactId), eq(caseContact.childId, ctx.childId)));
		if (!row) throw new NotFoundError();
		const [clock] = await tx
			.select()
			.from(statutoryClock)
			.where(and(eq(statutoryClock.contactId, contactId), eq(statutoryClock.kind, 'decision')));
		await logChild(tx, ctx, 'read', 'case_contact', contactId);
		return { ...row, clock: clock ?? null };
	});
}

/** The urgency assessment (§10: immediately on receipt): who, when, urgent or not. */
export async function assessUrgency(
	db: Db,
	ctx: ChildContext,
	contactId: string,
	input: { urgent: 'yes' | 'no'; version: number },
	now = new Date()
) {
	if (ctx.access.kind !== 'team') throw new ForbiddenError();
	await db.transaction(async (tx) => {
		await lockForEdit(
			tx,
			caseContact,
			and(eq(caseContact.id, contactId), eq(caseContact.childId, ctx.childId)),
			input.version
		);
		await tx
			.update(caseContact)
			.set({
				urgent: input.urgent === 'yes',
				urgencyAssessedBy: ctx.actor.userId,
				urgencyAssessedAt: now,
				updatedAt: now,
				version: nextVersion(caseContact)
			})
			.where(eq(caseContact.id, contactId));
		await logChild(tx, ctx, 'update', 'case_contact', contactId);
	});
}

export type DecisionInput = {
	decision: ContactDecision;
	decidedOn: string;
	reason: string;
	responsibleWorkerId: string;
	caseloadReason: string;
	version: number;
};

/**
 * The decision whether to start a needs assessment (27 §), by a qualified social worker:
 * meets the contact's 7-day clock on the decision's date (late if after it). Starting one
 * moves a child at `contact` (or closed) into `needs_assessment` with its 3-month clock and
 * a responsible worker, who must have room in their caseload; not starting one closes a
 * child at `contact`, with the reason.
 */
export async function decideContact(
	db: Db,
	ctx: ChildContext,
	contactId: string,
	input: DecisionInput,
	now = new Date()
): Promise<CaseloadNotice> {
	await assertChildPermission(db, ctx, 'decideContact', 'case_contact', contactId);
	const today = helsinkiDate(now);
	return db.transaction(async (tx) => {
		await lockChild(tx, ctx.childId);
		const contact = await lockForEdit(
			tx,
			caseContact,
			and(eq(caseContact.id, contactId), eq(caseContact.childId, ctx.childId)),
			input.version
		);
		if (contact.decision) throw new FieldError({ _form: m.error_already_decided() });
		const fields: Record<string, string> = {};
		if (input.decidedOn > today) fields.decidedOn = m.error_date_in_future();
		else if (input.decidedOn < contact.receivedOn) fields.decidedOn = m.error_before_receipt();
		if (input.decision === 'no_needs_assessment' && !input.reason.trim())
			fields.reason = m.error_required();
		if (input.decision === 'start_needs_assessment' && !input.responsibleWorkerId)
			fields.responsibleWorkerId = m.error_required();
		if (Object.keys(fields).length) throw new FieldError(fields);
		const [c] = await tx.select().from(child).where(eq(child.id, ctx.childId));
		if (!c) throw new NotFoundError();
		let notice: CaseloadNotice = null;
		const opens = c.phase === 'contact' || c.phase === 'closed';
		if (input.decision === 'start_needs_assessment') {
			const phase = opens ? ('needs_assessment' as const) : c.phase;
			await assertCanBeResponsible(tx, c.teamId, input.responsibleWorkerId, 'responsibleWorkerId');
			notice = await claimIfCounted(
				tx,
				ctx.actor,
				c,
				{ responsibleWorkerId: input.responsibleWorkerId, phase },
				c.id,
				input.caseloadReason
			);
			await tx
				.update(child)
				.set({
					responsibleWorkerId: input.responsibleWorkerId,
					...(opens ? { phase: 'needs_assessment' as const, phaseSince: input.decidedOn } : {})
				})
				.where(eq(child.id, c.id));
			if (opens) {
				await tx.insert(phaseChange).values({
					childId: c.id,
					fromPhase: c.phase,
					toPhase: 'needs_assessment',
					on: input.decidedOn,
					changedBy: ctx.actor.userId,
					changedAt: now
				});
				await tx.insert(statutoryClock).values({
					childId: c.id,
					kind: 'needs_assessment',
					contactId,
					startedOn: contact.receivedOn,
					dueOn: dueDate('needs_assessment', contact.receivedOn)
				});
			}
		} else if (c.phase === 'contact') {
			await tx
				.update(child)
				.set({ phase: 'closed', phaseSince: input.decidedOn })
				.where(eq(child.id, c.id));
			await tx.insert(phaseChange).values({
				childId: c.id,
				fromPhase: 'contact',
				toPhase: 'closed',
				on: input.decidedOn,
				reason: input.reason.trim(),
				changedBy: ctx.actor.userId,
				changedAt: now
			});
		}
		await tx
			.update(caseContact)
			.set({
				decision: input.decision,
				decisionReason: input.reason.trim() || null,
				decidedOn: input.decidedOn,
				decidedBy: ctx.actor.userId,
				updatedAt: now,
				version: nextVersion(caseContact)
			})
			.where(eq(caseContact.id, contactId));
		await meetOpenClock(tx, { contactId }, 'decision', {
			on: input.decidedOn,
			by: ctx.actor.userId,
			now
		});
		await logChild(tx, ctx, 'decide', 'case_contact', contactId);
		return notice;
	});
}
