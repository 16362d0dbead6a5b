import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import {
	deleteSessionCookie,
	readTeamCookie,
	sessionCookieName,
	setSessionCookie
} from '$lib/server/http/cookie';
import { validateFamilySession, validateSessionToken } from '$lib/server/auth';
import { closeDb, getDb } from '$lib/server/db';
import { familyContext, requestContext } from '$lib/server/context';
import {
	deleteFamilyCookie,
	familyCookieName,
	isFamilyRoute,
	setFamilyCookie
} from '$lib/server/http/family';
import { gate } from '$lib/server/http/gate';
import { log } from '$lib/server/log';
import { observeRequest } from '$lib/server/http/metrics';
import { startDatabase } from '$lib/server/startup';
import { startWorker, stopWorker } from '$lib/server/worker';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { m } from '$lib/paraglide/messages';
import { baseSecurityHeaders } from '$lib/security-headers.js';

/** Migrations (and, on a new embedded database, demo data) before the first request. */
export const init: ServerInit = async () => {
	await startDatabase();
	startWorker();
	// scripts/server.js emits this on SIGTERM once in-flight requests are done: stop the
	// worker and close the pool, so the process exits without being killed.
	process.once('sveltekit:shutdown', () => {
		stopWorker();
		void closeDb();
	});
};

/**
 * Each request gets an id (in the response's header and every log line about it) and one
 * request-log line when answered: method, route id (never the path: it holds ids), status
 * and milliseconds, and the same into the request metrics. Probes log at debug level: a
 * balancer and a scraper ask every few seconds.
 */
const requestId: Handle = async ({ event, resolve }) => {
	event.locals.requestId = crypto.randomUUID();
	const start = performance.now();
	const response = await resolve(event);
	const route = event.route.id;
	const line = {
		event: 'request',
		requestId: event.locals.requestId,
		method: event.request.method,
		route,
		status: response.status,
		ms: Math.round(performance.now() - start)
	};
	observeRequest(line.method, route, line.status, line.ms);
	if (route === '/healthz' || route === '/readyz' || route === '/metrics')
		log.debug(line, 'request');
	else log.info(line, 'request');
	return response;
};

/**
 * Authentication: who is this? The gate (last in the sequence) then refuses a signed-out
 * visitor outside the public routes; what a signed-in person may do is decided by the
 * authorisation helpers in every load and action.
 */
const authenticate: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.session = null;
	event.locals.pending = null;
	const db = await getDb();
	const now = new Date();
	const token = event.cookies.get(sessionCookieName(event.url));
	if (token) {
		// A person in several teams acts in the one chosen in the header (docs/domain.md §2).
		const chosenTeam = readTeamCookie(event.cookies, event.url);
		const result = await validateSessionToken(db, token, now, chosenTeam);
		if (result.session) {
			event.locals.session = result.session;
			// Only a session that has passed the second factor is a signed-in user.
			if (result.session.secondFactorAt) event.locals.user = result.user;
			else event.locals.pending = { userId: result.user.id, email: result.user.email };
			if (result.renewed) {
				setSessionCookie(event.cookies, event.url, token, result.session.expiresAt);
			}
		} else {
			deleteSessionCookie(event.cookies, event.url);
		}
	}
	// A family member's session is its own (ADR 041): it makes the context only on the
	// family's pages, and the gate refuses it everywhere else.
	event.locals.family = null;
	const familyToken = event.cookies.get(familyCookieName(event.url));
	if (familyToken) {
		const family = await validateFamilySession(db, familyToken, now);
		if (family) {
			event.locals.family = family;
			if (family.renewed)
				setFamilyCookie(event.cookies, event.url, familyToken, family.session.expiresAt);
		} else deleteFamilyCookie(event.cookies, event.url);
	}
	event.locals.context =
		event.locals.family && isFamilyRoute(event.route.id)
			? familyContext(db, event.locals.requestId, event.locals.family, now)
			: requestContext(db, event.locals.requestId, event.locals.user, now);
	return resolve(event);
};

const i18n: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
		});
	});

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const h = response.headers;
	// Pages get the full CSP from kit.csp; anything else still refuses to be framed.
	if (!h.has('content-security-policy')) {
		h.set('content-security-policy', "frame-ancestors 'none'");
	}
	for (const [name, value] of Object.entries(baseSecurityHeaders(process.env.ORIGIN))) {
		h.set(name, value);
	}
	h.set('x-request-id', event.locals.requestId);
	if (event.locals.session || event.locals.family) {
		h.set('cache-control', 'no-store');
	}
	return response;
};

export const handle = sequence(requestId, authenticate, i18n, securityHeaders, gate);

/**
 * Unexpected errors: one structured log line with the request id, route, error name and the
 * database's SQL state and constraint; the person gets a plain message with the request id.
 * Never the error's message or parameters: they may quote personal data.
 */
export const handleError: HandleServerError = ({ error, event, status }) => {
	if (status !== 404) {
		log.error(
			{
				requestId: event.locals.requestId,
				method: event.request.method,
				route: event.route.id,
				status,
				err: error
			},
			'request failed'
		);
	}
	return {
		message: status === 404 ? m.error_not_found() : m.error_generic(),
		requestId: event.locals.requestId
	};
};
