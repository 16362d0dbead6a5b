import { isReady } from '$lib/server/features/health';
import type { RequestHandler } from './$types';

/**
 * Readiness for a load balancer: 200 when the database is reachable and migrated, 503
 * otherwise. Public (gate.ts) and without detail, so it tells an outsider nothing.
 */
export const GET: RequestHandler = async () => {
	const ready = await isReady();
	return new Response(ready ? 'ready\n' : 'not ready\n', {
		status: ready ? 200 : 503,
		headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }
	});
};
