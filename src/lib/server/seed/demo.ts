import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { OrganisationKind, Role } from '../../domain/roles';
import { hashPassword } from '../auth/password';
import type { Db, Tx } from '../db';
import { membership, organisation, team, user, userFactor } from '../db/schema';
import { seal } from '../auth/secret-box';
import { DEMO_MARKER, demoSecret } from './demo-factor';
import { seedChildren } from './children';
import { seedPaths } from './paths';
import { seedMeetings } from './meetings';
import { seedWork } from './work';
import { seedFamily } from './family';
import type { DemoIds } from './ids';

export type { DemoIds };

/**
 * Fictional demo data. No name here belongs to a real person; the municipality
 * "Järvelä" does not exist. Later issues extend `seedDemo` with children and assessments.
 */

export const DEMO_PASSWORD = 'Demo-salasana-2026';
export const DEMO_MUNICIPALITY = 'Järvelä';

export const DEMO_ORGS: { key: string; name: string; kind: OrganisationKind }[] = [
	{ key: 'cp', name: 'Järvelän lastensuojelu', kind: 'child_protection' },
	{ key: 'school', name: 'Koivurannan koulu', kind: 'school' },
	{ key: 'daycare', name: 'Päiväkoti Tähtitaivas', kind: 'early_education' },
	{ key: 'clinic', name: 'Keskustan neuvola', kind: 'child_health_clinic' },
	{ key: 'psych', name: 'Järvelän lastenpsykiatrian poliklinikka', kind: 'child_psychiatry' },
	{ key: 'youth', name: 'Nuorten mielenterveyspalvelut Väylä', kind: 'youth_mental_health' },
	{ key: 'substance', name: 'Nuorten päihdepalvelut Suunta', kind: 'substance_abuse' },
	{ key: 'unit', name: 'Nuorisokoti Kajastus', kind: 'residential_unit' }
];

export const DEMO_TEAM = 'Systeeminen tiimi Pohjoinen';

export const DEMO_USERS: {
	email: string;
	displayName: string;
	role: Role;
	org: string;
	team?: boolean;
}[] = [
	{
		email: 'konsultti@demo.example',
		displayName: 'Kaarina Lehtola',
		role: 'consultant_social_worker',
		org: 'cp',
		team: true
	},
	{
		email: 'sosiaalityontekija@demo.example',
		displayName: 'Mikko Saarinen',
		role: 'social_worker',
		org: 'cp',
		team: true
	},
	{
		email: 'sosiaaliohjaaja@demo.example',
		displayName: 'Riikka Honkanen',
		role: 'social_instructor',
		org: 'cp',
		team: true
	},
	{
		email: 'perheterapeutti@demo.example',
		displayName: 'Janne Kivelä',
		role: 'family_therapist',
		org: 'cp',
		team: true
	},
	{
		email: 'koordinaattori@demo.example',
		displayName: 'Satu Mäkelä',
		role: 'coordinator',
		org: 'cp',
		team: true
	},
	{ email: 'koulu@demo.example', displayName: 'Outi Rantanen', role: 'partner', org: 'school' },
	{
		email: 'varhaiskasvatus@demo.example',
		displayName: 'Elina Aaltonen',
		role: 'partner',
		org: 'daycare'
	},
	{ email: 'neuvola@demo.example', displayName: 'Hanna Peltonen', role: 'partner', org: 'clinic' },
	{
		email: 'lastenpsykiatria@demo.example',
		displayName: 'Tuomas Heikkilä',
		role: 'partner',
		org: 'psych'
	},
	{
		email: 'nuorisomielenterveys@demo.example',
		displayName: 'Noora Lindqvist',
		role: 'partner',
		org: 'youth'
	},
	{
		email: 'paihdepalvelut@demo.example',
		displayName: 'Ville Koskinen',
		role: 'partner',
		org: 'substance'
	},
	{
		email: 'laitos@demo.example',
		displayName: 'Minna Salo',
		role: 'residential_staff',
		org: 'unit'
	},
	// The region's child-protection management: the reports of every team, nothing else.
	{ email: 'johto@demo.example', displayName: 'Leena Virtanen', role: 'region_manager', org: 'cp' },
	{ email: 'yllapito@demo.example', displayName: 'Pekka Ylönen', role: 'admin', org: 'cp' }
];

/** Creates the demo data once; returns false when it is already there. */
export async function seedDemo(db: Db): Promise<boolean> {
	const cp = DEMO_ORGS[0]!;
	const [exists] = await db.select().from(organisation).where(eq(organisation.name, cp.name));
	if (exists) return false;
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	await db.transaction(async (tx) => {
		const ids = await seedOrganisationsAndUsers(tx, passwordHash);
		await extendDemo(tx, ids);
	});
	return true;
}

async function seedOrganisationsAndUsers(tx: Tx, passwordHash: string): Promise<DemoIds> {
	const orgs: Record<string, string> = {};
	for (const o of DEMO_ORGS) {
		const [row] = await tx
			.insert(organisation)
			.values({
				name: o.name,
				kind: o.kind,
				municipality: DEMO_MUNICIPALITY,
				// A made-up number for the demo's emergency social services ("danger now", §6).
				emergencyPhone: o.kind === 'child_protection' ? '09 8765 4321' : null
			})
			.returning({ id: organisation.id });
		orgs[o.key] = row!.id;
	}
	const [t] = await tx
		.insert(team)
		.values({ organisationId: orgs.cp!, name: DEMO_TEAM })
		.returning({ id: team.id });
	const users: Record<string, string> = {};
	for (const u of DEMO_USERS) {
		const [row] = await tx
			.insert(user)
			.values({ email: u.email, displayName: u.displayName, passwordHash })
			.returning({ id: user.id });
		users[u.email] = row!.id;
		// The authenticator is set up from the public demo key (README, "Demo accounts").
		await tx.insert(userFactor).values({
			userId: row!.id,
			secretEnc: seal(demoSecret(u.email)),
			confirmedAt: new Date()
		});
		await tx.insert(membership).values({
			userId: row!.id,
			organisationId: orgs[u.org]!,
			teamId: u.team ? t!.id : null,
			role: u.role,
			// The demo team is set up as if its consultant had approved every member.
			approvedAt: new Date()
		});
	}
	return { orgs, teamId: t!.id, users };
}

/** Children, grants, a placement, requests and assessments; later issues add more. */
async function extendDemo(tx: Tx, ids: DemoIds): Promise<void> {
	const childIds = await seedChildren(tx, ids);
	await seedWork(tx, ids, childIds);
	await seedPaths(tx, ids, childIds);
	await seedMeetings(tx, ids, childIds);
	await seedFamily(tx, ids, childIds);
}

/**
 * Marks an embedded database folder as holding the demo data, so `npm run demo:code` can
 * refuse any other without opening the database (one process at a time may open it).
 */
export function markDemo(driver: 'postgres' | 'pglite', dataDir: string) {
	if (driver !== 'pglite' || dataDir.startsWith('memory://')) return;
	writeFileSync(join(dataDir, DEMO_MARKER), 'This embedded database holds the demo data.\n');
}
