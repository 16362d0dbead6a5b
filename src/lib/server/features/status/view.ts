import { CURRENT_INSTRUMENT, localized } from '../../../domain/instrument';
import { formatDate, formatDay } from '../../../format';
import { colourLabel } from '../../../labels/colour';
import { m } from '../../../paraglide/messages';
import { getLocale } from '../../../paraglide/runtime';
import { reasonText, ruleReasonText, signalText } from './reason-text';
import { words } from '../../words';
import type { childOverview } from './overview';
import type { childStatusView } from './child-status';

/*
 * The child's status and rating grid in words, made on the server in the reader's language:
 * the instrument's labels and the reasons' sentences in three languages would otherwise ship
 * with the child page, which only shows them (ADR 025's budget).
 */

type Status = Awaited<ReturnType<typeof childStatusView>>;
type Overview = NonNullable<Awaited<ReturnType<typeof childOverview>>>;

// An override's history row keeps its reason as the first entry of `reasons`.
function overrideReason(reasons: unknown): string {
	const first: unknown = Array.isArray(reasons) ? reasons[0] : undefined;
	return first && typeof first === 'object' && 'reason' in first ? String(first.reason) : '';
}

/**
 * The colours a page shows beside `statusText`: the status itself carries the reasons, the
 * signals and the history as records (ids, dates), which the page shows only as text. Sending
 * them too would double the child page's data and give the browser ids it has no use for.
 */
export function statusColours(status: Status) {
	if (status.kind !== 'team') return { kind: status.kind, colour: status.colour };
	return {
		kind: status.kind,
		colour: status.colour,
		computed: status.computed,
		override: status.override
	};
}

/**
 * The domains with their colours, the reasons and signals as sentences and the history as
 * lines. A partner's reasons name the rule and its domains only, as `status.reasons` does.
 */
export function statusText(status: Status) {
	const locale = getLocale();
	const domains = CURRENT_INSTRUMENT.domains.map((d) => ({
		id: d.id,
		label: localized(d.label, locale),
		colour: status.domainColours[d.id] ?? 'grey'
	}));
	const t = words(
		'status_title',
		'override_team_status',
		'override_reason',
		'override_review_due',
		'override_computed',
		'override_link',
		'status_domains',
		'status_reasons',
		'status_signals',
		'status_history',
		'status_partner_reasons_note'
	);
	if (status.kind === 'partner')
		return {
			t,
			overrideMeta: null,
			domains,
			reasons: status.reasons.map((r) => ruleReasonText(r, locale)),
			signals: [],
			history: []
		};
	const orgs = status.organisationNames;
	const override = status.override;
	return {
		t,
		overrideMeta: override
			? m.override_meta({
					name: override.byName,
					date: override.at ? formatDay(override.at) : '–',
					review: formatDate(override.reviewOn)
				})
			: null,
		domains,
		reasons: status.reasons.map((r) => reasonText(r, orgs)),
		signals: status.signals.map((s) => signalText(s, orgs)),
		history: status.history.map((h) => {
			const row = m.status_history_row({
				date: formatDay(h.at),
				from: h.fromColour ? colourLabel(h.fromColour) : '–',
				to: colourLabel(h.toColour)
			});
			const why =
				h.trigger === 'override'
					? m.status_history_override({ reason: overrideReason(h.reasons) })
					: h.trigger === 'override_cleared'
						? m.status_history_override_cleared()
						: null;
			return { id: h.id, text: why ? `${row} (${why})` : row };
		})
	};
}

export type StatusText = ReturnType<typeof statusText>;

/** The grid's rows (each domain with a rated item, and those items, labelled) and its words. */
export function gridText(o: Overview | null) {
	const locale = getLocale();
	return {
		t: words(
			'grid_title',
			'no_items',
			'assessment_item',
			'grid_combined',
			'grid_views_title',
			'assessment_organisation',
			'assessment_child_view',
			'assessment_guardians_view'
		),
		groups: o
			? CURRENT_INSTRUMENT.domains
					.map((d) => ({
						id: d.id,
						label: localized(d.label, locale),
						items: CURRENT_INSTRUMENT.items
							.filter((i) => i.domain === d.id && o.cells[i.id])
							.map((i) => ({ id: i.id, label: `${i.id} ${localized(i.label, locale)}` }))
					}))
					.filter((d) => d.items.length)
			: [],
		// Each rating's and view's day in words, by assessment, so the grid needs no formatter.
		cellDays: Object.fromEntries(
			Object.values(o?.cells ?? {}).flatMap((byOrg) =>
				Object.values(byOrg).map((c) => [c.assessmentId, formatDay(c.at)])
			)
		),
		viewDays: Object.fromEntries(
			(o?.views ?? []).map((v) => [v.id, v.submittedAt ? formatDay(v.submittedAt) : ''])
		)
	};
}

export type GridText = ReturnType<typeof gridText>;
