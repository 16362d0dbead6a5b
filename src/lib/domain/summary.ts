/**
 * What a family summary says of the partners' assessments (docs/domain.md §11): per kind
 * of partner, the domains it is worried about and the domains going well. Domain level
 * only: never an item, a rating or anyone's free text. Pure.
 */
import { CURRENT_INSTRUMENT, type Instrument, type Rating } from './instrument';
import { RULES } from './traffic-light';
import type { OrganisationKind } from './roles';

export type KindFact = {
	organisationKind: OrganisationKind;
	ratings: Record<string, { rating: Rating | null } | undefined>;
};

export type KindSummary = { kind: OrganisationKind; worried: string[]; going_well: string[] };

/**
 * A domain worries a kind of partner when any of its current assessments rates an item of
 * it at the yellow threshold or above; it is going well when all its rated items are lower.
 * Unrated domains are left out. Kinds in the order they first appear.
 */
export function summaryByKind(
	facts: KindFact[],
	inst: Instrument = CURRENT_INSTRUMENT
): KindSummary[] {
	const domainOf = new Map(inst.items.map((i) => [i.id, i.domain]));
	const byKind = new Map<OrganisationKind, Map<string, number>>();
	for (const f of facts) {
		const max = byKind.get(f.organisationKind) ?? new Map<string, number>();
		byKind.set(f.organisationKind, max);
		for (const [itemId, r] of Object.entries(f.ratings)) {
			const d = domainOf.get(itemId);
			if (!d || r?.rating === null || r?.rating === undefined) continue;
			max.set(d, Math.max(max.get(d) ?? 0, r.rating));
		}
	}
	const order = inst.domains.map((d) => d.id);
	return [...byKind].map(([kind, max]) => ({
		kind,
		worried: order.filter((d) => (max.get(d) ?? -1) >= RULES.yellowRating),
		going_well: order.filter((d) => max.has(d) && max.get(d)! < RULES.yellowRating)
	}));
}
