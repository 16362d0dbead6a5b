/**
 * Intensive workflows, their partners, plan steps and entries (intensive).
 */
import { date, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts, id, ref } from './columns';
import { intensiveKind, intensiveState, intensiveOutcome } from './enums';
import { child } from './children';
import { flag } from './flags';
import { accessGrant } from './grants';
import { organisation, user } from './identity';

export const intensiveWorkflow = pgTable(
	'intensive_workflow',
	{
		id: id(),
		childId: ref(() => child.id),
		kind: intensiveKind().notNull(),
		state: intensiveState().notNull().default('proposed'),
		leadWorkerId: ref(() => user.id),
		flagId: uuid().references(() => flag.id),
		nextReviewOn: date({ mode: 'string' }),
		outcome: intensiveOutcome(),
		outcomeNote: text(),
		createdBy: ref(() => user.id),
		createdAt: ts().notNull(),
		activatedAt: ts(),
		closedAt: ts(),
		reviewOverdueNotifiedOn: date({ mode: 'string' }),
		version: integer().notNull().default(1)
	},
	(t) => [
		index('intensive_child_idx').on(t.childId),
		index('intensive_lead_idx').on(t.leadWorkerId, t.state)
	]
);

/** Organisations involved; each holds a `workflow` grant for the workflow's life. */
export const workflowPartner = pgTable(
	'workflow_partner',
	{
		id: id(),
		workflowId: ref(() => intensiveWorkflow.id),
		organisationId: ref(() => organisation.id),
		grantId: uuid()
			.notNull()
			.references(() => accessGrant.id)
	},
	(t) => [
		uniqueIndex('workflow_partner_uq').on(t.workflowId, t.organisationId),
		index('workflow_partner_org_idx').on(t.organisationId)
	]
);

/** Small concrete steps: what, who, by when, done. */
export const planStep = pgTable(
	'plan_step',
	{
		id: id(),
		workflowId: ref(() => intensiveWorkflow.id),
		what: text().notNull(),
		who: text().notNull(),
		/** A partner organisation that owns the step: its staff see and mark it done. */
		ownerOrganisationId: uuid().references(() => organisation.id),
		dueOn: date({ mode: 'string' }).notNull(),
		doneAt: ts(),
		doneBy: uuid().references(() => user.id),
		createdBy: ref(() => user.id),
		createdAt: ts().notNull(),
		version: integer().notNull().default(1)
	},
	(t) => [index('plan_step_workflow_idx').on(t.workflowId)]
);

/** Contacts with the family and partners, and the 14-day reviews, in one timeline. */
export const workflowEntry = pgTable(
	'workflow_entry',
	{
		id: id(),
		workflowId: ref(() => intensiveWorkflow.id),
		kind: text({ enum: ['contact', 'review'] }).notNull(),
		on: date({ mode: 'string' }).notNull(),
		note: text().notNull(),
		authorId: ref(() => user.id),
		/** The organisation the author wrote for: a partner reads only its own entries. */
		authorOrganisationId: uuid().references(() => organisation.id),
		createdAt: ts().notNull()
	},
	(t) => [index('workflow_entry_workflow_idx').on(t.workflowId)]
);
