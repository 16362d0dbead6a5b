import { and, eq, inArray, isNull } from 'drizzle-orm';
import { clockState } from '../../domain/clocks';
import { helsinkiDate } from '../../domain/access';
import { describe, expect, it } from 'vitest';
import { AGENDA_SECTIONS } from '../../domain/meeting';
import { ROLES } from '../../domain/roles';
import { login } from '../auth/login';
import {
	assessmentRequest,
	child,
	childStatus,
	membership,
	organisation,
	phaseChange,
	statutoryClock,
	team,
	user
} from '../db/schema';
import { teamCaseloads } from '../features/path';
import { agendaItem, hypothesis, meetingStep, teamMeeting } from '../db/schema';
import { db } from '../testing/fixtures';
import {
	DEMO_MUNICIPALITY,
	DEMO_ORGS,
	DEMO_PASSWORD,
	DEMO_TEAM,
	DEMO_USERS,
	seedDemo
} from './demo';

describe('demo data', () => {
	it('creates every organisation kind and one account per role, once', async () => {
		const d = await db();
		const first = await seedDemo(d);
		const again = await seedDemo(d);
		// With a shared DATABASE_URL another run may have seeded already.
		expect(first || !again).toBe(true);
		expect(again).toBe(false);

		const orgs = await d
			.select()
			.from(organisation)
			.where(
				inArray(
					organisation.name,
					DEMO_ORGS.map((o) => o.name)
				)
			);
		expect(new Set(orgs.map((o) => o.kind)).size).toBe(8);

		const rows = await d
			.select({ role: membership.role, email: user.email })
			.from(membership)
			.innerJoin(user, eq(user.id, membership.userId))
			.where(
				inArray(
					user.email,
					DEMO_USERS.map((u) => u.email)
				)
			);
		for (const role of ROLES) expect(rows.map((r) => r.role)).toContain(role);
	});

	it('lets each demo account sign in with the documented password', async () => {
		const d = await db();
		await seedDemo(d);
		const r = await login(d, {
			email: DEMO_USERS[0]!.email,
			password: DEMO_PASSWORD,
			clientAddress: null
		});
		expect(r.ok).toBe(true);
	});

	it('dates each status at the newest assessment; requests go to school-aged children', async () => {
		const d = await db();
		await seedDemo(d);
		const rows = await d
			.select({ changedAt: childStatus.changedAt })
			.from(childStatus)
			.innerJoin(child, eq(child.id, childStatus.childId))
			.where(eq(child.homeMunicipality, DEMO_MUNICIPALITY));
		const days = new Set(
			rows.map((r) => Math.floor((Date.now() - r.changedAt.getTime()) / 86400_000))
		);
		expect(days.size).toBeGreaterThan(10);
		const school = await d
			.select({ born: child.dateOfBirth })
			.from(assessmentRequest)
			.innerJoin(child, eq(child.id, assessmentRequest.childId))
			.innerJoin(organisation, eq(organisation.id, assessmentRequest.organisationId))
			.where(eq(organisation.name, 'Koivurannan koulu'));
		expect(school.length).toBeGreaterThan(0);
		for (const r of school)
			expect(new Date().getFullYear() - Number(r.born.slice(0, 4))).toBeGreaterThanOrEqual(7);
	});

	it('holds two closed meetings with every hypothesis state and a planned one built from the data', async () => {
		const d = await db();
		await seedDemo(d);
		const [t] = await d.select().from(team).where(eq(team.name, DEMO_TEAM));
		const meetings = await d
			.select()
			.from(teamMeeting)
			.where(eq(teamMeeting.teamId, t!.id))
			.orderBy(teamMeeting.startsAt);
		expect(meetings.map((x) => x.state)).toEqual(['closed', 'closed', 'planned']);
		const ids = meetings.map((x) => x.id);
		const hyps = await d.select().from(hypothesis).where(inArray(hypothesis.meetingId, ids));
		expect(new Set(hyps.map((h) => h.state))).toEqual(new Set(['open', 'supported', 'set_aside']));
		const steps = await d.select().from(meetingStep).where(inArray(meetingStep.meetingId, ids));
		expect(new Set(steps.map((x) => x.outcome))).toEqual(new Set(['done', 'not_done', null]));
		const agenda = await d
			.select({ reasons: agendaItem.reasons })
			.from(agendaItem)
			.where(eq(agendaItem.meetingId, ids[2]!));
		const sections = new Set(
			agenda.flatMap((a) => (a.reasons as { section: string }[]).map((r) => r.section))
		);
		// Every section the data can fill ("added" is the coordinator's own), and the demo's
		// linked siblings come along as one family item (§7).
		expect([...sections].sort()).toEqual(
			[...AGENDA_SECTIONS.filter((s) => s !== 'added'), 'family'].sort()
		);
		// The workflow section holds both kinds: a review due and a requested consultation.
		const workflow = agenda.flatMap((a) =>
			(a.reasons as { section: string; kind?: string }[]).filter((r) => r.section === 'workflow')
		);
		expect(new Set(workflow.map((r) => r.kind))).toEqual(
			new Set(['review', 'consultation_requested'])
		);
	});

	it('gives the children believable paths and one worker over 20 children', async () => {
		const d = await db();
		await seedDemo(d);
		// Other specs make children in the same municipality: the demo team's are these.
		const [t] = await d.select().from(team).where(eq(team.name, DEMO_TEAM));
		const kids = await d
			.select({
				id: child.id,
				phase: child.phase,
				familyId: child.familyId,
				role: membership.role
			})
			.from(child)
			.leftJoin(
				membership,
				and(eq(membership.userId, child.responsibleWorkerId), eq(membership.teamId, child.teamId))
			)
			.where(eq(child.teamId, t!.id));
		const count = (p: string) => kids.filter((k) => k.phase === p).length;
		expect(count('contact')).toBe(3);
		expect(count('needs_assessment')).toBe(3);
		expect(count('placement')).toBe(2);
		expect(count('aftercare')).toBe(1);
		expect(count('client')).toBeGreaterThan(15);
		// Only qualified social workers are responsible (§11); children in intake have none yet.
		for (const k of kids)
			if (k.phase === 'contact') expect(k.role).toBeNull();
			else expect(['social_worker', 'consultant_social_worker']).toContain(k.role);
		const families = kids.filter((k) => k.familyId).map((k) => k.familyId);
		expect(families.length).toBe(2);
		expect(new Set(families).size).toBe(1);

		const loads = await teamCaseloads(d, t!.id);
		expect(Math.max(...loads.map((l) => l.count))).toBeGreaterThan(20);
		expect(Math.max(...loads.map((l) => l.count))).toBeLessThanOrEqual(30);

		// Intake: every decision clock of a child at contact is open; one is overdue.
		const today = helsinkiDate(new Date());
		const open = await d
			.select({ dueOn: statutoryClock.dueOn, phase: child.phase })
			.from(statutoryClock)
			.innerJoin(child, eq(child.id, statutoryClock.childId))
			.where(
				and(
					eq(child.teamId, t!.id),
					eq(statutoryClock.kind, 'decision'),
					isNull(statutoryClock.metOn)
				)
			);
		expect(open.map((c) => c.phase)).toEqual(['contact', 'contact', 'contact']);
		const states = open.map((c) => clockState(c.dueOn, today).state);
		expect(states.filter((s) => s === 'overdue').length).toBe(1);
		expect(states.filter((s) => s !== 'overdue').length).toBe(2);

		// One placement is in the demo unit, through its placement row.
		const placements = await d
			.select({ placementId: phaseChange.placementId, place: phaseChange.placementPlace })
			.from(phaseChange)
			.innerJoin(child, eq(child.id, phaseChange.childId))
			.where(and(eq(child.teamId, t!.id), eq(phaseChange.toPhase, 'placement')));
		expect(placements.filter((p) => p.placementId).length).toBe(1);
	});
});
