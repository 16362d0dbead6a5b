import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeWorld, type World } from '../testing/route-walk';
import { db } from '../testing/fixtures';
import { APP_ROLE } from '.';
import { sqlState } from '../testing/routes';

/* eslint-disable @typescript-eslint/no-explicit-any -- raw query results */

/**
 * The app's own connection tries to tamper with what it must not change. Every statement
 * is refused by the database: privileges and triggers, not application code.
 */
let world: World;
let historyId: string;

beforeAll(async () => {
	world = await makeWorld();
	const d = await db();
	const r: any = await d.execute(
		sql`select id from child_status_history where child_id = ${world.ids.childId} limit 1`
	);
	historyId = (Array.isArray(r) ? r : r.rows)[0].id;
});

/** This month's partition of the access log, made whenever a database handle opens. */
const month = sql.identifier(
	`access_log_${new Date().toISOString().slice(0, 7).replace('-', '_')}`
);

const rows = (r: any) => (Array.isArray(r) ? r : r.rows) as Record<string, unknown>[];

describe('the app role', () => {
	it('is who the app is, and neither a superuser nor an owner', async () => {
		const d = await db();
		const [me] = rows(
			await d.execute(
				sql`select current_user as who, (select rolsuper from pg_roles where rolname = current_user) as super,
				(select count(*)::int from pg_tables where schemaname = 'public' and tableowner = current_user) as owned`
			)
		);
		expect(me).toEqual({ who: APP_ROLE, super: false, owned: 0 });
	});

	const tampering: [string, () => ReturnType<typeof sql>][] = [
		[
			'disable the access-log trigger',
			() => sql`alter table access_log disable trigger access_log_no_update_delete`
		],
		[
			'drop the access-log trigger',
			() => sql`drop trigger access_log_no_update_delete on access_log`
		],
		['switch triggers off for the session', () => sql`set session_replication_role = replica`],
		[
			'forge a backdated access-log row',
			() =>
				sql`insert into access_log (at, action, entity_type, outcome) values (now() - interval '1 year', 'read', 'child', 'allowed')`
		],
		['update the access log', () => sql`update access_log set outcome = 'denied'`],
		['delete from the access log', () => sql`delete from access_log`],
		['truncate the access log', () => sql`truncate access_log`],
		[
			'change a submitted assessment',
			() => sql`update assessment set ratings = '{}'::jsonb where id = ${world.ids.assessmentId}`
		],
		[
			'delete a submitted assessment',
			() => sql`delete from assessment where id = ${world.ids.assessmentId}`
		],
		['truncate the assessments', () => sql`truncate assessment cascade`],
		[
			'rewrite the status history',
			() => sql`update child_status_history set to_colour = 'green' where id = ${historyId}`
		],
		[
			'delete from the status history',
			() => sql`delete from child_status_history where id = ${historyId}`
		],
		['truncate the status history', () => sql`truncate child_status_history`],
		['rewrite a kept month-end colour', () => sql`update child_month_colour set colour = 'green'`],
		['forget the kept month-end colours', () => sql`delete from child_month_colour`],
		['unmark a kept month', () => sql`delete from month_colour_kept`],
		// A client plan's version is what was agreed with the family: superseded, never changed.
		['change a client plan', () => sql`update client_plan set goals = 'tampered'`],
		['delete a client plan', () => sql`delete from client_plan`],
		['truncate the client plans', () => sql`truncate client_plan`],
		['create a table', () => sql`create table tampering (id int)`],
		['alter a table', () => sql`alter table child add column tampering int`],
		['drop a table', () => sql`drop table flag cascade`],
		['drop the append-only function', () => sql`drop function access_log_refuse_change() cascade`],
		// The log is partitioned by month (ADR 026): a partition is no way round the rules.
		["update this month's log partition", () => sql`update ${month} set outcome = 'denied'`],
		["delete from this month's log partition", () => sql`delete from ${month}`],
		["truncate this month's log partition", () => sql`truncate ${month}`],
		[
			'write into a log partition directly',
			() =>
				sql`insert into ${month} (action, entity_type, outcome) values ('read', 'child', 'allowed')`
		],
		['delete from the default log partition', () => sql`delete from access_log_default`],
		['detach a log partition', () => sql`alter table access_log detach partition ${month}`],
		['drop a log partition', () => sql`drop table ${month}`]
	];

	it.each(tampering)('cannot %s', async (_, statement) => {
		const d = await db();
		// Refused for want of rights (42501), not by a typo or a missing object.
		await expect(d.transaction(async (tx) => tx.execute(statement()))).rejects.toSatisfy(
			(e) => sqlState(e) === '42501'
		);
	});

	it('still does its everyday work: reads, appends to the log, edits a child', async () => {
		const d = await db();
		await d.transaction(async (tx) => {
			await tx.execute(
				sql`insert into access_log (action, entity_type, outcome) values ('read', 'child', 'allowed')`
			);
			await tx.execute(
				sql`update child set home_municipality = 'Järvelä' where id = ${world.ids.childId}`
			);
		});
		const [n] = rows(
			await d.execute(
				sql`select count(*)::int as n from assessment where id = ${world.ids.assessmentId}`
			)
		);
		expect(n).toEqual({ n: 1 });
	});
});
