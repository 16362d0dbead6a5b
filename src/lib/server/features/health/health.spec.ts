import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../testing/fixtures';
import { MissingRightsError, isReady, requireAppRights } from '.';
import { GET as healthz } from '../../../../routes/healthz/+server';
import { GET as readyz } from '../../../../routes/readyz/+server';

/* eslint-disable @typescript-eslint/no-explicit-any -- handlers called without a full event */

// Opening (and migrating) the test database may itself take longer than a probe waits.
beforeAll(async () => {
	await db();
});

describe('health probes (issue 13)', () => {
	it('/healthz answers 200 with nothing but "ok"', async () => {
		const res = await (healthz as any)({});
		expect(res.status).toBe(200);
		expect(await res.text()).toBe('ok\n');
	});

	it('/readyz answers 200 when the migrated database answers', async () => {
		const res = await (readyz as any)({});
		expect(res.status).toBe(200);
		expect(await res.text()).toBe('ready\n');
	});

	it('is not ready when the database fails to open, or does not answer in time', async () => {
		expect(await isReady(() => Promise.reject(new Error('connection refused')))).toBe(false);
		const hanging = () => new Promise<never>(() => {});
		expect(await isReady(hanging, 50)).toBe(false);
		const failing = () =>
			Promise.resolve({ execute: () => Promise.reject(new Error('relation missing')) });
		expect(await isReady(failing as any)).toBe(false);
	});

	it.skipIf(!process.env.DATABASE_URL)(
		'is not ready when the app role has lost its privileges (a restore without them)',
		async () => {
			const { default: postgres } = await import('postgres');
			const { drizzle } = await import('drizzle-orm/postgres-js');
			const url = process.env.DATABASE_URL!;
			const role = `ready_probe_${process.pid}`;
			const admin = postgres(url, { max: 1, onnotice: () => {} });
			await admin.unsafe(`create role ${role} nologin`);
			const bare = postgres(url, { max: 1, onnotice: () => {}, connection: { role } });
			try {
				expect(await isReady(() => Promise.resolve(drizzle(bare) as any))).toBe(false);
				// The same probe through the app's own connection: ready.
				expect(await isReady()).toBe(true);
				// At start the same question refuses the instance, saying what to run.
				const refused = requireAppRights(drizzle(bare));
				await expect(refused).rejects.toBeInstanceOf(MissingRightsError);
				await expect(refused).rejects.toThrow(/app-role-grants\.sql/);
				await expect(requireAppRights(await db())).resolves.toBeUndefined();
			} finally {
				await bare.end();
				await admin.unsafe(`drop role ${role}`);
				await admin.end();
			}
		}
	);
});
