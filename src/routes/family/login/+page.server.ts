import { familySignInConfigured } from '$lib/server/http/family';
import { safeNext } from '$lib/server/http/redirect';
import type { PageServerLoad } from './$types';

/** The family's way in (DOMAIN §11–12): one button to Suomi.fi, or a plain "not in use". */
export const load: PageServerLoad = ({ url }) => ({
	configured: familySignInConfigured(),
	loggedOut: url.searchParams.get('logged_out') === '1',
	next: safeNext(url.searchParams.get('next'), '/family')
});
