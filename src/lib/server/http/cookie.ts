import type { Cookies } from '@sveltejs/kit';

/** On https the `__Host-` prefix pins the cookie to this exact origin, Secure, Path=/. */
export function sessionCookieName(url: URL): string {
	return url.protocol === 'https:' ? '__Host-session' : 'session';
}

export function setSessionCookie(cookies: Cookies, url: URL, token: string, expiresAt: Date) {
	cookies.set(sessionCookieName(url), token, {
		httpOnly: true,
		sameSite: 'lax',
		path: '/',
		secure: url.protocol === 'https:',
		expires: expiresAt
	});
}

export function deleteSessionCookie(cookies: Cookies, url: URL) {
	cookies.delete(sessionCookieName(url), {
		httpOnly: true,
		sameSite: 'lax',
		path: '/',
		secure: url.protocol === 'https:'
	});
}

/** The team a person in several teams chose to act in (a preference, checked per request). */
export function teamCookieName(url: URL): string {
	return url.protocol === 'https:' ? '__Host-team' : 'team';
}

export function readTeamCookie(cookies: Cookies, url: URL): string | null {
	const v = cookies.get(teamCookieName(url)) ?? '';
	return /^[0-9a-f-]{36}$/i.test(v) ? v : null;
}

export function setTeamCookie(cookies: Cookies, url: URL, teamId: string) {
	cookies.set(teamCookieName(url), teamId, {
		httpOnly: true,
		sameSite: 'lax',
		path: '/',
		secure: url.protocol === 'https:',
		maxAge: 365 * 24 * 3600
	});
}
