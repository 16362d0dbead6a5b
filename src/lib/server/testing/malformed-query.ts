import fc from 'fast-check';
import { expect } from 'vitest';
import { FIGURE_KEYS } from '../../domain/report-figures';
import { badDate, badInt, tooLong, visitorFor, withControl } from './malformed';
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
 * Every page load and GET endpoint, discovered from the file system, gets query strings
 * that are wrong in every way a link can be: page numbers past any range, impossible
 * dates and periods, foreign addresses in `next`, control characters, oversized values,
 * repeated keys. A query string is the one input a person can type past every form, and
 * bookmarks and old links carry stale ones; none may answer 5xx or change a row.
 */
const RUNS = 40;
// A fixed seed, as for the bodies: a failure in CI reproduces on a laptop.
const SEED = Number(process.env.FUZZ_SEED ?? 20261207);

/**
 * The names the app reads from a query string, so the values reach the real parsers: the
 * lists' pages, the dashboard's and the reports' filters, the notices, the sign-in's
 * return address and provider answers. A few names no route reads come with them.
 */
const NAMES = [
	'page',
	'inboxPage',
	'colour',
	'workerId',
	'signal',
	'deadline',
	'caseload',
	'team',
	'period',
	'from',
	'to',
	'partner',
	'half',
	'figure',
	'format',
	'worker',
	'saved',
	'decided',
	'done',
	'problem',
	'next',
	'lang',
	'provider',
	'recovery_left',
	'logged_out',
	'password_set',
	'provider_linked',
	'reset',
	'code',
	'state',
	'nonce',
	'client_id',
	'acr_values',
	'post_logout_redirect_uri',
	'sort',
	'childId'
];

/** Stands for the walk's team id, known only once the world is made. */
const TEAM = '{team}';

/**
 * Wrong for any name: the body walk's wrong numbers, dates, control characters and
 * oversized text, and what only a link carries (periods, ids, addresses to go back to).
 */
const WRONG = fc.oneof(
	badInt,
	badDate,
	withControl,
	tooLong,
	fc.constantFrom(
		'',
		'month:2026-02-30',
		'quarter:9999-01-01',
		'half_year:0000-01-01',
		'month:2026-11-01',
		'custom',
		'child_protection',
		'red',
		'00000000-0000-0000-0000-000000000000',
		'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz',
		'https://evil.example/',
		'//evil.example',
		'/\\evil.example',
		'javascript:alert(1)',
		'../admin'
	)
);
/**
 * Values that are right for some name, so that a query can pass one check and reach the
 * next: a figure to download, a whole past quarter, a dashboard filter, the walk's team.
 */
const RIGHT = fc.constantFrom(
	...FIGURE_KEYS,
	'plain',
	'quarter:2026-07-01',
	'half_year:2026-04-01',
	'2026-04-01',
	'due',
	'disagreement',
	'2',
	TEAM
);
const value = fc.oneof(
	{ weight: 3, arbitrary: WRONG },
	{ weight: 2, arbitrary: RIGHT },
	{ weight: 1, arbitrary: fc.string() }
);
const query = fc.array(fc.tuple(fc.constantFrom(...NAMES), value), { minLength: 1, maxLength: 8 });
/** The query strings every load gets, sampled once from the seed. */
const QUERIES: [string, string][][] = fc.sample(query, { numRuns: RUNS, seed: SEED });

/** Sign-in pages are walked by nobody signed in, the way their query strings arrive. */
const ANONYMOUS = ['/login', '/family/login', '/set-password', '/reauth', '/language'];

/** Someone who gets past the route's guard, so the query reaches its parsing. */
function visitorOf(entry: Entry, world: World): { user: string | null; family?: string } {
	if (ANONYMOUS.some((p) => entry.routeId.startsWith(p))) return { user: null };
	// The notifier's receipts (§3).
	if (entry.routeId.startsWith('/intake/sent')) return { user: world.users.notifier };
	return visitorFor(entry, world);
}

export function walkMalformedQueries() {
	const found = discoverEntries().filter((e) => e.method === 'GET');
	walkEntries(
		'malformed query strings never give a 5xx and never write',
		{ found, atLeast: 60, what: 'load and GET endpoint' },
		async (entry, world, params) => {
			const visitor = visitorOf(entry, world);
			const base = await routeEvent(visitor.user, entry, params, undefined, visitor.family);
			const before = await snapshot();
			const statuses: number[] = [];
			for (const pairs of QUERIES) {
				const url = new URL(base.url);
				for (const [k, v] of pairs) url.searchParams.append(k, v === TEAM ? world.ids.teamId : v);
				const result = await answerOf(entry, { ...base, url }, url.search.slice(0, 300));
				expect(result.status, url.search.slice(0, 300)).toBeLessThan(500);
				statuses.push(result.status);
			}
			expect(statuses).toHaveLength(RUNS);
			expect(await snapshot()).toBe(before);
		}
	);
}
