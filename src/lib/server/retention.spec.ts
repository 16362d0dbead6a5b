import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, inArray, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { ACCESS_LOG_MIN_MONTHS } from '../domain/retention';
import { dropLogMonthsBefore } from './access-log';
import { APP_ROLE, rowsOf } from './db';
import {
	emailOutbox,
	formSubmission,
	loginThrottle,
	notification,
	passwordToken
} from './db/schema';
import { readEnv } from './env';
import { applyRetention } from './retention';
import { db, makeUser, uniq } from './testing/fixtures';
import { sqlState } from './testing/routes';

const DAY = 24 * 60 * 60 * 1000;

/** The first day (UTC) of the month `k` months from now's. */
const monthFrom = (now: Date, k: number) =>
	new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + k, 1));
const partName = (m: Date) => `access_log_${m.toISOString().slice(0, 7).replace('-', '_')}`;

async function exists(name: string): Promise<boolean> {
	const [row] = rowsOf<{ t: string | null }>(
		await (await db()).execute(sql`select to_regclass(${name})::text as t`)
	);
	return row?.t === name;
}

/** Makes the log's month `m` (as the app does, through the owner's function). */
async function makeMonth(m: Date) {
	await (
		await db()
	).execute(sql`select access_log_add_months(${m.toISOString().slice(0, 10)}::date, 0)`);
}

/**
 * Writes a log row dated `at`, as the database's owner with triggers off: the app itself can
 * only write rows stamped now, so an old row is what a past month left behind.
 */
async function backdatedRow(at: Date, entityId: string) {
	const insert = `insert into access_log (at, action, entity_type, entity_id, outcome)
		values ('${at.toISOString()}', 'read', 'retention-test', '${entityId}', 'allowed')`;
	if (process.env.DATABASE_URL) {
		const owner = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
		try {
			await owner.begin(async (tx) => {
				await tx.unsafe('set local session_replication_role = replica');
				await tx.unsafe(insert);
			});
		} finally {
			await owner.end();
		}
		return;
	}
	// The embedded database's one connection is the app role over a superuser session.
	const d = await db();
	await d.execute(sql`reset role`);
	try {
		await d.transaction(async (tx) => {
			await tx.execute(sql`set local session_replication_role = replica`);
			await tx.execute(sql.raw(insert));
		});
	} finally {
		await d.execute(sql.raw(`set role ${APP_ROLE}`));
	}
}

async function logRows(entityId: string): Promise<number> {
	const [row] = rowsOf<{ n: number }>(
		await (
			await db()
		).execute(sql`select count(*)::int as n from access_log where entity_id = ${entityId}`)
	);
	return Number(row?.n);
}

describe('the access log past its period', () => {
	it('goes a whole month at a time; the months still in the period stay', async () => {
		const now = new Date();
		const gone = monthFrom(now, -30);
		const last = monthFrom(now, -25); // ends as the 24 months' period begins
		const first = monthFrom(now, -24); // begins the period: kept
		for (const m of [gone, last, first]) await makeMonth(m);
		const id = `ret-${uniq()}`;
		await backdatedRow(new Date(gone.getTime() + 3 * DAY), id);
		await backdatedRow(new Date(first.getTime() + 3 * DAY), id);
		expect(await logRows(id)).toBe(2);

		const env = { ...readEnv(), ACCESS_LOG_RETENTION_MONTHS: ACCESS_LOG_MIN_MONTHS };
		const run = await applyRetention(await db(), env, now);

		expect(run.logMonths).toBeGreaterThanOrEqual(2);
		expect(await exists(partName(gone))).toBe(false);
		expect(await exists(partName(last))).toBe(false);
		expect(await exists(partName(first))).toBe(true);
		expect(await exists(partName(monthFrom(now, 0)))).toBe(true);
		// The older row went with its month; the one inside the period is still there.
		expect(await logRows(id)).toBe(1);
	});

	it('keeps more months with a longer period', async () => {
		const now = new Date();
		const m = monthFrom(now, -30);
		await makeMonth(m);
		const env = { ...readEnv(), ACCESS_LOG_RETENTION_MONTHS: 36 };
		await applyRetention(await db(), env, now);
		expect(await exists(partName(m))).toBe(true);
		await applyRetention(await db(), { ...env, ACCESS_LOG_RETENTION_MONTHS: 24 }, now);
		expect(await exists(partName(m))).toBe(false);
	});

	it('is refused the last 24 months by the database, whatever the clock asked', async () => {
		const now = new Date();
		const inside = monthFrom(now, -23);
		const outside = monthFrom(now, -26);
		for (const m of [inside, outside]) await makeMonth(m);
		// A caller whose clock (or setting) says everything before 2100 may go.
		await dropLogMonthsBefore(await db(), new Date('2100-01-01T00:00:00Z'));
		expect(await exists(partName(outside))).toBe(false);
		expect(await exists(partName(inside))).toBe(true);
		expect(await exists(partName(monthFrom(now, 0)))).toBe(true);
	});

	it('cannot be dropped by the app role itself', async () => {
		const now = new Date();
		const m = monthFrom(now, -40);
		await makeMonth(m);
		const d = await db();
		const e = await d
			.execute(sql.raw(`drop table ${partName(m)}`))
			.then(() => null)
			.catch((err: unknown) => err);
		expect(sqlState(e)).toBe('42501');
		expect(await exists(partName(m))).toBe(true);
	});

	it('takes no setting under two years from the environment', () => {
		expect(() => readEnv({ ACCESS_LOG_RETENTION_MONTHS: '23' })).toThrow(
			/ACCESS_LOG_RETENTION_MONTHS/
		);
		expect(readEnv({ ACCESS_LOG_RETENTION_MONTHS: '24' }).ACCESS_LOG_RETENTION_MONTHS).toBe(24);
		expect(readEnv({}).ACCESS_LOG_RETENTION_MONTHS).toBe(144);
	});
});

describe('working data past its period', () => {
	const folder = mkdtempSync(join(tmpdir(), 'retention-mail-'));
	afterAll(() => rmSync(folder, { recursive: true, force: true }));

	it('deletes sent mail after 90 days and keeps mail still waiting', async () => {
		const d = await db();
		const now = new Date();
		const { user } = await makeUser('coordinator');
		const [n] = await d
			.insert(notification)
			.values({ userId: user.id, kind: 'test', link: '/', createdAt: now })
			.returning();
		const mail = (sentAt: Date | null, createdAt: Date) => ({
			notificationId: n!.id,
			to: 'someone@test.example',
			subject: 'S',
			body: 'B',
			status: sentAt ? ('sent' as const) : ('pending' as const),
			sentAt,
			nextAttemptAt: new Date('2999-01-01T00:00:00Z'),
			createdAt
		});
		const rows = await d
			.insert(emailOutbox)
			.values([
				mail(new Date(now.getTime() - 91 * DAY), new Date(now.getTime() - 92 * DAY)),
				mail(new Date(now.getTime() - 89 * DAY), new Date(now.getTime() - 89 * DAY)),
				mail(null, new Date(now.getTime() - 200 * DAY))
			])
			.returning({ id: emailOutbox.id });
		await applyRetention(d, readEnv(), now);
		const left = await d
			.select({ id: emailOutbox.id, status: emailOutbox.status })
			.from(emailOutbox)
			.where(
				inArray(
					emailOutbox.id,
					rows.map((r) => r.id)
				)
			);
		expect(left.map((r) => r.id).sort()).toEqual([rows[1]!.id, rows[2]!.id].sort());
	});

	it('deletes set-password links 30 days after use or expiry, and keeps a live one', async () => {
		const d = await db();
		const now = new Date();
		const { user } = await makeUser('coordinator');
		const ago = (days: number) => new Date(now.getTime() - days * DAY);
		const tokens = [
			{ id: `used-${uniq()}`, usedAt: ago(31), expiresAt: ago(30.5), createdAt: ago(32) },
			{ id: `expired-${uniq()}`, usedAt: null, expiresAt: ago(31), createdAt: ago(32) },
			{ id: `recent-${uniq()}`, usedAt: ago(2), expiresAt: ago(1), createdAt: ago(3) },
			{
				id: `live-${uniq()}`,
				usedAt: null,
				expiresAt: new Date(now.getTime() + DAY),
				createdAt: now
			}
		];
		await d.insert(passwordToken).values(tokens.map((t) => ({ ...t, userId: user.id })));
		await applyRetention(d, readEnv(), now);
		const left = await d
			.select({ id: passwordToken.id })
			.from(passwordToken)
			.where(eq(passwordToken.userId, user.id));
		expect(left.map((r) => r.id).sort()).toEqual([tokens[2]!.id, tokens[3]!.id].sort());
	});

	it("forgets a create form's answered key after 7 days, and not a day earlier", async () => {
		const d = await db();
		const now = new Date();
		const ago = (days: number) => new Date(now.getTime() - days * DAY);
		const keys = [`old-${uniq()}`, `recent-${uniq()}`];
		await d.insert(formSubmission).values([
			{ digest: keys[0]!, location: '/children/x', createdAt: ago(7.01) },
			{ digest: keys[1]!, location: '/children/y', createdAt: ago(6) }
		]);
		const run = await applyRetention(d, readEnv(), now);
		expect(run.answeredForms).toBeGreaterThanOrEqual(1);
		const left = await d
			.select({ digest: formSubmission.digest })
			.from(formSubmission)
			.where(inArray(formSubmission.digest, keys));
		expect(left.map((r) => r.digest)).toEqual([keys[1]]);
	});

	it('forgets a sign-in throttle quiet for 30 days, never one still locked', async () => {
		const d = await db();
		const now = new Date();
		const ago = (days: number) => new Date(now.getTime() - days * DAY);
		const keys = [`client:quiet-${uniq()}`, `client:recent-${uniq()}`, `client:locked-${uniq()}`];
		await d.insert(loginThrottle).values([
			{ key: keys[0]!, failures: 3, lastFailureAt: ago(31) },
			{ key: keys[1]!, failures: 3, lastFailureAt: ago(29) },
			{
				key: keys[2]!,
				failures: 9,
				lastFailureAt: ago(31),
				lockedUntil: new Date(now.getTime() + DAY)
			}
		]);
		await applyRetention(d, readEnv(), now);
		const left = await d
			.select({ key: loginThrottle.key })
			.from(loginThrottle)
			.where(inArray(loginThrottle.key, keys));
		expect(left.map((r) => r.key).sort()).toEqual([keys[1]!, keys[2]!].sort());
	});

	it('empties the local mail folder of messages older than two days, and only those', async () => {
		const now = new Date();
		const old = new Date(now.getTime() - 49 * 60 * 60 * 1000);
		const files = { old: 'a-old.txt', fresh: 'b-fresh.txt', other: 'c-notes.md' };
		for (const f of Object.values(files)) writeFileSync(join(folder, f), 'x');
		for (const f of [files.old, files.other]) utimesSync(join(folder, f), old, old);
		const env = { ...readEnv(), SMTP_URL: undefined, MAIL_DIR: folder };
		const run = await applyRetention(await db(), env, now);
		expect(run.mailFiles).toBe(1);
		expect(readdirSync(folder).sort()).toEqual([files.fresh, files.other]);
		// With a mail server the folder is not the outbox's: left alone.
		utimesSync(join(folder, files.fresh), old, old);
		await applyRetention(await db(), { ...env, SMTP_URL: 'smtp://127.0.0.1:1' }, now);
		expect(readdirSync(folder).sort()).toEqual([files.fresh, files.other]);
	});
});
