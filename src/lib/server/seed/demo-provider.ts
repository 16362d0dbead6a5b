import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { DEMO_USERS } from './demo';

/*
 * The demo's identity provider (DOMAIN §12): `DEMO_PROVIDER=true npm start` runs the
 * tests' OpenID provider beside the app, so a newcomer can try signing in with an
 * organisation's account. Its people are the demo accounts (linked here, as a real region
 * links them at their first sign-in) and one newcomer whose first sign-in waits for
 * approval. Never for a deployment: the app refuses it behind https.
 */

/** A person whose first sign-in makes a new account, waiting for approval. */
export const DEMO_NEWCOMER = {
	sub: 'demo-newcomer',
	email: 'uusi.tyontekija@demo.example',
	name: 'Uusi Työntekijä (ensimmäinen kirjautuminen)'
};

/** The provider's people: each demo account by its e-mail as the subject, and the newcomer. */
export function demoProviderPeople() {
	return [
		...DEMO_USERS.map((u) => ({
			sub: u.email,
			email: u.email,
			name: u.displayName,
			amr: ['pwd', 'mfa']
		})),
		{ ...DEMO_NEWCOMER, amr: ['pwd', 'mfa'] }
	];
}

/** Links each demo account to its person at the demo provider (once; a restart adds none). */
export async function linkDemoIdentities(db: DbOrTx, issuer: string) {
	const emails = DEMO_USERS.map((u) => u.email);
	await db.execute(sql`
		insert into user_identity (user_id, issuer, subject, last_sign_in_at)
		select u.id, ${issuer}, u.email, now() from "user" u
		where u.email in (${sql.join(
			emails.map((e) => sql`${e}`),
			sql`, `
		)})
		on conflict (issuer, subject) do nothing`);
}
