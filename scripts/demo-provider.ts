// The demo's identity provider (docs/domain.md §12): the tests' OpenID provider, with the
// demo accounts as its people. `scripts/start.js` runs it when DEMO_PROVIDER is set and
// reads its first line (issuer, client id and secret) before the app starts.
import { demoProviderPeople } from '../src/lib/server/seed/demo-provider';
import { startTestProvider } from '../src/lib/server/testing/oidc-provider';

const origin = process.env.ORIGIN ?? 'http://localhost:3000';
const port = Number(process.env.DEMO_PROVIDER_PORT ?? 0);
const op = await startTestProvider(new URL('/login/provider/callback', origin).href, { port });
for (const p of demoProviderPeople()) op.people.set(p.sub, p);
process.stdout.write(
	`${JSON.stringify({ issuer: op.issuer, clientId: op.clientId, clientSecret: op.clientSecret })}\n`
);
const stop = () => void op.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// Ends with the app: its parent closes this pipe when it exits.
process.stdin.on('end', stop);
process.stdin.resume();
