import { describe, expect, it } from 'vitest';
import { m } from '$lib/paraglide/messages';
import { getLocale, overwriteGetLocale } from '$lib/paraglide/runtime';
import { notify } from '$lib/server/features/notifications';
import { db, eventFor, makeUser } from '$lib/server/testing/fixtures';
import { load } from './+layout.server';

/* eslint-disable @typescript-eslint/no-explicit-any -- a load's output */

/** The header's notifications link as the layout makes it, in `locale`. */
async function unreadLabel(userId: string, locale: 'fi' | 'sv' | 'en') {
	const original = getLocale;
	overwriteGetLocale(() => locale);
	try {
		const out: any = await load((await eventFor(userId)) as any);
		return out.user.nav.find((n: any) => n.key === 'notifications')?.count as string | null;
	} finally {
		overwriteGetLocale(original);
	}
}

describe('the header’s unread count', () => {
	it('is said in the reader’s language, for the number there is', async () => {
		const { user } = await makeUser('social_worker');
		expect(await unreadLabel(user.id, 'fi')).toBeNull();
		const d = await db();
		for (let i = 0; i < 3; i++)
			await d.transaction((tx) => notify(tx, [user.id], 'assessment_arrived', '/', new Date()));
		// Asked twice in each language: the second answer is the kept one.
		for (const locale of ['fi', 'sv', 'fi', 'sv', 'en'] as const)
			expect(await unreadLabel(user.id, locale)).toBe(m.nav_unread({ count: 3 }, { locale }));
		expect(await unreadLabel(user.id, 'sv')).not.toBe(await unreadLabel(user.id, 'fi'));
		await d.transaction((tx) => notify(tx, [user.id], 'assessment_arrived', '/', new Date()));
		expect(await unreadLabel(user.id, 'fi')).toBe(m.nav_unread({ count: 4 }, { locale: 'fi' }));
	});
});
