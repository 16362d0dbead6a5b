import { and, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
	computeStatus,
	timeless,
	type AssessmentFact,
	type Status
} from '../../../domain/traffic-light';
import { withOwnView, type OwnViewFact } from '../../../domain/own-view';
import type { DbOrTx } from '../../db';
import { together } from '../../db/together';
import { assessment, child, childStatus, childStatusHistory, ownView } from '../../db/schema';
import { statusChanged, storedFacts } from './events';

/** The child's submitted assessments that no submitted correction has replaced. */
export async function currentAssessments(
	db: DbOrTx,
	childIds: string[]
): Promise<Map<string, AssessmentFact[]>> {
	const out = new Map<string, AssessmentFact[]>(childIds.map((id) => [id, []]));
	if (!childIds.length) return out;
	const next = alias(assessment, 'next');
	const rows = await db
		.select({ a: assessment, replacedBy: next.id })
		.from(assessment)
		.leftJoin(next, and(eq(next.supersedesId, assessment.id), eq(next.status, 'submitted')))
		.where(
			and(
				inArray(assessment.childId, childIds),
				eq(assessment.status, 'submitted'),
				isNotNull(assessment.submittedAt)
			)
		);
	for (const r of rows) {
		if (r.replacedBy) continue;
		out.get(r.a.childId)!.push({
			id: r.a.id,
			organisationId: r.a.organisationId,
			submittedAt: r.a.submittedAt!,
			ratings: r.a.ratings
		});
	}
	return out;
}

/**
 * Each child's newest own view (§11), which adds signals beside the professionals' status.
 * The young person's table is the family feature's; the status reads it as it reads the
 * assessments, because every recompute must see it.
 */
export async function latestOwnViews(
	db: DbOrTx,
	childIds: string[]
): Promise<Map<string, OwnViewFact>> {
	if (!childIds.length) return new Map();
	const rows = await db
		.selectDistinctOn([ownView.childId], {
			childId: ownView.childId,
			id: ownView.id,
			answers: ownView.answers,
			at: ownView.createdAt
		})
		.from(ownView)
		.where(inArray(ownView.childId, childIds))
		.orderBy(ownView.childId, desc(ownView.createdAt), desc(ownView.id));
	return new Map(rows.map((r) => [r.childId, { id: r.id, answers: r.answers, at: r.at }]));
}

/** The status of each child from its assessments and its newest own view. */
async function statusesOf(db: DbOrTx, childIds: string[], now: Date) {
	// Read together: in a transaction the two statements go down one round trip.
	const { facts, own } = await together({
		facts: currentAssessments(db, childIds),
		own: latestOwnViews(db, childIds)
	});
	return new Map(
		childIds.map((id) => [id, withOwnView(computeStatus(facts.get(id)!, now), own.get(id) ?? null)])
	);
}

/** JSON as the database gives it back: dates as strings, keys in a fixed order. */
export function canonical(value: unknown): string {
	const norm = (v: unknown): unknown => {
		if (v instanceof Date) return v.toISOString();
		if (Array.isArray(v)) return v.map(norm);
		if (v && typeof v === 'object') {
			return Object.fromEntries(
				Object.keys(v)
					.sort()
					.map((k) => [k, norm((v as Record<string, unknown>)[k])])
			);
		}
		return v;
	};
	return JSON.stringify(norm(JSON.parse(JSON.stringify(value))));
}

/**
 * Serialises every writer of one child's derived status on the child's row, until the end
 * of the caller's transaction. `no key update` and not `update`: inserting an assessment
 * takes a `key share` lock on the child (its foreign key), which `update` would wait on, so
 * two submissions would deadlock. Readers are never blocked. ADR 010.
 */
export async function lockChild(tx: DbOrTx, childId: string): Promise<boolean> {
	const [row] = await tx
		.select({ id: child.id })
		.from(child)
		.where(eq(child.id, childId))
		.for('no key update');
	return Boolean(row);
}

/**
 * Recomputes one child's status inside the caller's transaction: stores it, and appends to
 * the history when the colour changed. If the caller's transaction fails, neither stays.
 * Takes the child's lock first and only then reads, so two transactions that each add an
 * assessment cannot both compute from a view that misses the other's (last writer wins).
 */
export async function recomputeChildStatus(
	tx: DbOrTx,
	childId: string,
	trigger: string,
	now = new Date()
): Promise<Status> {
	// The lock, then the reads, in one round trip. PostgreSQL runs a connection's statements
	// in the order sent, and each read at read committed takes its snapshot when it starts,
	// so the reads still begin only once the lock is held: pipelining changes when they are
	// sent, not when they run (status-concurrency.spec.ts holds this).
	const { statuses, stored } = await together({
		locked: lockChild(tx, childId),
		statuses: statusesOf(tx, [childId], now),
		stored: tx.select().from(childStatus).where(eq(childStatus.childId, childId))
	});
	const status = statuses.get(childId)!;
	const t = timeless(status);
	const [prev] = stored;
	const changed = !prev || prev.colour !== t.colour;
	const substance = status.combined['P1']?.rating ?? null;
	const values = {
		colour: t.colour,
		domainColours: t.domainColours,
		// jsonb: the driver serialises these itself (dates as ISO strings, as canonical() reads).
		reasons: t.reasons,
		signals: t.signals,
		rulesVersion: t.rulesVersion,
		newestAt: t.newestAt,
		computedAt: now,
		changedAt: changed ? now : prev.changedAt,
		substanceRating: substance
	};
	// The stored status and its history line go down together: one round trip.
	await together({
		stored: prev
			? tx.update(childStatus).set(values).where(eq(childStatus.childId, childId))
			: tx.insert(childStatus).values({
					childId,
					teamId: sql`(select ${child.teamId} from ${child} where ${child.id} = ${childId})`,
					...values
				}),
		history: changed
			? tx.insert(childStatusHistory).values({
					childId,
					fromColour: prev?.colour ?? null,
					toColour: t.colour,
					reasons: values.reasons,
					trigger,
					at: now
				})
			: null
	});
	// What follows a recompute (flags, their notices) is the listeners' (events.ts).
	await statusChanged({
		tx,
		childId,
		before: storedFacts(prev),
		after: { colour: t.colour, signals: t.signals, domainColours: t.domainColours, substance },
		now
	});
	return status;
}

/**
 * Recomputes every child from the assessments and compares with what is stored. Returns
 * the ids whose stored status differs (there should be none). Read-only.
 */
export async function verifyStatuses(
	db: DbOrTx,
	batchSize = 500,
	only?: string[]
): Promise<{ checked: number; differing: string[] }> {
	const ids = only ?? (await db.select({ id: child.id }).from(child)).map((r) => r.id);
	const differing: string[] = [];
	for (let i = 0; i < ids.length; i += batchSize) {
		const batch = ids.slice(i, i + batchSize);
		const computed = await statusesOf(db, batch, new Date());
		const stored = new Map(
			(await db.select().from(childStatus).where(inArray(childStatus.childId, batch))).map((s) => [
				s.childId,
				s
			])
		);
		for (const id of batch) {
			const t = timeless(computed.get(id)!);
			const s = stored.get(id);
			const mine = canonical({
				colour: t.colour,
				domainColours: t.domainColours,
				reasons: t.reasons,
				signals: t.signals,
				rulesVersion: t.rulesVersion,
				newestAt: t.newestAt
			});
			const theirs = s
				? canonical({
						colour: s.colour,
						domainColours: s.domainColours,
						reasons: s.reasons,
						signals: s.signals,
						rulesVersion: s.rulesVersion,
						newestAt: s.newestAt
					})
				: canonical({
						colour: 'grey',
						domainColours: t.domainColours,
						reasons: [{ rule: 'no_assessment' }],
						signals: [],
						rulesVersion: t.rulesVersion,
						newestAt: null
					});
			if (mine !== theirs) differing.push(id);
		}
	}
	return { checked: ids.length, differing };
}

/** Used when creating children and seeding: every child has a stored status. */
export async function recomputeAll(
	tx: DbOrTx,
	childIds: string[],
	trigger: string,
	now = new Date()
) {
	for (const id of childIds) await recomputeChildStatus(tx, id, trigger, now);
}
