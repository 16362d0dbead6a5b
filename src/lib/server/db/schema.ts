import { sql } from 'drizzle-orm';
import {
	bigint,
	boolean,
	check,
	date,
	foreignKey,
	index,
	integer,
	jsonb,
	pgEnum,
	pgTable,
	primaryKey,
	smallint,
	text,
	timestamp,
	unique,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { GRANT_BASES } from '../../domain/access';
import { COLOURS } from '../../domain/traffic-light';
import { FLAG_TRIGGERS } from '../../domain/flags';
import {
	CONSULTATION_STATES,
	INTENSIVE_KINDS,
	INTENSIVE_OUTCOMES,
	INTENSIVE_STATES,
	URGENCIES,
	WORKFLOW_KINDS
} from '../../domain/workflows';
import { LOCALES, ORGANISATION_KINDS, ROLES } from '../../domain/roles';
import {
	CHILD_PHASES,
	CONTACT_DECISIONS,
	CONTACT_KINDS,
	NOTIFIER_KINDS,
	PLACEMENT_KINDS
} from '../../domain/path';
import { CLOCK_KINDS } from '../../domain/clocks';
import { HYPOTHESIS_STATES, MEETING_STATES, STEP_OUTCOMES } from '../../domain/meeting';

const ts = (name?: string) =>
	name ? timestamp(name, { withTimezone: true }) : timestamp({ withTimezone: true });

/** When a row was made, for rows that are written once. */
const created = () => ({ createdAt: ts().notNull().defaultNow() });

/**
 * The columns of a row that people edit through forms: when it was made and last changed,
 * and the version an optimistic lock checks (db/lock.ts). A function, so that every table
 * gets its own column builders.
 */
const editable = () => ({
	...created(),
	updatedAt: ts().notNull().defaultNow(),
	version: integer().notNull().default(1)
});

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

export const organisation = pgTable('organisation', {
	id: uuid().primaryKey().defaultRandom(),
	name: text().notNull().unique(),
	kind: organisationKind().notNull(),
	municipality: text(),
	/** The region's emergency social services (sosiaalipäivystys), for "danger now" (§6). */
	emergencyPhone: text(),
	/** Days from the client phase's start to the first client plan (30 §: "without delay"). */
	firstClientPlanDays: integer().notNull().default(30),
	...editable()
});

export const team = pgTable(
	'team',
	{
		id: uuid().primaryKey().defaultRandom(),
		organisationId: uuid()
			.notNull()
			.references(() => organisation.id),
		name: text().notNull(),
		/** §7: every child is discussed at least this often (days); the team's own setting. */
		rotationDays: integer().notNull().default(28),
		/** §7: the weekly meeting's length (minutes), shared over its agenda. */
		meetingMinutes: integer().notNull().default(120),
		...editable()
	},
	(t) => [
		uniqueIndex('team_org_name_uq').on(t.organisationId, t.name),
		check('team_meeting_minutes_range', sql`${t.meetingMinutes} BETWEEN 15 AND 480`)
	]
);

export const user = pgTable(
	'user',
	{
		id: uuid().primaryKey().defaultRandom(),
		// Stored lower-cased; the unique index makes e-mail the login name.
		email: text().notNull(),
		displayName: text().notNull(),
		// Null until the person sets a password through a one-time link.
		passwordHash: text(),
		active: boolean().notNull().default(true),
		preferredLocale: locale().notNull().default('fi'),
		...editable()
	},
	(t) => [uniqueIndex('user_email_uq').on(t.email)]
);

export const membership = pgTable(
	'membership',
	{
		id: uuid().primaryKey().defaultRandom(),
		userId: uuid()
			.notNull()
			.references(() => user.id),
		organisationId: uuid()
			.notNull()
			.references(() => organisation.id),
		teamId: uuid().references(() => team.id),
		role: role().notNull(),
		...created(),
		/**
		 * A membership gives access only once approved. Team roles given by an admin wait for
		 * a consultant social worker of that team (four eyes, ADR 012); others are approved
		 * when made. Null: pending, no access of any kind.
		 */
		approvedAt: ts(),
		approvedBy: uuid().references(() => user.id),
		createdBy: uuid().references(() => user.id)
	},
	(t) => [
		// One role per user per organisation (docs/domain.md §2).
		uniqueIndex('membership_user_org_uq').on(t.userId, t.organisationId),
		index('membership_team_idx').on(t.teamId),
		index('membership_org_idx').on(t.organisationId)
	]
);

export const session = pgTable(
	'session',
	{
		// SHA-256 (hex) of the token; the token itself is never stored.
		id: text().primaryKey(),
		userId: uuid()
			.notNull()
			.references(() => user.id),
		createdAt: ts().notNull(),
		// Idle expiry, pushed forward as the user works (at most once a minute).
		expiresAt: ts().notNull(),
		// Hard limit: never extended.
		absoluteExpiresAt: ts().notNull(),
		/** When the second factor was passed; null: password only, the session opens nothing. */
		secondFactorAt: ts(),
		/** The last confirmation with a fresh code, for sensitive actions (ASVS 3.7.1). */
		reauthAt: ts(),
		/** The browser's own description, to tell the person's sessions apart. */
		userAgent: text(),
		lastSeenAt: ts()
	},
	(t) => [index('session_user_idx').on(t.userId)]
);

/**
 * The person's authenticator (TOTP, RFC 6238). The secret is encrypted with ENCRYPTION_KEY
 * (AES-256-GCM), so a database dump alone does not give it away. `lastUsedStep` makes every
 * code single-use: a code is accepted only for a time step after the last one used.
 */
export const userFactor = pgTable('user_factor', {
	userId: uuid()
		.primaryKey()
		.references(() => user.id),
	secretEnc: text().notNull(),
	confirmedAt: ts(),
	lastUsedStep: bigint({ mode: 'number' }),
	...created()
});

/**
 * A known text sealed with ENCRYPTION_KEY, one row: every instance opens it at start and
 * refuses to start with a key that cannot (auth/key-check.ts), so a wrong key on one
 * instance is found at once, not as a failed sign-in on every second request.
 */
export const keyCheck = pgTable(
	'key_check',
	{
		id: integer().primaryKey().default(1),
		sealed: text().notNull(),
		...created()
	},
	(t) => [check('key_check_one_row', sql`${t.id} = 1`)]
);

/** Ten single-use recovery codes, hashed (they are long random strings, like tokens). */
export const recoveryCode = pgTable(
	'recovery_code',
	{
		id: uuid().primaryKey().defaultRandom(),
		userId: uuid()
			.notNull()
			.references(() => user.id),
		codeHash: text().notNull(),
		usedAt: ts(),
		...created()
	},
	(t) => [uniqueIndex('recovery_code_user_hash_uq').on(t.userId, t.codeHash)]
);

export const passwordToken = pgTable(
	'password_token',
	{
		// SHA-256 (hex) of the one-time token.
		id: text().primaryKey(),
		userId: uuid()
			.notNull()
			.references(() => user.id),
		...created(),
		expiresAt: ts().notNull(),
		usedAt: ts()
	},
	(t) => [index('password_token_user_idx').on(t.userId)]
);

export const loginThrottle = pgTable('login_throttle', {
	// 'account:<sha256 of e-mail>' or 'client:<address>': no e-mail in clear text.
	key: text().primaryKey(),
	failures: integer().notNull().default(0),
	lastFailureAt: ts().notNull(),
	lockedUntil: ts(),
	/** The last attempt the key let through: how one statement tells a caller yes or no. */
	attemptId: uuid()
});

/**
 * Append-only audit trail (docs/domain.md §9). Triggers in the migrations refuse UPDATE,
 * DELETE and TRUNCATE. No foreign keys: the log must outlive anything it mentions.
 */
export const accessLog = pgTable(
	'access_log',
	{
		/** Time-ordered (an identity), so new rows go to the end of every index. */
		id: bigint({ mode: 'number' }).generatedAlwaysAsIdentity(),
		at: ts().notNull().defaultNow(),
		actorUserId: uuid(),
		actorOrganisationId: uuid(),
		actorRole: role(),
		action: text().notNull(),
		entityType: text().notNull(),
		entityId: text(),
		childId: uuid(),
		/**
		 * A list view is one row, not one per child (ADR 026): the children shown, and the
		 * entities shown in the same order (`entityIds[i]` is of `childIds[i]`). Several
		 * entities of one child (its page) keep `childId` and list `entityIds`.
		 */
		childIds: uuid().array(),
		entityIds: text().array(),
		basis: text(),
		outcome: accessOutcome().notNull(),
		requestId: text()
	},
	// Partitioned by month of `at` in the migration (drizzle cannot say so): see 0012.
	(t) => [
		primaryKey({ columns: [t.at, t.id] }),
		index('access_log_child_at_idx').on(t.childId, t.at),
		index('access_log_child_ids_idx').using('gin', t.childIds),
		index('access_log_actor_at_idx').on(t.actorUserId, t.at),
		check('access_log_action_nonempty', sql`length(${t.action}) > 0`)
	]
);

/** Siblings linked as one family (docs/domain.md §11), always within one team. */
export const family = pgTable('family', {
	id: uuid().primaryKey().defaultRandom(),
	teamId: uuid()
		.notNull()
		.references(() => team.id),
	...created()
});

/** A child known to a team (docs/domain.md §3). Names and identity code never go into URLs. */
export const child = pgTable(
	'child',
	{
		id: uuid().primaryKey().defaultRandom(),
		teamId: uuid()
			.notNull()
			.references(() => team.id),
		responsibleWorkerId: uuid().references(() => user.id),
		/** A second worker of any team role (the seeds' "child's worker and parent's worker"). */
		secondWorkerId: uuid().references(() => user.id),
		/** Siblings share a family, so the team sees and discusses them together (§11). */
		familyId: uuid().references(() => family.id),
		/** Where the child is in child protection (§10); every change is a `phase_change`. */
		phase: childPhase().notNull().default('contact'),
		phaseSince: date({ mode: 'string' })
			.notNull()
			.default(sql`current_date`),
		givenName: text().notNull(),
		familyName: text().notNull(),
		dateOfBirth: date({ mode: 'string' }).notNull(),
		/**
		 * The child is not yet born (25 c §, a notification before birth): `dateOfBirth` holds
		 * the expected date until the team records the birth.
		 */
		birthExpected: boolean().notNull().default(false),
		personalIdentityCode: text(),
		homeMunicipality: text().notNull(),
		...editable()
	},
	(t) => [
		uniqueIndex('child_hetu_uq').on(t.personalIdentityCode),
		index('child_team_idx').on(t.teamId, t.familyName),
		index('child_worker_idx').on(t.responsibleWorkerId, t.phase),
		index('child_family_idx').on(t.familyId),
		// The target of child_status's (child, team) key, which keeps its team copy true.
		unique('child_id_team_uq').on(t.id, t.teamId)
	]
);

/** Where a child lives in a residential unit; a placement also grants the unit access. */
export const placement = pgTable(
	'placement',
	{
		id: uuid().primaryKey().defaultRandom(),
		childId: uuid()
			.notNull()
			.references(() => child.id),
		unitOrganisationId: uuid()
			.notNull()
			.references(() => organisation.id),
		since: date({ mode: 'string' }).notNull(),
		until: date({ mode: 'string' }),
		createdBy: uuid()
			.notNull()
			.references(() => user.id),
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
		id: uuid().primaryKey().defaultRandom(),
		childId: uuid()
			.notNull()
			.references(() => child.id),
		organisationId: uuid()
			.notNull()
			.references(() => organisation.id),
		basis: grantBasis().notNull(),
		consentGivenBy: text(),
		consentGivenOn: date({ mode: 'string' }),
		validFrom: date({ mode: 'string' }).notNull(),
		validUntil: date({ mode: 'string' }),
		placementId: uuid().references(() => placement.id),
		workflowId: uuid(),
		grantedBy: uuid()
			.notNull()
			.references(() => user.id),
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
		id: uuid().primaryKey().defaultRandom(),
		childId: uuid()
			.notNull()
			.references(() => child.id),
		organisationId: uuid()
			.notNull()
			.references(() => organisation.id),
		message: text().notNull(),
		dueDate: date({ mode: 'string' }).notNull(),
		status: requestStatus().notNull().default('open'),
		requestedBy: uuid()
			.notNull()
			.references(() => user.id),
		...created(),
		completedAt: ts(),
		/** The reminders sent, each once: two working days before the due date, and overdue. */
		dueSoonNotifiedAt: ts(),
		overdueNotifiedAt: ts()
	},
	(t) => [
		index('assessment_request_org_idx').on(t.organisationId, t.status),
		index('assessment_request_child_idx').on(t.childId, t.status),
		// The reports read the requests due in a period.
		index('assessment_request_due_idx')
			.on(t.dueDate)
			.where(sql`status <> 'cancelled'`)
	]
);

/**
 * One assessment version. Submitted rows are never edited: a correction is a new row whose
 * `supersedesId` points at the old one. Ratings: { itemId: { rating: 0–3 | null, evidence } }.
 */
export const assessment = pgTable(
	'assessment',
	{
		id: uuid().primaryKey().defaultRandom(),
		childId: uuid()
			.notNull()
			.references(() => child.id),
		organisationId: uuid()
			.notNull()
			.references(() => organisation.id),
		authorId: uuid()
			.notNull()
			.references(() => user.id),
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
		// A submitted assessment is superseded at most once: corrections form a chain.
		uniqueIndex('assessment_supersedes_uq').on(t.supersedesId)
	]
);

export type AssessmentRatings = Record<string, { rating: 0 | 1 | 2 | 3 | null; evidence: string }>;

/**
 * The child's current traffic light (docs/domain.md §5), kept in step with the assessments in the
 * same transaction. Only the clock-independent part is stored; staleness is derived on read.
 * A team override sits beside the computed colour, never in its place.
 */
export const childStatus = pgTable(
	'child_status',
	{
		childId: uuid()
			.primaryKey()
			.references(() => child.id),
		/**
		 * The child's team, copied so that a team's dashboard walks one index in its order
		 * (ADR 026); the (child, team) key below cascades a change of team.
		 */
		teamId: uuid().notNull(),
		colour: trafficColour().notNull(),
		domainColours: jsonb().notNull(),
		reasons: jsonb().notNull(),
		signals: jsonb().notNull(),
		rulesVersion: text().notNull(),
		newestAt: ts('newest_at'),
		computedAt: ts().notNull(),
		changedAt: ts().notNull(),
		overrideColour: trafficColour(),
		overrideReason: text(),
		overrideReviewOn: date({ mode: 'string' }),
		overrideBy: uuid().references(() => user.id),
		overrideAt: ts(),
		/** Combined P1 (substance use) rating, so a flag is raised when it first reaches 2. */
		substanceRating: integer(),
		/** The colour the team works with (its override, else the computed one) as a rank. */
		severity: smallint()
			.notNull()
			.generatedAlwaysAs(
				sql`case coalesce(override_colour, colour) when 'red' then 3 when 'yellow' then 2 when 'green' then 1 else 0 end`
			)
	},
	(t) => [
		index('child_status_colour_idx').on(t.colour, t.changedAt),
		foreignKey({
			columns: [t.childId, t.teamId],
			foreignColumns: [child.id, child.teamId]
		}).onUpdate('cascade'),
		index('child_status_team_order_idx').on(
			t.teamId,
			// Nulls first, as `order by … desc` sorts: else the planner cannot walk the index.
			t.severity.desc().nullsFirst(),
			t.changedAt.desc().nullsFirst(),
			t.childId
		)
	]
);

/** Every change of colour, so the team can follow the child's path over time. */
export const childStatusHistory = pgTable(
	'child_status_history',
	{
		id: uuid().primaryKey().defaultRandom(),
		/**
		 * Written under the child's lock, so it is the order in which the changes happened;
		 * `at` is the request's time and two concurrent requests may commit in either order.
		 */
		seq: bigint({ mode: 'number' }).generatedAlwaysAsIdentity(),
		childId: uuid()
			.notNull()
			.references(() => child.id),
		fromColour: trafficColour(),
		toColour: trafficColour().notNull(),
		reasons: jsonb().notNull(),
		trigger: text().notNull(),
		at: ts().notNull()
	},
	// With `seq` and the colour: a child's colour at a moment is one index-only step back,
	// for every child of a region at once in the reports.
	(t) => [index('child_status_history_child_idx').on(t.childId, t.at, t.seq, t.toColour)]
);

/** A prompt to act (docs/domain.md §6), raised with the status change that caused it. */
export const flag = pgTable(
	'flag',
	{
		id: uuid().primaryKey().defaultRandom(),
		childId: uuid()
			.notNull()
			.references(() => child.id),
		trigger: flagTrigger().notNull(),
		suggestedWorkflow: workflowKind().notNull(),
		status: flagStatus().notNull().default('open'),
		raisedAt: ts().notNull(),
		/** The last working day for triage, in Finnish dates. */
		dueOn: date({ mode: 'string' }).notNull(),
		decidedWorkflow: workflowKind(),
		dismissReason: text(),
		triagedBy: uuid().references(() => user.id),
		triagedAt: ts(),
		intensiveId: uuid(),
		consultationId: uuid(),
		overdueNotifiedAt: ts(),
		version: integer().notNull().default(1)
	},
	(t) => [
		// No duplicate open flag for the same child and trigger.
		uniqueIndex('flag_open_uq')
			.on(t.childId, t.trigger)
			.where(sql`${t.status} = 'open'`),
		index('flag_status_due_idx').on(t.status, t.dueOn),
		// A child's flags of every state (the partial index above holds only open ones).
		index('flag_child_idx').on(t.childId, t.raisedAt)
	]
);

export const intensiveWorkflow = pgTable(
	'intensive_workflow',
	{
		id: uuid().primaryKey().defaultRandom(),
		childId: uuid()
			.notNull()
			.references(() => child.id),
		kind: intensiveKind().notNull(),
		state: intensiveState().notNull().default('proposed'),
		leadWorkerId: uuid()
			.notNull()
			.references(() => user.id),
		flagId: uuid().references(() => flag.id),
		nextReviewOn: date({ mode: 'string' }),
		outcome: intensiveOutcome(),
		outcomeNote: text(),
		createdBy: uuid()
			.notNull()
			.references(() => user.id),
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
		id: uuid().primaryKey().defaultRandom(),
		workflowId: uuid()
			.notNull()
			.references(() => intensiveWorkflow.id),
		organisationId: uuid()
			.notNull()
			.references(() => organisation.id),
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
		id: uuid().primaryKey().defaultRandom(),
		workflowId: uuid()
			.notNull()
			.references(() => intensiveWorkflow.id),
		what: text().notNull(),
		who: text().notNull(),
		/** A partner organisation that owns the step: its staff see and mark it done. */
		ownerOrganisationId: uuid().references(() => organisation.id),
		dueOn: date({ mode: 'string' }).notNull(),
		doneAt: ts(),
		doneBy: uuid().references(() => user.id),
		createdBy: uuid()
			.notNull()
			.references(() => user.id),
		createdAt: ts().notNull(),
		version: integer().notNull().default(1)
	},
	(t) => [index('plan_step_workflow_idx').on(t.workflowId)]
);

/** Contacts with the family and partners, and the 14-day reviews, in one timeline. */
export const workflowEntry = pgTable(
	'workflow_entry',
	{
		id: uuid().primaryKey().defaultRandom(),
		workflowId: uuid()
			.notNull()
			.references(() => intensiveWorkflow.id),
		kind: text({ enum: ['contact', 'review'] }).notNull(),
		on: date({ mode: 'string' }).notNull(),
		note: text().notNull(),
		authorId: uuid()
			.notNull()
			.references(() => user.id),
		/** The organisation the author wrote for: a partner reads only its own entries. */
		authorOrganisationId: uuid().references(() => organisation.id),
		createdAt: ts().notNull()
	},
	(t) => [index('workflow_entry_workflow_idx').on(t.workflowId)]
);

export const consultation = pgTable(
	'consultation',
	{
		id: uuid().primaryKey().defaultRandom(),
		childId: uuid()
			.notNull()
			.references(() => child.id),
		state: consultationState().notNull().default('requested'),
		requestedBy: uuid()
			.notNull()
			.references(() => user.id),
		requesterOrganisationId: uuid()
			.notNull()
			.references(() => organisation.id),
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

/** In-app notifications. The text is made from `kind` in the reader's language. */
export const notification = pgTable(
	'notification',
	{
		id: uuid().primaryKey().defaultRandom(),
		userId: uuid()
			.notNull()
			.references(() => user.id),
		kind: text().notNull(),
		/** A path inside the app; never personal data (ids only). */
		link: text().notNull(),
		/** The child it is about: named in the app to a reader who may see the child, never in mail. */
		childId: uuid().references(() => child.id),
		createdAt: ts().notNull(),
		readAt: ts()
	},
	(t) => [
		index('notification_user_idx').on(t.userId, t.readAt),
		index('notification_child_idx').on(t.childId)
	]
);

/**
 * E-mail waiting to be sent, written in the same transaction as its notification, so that
 * nothing is lost while the mail server is down. The worker retries with back-off.
 */
export const emailOutbox = pgTable(
	'email_outbox',
	{
		id: uuid().primaryKey().defaultRandom(),
		notificationId: uuid()
			.notNull()
			.references(() => notification.id),
		to: text().notNull(),
		subject: text().notNull(),
		body: text().notNull(),
		status: emailStatus().notNull().default('pending'),
		attempts: integer().notNull().default(0),
		nextAttemptAt: ts().notNull(),
		lastError: text(),
		sentAt: ts(),
		createdAt: ts().notNull(),
		/** The body holds a secret (a set-password link): emptied once the mail is sent. */
		sensitive: boolean().notNull().default(false)
	},
	(t) => [index('email_outbox_pending_idx').on(t.status, t.nextAttemptAt)]
);

/** Every change of a child's phase (§10): dated, by whom; closing has a reason. */
export const phaseChange = pgTable(
	'phase_change',
	{
		id: uuid().primaryKey().defaultRandom(),
		/** Written under the child's lock: the order of the changes. */
		seq: bigint({ mode: 'number' }).generatedAlwaysAsIdentity(),
		childId: uuid()
			.notNull()
			.references(() => child.id),
		fromPhase: childPhase(),
		toPhase: childPhase().notNull(),
		on: date({ mode: 'string' }).notNull(),
		reason: text(),
		placementKind: placementKind(),
		/** A residential unit in the system (its `placement` row grants it access) … */
		placementId: uuid().references(() => placement.id),
		/** … or another place, by name. */
		placementPlace: text(),
		changedBy: uuid()
			.notNull()
			.references(() => user.id),
		changedAt: ts().notNull()
	},
	(t) => [index('phase_change_child_idx').on(t.childId, t.seq)]
);

/**
 * A child-protection notification (25 §), an application or another contact (§10). The
 * notifier is a kind, never a private person's name. Urgency and the decision are recorded
 * on it with who and when.
 */
export const caseContact = pgTable(
	'case_contact',
	{
		id: uuid().primaryKey().defaultRandom(),
		childId: uuid()
			.notNull()
			.references(() => child.id),
		kind: contactKind().notNull(),
		receivedOn: date({ mode: 'string' }).notNull(),
		notifierKind: notifierKind().notNull(),
		summary: text().notNull(),
		filedBy: uuid()
			.notNull()
			.references(() => user.id),
		filedByOrganisationId: uuid()
			.notNull()
			.references(() => organisation.id),
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
		id: uuid().primaryKey().defaultRandom(),
		childId: uuid()
			.notNull()
			.references(() => child.id),
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
 * A partner's answer to a 41 § information request (docs/domain.md §3): what it tells the
 * team, in its own words, kept as written (the app's role may only add; a later answer
 * adds to it). The request is answered from the first answer on.
 */
export const informationAnswer = pgTable(
	'information_answer',
	{
		id: uuid().primaryKey().defaultRandom(),
		grantId: uuid()
			.notNull()
			.references(() => accessGrant.id),
		childId: uuid()
			.notNull()
			.references(() => child.id),
		organisationId: uuid()
			.notNull()
			.references(() => organisation.id),
		body: text().notNull(),
		answeredBy: uuid()
			.notNull()
			.references(() => user.id),
		...created()
	},
	(t) => [
		index('information_answer_grant_idx').on(t.grantId),
		index('information_answer_child_idx').on(t.childId, t.createdAt)
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
		id: uuid().primaryKey().defaultRandom(),
		childId: uuid()
			.notNull()
			.references(() => child.id),
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
		madeBy: uuid()
			.notNull()
			.references(() => user.id),
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
		id: uuid().primaryKey().defaultRandom(),
		workerId: uuid()
			.notNull()
			.references(() => user.id),
		childId: uuid()
			.notNull()
			.references(() => child.id),
		caseloadBefore: integer().notNull(),
		reason: text().notNull(),
		confirmedBy: uuid()
			.notNull()
			.references(() => user.id),
		...created()
	},
	(t) => [index('caseload_confirmation_worker_idx').on(t.workerId, t.createdAt)]
);

/**
 * The weekly systemic team meeting (§7): `planned → open → closed`. Closed, it is read-only
 * (a trigger refuses changes); a correction is an addendum.
 */
export const teamMeeting = pgTable(
	'team_meeting',
	{
		id: uuid().primaryKey().defaultRandom(),
		teamId: uuid()
			.notNull()
			.references(() => team.id),
		startsAt: ts().notNull(),
		state: meetingState().notNull().default('planned'),
		facilitatorId: uuid().references(() => user.id),
		noteTakerId: uuid().references(() => user.id),
		presentUserIds: uuid()
			.array()
			.notNull()
			.default(sql`'{}'::uuid[]`),
		preparedBy: uuid()
			.notNull()
			.references(() => user.id),
		openedAt: ts(),
		closedAt: ts(),
		closedBy: uuid().references(() => user.id),
		...editable()
	},
	(t) => [index('team_meeting_team_idx').on(t.teamId, t.startsAt)]
);

/** A child on a meeting's agenda, why (`reasons`, domain/meeting) and where; removed with a reason. */
export const agendaItem = pgTable(
	'agenda_item',
	{
		id: uuid().primaryKey().defaultRandom(),
		meetingId: uuid()
			.notNull()
			.references(() => teamMeeting.id),
		childId: uuid()
			.notNull()
			.references(() => child.id),
		position: integer().notNull(),
		reasons: jsonb().notNull(),
		addedBy: uuid().references(() => user.id),
		removedReason: text(),
		removedBy: uuid().references(() => user.id),
		removedAt: ts(),
		...editable()
	},
	(t) => [
		uniqueIndex('agenda_item_meeting_child_uq').on(t.meetingId, t.childId),
		index('agenda_item_child_idx').on(t.childId)
	]
);

/** What the meeting recorded about one child: who of the family was there, who tells them. */
export const meetingDiscussion = pgTable(
	'meeting_discussion',
	{
		id: uuid().primaryKey().defaultRandom(),
		meetingId: uuid()
			.notNull()
			.references(() => teamMeeting.id),
		childId: uuid()
			.notNull()
			.references(() => child.id),
		familyPresent: boolean().notNull().default(false),
		familyWho: text().notNull().default(''),
		/** The family therapist's reflection, written by the family therapist only. */
		reflection: text().notNull().default(''),
		reflectionBy: uuid().references(() => user.id),
		tellsFamily: text().notNull().default(''),
		recordedBy: uuid()
			.notNull()
			.references(() => user.id),
		...editable()
	},
	(t) => [
		uniqueIndex('meeting_discussion_uq').on(t.meetingId, t.childId),
		index('meeting_discussion_child_idx').on(t.childId, t.createdAt)
	]
);

/** A hypothesis lives on with the child across meetings: open, supported or set aside. */
export const hypothesis = pgTable(
	'hypothesis',
	{
		id: uuid().primaryKey().defaultRandom(),
		childId: uuid()
			.notNull()
			.references(() => child.id),
		meetingId: uuid()
			.notNull()
			.references(() => teamMeeting.id),
		statement: text().notNull(),
		state: hypothesisState().notNull().default('open'),
		stateNote: text(),
		stateMeetingId: uuid().references(() => teamMeeting.id),
		createdBy: uuid()
			.notNull()
			.references(() => user.id),
		...editable()
	},
	(t) => [index('hypothesis_child_idx').on(t.childId, t.createdAt)]
);

/** A next small step: what, who, by when; marked done or not done in a later meeting. */
export const meetingStep = pgTable(
	'meeting_step',
	{
		id: uuid().primaryKey().defaultRandom(),
		childId: uuid()
			.notNull()
			.references(() => child.id),
		meetingId: uuid()
			.notNull()
			.references(() => teamMeeting.id),
		hypothesisId: uuid().references(() => hypothesis.id),
		what: text().notNull(),
		ownerId: uuid()
			.notNull()
			.references(() => user.id),
		dueOn: date({ mode: 'string' }).notNull(),
		outcome: stepOutcome(),
		outcomeNote: text(),
		outcomeMeetingId: uuid().references(() => teamMeeting.id),
		outcomeBy: uuid().references(() => user.id),
		outcomeAt: ts(),
		createdBy: uuid()
			.notNull()
			.references(() => user.id),
		...editable()
	},
	(t) => [
		index('meeting_step_child_idx').on(t.childId, t.dueOn),
		// A worker's own steps, due first (the open ones: `outcome is null` on top of it).
		index('meeting_step_owner_idx').on(t.ownerId, t.dueOn),
		// The measures count a meeting's steps.
		index('meeting_step_meeting_idx').on(t.meetingId)
	]
);

/** A correction to a closed meeting, written after it: appended, never edited. */
export const meetingAddendum = pgTable(
	'meeting_addendum',
	{
		id: uuid().primaryKey().defaultRandom(),
		meetingId: uuid()
			.notNull()
			.references(() => teamMeeting.id),
		childId: uuid().references(() => child.id),
		text: text().notNull(),
		authorId: uuid()
			.notNull()
			.references(() => user.id),
		...created()
	},
	(t) => [index('meeting_addendum_meeting_idx').on(t.meetingId)]
);
