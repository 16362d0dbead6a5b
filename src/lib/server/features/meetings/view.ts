import { agendaTimeBudget } from '../../../domain/agenda-time';
import type { AgendaReason, AgendaSection } from '../../../domain/meeting';
import { formatDate } from '../../../format';
import { triggerLabel } from '../../../labels/trigger';
import { colourLabel } from '../../../labels/colour';
import { m } from '../../../paraglide/messages';
import { clockKindLabel } from '../../../labels/path';
import { domainText, itemText } from '../status';

/*
 * Why a child is on the agenda, in words (§7), made on the server like the path's texts
 * (ADR 028): the agenda only shows them.
 */

const item = itemText;

export function reasonText(
	r: AgendaReason,
	names: ReadonlyMap<string, string> = new Map()
): string {
	switch (r.section) {
		case 'family':
			return m.agenda_family({ name: names.get(r.withChildId) ?? '' });
		case 'colour_change':
			return m.agenda_colour_change({
				from: r.from ? colourLabel(r.from) : '–',
				to: colourLabel(r.to),
				date: formatDate(r.on)
			});
		case 'open_flag':
			return (r.overdue ? m.agenda_flag_overdue : m.agenda_flag_open)({
				trigger: triggerLabel(r.trigger),
				date: formatDate(r.dueOn)
			});
		case 'disagreement':
			return r.own
				? m.agenda_own_disagreement({ domain: domainText(r.itemId) })
				: m.agenda_disagreement({ item: item(r.itemId) });
		case 'stale_red':
			return m.agenda_stale_red({ item: item(r.itemId), date: formatDate(r.since) });
		case 'override_review':
			return m.agenda_override_review({ date: formatDate(r.reviewOn) });
		case 'workflow':
			return r.kind === 'review'
				? m.agenda_workflow_review({ date: formatDate(r.dueOn) })
				: m.agenda_consultation_requested({ date: formatDate(r.on) });
		case 'deadline':
			return (r.state === 'overdue' ? m.agenda_deadline_overdue : m.agenda_deadline_soon)({
				clock: r.clock === 'urgency' ? m.clock_urgency() : clockKindLabel(r.clock),
				date: formatDate(r.dueOn)
			});
		case 'rotation':
			return r.lastDiscussedOn
				? m.agenda_rotation({ date: formatDate(r.lastDiscussedOn) })
				: m.agenda_rotation_never();
		case 'added':
			return m.agenda_added({ note: r.note });
	}
}

export function sectionText(s: AgendaSection): string {
	switch (s) {
		case 'colour_change':
			return m.agenda_section_colour_change();
		case 'open_flag':
			return m.agenda_section_open_flag();
		case 'disagreement':
			return m.agenda_section_disagreement();
		case 'stale_red':
			return m.agenda_section_stale_red();
		case 'override_review':
			return m.agenda_section_override_review();
		case 'workflow':
			return m.agenda_section_workflow();
		case 'deadline':
			return m.agenda_section_deadline();
		case 'rotation':
			return m.agenda_section_rotation();
		case 'added':
			return m.agenda_section_added();
	}
}

/**
 * The agenda's rows with their section heading and reasons in words. A sibling brought
 * along stays under its family's heading (§7: one family item).
 */
export function agendaText<
	T extends { childId: string; givenName: string; familyName: string; reasons: AgendaReason[] }
>(items: T[]) {
	const names = new Map(items.map((i) => [i.childId, `${i.givenName} ${i.familyName}`]));
	let heading = sectionText('added');
	return items.map((i) => {
		const first = i.reasons[0];
		if (first && first.section !== 'family') heading = sectionText(first.section);
		return {
			...i,
			sibling: first?.section === 'family',
			sectionText: heading,
			reasonTexts: i.reasons.map((r) => reasonText(r, names))
		};
	});
}

/**
 * The live agenda by section, with the meeting's time shared over it (agendaTimeBudget):
 * each heading says how many children and about how long, each child about how long; the
 * rotation children beyond the time are kept apart, for when time is left. `position` is
 * the child's number on the whole agenda, as the reorder form takes it.
 */
export function agendaSections<
	T extends { reasons: AgendaReason[]; sibling: boolean; sectionText: string }
>(items: T[], meetingMinutes: number) {
	const budget = agendaTimeBudget(
		items.map((i) => ({ section: i.reasons[0]?.section ?? 'added', sibling: i.sibling })),
		meetingMinutes
	);
	let later = false;
	const rows = items.map((item, n) => {
		const minutes = budget.minutes[n]!;
		if (!item.sibling) later = item.reasons[0]?.section === 'rotation' && minutes === 0;
		return {
			...item,
			position: n + 1,
			minutes,
			later,
			minutesText: minutes ? m.agenda_item_minutes({ minutes }) : null
		};
	});
	const sections: {
		heading: string;
		planned: typeof rows;
		later: typeof rows;
		laterText: string;
	}[] = [];
	for (const row of rows) {
		if (sections.at(-1)?.heading !== row.sectionText)
			sections.push({ heading: row.sectionText, planned: [], later: [], laterText: '' });
		const section = sections.at(-1)!;
		(row.later ? section.later : section.planned).push(row);
	}
	return {
		totalText: m.agenda_time_total({ minutes: meetingMinutes }),
		overfullText: budget.overfull ? m.agenda_overfull() : null,
		sections: sections.map((s) => {
			const count = s.planned.length + s.later.length;
			const minutes = s.planned.reduce((sum, r) => sum + r.minutes, 0);
			return {
				...s,
				heading: minutes
					? m.agenda_section_heading({ section: s.heading, count, minutes })
					: m.agenda_section_heading_untimed({ section: s.heading, count }),
				laterText: s.later.length ? m.agenda_rotation_later({ count: s.later.length }) : ''
			};
		})
	};
}
