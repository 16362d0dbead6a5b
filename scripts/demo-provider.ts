// The demo's identity provider (docs/domain.md §12): the tests' OpenID provider, with the
// demo accounts as its people. `scripts/start.js` runs it when DEMO_PROVIDER is set and
// reads its first line (issuer, client id and secret) before the app starts.
import { demoProviderPeople } from '../src/lib/server/seed/demo-provider';
import { demoCitizens } from '../src/lib/server/seed/family';
import { IDENTITY_CODE_CLAIM, startTestProvider } from '../src/lib/server/testing/oidc-provider';

const origin = process.env.ORIGIN ?? 'http://localhost:3000';
const port = Number(process.env.DEMO_PROVIDER_PORT ?? 0);
const op = await startTestProvider(new URL('/login/provider/callback', origin).href, { port });
for (const p of demoProviderPeople()) op.people.set(p.sub, p);
// A second one in Suomi.fi's shape for the family's pages (docs/domain.md §11–12): strong
// identification and the identity code, for the demo family and one stranger.
const citizenPort = Number(process.env.DEMO_CITIZEN_PORT ?? 0);
const citizen = await startTestProvider(new URL('/family/login/callback', origin).href, {
	port: citizenPort
});
for (const p of demoCitizens(IDENTITY_CODE_CLAIM)) citizen.people.set(p.sub, p);
const settings = (p: typeof op) => ({
	issuer: p.issuer,
	clientId: p.clientId,
	clientSecret: p.clientSecret
});
process.stdout.write(`${JSON.stringify({ ...settings(op), citizen: settings(citizen) })}\n`);
const stop = () => void Promise.all([op.close(), citizen.close()]).then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// Ends with the app: its parent closes this pipe when it exits.
process.stdin.on('end', stop);
process.stdin.resume();
