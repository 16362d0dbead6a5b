import fc from 'fast-check';
import { expect } from 'vitest';
import {
	answerOf,
	discoverEntries,
	routeEvent,
	snapshot,
	walkEntries,
	type Entry,
	type World
} from './route-walk';

/**
 * Every form action, discovered from the file system, gets at least 200 malformed bodies
 * from someone allowed to use it: control characters, integers past PostgreSQL's range,
 * impossible dates, oversized text, bodies that are not form data. None may answer 5xx and
 * none may change a row.
 */
const RUNS = 200;
// A fixed seed: the same 200 bodies each run, so a failure in CI reproduces on a laptop.
// Change it to explore other bodies (`FUZZ_SEED=… npm run test:unit`).
const SEED = Number(process.env.FUZZ_SEED ?? 20261123);

/** Field names the app's forms use, so the malformed values reach the real validators. */
const FIELDS = [
	'email',
	'password',
	'currentPassword',
	'newPassword',
	'confirm',
	'next',
	'locale',
	'redirectTo',
	'name',
	'kind',
	'municipality',
	'organisationId',
	'teamId',
	'role',
	'displayName',
	'preferredLocale',
	'version',
	'membershipId',
	'givenName',
	'familyName',
	'dateOfBirth',
	'personalIdentityCode',
	'homeMunicipality',
	'responsibleWorkerId',
	'query',
	'basis',
	'consentGivenBy',
	'consentGivenOn',
	'validFrom',
	'validUntil',
	'id',
	'until',
	'unitOrganisationId',
	'since',
	'message',
	'dueDate',
	'colour',
	'reason',
	'reviewOn',
	'basedOn',
	'decision',
	'note',
	'question',
	'urgency',
	'background',
	'scheduledAt',
	'place',
	'participantOrganisationIds',
	'participantUserIds',
	'hypotheses',
	'recommendations',
	'followUpOwnerId',
	'followUpOn',
	'leadWorkerId',
	'outcome',
	'outcomeNote',
	'what',
	'who',
	'dueOn',
	'stepId',
	'stepVersion',
	'on',
	'assessmentId',
	'requestId',
	'supersedesId',
	'childView',
	'guardiansView',
	'strengths',
	'familyInformed',
	'r_S1',
	'e_S1',
	'r_P1',
	// The family's forms (§11): their words, the own view's answers, the two questions.
	'text',
	'S',
	'L',
	'F',
	'subjectId',
	'heard',
	'clear',
	'itemId',
	'expected',
	'private',
	'meetingId'
];

const INT_FIELDS = new Set(['version', 'stepVersion']);
const DATE_FIELDS = new Set([
	'dateOfBirth',
	'consentGivenOn',
	'validFrom',
	'validUntil',
	'until',
	'since',
	'dueDate',
	'reviewOn',
	'followUpOn',
	'dueOn',
	'on',
	'scheduledAt'
]);

const controlChar = fc.constantFrom(
	'\u0000',
	'\u0001',
	'\u0008',
	'\u000b',
	'\u001b',
	'\u007f',
	'\u0085'
);
// Between letters, so that trimming (a vertical tab is white space to `trim`) cannot turn
// it into a harmless empty value.
export const withControl = fc
	.tuple(fc.string({ maxLength: 20 }), controlChar, fc.string({ maxLength: 20 }))
	.map(([a, c, b]) => `x${a}${c}${b}x`);
export const badInt = fc.constantFrom(
	'2147483648',
	'9007199254740993',
	'-1',
	'0',
	'1e309',
	'NaN',
	'99999999999999999999',
	'1.5'
);
export const badDate = fc.constantFrom(
	'2026-02-30',
	'0000-01-01',
	'2023-02-29',
	'2026-13-01',
	'99999-01-01',
	'2026-02-30T10:00',
	'2026-01-01T25:61',
	'1899-12-31'
);
export const tooLong = fc.constant('x'.repeat(10_001));

/** A value that is wrong for the field it is sent in, whatever the form. */
const malformedFor = (field: string) =>
	INT_FIELDS.has(field)
		? fc.oneof(badInt, withControl)
		: DATE_FIELDS.has(field)
			? fc.oneof(badDate, withControl)
			: fc.oneof({ weight: 4, arbitrary: withControl }, { weight: 1, arbitrary: tooLong });

const urlencodedBody = fc
	.uniqueArray(fc.constantFrom(...FIELDS), { minLength: 1, maxLength: 12 })
	.chain((keys) =>
		fc.tuple(...keys.map((k) => malformedFor(k).map((v) => [k, v] as [string, string])))
	)
	.map((pairs) => ({
		contentType: 'application/x-www-form-urlencoded',
		body: new URLSearchParams(pairs).toString()
	}));
const otherBody = fc.constantFrom(
	{ contentType: 'text/plain', body: 'email=a@b.example\u0000&version=1' },
	{ contentType: 'application/json', body: '{"version": 2147483648}' },
	{ contentType: 'multipart/form-data; boundary=nope', body: '--broken\r\n\r\n' },
	{ contentType: 'multipart/form-data', body: 'no boundary at all' },
	{ contentType: null, body: 'version=1' },
	{ contentType: 'application/x-www-form-urlencoded', body: '%' }
);
const malformedBody = fc.oneof(
	{ weight: 5, arbitrary: urlencodedBody },
	{ weight: 1, arbitrary: otherBody }
);
type Body = { contentType: string | null; body: string };

/** The bodies every action gets, sampled once from the seed. */
const BODIES: Body[] = fc.sample(malformedBody, { numRuns: RUNS, seed: SEED });
/** How many requests of one action are in flight at once. */
const TOGETHER = 8;

/** A failing body, short enough to read in the test's message. */
function describeBody(body: Body): string {
	const text = JSON.stringify(body.body);
	return `${body.contentType ?? 'no content type'} ${text.length > 300 ? `${text.slice(0, 300)}…` : text}`;
}

/**
 * Actions that take no fields at all (a button): any body is a valid request, so they may
 * write; they are still walked for 5xx.
 */
const BUTTONS = new Set([
	'activate',
	'deactivate',
	'passwordLink',
	'readAll',
	'correct',
	'endOthers',
	'newRecoveryCodes',
	'replaceFactor',
	'resetFactor'
]);

/**
 * Someone who passes the action's authorisation, so the body reaches its parsing: on the
 * family's pages the young person (who may use every family form), elsewhere staff.
 */
export function visitorFor(e: Entry, w: World): { user: string | null; family?: string } {
	if (e.routeId.startsWith('/family/')) return { user: null, family: w.family.youngPerson };
	return { user: actorFor(e, w) };
}

function actorFor(e: Entry, w: World): string | null {
	if (['/login', '/set-password/[token]', '/language'].includes(e.routeId)) return null;
	if (e.routeId.startsWith('/admin')) return w.users.admin;
	if (e.routeId.includes('assessments')) return w.users.granted;
	if (e.routeId.startsWith('/consultations')) return w.users.coordinator;
	return w.users.consultant;
}

/**
 * Defines the walk for one shard of the actions (`shard` of `of`), so that the walk's
 * spec files spread over the test workers.
 */
export function walkMalformedBodies(shard: number, of: number) {
	const found = discoverEntries().filter((e) => e.kind === 'action');
	walkEntries(
		`malformed bodies never give a 5xx and never write (part ${shard + 1} of ${of})`,
		{ found, walked: found.filter((_, i) => i % of === shard), atLeast: 30, what: 'action' },
		async (entry, world, params) => {
			const visitor = visitorFor(entry, world);
			const before = await snapshot();
			const statuses = new Map<number, number>();
			// One signed-in event per action; each run gets its own request and body.
			const base = await routeEvent(visitor.user, entry, params, undefined, visitor.family);
			const send = async (body: Body) => {
				const headers: Record<string, string> = {};
				if (body.contentType) headers['content-type'] = body.contentType;
				const event = {
					...base,
					request: new Request(base.url, { method: 'POST', headers, body: body.body })
				};
				const result = await answerOf(entry, event, describeBody(body));
				statuses.set(result.status, (statuses.get(result.status) ?? 0) + 1);
				expect(result.status, describeBody(body)).toBeLessThan(500);
			};
			// A few requests at a time, as browsers send them: on PostgreSQL the walk waited
			// on one round trip after another. An action that may write takes them one by
			// one, so what it writes stays one request's.
			const together = BUTTONS.has(entry.name) ? 1 : TOGETHER;
			for (let i = 0; i < BODIES.length; i += together)
				await Promise.all(BODIES.slice(i, i + together).map(send));
			if (!BUTTONS.has(entry.name)) expect(await snapshot()).toBe(before);
			// The family's visitor got past the gate to the form's checks (not a 404).
			if (visitor.family) expect(statuses.get(400) ?? 0).toBeGreaterThan(0);
			expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(RUNS);
		}
	);
}
