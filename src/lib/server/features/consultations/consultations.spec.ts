import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { consultation, organisation } from '../../db/schema';
import { FieldError, ForbiddenError } from '../../errors';
import {
	contextOf,
	db,
	invitableCount,
	makeConsultationScene,
	makeOrg,
	makePartner,
	uniq
} from '../../testing/fixtures';
import {
	ALL_INVITABLE_UP_TO,
	changeConsultation,
	findInvitees,
	FOUND_AT_MOST,
	participantChoices
} from './consultations';

/*
 * Who may be invited to a consultation. A region has hundreds of schools and day-care
 * centres: above ALL_INVITABLE_UP_TO the choices are the child's organisations and the
 * consultation's own, and the coordinator finds any other by part of its name.
 */

const s: Record<string, string> = {};
/**
 * A word only this file's organisations carry, so a search here finds only them. Letters
 * only: a digit in it (uniq() is hex) would match the search for "07" in every name.
 */
const mark = `Hakuk${uniq().replace(/[0-9]/g, (n) => 'ghijklmnop'[Number(n)]!)}`;

beforeAll(async () => {
	const scene = await makeConsultationScene();
	Object.assign(s, scene);
	s.linked = scene.school;
	// More organisations of this name than one search shows.
	for (let i = 0; i < FOUND_AT_MOST + 2; i++)
		await makeOrg('early_education', `${mark} päiväkoti ${String(i).padStart(2, '0')}`);
	s.clinic = (await makeOrg('child_health_clinic', `${mark} neuvola 100%_ keskus`)).id;
	s.team = (await makeOrg('child_protection', `${mark} lastensuojelu`)).id;
});

const ids = (list: { id: string }[]) => list.map((o) => o.id);

describe('the organisations a consultation may invite', () => {
	it('are all listed while there are few, and only the child’s with search when many', async () => {
		const d = await db();
		const n = await invitableCount();
		const few = await participantChoices(d, s.childId!, { listUpTo: n });
		expect(few.searchable).toBe(false);
		expect(few.organisations).toHaveLength(n);
		// With access first, and named so.
		expect(few.organisations[0]).toMatchObject({ id: s.linked, hasAccess: true });
		expect(ids(few.organisations)).not.toContain(s.team);

		const many = await participantChoices(d, s.childId!, { listUpTo: n - 1 });
		expect(many.searchable).toBe(true);
		expect(ids(many.organisations)).toEqual([s.linked]);
		expect(many.found).toBeUndefined();
		// The default limit applies when none is given.
		expect((await participantChoices(d, s.childId!)).searchable).toBe(n > ALL_INVITABLE_UP_TO);
	});

	it('keeps the ones asked for, and finds others by every word of a name', async () => {
		const d = await db();
		const found = await participantChoices(d, s.childId!, {
			keep: [s.clinic!],
			search: `  ${mark.toLowerCase()}   PÄIVÄKOTI 07 `
		});
		expect(found.searchable).toBe(true);
		const names = found.organisations.map((o) => o.name);
		expect(names.slice(0, 2)).toEqual([expect.any(String), `${mark} neuvola 100%_ keskus`]);
		expect(names.slice(2)).toEqual([`${mark} päiväkoti 07`]);
		expect(found.found).toEqual({ ids: ids(found.organisations).slice(2), more: false });
		// A team is not a partner: never invited, whatever the search.
		const teams = await participantChoices(d, s.childId!, { search: `${mark} lastensuojelu` });
		expect(teams.found).toEqual({ ids: [], more: false });
	});

	it('shows at most FOUND_AT_MOST found and says there are more', async () => {
		const found = await participantChoices(await db(), s.childId!, { search: mark });
		expect(found.found!.ids).toHaveLength(FOUND_AT_MOST);
		expect(found.found!.more).toBe(true);
	});

	it('takes % and _ in a search as letters', async () => {
		const d = await db();
		const literal = await participantChoices(d, s.childId!, { search: `${mark} 100%_` });
		expect(literal.found!.ids).toEqual([s.clinic]);
		const wildcard = await participantChoices(d, s.childId!, { search: `${mark} %` });
		expect(wildcard.found!.ids).toEqual([s.clinic]);
	});
});

describe('finding organisations to invite', () => {
	it('is the coordinator’s: a social worker and a partner are refused', async () => {
		const d = await db();
		const opts = { search: mark, ticked: [] };
		const found = await findInvitees(
			d,
			await contextOf(s.coordinator!, s.childId!),
			s.consultationId!,
			opts
		);
		expect(found.found!.ids).toHaveLength(FOUND_AT_MOST);
		for (const who of [s.worker!, s.partner!])
			await expect(
				findInvitees(d, await contextOf(who, s.childId!), s.consultationId!, opts)
			).rejects.toBeInstanceOf(ForbiddenError);
	});

	it('keeps the ticked and the invited among the choices', async () => {
		const d = await db();
		const [early] = await d
			.select({ id: organisation.id })
			.from(organisation)
			.where(eq(organisation.name, `${mark} päiväkoti 21`));
		const found = await findInvitees(
			d,
			await contextOf(s.coordinator!, s.childId!),
			s.consultationId!,
			{ search: '', ticked: [early!.id, s.team!] }
		);
		// The team is not invitable: ticked or not, it is not a choice.
		expect(ids(found.organisations)).toEqual([s.linked, early!.id]);
	});

	it('any partner organisation found may be invited; a team may not', async () => {
		const d = await db();
		const ctx = await contextOf(s.coordinator!, s.childId!);
		const schedule = (participantOrganisationIds: string[]) =>
			changeConsultation(d, ctx, s.consultationId!, 1, {
				action: 'schedule',
				data: {
					scheduledAt: new Date(Date.now() + 86400_000),
					place: 'Huone 3',
					participantOrganisationIds,
					participantUserIds: []
				}
			});
		await expect(schedule([s.clinic!, s.team!])).rejects.toBeInstanceOf(FieldError);
		const [unchanged] = await d
			.select()
			.from(consultation)
			.where(eq(consultation.id, s.consultationId!));
		expect(unchanged).toMatchObject({ version: 1, participantOrganisationIds: [] });
		await schedule([s.clinic!, s.linked!]);
		const [saved] = await d
			.select()
			.from(consultation)
			.where(eq(consultation.id, s.consultationId!));
		expect(saved!.participantOrganisationIds.sort()).toEqual([s.clinic!, s.linked!].sort());
		// Once invited, it is among the choices without a search.
		const again = await findInvitees(d, ctx, s.consultationId!, { search: '', ticked: [] });
		expect(ids(again.organisations)).toContain(s.clinic);
	});

	it("invites by name the child's team and partner people with access, nobody else", async () => {
		const d = await db();
		const ctx = await contextOf(s.coordinator!, s.childId!);
		const stranger = (await makePartner('school')).userId;
		const schedule = (participantUserIds: string[]) =>
			changeConsultation(d, ctx, s.consultationId!, 2, {
				action: 'schedule',
				data: {
					scheduledAt: new Date(Date.now() + 86400_000),
					place: 'Huone 4',
					participantOrganisationIds: [],
					participantUserIds
				}
			});
		await expect(schedule([s.worker!, stranger])).rejects.toBeInstanceOf(FieldError);
		await schedule([s.worker!, s.partner!]);
		const [saved] = await d
			.select()
			.from(consultation)
			.where(eq(consultation.id, s.consultationId!));
		expect(saved!.participantUserIds.sort()).toEqual([s.worker!, s.partner!].sort());
	});
});
