import { error, redirect, type Cookies, type RequestEvent } from '@sveltejs/kit';
import { m } from '../../paraglide/messages';
import { checkFamilyChildAccess, identityCodeHasAccess, type FamilyChildContext } from '../access';
import { recentlyIdentified } from '../auth';
import { citizenProvider, citizenSettings, type CitizenProvider } from '../auth/oidc';
import type { FamilyContext } from '../context';
import { readEnv } from '../env';
import { log } from '../log';

/*
 * The HTTP side of the family's pages (DOMAIN §11–12, ADR 041): the family session's
 * cookie, the Suomi.fi round trip's handle, and the guards every family load and action
 * calls. A family session opens the family's pages only; a staff session opens none of them.
 */

export const FAMILY_PREFIX = '/family';
const SIGN_IN_PATH = '/family/login';
const HANDLE = 'family_sign_in';

/** On https the `__Host-` prefix pins the cookie to this exact origin, Secure, Path=/. */
export function familyCookieName(url: URL): string {
	return url.protocol === 'https:' ? '__Host-family' : 'family';
}

const cookieOptions = (url: URL) => ({
	httpOnly: true,
	sameSite: 'lax' as const,
	path: '/',
	secure: url.protocol === 'https:'
});

export function setFamilyCookie(cookies: Cookies, url: URL, token: string, expiresAt: Date) {
	cookies.set(familyCookieName(url), token, { ...cookieOptions(url), expires: expiresAt });
}

export function deleteFamilyCookie(cookies: Cookies, url: URL) {
	cookies.delete(familyCookieName(url), cookieOptions(url));
}

/** The handle of the Suomi.fi sign-in this browser started, for the round trip only. */
export function keepFamilyHandle(cookies: Cookies, url: URL, handle: string) {
	cookies.set(HANDLE, handle, {
		...cookieOptions(url),
		path: SIGN_IN_PATH,
		maxAge: 10 * 60
	});
}

/** The handle, once: removed as it is read. */
export function takeFamilyHandle(cookies: Cookies, url: URL): string | undefined {
	const handle = cookies.get(HANDLE);
	cookies.delete(HANDLE, { ...cookieOptions(url), path: SIGN_IN_PATH });
	return handle;
}

/** Where Suomi.fi sends the browser back: the app's own origin, fixed. */
export function familyRedirectUri(url: URL): string {
	return new URL(`${SIGN_IN_PATH}/callback`, readEnv().ORIGIN ?? url.origin).href;
}

/** Whether family sign-in is set up at all (the SUOMIFI_* settings). */
export const familySignInConfigured = () => citizenSettings(readEnv()) !== null;

/** Suomi.fi, 'off' when not set up, or 'unavailable' when its discovery failed. */
export async function citizenProviderOrProblem(): Promise<CitizenProvider | 'off' | 'unavailable'> {
	try {
		return (await citizenProvider(readEnv())) ?? 'off';
	} catch (e) {
		log.warn({ err: e }, 'Suomi.fi unreachable');
		return 'unavailable';
	}
}

/**
 * The family bar's "signed in as" line, its words made on the server (ADR 028): the same
 * message in the staff header would otherwise be split into a chunk every page loads.
 */
export const familyBar = (ctx: FamilyContext) => ({
	who: ctx.name ? m.signed_in_as({ name: ctx.name }) : null,
	signOut: m.family_sign_out()
});

/** Whether an identity code Suomi.fi vouched for sees any child now (the sign-in's check). */
export const mayEnterFamily = identityCodeHasAccess;

/** Whether a route is one of the family's pages (their own gate). */
export const isFamilyRoute = (routeId: string | null) =>
	routeId === FAMILY_PREFIX || !!routeId?.startsWith(`${FAMILY_PREFIX}/`);

type Event = Pick<RequestEvent, 'locals' | 'url'>;

/**
 * The signed-in family member's context; the family's sign-in page for a visitor signed
 * in as nobody, and 404 for a staff session (no staff role opens a family page).
 */
export function requireFamily(event: Event): FamilyContext {
	const ctx = event.locals.context;
	if (ctx.kind === 'staff') error(404, m.error_not_found());
	if (ctx.kind !== 'family')
		redirect(303, `${SIGN_IN_PATH}?next=${encodeURIComponent(event.url.pathname)}`);
	return ctx;
}

/**
 * The family member's access to one child, checked on every request: 404 (logged) when
 * they have none, the same for a child that does not exist.
 */
export async function requireFamilyChild(
	event: Event & { request?: Request },
	childId: string,
	what: { action?: string; entityType?: string; ownData?: boolean } = {}
): Promise<FamilyChildContext> {
	const ctx = requireFamily(event);
	const checked = await checkFamilyChildAccess(ctx.db, ctx, childId, {
		action: what.action ?? (event.request?.method === 'POST' ? 'write' : 'read'),
		entityType: what.entityType,
		ownData: what.ownData
	});
	if (!checked) error(404, m.error_not_found());
	return checked;
}

/** Before the access-log view: a strong identification at most 10 minutes old. */
export function requireRecentIdentification(event: Event, ctx: FamilyContext): void {
	if (recentlyIdentified(ctx.reidentifiedAt, ctx.now)) return;
	redirect(
		303,
		`${SIGN_IN_PATH}/start?for=reidentify&next=${encodeURIComponent(event.url.pathname)}`
	);
}
