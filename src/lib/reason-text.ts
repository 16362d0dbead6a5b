import { CURRENT_INSTRUMENT, localized } from './domain/instrument';
import type { Reason, Signal } from './domain/traffic-light';
import { formatDay } from './format';
import { m } from './paraglide/messages';
import { getLocale } from './paraglide/runtime';

/** Plain sentences for reasons and signals, e.g. "S1 Violence at home rated 3 by School X on 3.11." */
const itemText = (id: string) => {
	const item = CURRENT_INSTRUMENT.items.find((i) => i.id === id);
	return item ? `${id} ${localized(item.label, getLocale())}` : id;
};

export function reasonText(r: Reason, orgs: Record<string, string>): string {
	switch (r.rule) {
		case 'item_rated_3':
		case 'safety_rated_2':
		case 'item_rated_2':
			return m.reason_rated({
				item: itemText(r.itemId),
				rating: r.rating,
				organisation: orgs[r.organisationId] ?? '?',
				date: formatDay(r.at)
			});
		case 'accumulating_concern':
			return m.reason_accumulating({
				count: r.items.length,
				organisations: r.organisations.map((o) => orgs[o] ?? '?').join(', ')
			});
		case 'no_assessment':
			return m.reason_no_assessment();
		case 'no_high_ratings':
			return m.reason_no_high_ratings({ count: r.ratedItems });
	}
}

export function signalText(s: Signal, orgs: Record<string, string>): string {
	if (s.signal === 'disagreement') {
		return m.signal_disagreement({
			item: itemText(s.itemId),
			low: `${orgs[s.low.organisationId] ?? '?'} ${s.low.rating}`,
			high: `${orgs[s.high.organisationId] ?? '?'} ${s.high.rating}`
		});
	}
	if (s.why === 'newest_over_90_days') return m.signal_stale({ date: formatDay(s.newest) });
	return m.signal_stale_red({
		item: itemText(s.itemId),
		date: formatDay(s.at)
	});
}
