// Production entry: serves the built app (build/handler.js) with the security headers on
// every response, the static files under /_app included, which adapter-node's own
// entry serves before any hook runs. Stops gracefully on SIGTERM / SIGINT. Runs under the
// heap cap of scripts/heap-cap.js.
import http from 'node:http';
import { ensureHeapCap } from './heap-cap.js';
import { baseSecurityHeaders } from '../src/lib/security-headers.js';
import { loopbackRedirect } from '../src/lib/loopback.js';

// Before the app is loaded: under the heap cap, or as a capped copy of this process.
await ensureHeapCap();

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';
/** A start that cannot listen, in one line with what to do, instead of a stack trace. */
function notStarted(e) {
	console.error(
		e.code === 'EADDRINUSE'
			? `Not started: ${host}:${port} is already in use. Stop what uses it, or set PORT to a free port (PORT=${port + 1} npm start)`
			: `Not started: ${e.message}`
	);
	process.exit(1);
}
// The port first, before the app opens its database: a second `npm start` beside a running
// one must stop here, not open the same embedded database from a second process.
await new Promise((resolve) => {
	const probe = http.createServer().once('error', notStarted);
	probe.listen(port, host, () => probe.close(resolve));
});
// Tracing first (src/instrumentation.server.ts): it must be in place before the app's code
// loads. It sets up nothing unless OTEL_EXPORTER_OTLP_ENDPOINT is set.
await import('../build/instrumentation.server.js');
// The app opens its database here (the server hook's init): a start it refuses (a wrong
// ENCRYPTION_KEY, a database without the app role's rights) is said in one line.
const REFUSALS = new Set(['WrongKeyError', 'MissingRightsError']);
const { handler } = await import('../build/handler.js').catch((e) => {
	if (!REFUSALS.has(e?.name)) throw e;
	console.error(`Not started: ${e.message}`);
	process.exit(1);
});

const headers = Object.entries(baseSecurityHeaders(process.env.ORIGIN));
const toOrigin = loopbackRedirect(process.env.ORIGIN);
const SHUTDOWN_MS = Number(process.env.SHUTDOWN_TIMEOUT ?? 5) * 1000;

const server = http.createServer((req, res) => {
	for (const [name, value] of headers) res.setHeader(name, value);
	// The demo opened at 127.0.0.1 instead of localhost: its forms would all be refused.
	const to = toOrigin(req);
	if (to) {
		res.writeHead(308, { location: to }).end();
		return;
	}
	handler(req, res, () => {
		res.statusCode = 404;
		res.end('Not found');
	});
});

server.on('error', (e) => notStarted(e));
// The address to open is ORIGIN's: the one forms are accepted from.
server.listen(port, host, () =>
	console.info(
		process.env.ORIGIN
			? `Listening on ${host}:${port}; open ${process.env.ORIGIN}`
			: `Listening on http://${host}:${port}`
	)
);

let stopping = false;
function shutdown() {
	if (stopping) return;
	stopping = true;
	// Stop accepting, let in-flight requests finish, then let the app close its pool.
	server.close(() => {
		process.emit('sveltekit:shutdown', 'SIGTERM');
		setTimeout(() => process.exit(0), 200).unref();
	});
	server.closeIdleConnections();
	setTimeout(() => {
		server.closeAllConnections();
		process.exit(0);
	}, SHUTDOWN_MS).unref();
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
