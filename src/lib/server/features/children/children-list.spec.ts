import { describe, expect, it } from 'vitest';
import {
	db,
	loggedItems,
	makeChildren,
	staffOf,
	makeTeamScene,
	makePartner
} from '../../testing/fixtures';
import { ForbiddenError } from '../../errors';
import { CHILD_LIST_PAGE_SIZE, listTeamChildren } from './children';

describe("the team's list of children, one page at a time (issue 13)", () => {
	it('pages by name, counts them all and logs only the page shown', async () => {
		const d = await db();
		const { team: t, users } = await makeTeamScene(['social_worker']);
		const worker = users.social_worker!;
		const n = CHILD_LIST_PAGE_SIZE + 3;
		const names = Array.from({ length: n }, (_, i) => `Nimi${String(i).padStart(3, '0')}`);
		const reversed = [...names].reverse();
		await makeChildren(t.id, n, (i) => ({ familyName: reversed[i], dateOfBirth: '2015-01-01' }));
		const viewer = await staffOf(worker);
		const first = await listTeamChildren(d, viewer, 1);
		expect(first.total).toBe(n);
		expect(first.pages).toBe(2);
		expect(first.rows.map((r) => r.familyName)).toEqual(names.slice(0, CHILD_LIST_PAGE_SIZE));
		const logged = (await loggedItems(viewer.requestId!)).filter((r) => r.action === 'list');
		expect(logged.map((r) => r.childId)).toEqual(first.rows.map((r) => r.id));
		const second = await listTeamChildren(d, await staffOf(worker), 2);
		expect(second.rows.map((r) => r.familyName)).toEqual(names.slice(CHILD_LIST_PAGE_SIZE));
		expect((await listTeamChildren(d, await staffOf(worker), 9)).rows).toEqual([]);
	});

	it('refuses a partner', async () => {
		const { userId: teacher } = await makePartner('school');
		await expect(listTeamChildren(await db(), await staffOf(teacher))).rejects.toBeInstanceOf(
			ForbiddenError
		);
	});
});
