import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { clientAddress } from '$lib/server/http/address';
import { metricsAllowed, registry } from '$lib/server/http/metrics';
import type { RequestHandler } from './$types';

/**
 * Prometheus metrics (docs/deploy.md): public to the gate (a scraper has no session) and
 * answered only to the addresses in METRICS_ALLOW; anyone else gets the 404 of a page
 * that is not there. Nothing in them names a person or a record.
 */
export const GET: RequestHandler = async (event) => {
	if (!metricsAllowed(clientAddress(event))) error(404, m.error_not_found());
	return new Response(await registry.metrics(), {
		headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' }
	});
};
