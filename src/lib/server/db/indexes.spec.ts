import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../testing/fixtures';

/* eslint-disable @typescript-eslint/no-explicit-any -- raw catalogue rows */
const rows = (r: any) => (Array.isArray(r) ? r : r.rows) as Record<string, unknown>[];

/**
 * Columns that only say who did something or what a row came from: written, shown, never
 * searched by. Every other foreign key is a path some query takes (a child's grants,
 * requests, flags, ...), and without an index that starts with it each lookup reads the
 * whole table (issue 13: 11-45 ms each at national scale).
 */
const NEVER_SEARCHED = new Set([
	'membership.approved_by',
	'membership.created_by',
	'access_grant.granted_by',
	'access_grant.revoked_by',
	'access_grant.placement_id',
	'information_answer.organisation_id',
	'information_answer.answered_by',
	'assessment_request.requested_by',
	'assessment.author_id',
	'assessment.request_id',
	'child_status.override_by',
	'flag.triaged_by',
	'intensive_workflow.created_by',
	'intensive_workflow.flag_id',
	'workflow_partner.grant_id',
	'plan_step.owner_organisation_id',
	'plan_step.done_by',
	'plan_step.created_by',
	'workflow_entry.author_id',
	'workflow_entry.author_organisation_id',
	'consultation.requested_by',
	'consultation.follow_up_owner_id',
	'email_outbox.notification_id',
	'placement.created_by',
	'case_contact.filed_by',
	// A receipt shows the worker to contact and the team it went to; neither is searched.
	'case_contact.contact_worker_id',
	// Who extended an emergency placement is shown with the clock, never searched.
	'statutory_clock.extended_by',
	'case_contact.sent_to_team_id',
	'case_contact.urgency_assessed_by',
	'case_contact.decided_by',
	// Confirmations are counted by worker and time in the reports, never looked up by child.
	'caseload_confirmation.child_id',
	'caseload_confirmation.confirmed_by',
	// The caseload counts the responsible worker only; the second worker is shown, not searched.
	'child.second_worker_id',
	// A family is reached through its children (child.family_id), never by team.
	'family.team_id',
	'phase_change.changed_by',
	'phase_change.placement_id',
	'statutory_clock.met_by',
	// Meetings (§7): who prepared, facilitated, took notes, closed, added or removed is shown,
	// never searched; hypotheses, steps and addenda are read by child or by meeting.
	'team_meeting.prepared_by',
	'team_meeting.facilitator_id',
	'team_meeting.note_taker_id',
	'team_meeting.closed_by',
	'agenda_item.added_by',
	'agenda_item.removed_by',
	'meeting_discussion.recorded_by',
	'meeting_discussion.reflection_by',
	'hypothesis.meeting_id',
	'hypothesis.state_meeting_id',
	'hypothesis.created_by',
	'meeting_step.hypothesis_id',
	'meeting_step.outcome_meeting_id',
	'meeting_step.outcome_by',
	'meeting_step.created_by',
	'meeting_addendum.child_id',
	'meeting_addendum.author_id',
	// Read a month at a time (its key leads with the month), never by the child.
	'child_month_colour.child_id'
]);

describe('indexes', () => {
	it('every foreign key that a query searches by leads some index', async () => {
		const d = await db();
		const fks = rows(
			await d.execute(sql`
				select c.conrelid::regclass::text as tbl, a.attname as col,
					exists (
						select 1 from pg_index i
						where i.indrelid = c.conrelid and i.indkey[0] = c.conkey[1] and i.indpred is null
					) as indexed
				from pg_constraint c
				join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
				where c.contype = 'f' and c.connamespace = 'public'::regnamespace
				order by 1, 2`)
		).map((r) => ({ key: `${String(r.tbl)}.${String(r.col)}`, indexed: r.indexed === true }));
		expect(fks.length).toBeGreaterThan(30);
		const missing = fks.filter((f) => !f.indexed && !NEVER_SEARCHED.has(f.key)).map((f) => f.key);
		expect(missing).toEqual([]);
		// The allow-list stays honest: each entry is a real foreign key that has no index.
		const unindexed = new Set(fks.filter((f) => !f.indexed).map((f) => f.key));
		expect([...NEVER_SEARCHED].filter((k) => !unindexed.has(k))).toEqual([]);
	});
});
