import { asc, eq, inArray } from 'drizzle-orm';
import { helsinkiDate } from '../../../domain/access';
import {
	effectiveStatus,
	ruleReasons,
	staleSignals,
	type Colour
} from '../../../domain/traffic-light';
import { inTransaction, type DbOrTx } from '../../db';
import { together } from '../../db/together';
import { childStatus, childStatusHistory, organisation, user } from '../../db/schema';
import { logChild } from '../../access-log';
import { type ChildContext } from '../../access';

/**
 * The status as the viewer may see it. The team: colour, domain colours, reasons, signals
 * and history. A partner: the combined and domain colours and the rules that gave them, by
 * domain (`ruleReasons`), since the full reasons name other organisations' ratings. A team override is the team's own decision: partners see the
 * computed colour, the team sees both side by side.
 */
export async function childStatusView(db: DbOrTx, ctx: ChildContext, now = new Date()) {
	return inTransaction(db, async (tx) => {
		// The status and, for the team, its history: read together (pipelined on PostgreSQL).
		const {
			rows: [s],
			history
		} = await together({
			rows: tx.select().from(childStatus).where(eq(childStatus.childId, ctx.childId)),
			history:
				ctx.access.kind === 'team'
					? tx
							.select()
							.from(childStatusHistory)
							.where(eq(childStatusHistory.childId, ctx.childId))
							.orderBy(asc(childStatusHistory.seq))
					: []
		});
		await logChild(tx, ctx, 'read', 'child_status');
		const colour: Colour = s?.colour ?? 'grey';
		const domainColours = s?.domainColours ?? {};
		const reasons = s?.reasons ?? [{ rule: 'no_assessment' }];
		if (ctx.access.kind !== 'team')
			return { kind: 'partner' as const, colour, domainColours, reasons: ruleReasons(reasons) };
		const signals = [
			...(s?.signals ?? []),
			...staleSignals(colour, reasons, s?.newestAt ?? null, now)
		];
		const e = effectiveStatus(
			colour,
			s?.overrideColour
				? {
						colour: s.overrideColour,
						reason: s.overrideReason ?? '',
						reviewOn: s.overrideReviewOn ?? ''
					}
				: null,
			helsinkiDate(now)
		);
		const orgIds = new Set<string>();
		for (const r of reasons) if ('organisationId' in r) orgIds.add(r.organisationId);
		for (const r of reasons)
			if (r.rule === 'accumulating_concern') r.organisations.forEach((o) => orgIds.add(o));
		for (const x of signals)
			if (x.signal === 'disagreement' && 'low' in x)
				[x.low.organisationId, x.high.organisationId].forEach((o) => orgIds.add(o));
		// Who overrode it and the organisations' names: read together.
		const { overrider, named } = await together({
			overrider: s?.overrideBy
				? tx.select({ name: user.displayName }).from(user).where(eq(user.id, s.overrideBy))
				: [],
			named: orgIds.size
				? tx
						.select({ id: organisation.id, name: organisation.name })
						.from(organisation)
						.where(inArray(organisation.id, [...orgIds]))
				: []
		});
		const [by] = overrider;
		const names = Object.fromEntries(named.map((o) => [o.id, o.name]));
		return {
			kind: 'team' as const,
			colour: e.colour,
			computed: e.computed,
			override: e.override
				? { ...e.override, reviewDue: e.reviewDue, byName: by?.name ?? '', at: s!.overrideAt }
				: null,
			domainColours,
			reasons,
			signals,
			history,
			organisationNames: names
		};
	});
}
