import type { RequestHandler } from './$types';

/** Liveness: the process answers. Public (gate.ts), touches nothing, says nothing else. */
export const GET: RequestHandler = () =>
	new Response('ok\n', {
		headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }
	});
