import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeHetu } from '../../../domain/hetu';
import { child } from '../../db/schema';
import { createChild, getChild, listTeamChildren, searchChildren, updateChild } from './children';
import { ConflictError, FieldError } from '../../errors';
import { db, makeOrg, makeTeam, makeUser, staffOf, uniq } from '../../testing/fixtures';
import { checkChildAccess } from '../../access';
import { type StaffContext } from '../../access-log';
import { ForbiddenError } from '../../errors';

let viewerA: StaffContext;
let viewerB: StaffContext;
let teamA: string;

beforeAll(async () => {
	const cp = await makeOrg('child_protection');
	teamA = (await makeTeam(cp.id)).id;
	const teamB = (await makeTeam(cp.id)).id;
	viewerA = await staffOf(
		(await makeUser('social_worker', { organisationId: cp.id, teamId: teamA })).user.id
	);
	viewerB = await staffOf(
		(await makeUser('coordinator', { organisationId: cp.id, teamId: teamB })).user.id
	);
});

const input = (over: Partial<Parameters<typeof createChild>[3]> = {}) => ({
	givenName: 'Ilona',
	familyName: `Testinen${uniq()}`,
	dateOfBirth: '2016-05-01',
	personalIdentityCode: '',
	homeMunicipality: 'Järvelä',
	responsibleWorkerId: '',
	...over
});

describe('children', () => {
	it('validates the identity code: checksum, birth date, uniqueness', async () => {
		const d = await db();
		await expect(
			createChild(d, viewerA, teamA, input({ personalIdentityCode: '010516A903Y' }))
		).rejects.toBeInstanceOf(FieldError);
		await expect(
			createChild(d, viewerA, teamA, input({ personalIdentityCode: makeHetu('2016-05-02', 951) }))
		).rejects.toMatchObject({
			fields: { personalIdentityCode: expect.stringMatching(/syntymäaikaa/) }
		});
		const code = makeHetu('2016-05-01', 900 + Math.floor(Math.random() * 99));
		const ok = await createChild(
			d,
			viewerA,
			teamA,
			input({ personalIdentityCode: code.toLowerCase() })
		);
		const [row] = await d.select().from(child).where(eq(child.id, ok.id));
		expect(row?.personalIdentityCode).toBe(code);
		await expect(
			createChild(d, viewerA, teamA, input({ personalIdentityCode: code }))
		).rejects.toMatchObject({
			fields: { personalIdentityCode: expect.any(String) }
		});
	});

	it('only team members create children, in their own team', async () => {
		const d = await db();
		await expect(createChild(d, viewerB, teamA, input())).rejects.toBeInstanceOf(ForbiddenError);
	});

	it('refuses an edit based on an old version and keeps the newer data', async () => {
		const d = await db();
		const { id } = await createChild(d, viewerA, teamA, input());
		const ctx = (await checkChildAccess(d, viewerA, id, { action: 'update' }))!;
		await updateChild(d, ctx, { ...input({ givenName: 'Uusi' }), version: 1 });
		await expect(
			updateChild(d, ctx, { ...input({ givenName: 'Vanha' }), version: 1 })
		).rejects.toBeInstanceOf(ConflictError);
		const view = await getChild(d, ctx);
		expect(view.child.givenName).toBe('Uusi');
	});

	it('lists and searches the own team only, by name or identity code', async () => {
		const d = await db();
		const family = `Hakutesti${uniq()}`;
		const code = makeHetu('2012-03-04', 960 + Math.floor(Math.random() * 39));
		await createChild(
			d,
			viewerA,
			teamA,
			input({ familyName: family, dateOfBirth: '2012-03-04', personalIdentityCode: code })
		);
		expect(
			(await searchChildren(d, viewerA, family.toLowerCase())).map((c) => c.familyName)
		).toEqual([family]);
		expect((await searchChildren(d, viewerA, `ilona ${family}`)).length).toBe(1);
		expect((await searchChildren(d, viewerA, code)).map((c) => c.familyName)).toEqual([family]);
		expect(await searchChildren(d, viewerB, family)).toEqual([]);
		expect((await listTeamChildren(d, viewerA)).rows.some((c) => c.familyName === family)).toBe(
			true
		);
		expect((await listTeamChildren(d, viewerB)).rows.some((c) => c.familyName === family)).toBe(
			false
		);
		// Wildcards in the query are taken literally.
		expect(await searchChildren(d, viewerA, '%%')).toEqual([]);
	});
});
