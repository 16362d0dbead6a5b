import type { Page } from '@playwright/test';
import { expect, expectAccessible, readIn, test, type DemoRole } from './fixtures';

/**
 * Every role's main pages in Swedish and English, each checked at desktop width and at a
 * phone's (expectAccessible): axe, nothing wider than the window, tables that fit. The
 * Finnish pages get the same checks in the flow tests (so those run in Finnish only). Only
 * reads: nothing is saved.
 */

/** Pages a role reaches from its home page, by the first link to each kind of record. */
const WALKS: Record<'team' | 'region' | 'partner' | 'residential_staff' | 'admin', string[]> = {
	team: [
		'/',
		'/children',
		'child',
		'child/access',
		'child/edit',
		'assessment',
		'/flags',
		'flag',
		'/work',
		'workflow',
		'consultation',
		'/notifications',
		'/team',
		'/children/new',
		'/account',
		'/intake',
		'/intake/new',
		'/team/caseload',
		'child/phase',
		'child/family',
		'child/summary',
		'child/contacts/new',
		'contact',
		'/team/meetings',
		'meeting',
		'meetingchild',
		'/reports',
		'/reports/thl'
	],
	region: ['/', '/reports', '/reports/thl', '/account'],
	partner: [
		'/',
		'child',
		'child/assessments/new',
		'child/contacts/new',
		'/intake/new',
		'/notifications',
		'/account'
	],
	residential_staff: ['/', 'child', 'child/consultations/new'],
	admin: [
		'/admin/organisations',
		'organisation',
		'/admin/organisations/new',
		'/admin/teams',
		'team',
		'/admin/teams/new',
		'/admin/users',
		'user',
		'/admin/users/new'
	]
};
const ROLES: Record<keyof typeof WALKS, DemoRole> = {
	team: 'consultant_social_worker',
	region: 'region_manager',
	partner: 'partner',
	residential_staff: 'residential_staff',
	admin: 'admin'
};
/** Where the first link to a kind of record is found, and what its address looks like. */
const FIRST: Record<string, { from: string; href: RegExp }> = {
	child: { from: '/', href: /^\/children\/[0-9a-f-]{36}$/ },
	assessment: { from: 'child', href: /^\/assessments\/[0-9a-f-]{36}$/ },
	contact: { from: 'child', href: /^\/children\/[0-9a-f-]{36}\/contacts\/[0-9a-f-]{36}$/ },
	meeting: { from: '/team/meetings', href: /^\/team\/meetings\/[0-9a-f-]{36}$/ },
	meetingchild: {
		from: 'meeting',
		href: /^\/team\/meetings\/[0-9a-f-]{36}\/children\/[0-9a-f-]{36}$/
	},
	flag: { from: '/flags', href: /^\/flags\/[0-9a-f-]{36}$/ },
	workflow: { from: '/work', href: /^\/workflows\/[0-9a-f-]{36}$/ },
	consultation: { from: '/work', href: /^\/consultations\/[0-9a-f-]{36}$/ },
	user: { from: '/admin/users', href: /^\/admin\/users\/[0-9a-f-]{36}$/ },
	organisation: { from: '/admin/organisations', href: /^\/admin\/organisations\/[0-9a-f-]{36}$/ },
	team: { from: '/admin/teams', href: /^\/admin\/teams\/[0-9a-f-]{36}$/ }
};

async function firstLink(page: Page, from: string, href: RegExp): Promise<string> {
	await page.goto(from);
	// Polled: a walk in parallel with others was once read mid-navigation, with no links.
	let found: string | undefined;
	await expect
		.poll(
			async () => {
				const hrefs = await page
					.locator('main a[href]')
					.evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
				found = hrefs.find((h) => href.test(h));
				return found;
			},
			{ message: `a link like ${href} on ${from}` }
		)
		.toBeTruthy();
	return found!;
}

for (const locale of ['sv', 'en'] as const)
	for (const walk of Object.keys(WALKS) as (keyof typeof WALKS)[])
		test(`${walk} pages in ${locale}, at desktop and phone widths`, async ({ page, loginAs }) => {
			// About thirty pages, each checked twice: more than one test's default minute.
			test.setTimeout(150_000);
			await loginAs(ROLES[walk]);
			await readIn(page, locale);
			const found: Record<string, string> = {};
			const resolve = async (step: string): Promise<string> => {
				if (step.startsWith('/')) return step;
				const [kind, ...rest] = step.split('/');
				const first = FIRST[kind!]!;
				found[kind!] ??= await firstLink(page, await resolve(first.from), first.href);
				return [found[kind!], ...rest].join('/');
			};
			for (const step of WALKS[walk]) {
				const url = await resolve(step);
				await page.goto(url);
				await expectAccessible(page);
			}
		});
