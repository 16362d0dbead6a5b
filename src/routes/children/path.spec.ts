import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { helsinkiDate } from '$lib/domain/access';
import { clockState, dueDate, firstClientPlanDue } from '$lib/domain/clocks';
import { addDays } from '$lib/domain/working-days';
import {
	accessGrant,
	caseContact,
	caseloadConfirmation,
	child,
	phaseChange,
	statutoryClock
} from '$lib/server/db/schema';
import {
	db,
	eventFor,
	makeChild,
	makeChildren,
	makeGrant,
	makeOrg,
	makePartner,
	makeTeam,
	makeTeamScene,
	makeUser,
	uniq
} from '$lib/server/testing/fixtures';
import { callAs, logRows } from '$lib/server/testing/routes';
import { staffOf } from '$lib/server/http/authz';
import { intakeList } from '$lib/server/features/path';
import * as intake from '../intake/+page.server';
import * as intakeNew from '../intake/new/+page.server';
import * as caseload from '../team/caseload/+page.server';
import * as contactPage from './[childId]/contacts/[contactId]/+page.server';
import * as contactNew from './[childId]/contacts/new/+page.server';
import * as familyPage from './[childId]/family/+page.server';
import * as phasePage from './[childId]/phase/+page.server';
import * as summaryPage from './[childId]/summary/+page.server';
import * as childPage from './[childId]/+page.server';
import * as receipts from '../intake/sent/+page.server';
import * as receiptPage from '../intake/sent/[contactId]/+page.server';

/* eslint-disable @typescript-eslint/no-explicit-any -- calling route handlers with test events */

/**
 * The child's path (§10–§11) through its routes: each new action allowed for the roles the
 * spec names and refused, logged and without effect, for the others.
 */
const today = helsinkiDate(new Date());
const u: Record<string, string> = {};
let teamId: string;
let schoolId: string;
let grantedChild: string;

beforeAll(async () => {
	const scene = await makeTeamScene([
		'consultant_social_worker',
		'social_worker',
		'social_instructor',
		'family_therapist',
		'coordinator'
	]);
	teamId = scene.teamId;
	Object.assign(u, scene.users);
	const school = await makePartner('school');
	[schoolId, u.partner] = [school.organisationId, school.userId];
	u.stranger = (await makePartner('child_psychiatry')).userId;
	grantedChild = (
		await makeChild(teamId, { phase: 'client', responsibleWorkerId: u.social_worker })
	).id;
	await makeGrant(grantedChild, schoolId, u.social_worker!);
});

const call = (who: string, fn: (e: any) => unknown, opts: Parameters<typeof callAs>[2] = {}) =>
	callAs(u[who]!, fn, opts);

const newChildForm = (extra: Record<string, string> = {}) => ({
	teamId,
	givenName: 'Uusi',
	familyName: `Ilmoitettu ${uniq()}`,
	dateOfBirth: '2015-05-05',
	personalIdentityCode: '',
	kind: 'notification',
	receivedOn: today,
	notifierKind: 'other',
	summary: 'Lapsi kertoi, ettei kotona ole ollut ruokaa viikonloppuna.',
	urgent: '',
	...extra
});

async function contactOf(childId: string) {
	const d = await db();
	const [c] = await d.select().from(caseContact).where(eq(caseContact.childId, childId));
	return c!;
}

async function childRow(childId: string) {
	const [c] = await (await db()).select().from(child).where(eq(child.id, childId));
	return c!;
}

describe("the notifier's receipt (§3)", () => {
	const receiptOf = (location: string) => location.split('/')[3]!.split('?')[0]!;

	it('names the reference, the day, the office and whom to contact; reading it is logged', async () => {
		const form = newChildForm();
		const r = await call('partner', intakeNew.actions.file as any, { form });
		const contactId = receiptOf((r as any).location);
		const read = await call('partner', receiptPage.load as any, { params: { contactId } });
		expect(read.status).toBe(200);
		const receipt = (read as any).value.receipt;
		expect(receipt).toMatchObject({
			reference: expect.stringMatching(/^LS-\d{6}$/),
			receivedOn: today,
			subjectName: `${form.givenName} ${form.familyName}`,
			summary: form.summary,
			workerName: expect.any(String)
		});
		// Nothing of the record: no phase, no decision, no colour, no child id.
		expect(Object.keys(receipt)).not.toEqual(
			expect.arrayContaining(['phase', 'decision', 'colour', 'childId'])
		);
		for (const key of ['phase', 'decision', 'colour', 'childId', 'urgent'])
			expect(receipt).not.toHaveProperty(key);
		expect(await logRows(read.requestId)).toContainEqual(
			expect.objectContaining({
				outcome: 'allowed',
				basis: 'notifier',
				entity_type: 'case_contact'
			})
		);
		const list = await call('partner', receipts.load as any);
		expect((list as any).value.receipts.map((x: any) => x.id)).toContain(contactId);
	});

	it("another organisation's receipt is a 404, logged; a team member has no receipt list", async () => {
		const r = await call('partner', intakeNew.actions.file as any, { form: newChildForm() });
		const contactId = receiptOf((r as any).location);
		const denied = await call('stranger', receiptPage.load as any, { params: { contactId } });
		expect(denied.status).toBe(404);
		expect(await logRows(denied.requestId)).toContainEqual(
			expect.objectContaining({ outcome: 'denied', entity_type: 'case_contact' })
		);
		const list = await call('stranger', receipts.load as any);
		expect((list as any).value.receipts.map((x: any) => x.id)).not.toContain(contactId);
		expect((await call('social_worker', receipts.load as any)).status).toBe(403);
		expect(
			(await call('social_worker', receiptPage.load as any, { params: { contactId } })).status
		).toBe(403);
	});

	it('names the team the notifier chose, even when the child is known in another team', async () => {
		const cp = await makeOrg('child_protection');
		const elsewhere = await makeTeam(cp.id);
		await makeChild(elsewhere.id, {
			phase: 'client',
			personalIdentityCode: '010316A907E',
			dateOfBirth: '2016-03-01'
		});
		const chosen = await call('partner', intakeNew.actions.file as any, {
			form: newChildForm({ personalIdentityCode: '010316A907E', dateOfBirth: '2016-03-01' })
		});
		const fresh = await call('partner', intakeNew.actions.file as any, { form: newChildForm() });
		const read = async (r: unknown) =>
			(
				(await call('partner', receiptPage.load as any, {
					params: { contactId: receiptOf((r as { location: string }).location) }
				})) as any
			).value;
		const a = await read(chosen);
		const b = await read(fresh);
		expect(a.receipt.teamName).toBe(b.receipt.teamName);
		expect(a.receipt.workerName).toBe(b.receipt.workerName);
	});
});

describe('filing a notification (§10)', () => {
	it("a partner files one for a new child: the team's intake gets it with the 7-day clock", async () => {
		const form = newChildForm();
		const r = await call('partner', intakeNew.actions.file as any, { form });
		expect(r).toMatchObject({ status: 303 });
		expect((r as any).location).toMatch(/^\/intake\/sent\/[0-9a-f-]{36}\?saved=filed$/);
		const d = await db();
		const [c] = await d.select().from(child).where(eq(child.familyName, form.familyName));
		expect(c).toMatchObject({ teamId, phase: 'contact', responsibleWorkerId: null });
		const contact = await contactOf(c!.id);
		// The app sets the partner's kind and the day; the form's values are not trusted.
		expect(contact).toMatchObject({ notifierKind: 'school', receivedOn: today, urgent: null });
		const [clock] = await d.select().from(statutoryClock).where(eq(statutoryClock.childId, c!.id));
		expect(clock).toMatchObject({
			kind: 'decision',
			dueOn: dueDate('decision', today),
			metOn: null
		});
		// §3: filing gives no access: no grant, and the child's page is a 404.
		expect(await d.select().from(accessGrant).where(eq(accessGrant.childId, c!.id))).toEqual([]);
		expect(
			(await call('partner', childPage.load as any, { params: { childId: c!.id } })).status
		).toBe(404);

		const list = await call('social_worker', intake.load as any);
		expect(list.status).toBe(200);
		const row = list.value.children.find((x: any) => x.id === c!.id);
		expect(row.decision).toMatchObject({ dueOn: clock!.dueOn });
		expect(row.decision.state.state).toMatch(/running|due_soon/);
	});

	it('cuts a long intake at its farthest deadlines, never an overdue child', async () => {
		const d = await db();
		const filed = async (dueOn: string) => {
			const form = newChildForm();
			await call('partner', intakeNew.actions.file as any, { form });
			const [c] = await d.select().from(child).where(eq(child.familyName, form.familyName));
			await d.update(statutoryClock).set({ dueOn }).where(eq(statutoryClock.childId, c!.id));
			return c!.id;
		};
		for (const days of [60, 30, 90]) await filed(addDays(today, days));
		const overdue = await filed(addDays(today, -400));
		await filed(addDays(today, 45));
		const viewer = staffOf(await eventFor(u.social_worker!));
		const [first, ...rest] = await intakeList(d, viewer, new Date(), { limit: 1 });
		expect(rest).toEqual([]);
		expect(first).toMatchObject({ id: overdue, decision: { state: { state: 'overdue' } } });
	});

	it('a partner may not see the intake list: 403, and an admin may not file', async () => {
		expect((await call('partner', intake.load as any)).status).toBe(403);
		const admin = await makeUser('admin');
		u.admin = admin.user.id;
		const r = await call('admin', intakeNew.actions.file as any, { form: newChildForm() });
		expect(r.status).toBe(403);
	});

	it('joins a known child by identity code without telling the partner it was known', async () => {
		const known = await makeChild(teamId, {
			phase: 'client',
			personalIdentityCode: '050515A905A',
			dateOfBirth: '2015-05-05'
		});
		const r = await call('stranger', intakeNew.actions.file as any, {
			form: newChildForm({ personalIdentityCode: '050515A905A' })
		});
		// The same answer as for a new child: nothing says the code matched someone.
		expect((r as any).location).toMatch(/^\/intake\/sent\/[0-9a-f-]{36}\?saved=filed$/);
		const contact = await contactOf(known.id);
		expect(contact.notifierKind).toBe('health_care');
		expect((await childRow(known.id)).phase).toBe('client');
	});

	it('a partner files on a child it can see; a partner without a grant gets 404, logged', async () => {
		const form = {
			kind: 'notification',
			receivedOn: today,
			notifierKind: 'other',
			summary: 'Huoli.',
			urgent: ''
		};
		const params = { childId: grantedChild };
		const denied = await call('stranger', contactNew.actions.file as any, { params, form });
		expect(denied.status).toBe(404);
		expect(await logRows(denied.requestId)).toContainEqual(
			expect.objectContaining({ outcome: 'denied' })
		);
		const ok = await call('partner', contactNew.actions.file as any, { params, form });
		expect(ok.status).toBe(303);
		expect((await contactOf(grantedChild)).filedByOrganisationId).toBe(schoolId);
	});

	it('refuses an empty summary, and a future date, changing nothing', async () => {
		const d = await db();
		for (const [extra, field] of [
			[{ summary: ' ' }, 'summary'],
			[{ receivedOn: addDays(today, 3) }, 'receivedOn']
		] as const) {
			const form = newChildForm(extra);
			const r = await call('social_worker', intakeNew.actions.file as any, { form });
			expect(r.status).toBe(400);
			expect(Object.keys(r.data.form.errors)).toEqual([field]);
			expect(await d.select().from(child).where(eq(child.familyName, form.familyName))).toEqual([]);
		}
	});
});

async function contactAtIntake(receivedOn = today) {
	const c = await makeChild(teamId);
	const r = await call('coordinator', contactNew.actions.file as any, {
		params: { childId: c.id },
		form: {
			kind: 'notification',
			receivedOn,
			notifierKind: 'police',
			summary: 'Kotihälytys.',
			urgent: 'no'
		}
	});
	expect(r.status).toBe(303);
	return { childId: c.id, contact: await contactOf(c.id) };
}

const decision = (version: number, extra: Record<string, string> = {}) => ({
	decision: 'start_needs_assessment',
	decidedOn: today,
	reason: '',
	responsibleWorkerId: u.social_worker!,
	caseloadReason: '',
	version: String(version),
	...extra
});

describe('the decision on a contact (27 §)', () => {
	it('the contact page names whose case it is, with the date of birth', async () => {
		const { childId, contact } = await contactAtIntake();
		const r = await call('social_worker', contactPage.load as any, {
			params: { childId, contactId: contact.id }
		});
		const c = await childRow(childId);
		expect(r.value.child).toEqual({
			name: `${c.givenName} ${c.familyName}`,
			dateOfBirth: c.dateOfBirth,
			birthExpected: false
		});
	});

	it('only a social worker or the consultant decides: others 403, logged, nothing changed', async () => {
		const { childId, contact } = await contactAtIntake();
		const params = { childId, contactId: contact.id };
		for (const who of ['social_instructor', 'family_therapist', 'coordinator']) {
			const r = await call(who, contactPage.actions.decide as any, {
				params,
				form: decision(contact.version)
			});
			expect(r.status, who).toBe(403);
			expect(await logRows(r.requestId)).toContainEqual(
				expect.objectContaining({ outcome: 'denied', action: 'decideContact' })
			);
		}
		const partner = await call('partner', contactPage.actions.decide as any, {
			params,
			form: decision(contact.version)
		});
		expect(partner.status).toBe(404);
		expect((await contactOf(childId)).decision).toBeNull();
	});

	it('a social worker starts a needs assessment: the child moves on with its 3-month clock', async () => {
		const { childId, contact } = await contactAtIntake(addDays(today, -2));
		const r = await call('social_worker', contactPage.actions.decide as any, {
			params: { childId, contactId: contact.id },
			form: decision(contact.version)
		});
		expect(r).toMatchObject({ status: 303 });
		expect(r.location).toMatch(new RegExp(`^/children/${childId}\\?saved=decision`));
		expect(await childRow(childId)).toMatchObject({
			phase: 'needs_assessment',
			phaseSince: today,
			responsibleWorkerId: u.social_worker
		});
		const d = await db();
		const clocks = await d.select().from(statutoryClock).where(eq(statutoryClock.childId, childId));
		expect(clocks.find((c) => c.kind === 'decision')).toMatchObject({
			metOn: today,
			metBy: u.social_worker
		});
		expect(clocks.find((c) => c.kind === 'needs_assessment')).toMatchObject({
			startedOn: contact.receivedOn,
			dueOn: dueDate('needs_assessment', contact.receivedOn),
			metOn: null
		});
		expect(await logRows(r.requestId)).toContainEqual(
			expect.objectContaining({ outcome: 'allowed', action: 'decide', entity_type: 'case_contact' })
		);
	});

	it('a decision made late keeps its lateness', async () => {
		const received = addDays(today, -30);
		const { childId, contact } = await contactAtIntake(received);
		await call('consultant_social_worker', contactPage.actions.decide as any, {
			params: { childId, contactId: contact.id },
			form: decision(contact.version, { responsibleWorkerId: u.consultant_social_worker! })
		});
		const [clock] = await (
			await db()
		)
			.select()
			.from(statutoryClock)
			.where(and(eq(statutoryClock.childId, childId), eq(statutoryClock.kind, 'decision')));
		expect(clock!.metOn).toBe(today);
		expect(clockState(clock!.dueOn, addDays(today, 100), clock!.metOn).state).toBe('met_late');
	});

	it('refuses a social instructor as the responsible worker, changing nothing', async () => {
		const { childId, contact } = await contactAtIntake();
		const r = await call('social_worker', contactPage.actions.decide as any, {
			params: { childId, contactId: contact.id },
			form: decision(contact.version, { responsibleWorkerId: u.social_instructor! })
		});
		expect(r.status).toBe(400);
		expect(r.data.form.errors.responsibleWorkerId).toBeTruthy();
		expect((await childRow(childId)).phase).toBe('contact');
		expect((await contactOf(childId)).decision).toBeNull();
	});

	it('not starting one closes the child at contact, and needs a reason', async () => {
		const { childId, contact } = await contactAtIntake();
		const params = { childId, contactId: contact.id };
		const form = decision(contact.version, {
			decision: 'no_needs_assessment',
			responsibleWorkerId: ''
		});
		const bare = await call('social_worker', contactPage.actions.decide as any, { params, form });
		expect(bare.status).toBe(400);
		expect(bare.data.form.errors.reason).toBeTruthy();
		const ok = await call('social_worker', contactPage.actions.decide as any, {
			params,
			form: { ...form, reason: 'Tilanne selvisi puhelimessa, tuki jatkuu koulussa.' }
		});
		expect(ok.status).toBe(303);
		expect((await childRow(childId)).phase).toBe('closed');
	});
});

describe('phases (§10)', () => {
	it('only team roles change a phase: a partner with a grant gets 404, logged', async () => {
		const params = { childId: grantedChild };
		const form = {
			fromPhase: 'client',
			to: 'closed',
			on: today,
			reason: 'Loppui.',
			placementKind: '',
			unitOrganisationId: '',
			placementPlace: ''
		};
		const r = await call('partner', phasePage.actions.change as any, { params, form });
		expect(r.status).toBe(404);
		expect((await logRows(r.requestId))[0]).toMatchObject({ outcome: 'denied' });
		expect((await childRow(grantedChild)).phase).toBe('client');
		expect((await call('partner', phasePage.load as any, { params })).status).toBe(404);
	});

	it('a team member moves a child on, dated and logged; closing needs a reason', async () => {
		const c = await makeChild(teamId, {
			phase: 'needs_assessment',
			responsibleWorkerId: u.social_worker
		});
		const params = { childId: c.id };
		const base = {
			fromPhase: 'needs_assessment',
			on: today,
			reason: '',
			placementKind: '',
			unitOrganisationId: '',
			placementPlace: ''
		};
		const closing = await call('family_therapist', phasePage.actions.change as any, {
			params,
			form: { ...base, to: 'closed' }
		});
		expect(closing.status).toBe(400);
		expect(closing.data.form.errors.reason).toBeTruthy();
		const r = await call('family_therapist', phasePage.actions.change as any, {
			params,
			form: { ...base, to: 'client' }
		});
		expect(r).toMatchObject({ status: 303, location: `/children/${c.id}?saved=phase` });
		expect((await childRow(c.id)).phase).toBe('client');
		const d = await db();
		const history = await d.select().from(phaseChange).where(eq(phaseChange.childId, c.id));
		expect(history).toEqual([
			expect.objectContaining({
				fromPhase: 'needs_assessment',
				toPhase: 'client',
				on: today,
				changedBy: u.family_therapist
			})
		]);
		const [plan] = await d
			.select()
			.from(statutoryClock)
			.where(and(eq(statutoryClock.childId, c.id), eq(statutoryClock.kind, 'client_plan_review')));
		expect(plan).toMatchObject({ startedOn: today, dueOn: firstClientPlanDue(today) });
		// A form shown before the change does not overwrite it.
		const stale = await call('social_worker', phasePage.actions.change as any, {
			params,
			form: { ...base, to: 'closed', reason: 'Vanha lomake.' }
		});
		expect(stale.status).toBe(409);
		expect((await childRow(c.id)).phase).toBe('client');
	});

	it('refuses moving from contact to a needs assessment by hand (it is the decision)', async () => {
		const c = await makeChild(teamId);
		const r = await call('social_worker', phasePage.actions.change as any, {
			params: { childId: c.id },
			form: {
				fromPhase: 'contact',
				to: 'needs_assessment',
				on: today,
				reason: '',
				placementKind: '',
				unitOrganisationId: '',
				placementPlace: ''
			}
		});
		expect(r.status).toBe(400);
		expect((await childRow(c.id)).phase).toBe('contact');
	});
});

async function workerWith(n: number, phase: 'contact' | 'needs_assessment' = 'contact') {
	const cp = await makeOrg('child_protection');
	const t = (await makeTeam(cp.id)).id;
	const worker = (await makeUser('social_worker', { organisationId: cp.id, teamId: t })).user.id;
	const consultant = (
		await makeUser('consultant_social_worker', { organisationId: cp.id, teamId: t })
	).user.id;
	await makeChildren(t, n, () => ({ phase: 'client', responsibleWorkerId: worker }));
	// Children elsewhere on the path do not count: one at intake, one closed.
	await makeChild(t, { phase: 'contact', responsibleWorkerId: worker });
	await makeChild(t, { phase: 'closed', responsibleWorkerId: worker });
	const at = await makeChild(
		t,
		phase === 'needs_assessment' ? { phase, responsibleWorkerId: worker } : {}
	);
	return { teamId: t, worker, consultant, childId: at.id };
}

describe('caseload (§11)', () => {
	async function decideFor(
		who: string,
		childId: string,
		worker: string,
		extra: Record<string, string> = {}
	) {
		const contact = await (async () => {
			const r = await call(who, contactNew.actions.file as any, {
				params: { childId },
				form: {
					kind: 'notification',
					receivedOn: today,
					notifierKind: 'police',
					summary: 'Huoli.',
					urgent: 'no'
				}
			});
			expect(r.status).toBe(303);
			return contactOf(childId);
		})();
		return call(who, contactPage.actions.decide as any, {
			params: { childId, contactId: contact.id },
			form: decision(contact.version, { responsibleWorkerId: worker, ...extra })
		});
	}

	// A child in a needs assessment with the worker becomes a client: from then on it counts
	// in the worker's caseload (13 b §; needs assessments are workload, not counted).
	const toClient = (who: string, childId: string, extra: Record<string, string> = {}) =>
		call(who, phasePage.actions.change as any, {
			params: { childId },
			form: { fromPhase: 'needs_assessment', to: 'client', on: today, reason: '', ...extra }
		});

	it('a needs assessment is workload, not caseload: taking one on at 20 does not warn', async () => {
		const w = await workerWith(20);
		u.w20 = w.worker;
		u.c20 = w.consultant;
		const r = await decideFor('c20', w.childId, w.worker);
		expect(r.status).toBe(303);
		expect(r.location).not.toContain('caseload=');
	});

	it('a 21st client warns', async () => {
		const w = await workerWith(20, 'needs_assessment');
		u.w21 = w.worker;
		u.c21 = w.consultant;
		const r = await toClient('c21', w.childId);
		expect(r.status).toBe(303);
		expect(r.location).toContain('caseload=21');
	});

	it('a 31st client needs the consultant with a reason; a social worker is refused', async () => {
		const w = await workerWith(30, 'needs_assessment');
		u.w31 = w.worker;
		u.c31 = w.consultant;
		// The worker moving the child on themselves is a social worker, not the consultant.
		const refused = await toClient('w31', w.childId);
		expect(refused.status).toBe(400);
		expect(refused.data.form.errors.caseloadReason).toBeTruthy();
		expect((await childRow(w.childId)).phase).toBe('needs_assessment');

		const bare = await toClient('c31', w.childId);
		expect(bare.status).toBe(400);
		expect(bare.data.form.errors.caseloadReason).toBeTruthy();
		const ok = await toClient('c31', w.childId, {
			caseloadReason: 'Sijainen aloittaa ensi viikolla; siirto hänelle silloin.'
		});
		expect(ok.status).toBe(303);
		expect(ok.location).toContain('caseload=31');
		const d = await db();
		const confirmations = await d
			.select()
			.from(caseloadConfirmation)
			.where(eq(caseloadConfirmation.childId, w.childId));
		expect(confirmations).toEqual([
			expect.objectContaining({ workerId: w.worker, caseloadBefore: 30, confirmedBy: w.consultant })
		]);
	});

	it('the caseload page: team roles see counts against the bands; a partner gets 403', async () => {
		expect((await call('partner', caseload.load as any)).status).toBe(403);
		const r = await call('coordinator', caseload.load as any, {
			url: `http://localhost/team/caseload?worker=${u.social_worker}`
		});
		expect(r.status).toBe(200);
		const names = r.value.workers.map((w: any) => w.userId);
		expect(names).toContain(u.social_worker);
		expect(names).toContain(u.consultant_social_worker);
		// Only those who may be responsible are listed.
		expect(names).not.toContain(u.social_instructor);
		expect(r.value.children.map((c: any) => c.id)).toContain(grantedChild);
	});
});

describe('family and summary (§11)', () => {
	it('links siblings for team roles; a partner gets 404', async () => {
		const a = await makeChild(teamId, { phase: 'client' });
		const b = await makeChild(teamId, { phase: 'client' });
		const denied = await call('partner', familyPage.actions.link as any, {
			params: { childId: grantedChild },
			form: { siblingId: a.id }
		});
		expect(denied.status).toBe(404);
		const r = await call('social_instructor', familyPage.actions.link as any, {
			params: { childId: a.id },
			form: { siblingId: b.id }
		});
		expect(r.status).toBe(303);
		const [ra, rb] = [await childRow(a.id), await childRow(b.id)];
		expect(ra.familyId).toBeTruthy();
		expect(rb.familyId).toBe(ra.familyId);
		const page = await call('social_worker', familyPage.load as any, { params: { childId: b.id } });
		expect(page.value.siblings.map((s: any) => s.id)).toEqual([a.id]);
		const un = await call('social_worker', familyPage.actions.unlink as any, {
			params: { childId: b.id },
			form: {}
		});
		expect(un.status).toBe(303);
		expect((await childRow(b.id)).familyId).toBeNull();
		// A family of one is no family: the sibling left behind is written to, and logged.
		expect((await childRow(a.id)).familyId).toBeNull();
		const logged = (await logRows(un.requestId)).filter((l) => l.action === 'unlink');
		expect(new Set(logged.map((l) => l.child_id))).toEqual(new Set([a.id, b.id]));
	});

	it('a child of another team cannot be linked: 404', async () => {
		const cp = await makeOrg('child_protection');
		const elsewhere = await makeChild((await makeTeam(cp.id)).id);
		const r = await call('social_worker', familyPage.actions.link as any, {
			params: { childId: grantedChild },
			form: { siblingId: elsewhere.id }
		});
		expect(r.status).toBe(404);
		expect((await childRow(grantedChild)).familyId).toBeNull();
	});

	it('the family summary is produced for the team, logged, in the family language', async () => {
		const r = await call('social_worker', summaryPage.load as any, {
			params: { childId: grantedChild },
			url: 'http://localhost/children/x/summary?lang=sv'
		});
		expect(r.status).toBe(200);
		expect(r.value.locale).toBe('sv');
		expect(await logRows(r.requestId)).toContainEqual(
			expect.objectContaining({
				outcome: 'allowed',
				action: 'produce',
				entity_type: 'family_summary'
			})
		);
		const partner = await call('partner', summaryPage.load as any, {
			params: { childId: grantedChild }
		});
		expect(partner.status).toBe(404);
	});
});
