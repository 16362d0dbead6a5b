/**
 * The child's path: phases, contacts, statutory clocks, client plans and caseload
 * confirmations (path, ADR 027).
 */
import { sql } from 'drizzle-orm';
import {
	bigint,
	boolean,
	date,
	index,
	integer,
	pgTable,
	text,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { created, editable, ts, id, ref } from './columns';
import {
	locale,
	childPhase,
	contactKind,
	notifierKind,
	contactDecision,
	placementKind,
	clockKind
} from './enums';
import { child } from './children';
import { placement } from './grants';
import { organisation, team, user } from './identity';

/** Every change of a child's phase (§10): dated, by whom; closing has a reason. */
export const phaseChange = pgTable(
	'phase_change',
	{
		id: id(),
		/** Written under the child's lock: the order of the changes. */
		seq: bigint({ mode: 'number' }).generatedAlwaysAsIdentity(),
		childId: ref(() => child.id),
		fromPhase: childPhase(),
		toPhase: childPhase().notNull(),
		on: date({ mode: 'string' }).notNull(),
		reason: text(),
		placementKind: placementKind(),
		/** A residential unit in the system (its `placement` row grants it access) … */
		placementId: uuid().references(() => placement.id),
		/** … or another place, by name. */
		placementPlace: text(),
		changedBy: ref(() => user.id),
		changedAt: ts().notNull()
	},
	(t) => [
		index('phase_change_child_idx').on(t.childId, t.seq),
		// The reports leave out the months a child's case was closed: the closings only.
		index('phase_change_closed_idx')
			.on(t.childId, t.on)
			.where(sql`to_phase = 'closed'`)
	]
);

/**
 * A child-protection notification (25 §), an application or another contact (§10). The
 * notifier is a kind, never a private person's name. Urgency and the decision are recorded
 * on it with who and when.
 */
export const caseContact = pgTable(
	'case_contact',
	{
		id: id(),
		childId: ref(() => child.id),
		kind: contactKind().notNull(),
		receivedOn: date({ mode: 'string' }).notNull(),
		notifierKind: notifierKind().notNull(),
		summary: text().notNull(),
		filedBy: ref(() => user.id),
		filedByOrganisationId: ref(() => organisation.id),
		urgent: boolean(),
		urgencyAssessedBy: uuid().references(() => user.id),
		urgencyAssessedAt: ts(),
		decision: contactDecision(),
		decisionReason: text(),
		decidedOn: date({ mode: 'string' }),
		decidedBy: uuid().references(() => user.id),
		/**
		 * The receipt a notifier gets (§3): a reference number from a sequence (0017), the
		 * team's worker to contact, and the child's name as the notifier wrote it, so that
		 * the receipt shows nothing of the record the notification joined.
		 */
		reference: text()
			.notNull()
			.default(sql`('LS-' || lpad(nextval('case_contact_reference_seq')::text, 6, '0'))`),
		contactWorkerId: uuid().references(() => user.id),
		subjectName: text(),
		/**
		 * The team a notifier sent it to. A known child's record may be in another team; the
		 * receipt names the chosen team, so that it never tells whether the child was known.
		 */
		sentToTeamId: uuid().references(() => team.id),
		...editable()
	},
	(t) => [
		index('case_contact_child_idx').on(t.childId, t.receivedOn),
		// Notifications whose urgency nobody has assessed yet (§10): few at any time, read by
		// the dashboard and the agenda for a team on every view. Without it each view scanned
		// every contact of the region.
		index('case_contact_unassessed_idx')
			.on(t.childId, t.receivedOn)
			.where(sql`kind = 'notification' and urgent is null and decision is null`),
		uniqueIndex('case_contact_reference_idx').on(t.reference),
		// The notifier's list of what it has filed, newest first.
		index('case_contact_filer_idx').on(t.filedByOrganisationId, t.createdAt)
	]
);

/**
 * A statutory clock (§10), stored with its due date so that lists filter on it; its state
 * (running, due soon, overdue, met, met late) is derived on read (domain/clocks).
 */
export const statutoryClock = pgTable(
	'statutory_clock',
	{
		id: id(),
		childId: ref(() => child.id),
		kind: clockKind().notNull(),
		/** The contact whose receipt started it (decision, needs assessment). */
		contactId: uuid().references(() => caseContact.id),
		startedOn: date({ mode: 'string' }).notNull(),
		dueOn: date({ mode: 'string' }).notNull(),
		metOn: date({ mode: 'string' }),
		metBy: uuid().references(() => user.id),
		/** An emergency placement extended by a decision (38 § 2): when, and by whom. */
		extendedOn: date({ mode: 'string' }),
		extendedBy: uuid().references(() => user.id),
		...editable()
	},
	(t) => [
		index('statutory_clock_child_idx').on(t.childId, t.dueOn),
		index('statutory_clock_contact_idx').on(t.contactId),
		index('statutory_clock_open_idx')
			.on(t.dueOn, t.childId)
			.where(sql`met_on is null`)
	]
);

/**
 * The client plan (asiakassuunnitelma, 30 §) as a document: each version a row of its own,
 * never changed (the app's role may only add); a new version supersedes the one before it
 * and both are kept. Written in the family's language, printed from the app.
 */
export const clientPlan = pgTable(
	'client_plan',
	{
		id: id(),
		childId: ref(() => child.id),
		/** 1, 2, 3 …: the version, one per child, in order. */
		number: integer().notNull(),
		language: locale().notNull(),
		madeOn: date({ mode: 'string' }).notNull(),
		situation: text().notNull(),
		goals: text().notNull(),
		/** The services and support measures, each with who provides it, one per line. */
		services: text().notNull(),
		childView: text().notNull(),
		childHeardOn: date({ mode: 'string' }),
		parentsView: text().notNull(),
		parentsHeardOn: date({ mode: 'string' }),
		participation: text().notNull(),
		nextReviewOn: date({ mode: 'string' }).notNull(),
		madeBy: ref(() => user.id),
		...created()
	},
	(t) => [
		uniqueIndex('client_plan_child_number_uq').on(t.childId, t.number),
		index('client_plan_made_by_idx').on(t.madeBy)
	]
);

/**
 * A 31st child in a worker's caseload, confirmed by the consultant social worker with a
 * reason (13 b §); counted in the reports.
 */
export const caseloadConfirmation = pgTable(
	'caseload_confirmation',
	{
		id: id(),
		workerId: ref(() => user.id),
		childId: ref(() => child.id),
		caseloadBefore: integer().notNull(),
		reason: text().notNull(),
		confirmedBy: ref(() => user.id),
		...created()
	},
	(t) => [index('caseload_confirmation_worker_idx').on(t.workerId, t.createdAt)]
);
