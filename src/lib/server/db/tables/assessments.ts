/**
 * Partner assessments (assessments).
 */
import { sql } from 'drizzle-orm';
import {
	boolean,
	index,
	integer,
	jsonb,
	pgTable,
	text,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { created, ts, id, ref } from './columns';
import { assessmentStatus } from './enums';
import { child } from './children';
import { assessmentRequest } from './grants';
import { organisation, user } from './identity';

/**
 * One assessment version. Submitted rows are never edited: a correction is a new row whose
 * `supersedesId` points at the old one. Ratings: { itemId: { rating: 0–3 | null, evidence } }.
 */
export const assessment = pgTable(
	'assessment',
	{
		id: id(),
		childId: ref(() => child.id),
		organisationId: ref(() => organisation.id),
		authorId: ref(() => user.id),
		requestId: uuid().references(() => assessmentRequest.id),
		supersedesId: uuid(),
		instrumentVersion: text().notNull(),
		status: assessmentStatus().notNull().default('draft'),
		ratings: jsonb().$type<AssessmentRatings>().notNull(),
		childView: text().notNull().default(''),
		guardiansView: text().notNull().default(''),
		strengths: text().notNull().default(''),
		familyInformed: boolean(),
		...created(),
		updatedAt: ts().notNull().defaultNow(),
		submittedAt: ts(),
		version: integer().notNull().default(1)
	},
	(t) => [
		index('assessment_child_idx').on(t.childId, t.organisationId, t.status),
		index('assessment_org_idx').on(t.organisationId, t.status),
		// The reports count a period's submitted assessments from the index alone.
		index('assessment_submitted_idx')
			.on(t.submittedAt, t.childId, t.organisationId)
			.where(sql`status = 'submitted'`),
		// A team's submitted assessments of a period, child by child: the reports read each
		// team's figures with one lateral statement over the teams (ADR 033), and without
		// it every team scanned the whole region's period (a region's quarter: 427 → 150 ms).
		index('assessment_child_submitted_idx')
			.on(t.childId, t.submittedAt)
			.where(sql`status = 'submitted'`),
		// A submitted assessment is superseded at most once: corrections form a chain.
		uniqueIndex('assessment_supersedes_uq').on(t.supersedesId)
	]
);

export type AssessmentRatings = Record<string, { rating: 0 | 1 | 2 | 3 | null; evidence: string }>;
