/**
 * Where a browser that opened the app by a loopback address should go instead.
 *
 * The demo's ORIGIN is http://localhost:PORT and it listens on 127.0.0.1. A browser on
 * http://127.0.0.1:PORT gets every page, yet SvelteKit refuses every form it posts there
 * as cross-site, sign-in included. So a page request to a loopback address of ORIGIN's
 * port is sent to the same path on ORIGIN. Nothing else is: a health probe and a form
 * post keep their answers, and an ORIGIN that is not localhost (any real deployment)
 * sends nobody anywhere.
 *
 * @param {string | undefined} origin the app's public origin (ORIGIN)
 * @returns {(req: { method?: string; url?: string; headers: Record<string, string | string[] | undefined> }) => string | null}
 *   the address to send the request to, or null to serve it
 */
export function loopbackRedirect(origin) {
	const public_ = origin ? new URL(origin) : null;
	if (!public_ || public_.hostname !== 'localhost') return () => null;
	const port = public_.port || (public_.protocol === 'https:' ? '443' : '80');
	const hosts = new Set([`127.0.0.1:${port}`, `[::1]:${port}`]);
	// A browser leaves the default port out of its Host header.
	if (!public_.port) hosts.add('127.0.0.1').add('[::1]');
	return (req) => {
		if (req.method !== 'GET' && req.method !== 'HEAD') return null;
		const host = req.headers.host;
		if (typeof host !== 'string' || !hosts.has(host.toLowerCase())) return null;
		// A page a person opens, not a probe or a script's fetch.
		const accept = req.headers.accept;
		if (typeof accept !== 'string' || !accept.includes('text/html')) return null;
		return `${public_.origin}${req.url?.startsWith('/') ? req.url : '/'}`;
	};
}
