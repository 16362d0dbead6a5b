import type { Handle } from '@sveltejs/kit';

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
	'/metrics'
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
	const { user, pending } = event.locals;
	if (user || isPublicRoute(event.route.id)) return resolve(event);
	if (pending && PENDING_ROUTES.has(event.route.id ?? '')) return resolve(event);
	const back = event.request.method === 'GET' ? event.url.pathname + event.url.search : '/';
	const to = pending ? '/login/code' : '/login';
	return new Response(null, {
		status: 303,
		headers: { location: `${to}?next=${encodeURIComponent(back)}` }
	});
};
