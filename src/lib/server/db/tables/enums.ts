// The enumerated types every table may use; their values come from the domain's lists.
import { pgEnum } from 'drizzle-orm/pg-core';
import { GRANT_BASES } from '../../../domain/access';
import { COLOURS } from '../../../domain/traffic-light';
import { FLAG_TRIGGERS } from '../../../domain/flags';
import {
	CONSULTATION_STATES,
	INTENSIVE_KINDS,
	INTENSIVE_OUTCOMES,
	INTENSIVE_STATES,
	URGENCIES,
	WORKFLOW_KINDS
} from '../../../domain/workflows';
import { LOCALES, ORGANISATION_KINDS, ROLES } from '../../../domain/roles';
import {
	CHILD_PHASES,
	CONTACT_DECISIONS,
	CONTACT_KINDS,
	NOTIFIER_KINDS,
	PLACEMENT_KINDS
} from '../../../domain/path';
import { CLOCK_KINDS } from '../../../domain/clocks';
import { HYPOTHESIS_STATES, MEETING_STATES, STEP_OUTCOMES } from '../../../domain/meeting';

export const organisationKind = pgEnum('organisation_kind', ORGANISATION_KINDS);
export const role = pgEnum('role', ROLES);
export const locale = pgEnum('locale', LOCALES);
export const accessOutcome = pgEnum('access_outcome', ['allowed', 'denied']);
export const grantBasis = pgEnum('grant_basis', GRANT_BASES);
export const requestStatus = pgEnum('request_status', ['open', 'completed', 'cancelled']);
export const assessmentStatus = pgEnum('assessment_status', ['draft', 'submitted']);
export const trafficColour = pgEnum('traffic_colour', COLOURS);
export const flagTrigger = pgEnum('flag_trigger', FLAG_TRIGGERS);
export const flagStatus = pgEnum('flag_status', ['open', 'accepted', 'dismissed']);
export const workflowKind = pgEnum('workflow_kind', WORKFLOW_KINDS);
export const intensiveKind = pgEnum('intensive_kind', INTENSIVE_KINDS);
export const intensiveState = pgEnum('intensive_state', INTENSIVE_STATES);
export const intensiveOutcome = pgEnum('intensive_outcome', INTENSIVE_OUTCOMES);
export const consultationState = pgEnum('consultation_state', CONSULTATION_STATES);
export const urgency = pgEnum('urgency', URGENCIES);
export const emailStatus = pgEnum('email_status', ['pending', 'sent']);
export const childPhase = pgEnum('child_phase', CHILD_PHASES);
export const contactKind = pgEnum('contact_kind', CONTACT_KINDS);
export const notifierKind = pgEnum('notifier_kind', NOTIFIER_KINDS);
export const contactDecision = pgEnum('contact_decision', CONTACT_DECISIONS);
export const placementKind = pgEnum('placement_kind', PLACEMENT_KINDS);
export const clockKind = pgEnum('clock_kind', CLOCK_KINDS);
export const meetingState = pgEnum('meeting_state', MEETING_STATES);
export const hypothesisState = pgEnum('hypothesis_state', HYPOTHESIS_STATES);
export const stepOutcome = pgEnum('step_outcome', STEP_OUTCOMES);
