import type { Handle } from '@sveltejs/kit';
import { isFamilyRoute } from './family';

/**
 * The only routes a signed-out visitor reaches. Everything else is refused by the server
 * hook before any load or action runs, so a new route cannot be left open by forgetting a
 * check. Static files are served before the hook; a route id of null is the 404 page.
 */
export const PUBLIC_ROUTES: ReadonlySet<string> = new Set([
	'/login',
	// Sign-in through the organisation's identity provider and its way back (DOMAIN §12).
	'/login/provider',
	'/login/provider/callback',
	'/set-password/[token]',
	'/language',
	// Probes for a load balancer or orchestrator: no data, no session (docs/deploy.md).
	'/healthz',
	'/readyz',
	// For the monitoring server's address only (METRICS_ALLOW); 404 to anyone else.
	'/metrics',
	// A family member's sign-in with Suomi.fi and its way back (DOMAIN §11–12, ADR 041).
	'/family/login',
	'/family/login/start',
	'/family/login/callback'
]);

/**
 * What a session that has passed only the password reaches: the code step, the set-up of
 * an authenticator, and signing out (ADR 014). Nothing with data.
 */
export const PENDING_ROUTES: ReadonlySet<string> = new Set([
	'/login/code',
	'/login/setup',
	'/logout'
]);

export function isPublicRoute(routeId: string | null): boolean {
	return routeId === null || PUBLIC_ROUTES.has(routeId);
}

/** Signed out and not public: to the login page, which brings the person back afterwards. */
export const gate: Handle = ({ event, resolve }) => {
	const { user, pending, family } = event.locals;
	if (isPublicRoute(event.route.id)) return resolve(event);
	// The family's pages have their own gate: a family session, or their sign-in page
	// (a staff session opens none of them).
	if (isFamilyRoute(event.route.id)) {
		if (family) return resolve(event);
		const back = event.request.method === 'GET' ? event.url.pathname : '/family';
		return new Response(null, {
			status: 303,
			headers: { location: `/family/login?next=${encodeURIComponent(back)}` }
		});
	}
	if (user) return resolve(event);
	// A family member reaches no staff page: as if it did not exist.
	if (family && !pending) return new Response('Not found', { status: 404 });
	if (pending && PENDING_ROUTES.has(event.route.id ?? '')) return resolve(event);
	const back = event.request.method === 'GET' ? event.url.pathname + event.url.search : '/';
	const to = pending ? '/login/code' : '/login';
	return new Response(null, {
		status: 303,
		headers: { location: `${to}?next=${encodeURIComponent(back)}` }
	});
};
