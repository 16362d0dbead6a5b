import { CURRENT_INSTRUMENT, localized } from '../../../domain/instrument';
import { RULES, type Reason, type RuleReason, type Signal } from '../../../domain/traffic-light';
import { formatDay } from '../../../format';
import { m } from '../../../paraglide/messages';
import { getLocale, type Locale } from '../../../paraglide/runtime';

/** Plain sentences for reasons and signals, e.g. "S1 Violence at home rated 3 by School X on 3.11." */
export const itemText = (id: string) => {
	const item = CURRENT_INSTRUMENT.items.find((i) => i.id === id);
	return item ? `${id} ${localized(item.label, getLocale())}` : id;
};
/** A domain's name in the reader's language. */
export const domainText = (id: string) => {
	const domain = CURRENT_INSTRUMENT.domains.find((d) => d.id === id);
	return domain ? localized(domain.label, getLocale()) : id;
};

/** The rule behind a reason, in plain words: what makes a child this colour. */
export function ruleText(rule: Reason['rule'], locale?: Locale): string {
	const o = locale ? { locale } : undefined;
	switch (rule) {
		case 'item_rated_3':
			return m.rule_item_rated_3({ rating: RULES.redRating }, o);
		case 'safety_rated_2':
			return m.rule_safety_rated_2({ rating: RULES.redSafetyRating }, o);
		case 'item_rated_2':
			return m.rule_item_rated_2({ rating: RULES.yellowRating }, o);
		case 'accumulating_concern':
			return m.rule_accumulating_concern(
				{ items: RULES.accumulatingItems, organisations: RULES.accumulatingOrganisations },
				o
			);
		case 'no_assessment':
			return m.rule_no_assessment({}, o);
		case 'no_high_ratings':
			return m.rule_no_high_ratings({}, o);
	}
}

/** For the team: the rule, then the item, rating, organisation and date that met it. */
export function reasonText(r: Reason, orgs: Record<string, string>): string {
	const detail = reasonDetail(r, orgs);
	return detail ? `${ruleText(r.rule)} ${detail}` : ruleText(r.rule);
}

/** For a partner: the rule and its domains, nothing of other organisations' assessments. */
export function ruleReasonText(r: RuleReason, locale: Locale = getLocale()): string {
	const names = r.domains.map((id) => {
		const d = CURRENT_INSTRUMENT.domains.find((x) => x.id === id);
		return d ? localized(d.label, locale) : id;
	});
	return names.length
		? `${ruleText(r.rule, locale)} ${m.reason_domains({ domains: names.join(', ') }, { locale })}`
		: ruleText(r.rule, locale);
}

function reasonDetail(r: Reason, orgs: Record<string, string>): string {
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
			return '';
		case 'no_high_ratings':
			return m.reason_no_high_ratings({ count: r.ratedItems });
	}
}

export function signalText(s: Signal, orgs: Record<string, string>): string {
	if (s.signal === 'not_safe') return m.signal_not_safe({ date: formatDay(s.at) });
	if (s.signal === 'disagreement' && 'domainId' in s) {
		return m.signal_own_disagreement({
			domain: domainText(s.domainId),
			own: s.own,
			professionals: s.professionals
		});
	}
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
