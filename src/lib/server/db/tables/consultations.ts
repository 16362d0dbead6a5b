/**
 * Consultation requests (consultations).
 */
import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { ts, id, ref } from './columns';
import { consultationState, urgency } from './enums';
import { child } from './children';
import { organisation, user } from './identity';

export const consultation = pgTable(
	'consultation',
	{
		id: id(),
		childId: ref(() => child.id),
		state: consultationState().notNull().default('requested'),
		requestedBy: ref(() => user.id),
		requesterOrganisationId: ref(() => organisation.id),
		question: text().notNull(),
		urgency: urgency().notNull(),
		background: text().notNull().default(''),
		scheduledAt: ts(),
		place: text(),
		participantOrganisationIds: uuid()
			.array()
			.notNull()
			.default(sql`'{}'::uuid[]`),
		participantUserIds: uuid()
			.array()
			.notNull()
			.default(sql`'{}'::uuid[]`),
		hypotheses: jsonb().$type<string[]>().notNull().default([]),
		recommendations: text(),
		followUpOwnerId: uuid().references(() => user.id),
		followUpOn: date({ mode: 'string' }),
		declineReason: text(),
		createdAt: ts().notNull(),
		updatedAt: ts().notNull(),
		version: integer().notNull().default(1)
	},
	(t) => [
		index('consultation_child_idx').on(t.childId),
		index('consultation_requester_idx').on(t.requesterOrganisationId)
	]
);
