// Starts the built app. Without ORIGIN, adapter-node assumes https and would refuse every
// form post on http://localhost as cross-site; a local default keeps `npm start` working.
// It listens on this machine only unless HOST says otherwise: the demo's accounts and keys
// are published in the README, so a laptop's demo must not answer the network.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { ensureHeapCap } from './heap-cap.js';

// First, before the demo provider starts: the capped copy of this process starts it.
await ensureHeapCap();

process.env.PORT ??= '3000';
process.env.HOST ??= '127.0.0.1';
process.env.ORIGIN ??= `http://localhost:${process.env.PORT}`;

// DEMO_PROVIDER=true: the demo's own identity provider beside the app (docs/domain.md §12),
// so "Kirjaudu organisaation tunnuksella" can be tried. It needs the development
// dependencies (npm install), and the app refuses it behind https.
if (['true', '1'].includes(process.env.DEMO_PROVIDER ?? '')) {
	process.env.DEMO_PROVIDER_PORT ??= String(Number(process.env.PORT) + 1);
	const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/demo-provider.ts'], {
		stdio: ['pipe', 'pipe', 'inherit']
	});
	process.on('exit', () => child.kill());
	const first = await new Promise((resolve, reject) => {
		child.once('exit', (code) => reject(new Error(`the demo provider stopped (${code})`)));
		createInterface({ input: child.stdout }).once('line', resolve);
	});
	const { issuer, clientId, clientSecret, citizen } = JSON.parse(String(first));
	process.env.OIDC_ISSUER = issuer;
	process.env.OIDC_CLIENT_ID = clientId;
	process.env.OIDC_CLIENT_SECRET = clientSecret;
	// Its Suomi.fi stand-in, for the family's pages (/family).
	process.env.SUOMIFI_ISSUER = citizen.issuer;
	process.env.SUOMIFI_CLIENT_ID = citizen.clientId;
	process.env.SUOMIFI_CLIENT_SECRET = citizen.clientSecret;
	console.info(`Demo identity provider on ${issuer}, Suomi.fi stand-in on ${citizen.issuer}`);
}

console.info(`Starting on ${process.env.ORIGIN} (listening on ${process.env.HOST})`);
await import('./server.js');
