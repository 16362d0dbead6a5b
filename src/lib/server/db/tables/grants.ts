/**
 * Who else may see a child and why: grants, placements, assessment requests and the
 * information answers to 41 § requests (grants, path).
 */
import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { created, ts, id, ref } from './columns';
import { grantBasis, requestStatus } from './enums';
import { child } from './children';
import { organisation, user } from './identity';

/** Where a child lives in a residential unit; a placement also grants the unit access. */
export const placement = pgTable(
	'placement',
	{
		id: id(),
		childId: ref(() => child.id),
		unitOrganisationId: ref(() => organisation.id),
		since: date({ mode: 'string' }).notNull(),
		until: date({ mode: 'string' }),
		createdBy: ref(() => user.id),
		...created()
	},
	(t) => [
		index('placement_child_idx').on(t.childId),
		index('placement_unit_idx').on(t.unitOrganisationId, t.childId)
	]
);

/** The only way a partner organisation sees a child (docs/domain.md §3). */
export const accessGrant = pgTable(
	'access_grant',
	{
		id: id(),
		childId: ref(() => child.id),
		organisationId: ref(() => organisation.id),
		basis: grantBasis().notNull(),
		consentGivenBy: text(),
		consentGivenOn: date({ mode: 'string' }),
		validFrom: date({ mode: 'string' }).notNull(),
		validUntil: date({ mode: 'string' }),
		placementId: uuid().references(() => placement.id),
		workflowId: uuid(),
		grantedBy: ref(() => user.id),
		grantedAt: ts().notNull().defaultNow(),
		revokedAt: ts(),
		revokedBy: uuid().references(() => user.id),
		/** A 41 § information request: the day the answer is due, and what is asked. */
		dueOn: date({ mode: 'string' }),
		requestMessage: text()
	},
	(t) => [
		// §3: a 41 § request is always time-limited.
		check(
			'access_grant_request_ends',
			sql`${t.basis} <> 'statutory_request' or ${t.validUntil} is not null`
		),
		index('access_grant_org_child_idx').on(t.organisationId, t.childId),
		// Every child page and submission asks "who may see this child".
		index('access_grant_child_idx').on(t.childId, t.organisationId)
	]
);

export const assessmentRequest = pgTable(
	'assessment_request',
	{
		id: id(),
		childId: ref(() => child.id),
		organisationId: ref(() => organisation.id),
		message: text().notNull(),
		dueDate: date({ mode: 'string' }).notNull(),
		status: requestStatus().notNull().default('open'),
		requestedBy: ref(() => user.id),
		...created(),
		completedAt: ts(),
		/** The reminders sent, each once: two working days before the due date, and overdue. */
		dueSoonNotifiedAt: ts(),
		overdueNotifiedAt: ts()
	},
	(t) => [
		index('assessment_request_org_idx').on(t.organisationId, t.status),
		index('assessment_request_child_idx').on(t.childId, t.status),
		// The reports read the requests due in a period: with the columns they count by, so
		// the region's quarter is read from the index alone (issue 37).
		index('assessment_request_due_idx')
			.on(t.dueDate, t.childId, t.organisationId, t.status, t.completedAt)
			.where(sql`status <> 'cancelled'`),
		// ...and each team's of them, child by child (see assessment_child_submitted_idx).
		index('assessment_request_child_due_idx')
			.on(t.childId, t.dueDate)
			.where(sql`status <> 'cancelled'`)
	]
);

/**
 * A partner's answer to a 41 § information request (docs/domain.md §3): what it tells the
 * team, in its own words, kept as written (the app's role may only add; a later answer
 * adds to it). The request is answered from the first answer on.
 */
export const informationAnswer = pgTable(
	'information_answer',
	{
		id: id(),
		grantId: ref(() => accessGrant.id),
		childId: ref(() => child.id),
		organisationId: ref(() => organisation.id),
		body: text().notNull(),
		answeredBy: ref(() => user.id),
		...created()
	},
	(t) => [
		index('information_answer_grant_idx').on(t.grantId),
		index('information_answer_child_idx').on(t.childId, t.createdAt)
	]
);
