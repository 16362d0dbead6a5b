import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { helsinkiDate } from '../../../domain/access';
import { addWorkingDays } from '../../../domain/working-days';
import {
	accessGrant,
	assessmentRequest,
	child,
	emailOutbox,
	notification,
	user
} from '../../db/schema';
import { m } from '../../../paraglide/messages';
import {
	contextOf,
	db,
	loggedItems,
	makeAssessmentRequest,
	makeChild,
	makeGrant,
	makeOrg,
	makePartner,
	makePlacement,
	makeTeam,
	makeTeamScene,
	makeUser,
	staffOf,
	submission
} from '../../testing/fixtures';
import { saveAssessment } from '../assessments/assessments';
import { createAssessmentRequest, partnerInbox } from '../grants/grants';
import { requestConsultation } from '../consultations/consultations';
import { listNotifications, notifyResponsibleWorker } from './notifications';
import { notifyOverdue } from './overdue';

const ctxFor = contextOf;

async function setup() {
	const d = await db();
	const { teamId, users } = await makeTeamScene(['social_worker']);
	const worker = users.social_worker!;
	const school = await makePartner('school');
	const teacher = school.userId;
	const inSchool = { organisationId: school.organisationId };
	const colleague = (await makeUser('partner', inSchool)).user.id;
	const left = (await makeUser('partner', { ...inSchool, active: false })).user.id;
	const c = await makeChild(teamId, { responsibleWorkerId: worker });
	return {
		d,
		childId: c.id,
		worker,
		school: school.organisationId,
		teacher,
		colleague,
		left,
		child: c
	};
}

const notes = async (childId: string, kind: string) =>
	(await db())
		.select()
		.from(notification)
		.where(and(eq(notification.childId, childId), eq(notification.kind, kind)));

describe('partners hear of assessment requests (issue 12 B)', () => {
	it("a new request tells the organisation's active staff; a mail names no child", async () => {
		const s = await setup();
		const ctx = await ctxFor(s.worker, s.childId);
		// Mail goes to the outbox only when SMTP is configured; nothing is sent from here.
		const saved = process.env.SMTP_URL;
		process.env.SMTP_URL = 'smtp://127.0.0.1:9';
		try {
			await createAssessmentRequest(s.d, ctx, {
				organisationId: s.school,
				message: 'Pyydämme arviota.',
				dueDate: addWorkingDays(helsinkiDate(), 10)
			});
		} finally {
			if (saved === undefined) delete process.env.SMTP_URL;
			else process.env.SMTP_URL = saved;
		}
		const rows = await notes(s.childId, 'request_new');
		expect(rows.map((r) => r.userId).sort()).toEqual([s.teacher, s.colleague].sort());
		expect(rows[0]!.link).toBe(`/children/${s.childId}`);
		const mails = await s.d
			.select()
			.from(emailOutbox)
			.where(eq(emailOutbox.notificationId, rows[0]!.id));
		expect(mails).toHaveLength(1);
		for (const m of mails) {
			expect(m.body).not.toContain(s.child.familyName);
			expect(m.subject).not.toContain(s.child.familyName);
		}
	});

	it('reminds two working days before the due date, then once overdue, each once', async () => {
		const s = await setup();
		await makeGrant(s.childId, s.school, s.worker);
		const now = new Date();
		const today = helsinkiDate(now);
		const r = await makeAssessmentRequest(s.childId, s.school, s.worker, {
			dueDate: addWorkingDays(today, 3)
		});
		// Three working days ahead: too early.
		await notifyOverdue(s.d, now);
		expect(await notes(s.childId, 'request_due_soon')).toEqual([]);
		await s.d
			.update(assessmentRequest)
			.set({ dueDate: addWorkingDays(today, 2) })
			.where(eq(assessmentRequest.id, r.id));
		await notifyOverdue(s.d, now);
		await notifyOverdue(s.d, now);
		expect((await notes(s.childId, 'request_due_soon')).map((n) => n.userId).sort()).toEqual(
			[s.teacher, s.colleague].sort()
		);
		expect(await notes(s.childId, 'request_overdue')).toEqual([]);
		await s.d
			.update(assessmentRequest)
			.set({ dueDate: helsinkiDate(new Date(now.getTime() - 86400_000)) })
			.where(eq(assessmentRequest.id, r.id));
		await Promise.all([notifyOverdue(s.d, now), notifyOverdue(s.d, now)]);
		await notifyOverdue(s.d, now);
		expect(await notes(s.childId, 'request_overdue')).toHaveLength(2);
		expect(await notes(s.childId, 'request_due_soon')).toHaveLength(2);
	});

	it('a completed request is not reminded of', async () => {
		const s = await setup();
		await makeAssessmentRequest(s.childId, s.school, s.worker, {
			dueDate: helsinkiDate(new Date(Date.now() - 5 * 86400_000)),
			status: 'completed'
		});
		await notifyOverdue(s.d);
		expect(await notes(s.childId, 'request_overdue')).toEqual([]);
	});

	it('the responsible worker hears when an assessment arrives, once per assessment', async () => {
		const s = await setup();
		await makeGrant(s.childId, s.school, s.worker);
		const { id } = await saveAssessment(
			s.d,
			await ctxFor(s.teacher, s.childId),
			submission({ r_L1: '1' })
		);
		const rows = await notes(s.childId, 'assessment_arrived');
		expect(rows.map((r) => [r.userId, r.link])).toEqual([[s.worker, `/assessments/${id}`]]);
	});

	it('with mail on, the worker gets it in their language; one who has left gets the notice only', async () => {
		const s = await setup();
		const d = s.d;
		await d.update(user).set({ preferredLocale: 'sv' }).where(eq(user.id, s.worker));
		const mailsOf = async (notificationId: string) =>
			d.select().from(emailOutbox).where(eq(emailOutbox.notificationId, notificationId));
		const saved = process.env.SMTP_URL;
		process.env.SMTP_URL = 'smtp://127.0.0.1:9';
		try {
			await d.transaction((tx) =>
				notifyResponsibleWorker(tx, s.childId, s.teacher, 'assessment_arrived', '/a/1')
			);
			const [sent] = await notes(s.childId, 'assessment_arrived');
			const [mail] = await mailsOf(sent!.id);
			expect(mail!.subject).toBe(m.mail_subject({}, { locale: 'sv' }));
			expect(mail!.body).not.toContain(s.child.familyName);
			// A worker who has left: the notice stays in the app, no mail goes out.
			await d.update(user).set({ active: false }).where(eq(user.id, s.worker));
			await d.transaction((tx) =>
				notifyResponsibleWorker(tx, s.childId, s.teacher, 'assessment_arrived', '/a/2')
			);
			const second = (await notes(s.childId, 'assessment_arrived')).find((n) => n.link === '/a/2');
			expect(second?.userId).toBe(s.worker);
			expect(await mailsOf(second!.id)).toEqual([]);
		} finally {
			if (saved === undefined) delete process.env.SMTP_URL;
			else process.env.SMTP_URL = saved;
		}
	});

	it('is not sent to the worker who wrote it, nor for a child without a worker', async () => {
		const s = await setup();
		await s.d.transaction((tx) =>
			notifyResponsibleWorker(tx, s.childId, s.worker, 'assessment_arrived', '/a/own')
		);
		expect(await notes(s.childId, 'assessment_arrived')).toEqual([]);
		await s.d.update(child).set({ responsibleWorkerId: null }).where(eq(child.id, s.childId));
		await s.d.transaction((tx) =>
			notifyResponsibleWorker(tx, s.childId, s.teacher, 'assessment_arrived', '/a/none')
		);
		expect(await notes(s.childId, 'assessment_arrived')).toEqual([]);
		// The same call with the worker back is heard: the two above were refused, not lost.
		await s.d.update(child).set({ responsibleWorkerId: s.worker }).where(eq(child.id, s.childId));
		await s.d.transaction((tx) =>
			notifyResponsibleWorker(tx, s.childId, s.teacher, 'assessment_arrived', '/a/back')
		);
		expect((await notes(s.childId, 'assessment_arrived')).map((n) => n.userId)).toEqual([s.worker]);
	});
});

describe('the inbox names the child (issue 12 A12)', () => {
	it('to a reader who may see the child, logged; not after the access has ended', async () => {
		const s = await setup();
		const g = await makeGrant(s.childId, s.school, s.worker);
		await createAssessmentRequest(s.d, await ctxFor(s.worker, s.childId), {
			organisationId: s.school,
			message: 'x',
			dueDate: addWorkingDays(helsinkiDate(), 10)
		});
		const viewer = await staffOf(s.teacher);
		const [n] = await listNotifications(s.d, viewer);
		expect(n).toMatchObject({ kind: 'request_new', childName: `Testi ${s.child.familyName}` });
		const logged = (await loggedItems(viewer.requestId!)).filter(
			(l) => l.childId === s.childId && l.entityType === 'notification'
		);
		expect(logged.map((l) => [l.actorUserId, l.action, l.outcome])).toEqual([
			[s.teacher, 'list', 'allowed']
		]);
		await s.d.update(accessGrant).set({ revokedAt: new Date() }).where(eq(accessGrant.id, g.id));
		const [after] = await listNotifications(s.d, await staffOf(s.teacher));
		expect(after).toMatchObject({ kind: 'request_new', childName: null });
	});
});

describe("a residential unit's home lists its own consultation requests (issue 12 B)", () => {
	it('with state and outcome, for the children it may see; not other organisations\u2019', async () => {
		const d = await db();
		const cp = await makeOrg('child_protection');
		const t = await makeTeam(cp.id);
		const worker = (await makeUser('social_worker', { organisationId: cp.id, teamId: t.id })).user
			.id;
		const unit = await makeOrg('residential_unit');
		const staff = (await makeUser('residential_staff', { organisationId: unit.id })).user.id;
		const c = await makeChild(t.id, { responsibleWorkerId: worker });
		await makePlacement(c.id, unit.id, worker);
		const mine = await requestConsultation(d, await ctxFor(staff, c.id), {
			question: 'Miten tuemme?',
			urgency: 'normal',
			background: ''
		});
		await requestConsultation(d, await ctxFor(worker, c.id), {
			question: 'Tiimin oma kysymys',
			urgency: 'normal',
			background: ''
		});
		const staffViewer = await staffOf(staff);
		const inbox = await partnerInbox(d, staffViewer);
		expect(inbox.consultations.map((x) => [x.id, x.state, x.recorded])).toEqual([
			[mine, 'requested', false]
		]);
		const logged = (await loggedItems(staffViewer.requestId!)).filter(
			(l) => l.entityId === mine && l.action === 'list'
		);
		expect(logged).toHaveLength(1);
		// The placement's grant ended: the request is no longer listed.
		await d
			.update(accessGrant)
			.set({ revokedAt: new Date() })
			.where(and(eq(accessGrant.childId, c.id), eq(accessGrant.organisationId, unit.id)));
		expect((await partnerInbox(d, await staffOf(staff))).consultations).toEqual([]);
	});
});
