import { CURRENT_INSTRUMENT, type Instrument, type Rating } from './instrument';
import type { Colour } from './colours';

/**
 * The traffic light (docs/domain.md §5): pure, deterministic and versioned. Every status carries the
 * reasons that produced it. Inputs are the child's submitted assessments that have not been
 * superseded by a correction; the caller filters those.
 */

/**
 * 2: in Safety a 2 is already red on the domain's tile too, as it is for the child (§5 rule
 * 3 revised). A status keeps the version it was computed with until it is recomputed.
 */
export const RULES_VERSION = '2';

/** The Safety domain: its 2 is red (rules 3 and 4). */
const SAFETY_DOMAIN = 'S';

/** Thresholds, in one place. */
export const RULES = {
	/** A rating at or above this makes the child red. */
	redRating: 3,
	/** A Safety item at or above this makes the child red. */
	redSafetyRating: 2,
	/** A rating at or above this makes the child yellow. */
	yellowRating: 2,
	/** Accumulating concern: this many items rated 1 … */
	accumulatingItems: 4,
	/** … coming from at least this many organisations. */
	accumulatingOrganisations: 2,
	/** Two organisations' ratings of one item this far apart: discuss. */
	disagreementGap: 2,
	/** The newest assessment older than this (days): ask for reassessment. */
	staleDays: 90,
	/** A rating that makes the child red older than this (days): ask for reassessment. */
	staleRedDays: 30
} as const;

export { COLOURS, severity, type Colour } from './colours';

export type AssessmentFact = {
	id: string;
	organisationId: string;
	submittedAt: Date;
	ratings: Record<string, { rating: Rating | null } | undefined>;
};

export type CurrentRating = {
	itemId: string;
	organisationId: string;
	rating: Rating;
	assessmentId: string;
	at: Date;
};

export type Reason =
	| {
			rule: 'item_rated_3' | 'safety_rated_2' | 'item_rated_2';
			itemId: string;
			organisationId: string;
			rating: Rating;
			assessmentId: string;
			at: Date;
	  }
	| { rule: 'accumulating_concern'; items: string[]; organisations: string[] }
	| { rule: 'no_assessment' }
	| { rule: 'no_high_ratings'; ratedItems: number };

/** A colour change's reasons in the history: the computed ones, or the team's override. */
export type HistoryReason = Reason | { rule: 'team_override'; reason: string };

export type Signal =
	| { signal: 'disagreement'; itemId: string; low: CurrentRating; high: CurrentRating }
	/** The young person's own answer on a domain is 2 or more from the professionals' (§11). */
	| OwnViewDisagreement
	/** The young person answered that they are not safe (§11): a flag within 1 working day. */
	| { signal: 'not_safe'; viewId: string; answer: Rating; at: Date }
	| { signal: 'stale'; why: 'newest_over_90_days'; newest: Date }
	| {
			signal: 'stale';
			why: 'red_rating_over_30_days';
			itemId: string;
			organisationId: string;
			at: Date;
	  };

export type OwnViewDisagreement = {
	signal: 'disagreement';
	domainId: string;
	/** The young person's answer on the 0–3 worry scale. */
	own: Rating;
	/** The highest combined rating of the domain's items. */
	professionals: Rating;
	viewId: string;
	at: Date;
};

/**
 * Which disagreement a signal is, stable across recomputes: an item's id for two
 * organisations, `own:` and the domain for the young person's own view (§11).
 */
export function disagreementKey(s: Extract<Signal, { signal: 'disagreement' }>): string {
	return 'domainId' in s ? `own:${s.domainId}` : s.itemId;
}

export type Status = {
	rulesVersion: string;
	colour: Colour;
	domainColours: Record<string, Colour>;
	combined: Record<string, { rating: Rating; from: CurrentRating[] }>;
	reasons: Reason[];
	signals: Signal[];
	/** When the newest current rating was given (null: none). */
	newestAt: Date | null;
};

/** Newer first; the id breaks ties so the result never depends on arrival order. */
function newer(a: { at: Date; assessmentId: string }, b: { at: Date; assessmentId: string }) {
	const d = a.at.getTime() - b.at.getTime();
	return d !== 0 ? d > 0 : a.assessmentId > b.assessmentId;
}

/** Rule 1: per organisation and item, the rating in its latest assessment that rated it. */
export function currentRatings(
	assessments: readonly AssessmentFact[],
	inst: Instrument = CURRENT_INSTRUMENT
): CurrentRating[] {
	const best = new Map<string, CurrentRating>();
	for (const a of assessments) {
		for (const item of inst.items) {
			const r = a.ratings[item.id]?.rating;
			if (r === null || r === undefined) continue;
			const key = `${a.organisationId}\u0000${item.id}`;
			const cand: CurrentRating = {
				itemId: item.id,
				organisationId: a.organisationId,
				rating: r,
				assessmentId: a.id,
				at: a.submittedAt
			};
			const prev = best.get(key);
			if (!prev || newer(cand, prev)) best.set(key, cand);
		}
	}
	const order = new Map(inst.items.map((i, n) => [i.id, n]));
	return [...best.values()].sort(
		(x, y) =>
			order.get(x.itemId)! - order.get(y.itemId)! ||
			(x.organisationId < y.organisationId ? -1 : x.organisationId > y.organisationId ? 1 : 0)
	);
}

const DAY = 86400_000;

export function computeStatus(
	assessments: readonly AssessmentFact[],
	now: Date,
	inst: Instrument = CURRENT_INSTRUMENT
): Status {
	const current = currentRatings(assessments, inst);
	// Rule 2: the most worried partner is heard; nobody averages a red away.
	const combined: Status['combined'] = {};
	for (const c of current) {
		const e = combined[c.itemId];
		if (!e || c.rating > e.rating) combined[c.itemId] = { rating: c.rating, from: [c] };
		else if (c.rating === e.rating) e.from.push(c);
	}
	// Rule 3: domain colours.
	const domainColours: Record<string, Colour> = {};
	for (const d of inst.domains) {
		const rs = inst.items
			.filter((i) => i.domain === d.id)
			.map((i) => combined[i.id]?.rating)
			.filter((r): r is Rating => r !== undefined);
		const red = d.id === SAFETY_DOMAIN ? RULES.redSafetyRating : RULES.redRating;
		domainColours[d.id] =
			rs.length === 0
				? 'grey'
				: rs.some((r) => r >= red)
					? 'red'
					: rs.some((r) => r >= RULES.yellowRating)
						? 'yellow'
						: 'green';
	}
	// Rule 4: overall status, first match wins; every reason is listed.
	const reasons: Reason[] = [];
	const at = (
		rule: 'item_rated_3' | 'safety_rated_2' | 'item_rated_2',
		c: CurrentRating
	): Reason => ({
		rule,
		itemId: c.itemId,
		organisationId: c.organisationId,
		rating: c.rating,
		assessmentId: c.assessmentId,
		at: c.at
	});
	const isSafety = (itemId: string) => itemId.startsWith(SAFETY_DOMAIN);
	const redCauses = current.filter(
		(c) =>
			combined[c.itemId]!.rating === c.rating &&
			(c.rating >= RULES.redRating || (isSafety(c.itemId) && c.rating >= RULES.redSafetyRating))
	);
	let colour: Colour;
	if (redCauses.length) {
		colour = 'red';
		for (const c of redCauses)
			reasons.push(at(c.rating >= RULES.redRating ? 'item_rated_3' : 'safety_rated_2', c));
	} else {
		const twos = current.filter(
			(c) => c.rating >= RULES.yellowRating && combined[c.itemId]!.rating === c.rating
		);
		const onesItems = Object.entries(combined)
			.filter(([, v]) => v.rating === 1)
			.map(([k]) => k);
		const onesOrgs = [
			...new Set(
				current
					.filter((c) => c.rating === 1 && onesItems.includes(c.itemId))
					.map((c) => c.organisationId)
			)
		].sort();
		const accumulating =
			onesItems.length >= RULES.accumulatingItems &&
			onesOrgs.length >= RULES.accumulatingOrganisations;
		if (twos.length || accumulating) {
			colour = 'yellow';
			for (const c of twos) reasons.push(at('item_rated_2', c));
			if (accumulating)
				reasons.push({ rule: 'accumulating_concern', items: onesItems, organisations: onesOrgs });
		} else if (current.length === 0) {
			colour = 'grey';
			reasons.push({ rule: 'no_assessment' });
		} else {
			colour = 'green';
			reasons.push({ rule: 'no_high_ratings', ratedItems: Object.keys(combined).length });
		}
	}
	// Rule 5: signals beside the colour.
	const signals: Signal[] = [];
	for (const item of inst.items) {
		const rs = current.filter((c) => c.itemId === item.id);
		if (rs.length < 2) continue;
		const low = rs.reduce((a, b) => (b.rating < a.rating ? b : a));
		const high = rs.reduce((a, b) => (b.rating > a.rating ? b : a));
		if (high.rating - low.rating >= RULES.disagreementGap)
			signals.push({ signal: 'disagreement', itemId: item.id, low, high });
	}
	const newest = current.length ? new Date(Math.max(...current.map((c) => c.at.getTime()))) : null;
	signals.push(...staleSignals(colour, reasons, newest, now));
	return {
		rulesVersion: RULES_VERSION,
		colour,
		domainColours,
		combined,
		reasons,
		signals,
		newestAt: newest
	};
}

/**
 * Staleness depends on the clock, so it is derived when shown, from the stored reasons and
 * the newest rating date. It never changes the colour: only a newer assessment can.
 */
export function staleSignals(
	colour: Colour,
	reasons: readonly Reason[],
	newest: Date | null,
	now: Date
): Signal[] {
	const out: Signal[] = [];
	if (newest && now.getTime() - newest.getTime() > RULES.staleDays * DAY) {
		out.push({ signal: 'stale', why: 'newest_over_90_days', newest });
	}
	if (colour === 'red') {
		for (const r of reasons) {
			if (
				(r.rule === 'item_rated_3' || r.rule === 'safety_rated_2') &&
				now.getTime() - new Date(r.at).getTime() > RULES.staleRedDays * DAY
			) {
				out.push({
					signal: 'stale',
					why: 'red_rating_over_30_days',
					itemId: r.itemId,
					organisationId: r.organisationId,
					at: new Date(r.at)
				});
			}
		}
	}
	return out;
}

/** The part of a status that does not depend on the clock: what is stored. */
export function timeless(status: Status) {
	return {
		rulesVersion: status.rulesVersion,
		colour: status.colour,
		domainColours: status.domainColours,
		reasons: status.reasons,
		signals: status.signals.filter((x) => x.signal !== 'stale'),
		newestAt: status.newestAt
	};
}

/** A team override (rule 6): set by hand, with a reason and a date to look at it again. */
export type Override = { colour: Colour; reason: string; reviewOn: string };

/** Longest time an override may stand before it must be looked at again. */
export const OVERRIDE_MAX_DAYS = 90;

/**
 * The colour the team works with. An override replaces the computed colour for the team's
 * decisions, but never the computed status itself: both are returned, so both can be shown.
 */
export function effectiveStatus(
	computed: Colour,
	override: Override | null,
	today: string
): { colour: Colour; computed: Colour; override: Override | null; reviewDue: boolean } {
	if (!override) return { colour: computed, computed, override: null, reviewDue: false };
	return { colour: override.colour, computed, override, reviewDue: override.reviewOn <= today };
}

/**
 * The reasons a partner may see (docs/domain.md §5, issue 12): which rule made the colour
 * and in which domains, once per rule. Never an organisation, a rating of an item or a
 * note: those are other organisations' assessments.
 */
export type RuleReason = { rule: Reason['rule']; domains: string[] };

export function ruleReasons(
	reasons: readonly Reason[],
	inst: Instrument = CURRENT_INSTRUMENT
): RuleReason[] {
	const domainOf = new Map(inst.items.map((i) => [i.id, i.domain]));
	const byRule = new Map<Reason['rule'], Set<string>>();
	for (const r of reasons) {
		const set = byRule.get(r.rule) ?? new Set<string>();
		byRule.set(r.rule, set);
		const items = 'itemId' in r ? [r.itemId] : r.rule === 'accumulating_concern' ? r.items : [];
		for (const i of items) {
			const d = domainOf.get(i);
			if (d) set.add(d);
		}
	}
	const order = inst.domains.map((d) => d.id);
	return [...byRule].map(([rule, ds]) => ({
		rule,
		domains: order.filter((d) => ds.has(d))
	}));
}
