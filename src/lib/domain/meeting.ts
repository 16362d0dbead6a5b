import { clockState, type ClockKind } from './clocks';
import type { Colour } from './colours';
import type { FlagTrigger } from './flags';
import { addDays } from './working-days';

/**
 * The weekly systemic team meeting (docs/domain.md §7): its states, and the agenda the
 * coordinator starts from, built from plain facts. No I/O; `today` is passed in.
 */

export const MEETING_STATES = ['planned', 'open', 'closed'] as const;
export type MeetingState = (typeof MEETING_STATES)[number];
export const HYPOTHESIS_STATES = ['open', 'supported', 'set_aside'] as const;
export type HypothesisState = (typeof HYPOTHESIS_STATES)[number];
export const STEP_OUTCOMES = ['done', 'not_done'] as const;
export type StepOutcome = (typeof STEP_OUTCOMES)[number];

/** Every child of the team is discussed at least this often, unless the team sets otherwise. */
export const DEFAULT_ROTATION_DAYS = 28;
export const ROTATION_DAYS_LIMITS = { min: 7, max: 90 } as const;

/** §7's sections, in the agenda's order. A child sits in the first one it belongs to. */
export const AGENDA_SECTIONS = [
	'colour_change',
	'open_flag',
	'disagreement',
	'stale_red',
	'override_review',
	'workflow',
	'deadline',
	'rotation',
	'added'
] as const;
export type AgendaSection = (typeof AGENDA_SECTIONS)[number];

/** Why a child is on the agenda: each one said in words on the page. */
export type AgendaReason =
	| { section: 'colour_change'; from: Colour | null; to: Colour; on: string }
	| { section: 'open_flag'; trigger: FlagTrigger; dueOn: string; overdue: boolean }
	/** `own`: the young person's own view differs on the domain `itemId` names (§11). */
	| { section: 'disagreement'; itemId: string; own?: true }
	| { section: 'stale_red'; itemId: string; since: string }
	| { section: 'override_review'; reviewOn: string }
	| { section: 'workflow'; kind: 'review'; dueOn: string }
	| { section: 'workflow'; kind: 'consultation_requested'; on: string }
	| {
			section: 'deadline';
			/** 'urgency': a notification whose urgency is not assessed yet (due the day received, §10). */
			clock: ClockKind | 'urgency';
			dueOn: string;
			state: 'due_soon' | 'overdue';
	  }
	| { section: 'rotation'; lastDiscussedOn: string | null }
	| { section: 'added'; note: string }
	/** A sibling brought along: discussed with `withChildId` as one family item (§7). */
	| { section: 'family'; withChildId: string };

/** What the builder reads; the server gathers each list with one query. */
export type AgendaFacts = {
	/** The team's children whose case is not closed, for the rotation; linked siblings share a family. */
	children: { id: string; familyName: string; givenName: string; familyId?: string | null }[];
	/** Colour changes since the previous meeting (all of them, oldest first or not). */
	colourChanges: { childId: string; from: Colour | null; to: Colour; on: string }[];
	openFlags: { childId: string; trigger: FlagTrigger; dueOn: string }[];
	/** Disagreement signals that were not there at the previous meeting. */
	/** `own`: the young person's own view against the professionals on the domain `itemId`. */
	newDisagreements: { childId: string; itemId: string; own?: true }[];
	staleReds: { childId: string; itemId: string; since: string }[];
	/** Team overrides with their review date (the builder keeps those that have come). */
	overrides: { childId: string; reviewOn: string }[];
	/** Active intensive workflows with their next 14-day review date. */
	workflowReviews: { childId: string; dueOn: string }[];
	consultationRequests: { childId: string; on: string }[];
	/**
	 * Open statutory clocks (met ones are not facts here), and notifications not yet
	 * assessed for urgency as kind 'urgency', due the day they were received.
	 */
	clocks: { childId: string; kind: ClockKind | 'urgency'; dueOn: string }[];
	/** The day each child was last discussed in a meeting; absent: never. */
	lastDiscussedOn: Record<string, string>;
};

export type AgendaEntry = { childId: string; section: AgendaSection; reasons: AgendaReason[] };

const SEVERITY: Record<Colour, number> = { grey: 0, green: 1, yellow: 2, red: 3 };
const sectionIndex = (s: AgendaReason['section']) =>
	(AGENDA_SECTIONS as readonly string[]).indexOf(s);

/** A child's reasons of one section, typed as that section's. */
const reasonsOf = <S extends AgendaReason['section']>(reasons: AgendaReason[], section: S) =>
	reasons.filter((r): r is Extract<AgendaReason, { section: S }> => r.section === section);

/** Within a section, what comes first: a sort key (smaller first). */
function keyOf(section: AgendaSection, reasons: AgendaReason[]): string {
	switch (section) {
		case 'colour_change': {
			const r = reasonsOf(reasons, section)[0]!;
			// Red first, then the other colours by severity, the newest change first.
			return `${3 - SEVERITY[r.to]}|${invert(r.on)}`;
		}
		case 'open_flag': {
			const flags = reasonsOf(reasons, section);
			const overdue = flags.some((f) => f.overdue);
			return `${overdue ? 0 : 1}|${flags.map((f) => f.dueOn).sort()[0]}`;
		}
		case 'deadline':
			return reasonsOf(reasons, section)
				.map((r) => r.dueOn)
				.sort()[0]!;
		case 'rotation': {
			const r = reasonsOf(reasons, section)[0]!;
			// Never discussed first, then the longest since.
			return r.lastDiscussedOn ?? '';
		}
		case 'override_review':
			return reasonsOf(reasons, section)[0]!.reviewOn;
		default:
			return '';
	}
}

// A descending date as an ascending key: 2026-12-03 → 7973-87-96.
const invert = (date: string) => date.replace(/\d/g, (d) => String(9 - Number(d)));

/**
 * The agenda the coordinator starts from (§7): every child with a reason once, in the
 * first section it belongs to, with all its reasons in section order. A statutory clock
 * counts when it is due within five working days or overdue; the rotation when the child
 * has not been discussed for `rotationDays` or more, or never. Siblings are discussed
 * together: the first of a family on the agenda brings its linked siblings (whose case is
 * open) right after it, as one family item; a sibling with reasons of its own keeps them
 * and moves up, one without gets the `family` reason.
 */
export function buildAgenda(
	facts: AgendaFacts,
	{ today, rotationDays = DEFAULT_ROTATION_DAYS }: { today: string; rotationDays?: number }
): AgendaEntry[] {
	const reasons = new Map<string, AgendaReason[]>();
	const add = (childId: string, r: AgendaReason) =>
		reasons.set(childId, [...(reasons.get(childId) ?? []), r]);

	// One colour change per child: from where it stood at the previous meeting to now.
	const changes = new Map<string, { from: Colour | null; to: Colour; on: string }>();
	for (const c of [...facts.colourChanges].sort((a, b) => a.on.localeCompare(b.on))) {
		const seen = changes.get(c.childId);
		changes.set(c.childId, { from: seen ? seen.from : c.from, to: c.to, on: c.on });
	}
	for (const [childId, c] of changes)
		add(childId, { section: 'colour_change', from: c.from, to: c.to, on: c.on });
	for (const f of facts.openFlags)
		add(f.childId, {
			section: 'open_flag',
			trigger: f.trigger,
			dueOn: f.dueOn,
			overdue: today > f.dueOn
		});
	for (const d of facts.newDisagreements)
		add(
			d.childId,
			d.own
				? { section: 'disagreement', itemId: d.itemId, own: true }
				: { section: 'disagreement', itemId: d.itemId }
		);
	for (const s of facts.staleReds)
		add(s.childId, { section: 'stale_red', itemId: s.itemId, since: s.since });
	for (const o of facts.overrides)
		if (o.reviewOn <= today) add(o.childId, { section: 'override_review', reviewOn: o.reviewOn });
	for (const w of facts.workflowReviews)
		if (w.dueOn <= today) add(w.childId, { section: 'workflow', kind: 'review', dueOn: w.dueOn });
	for (const c of facts.consultationRequests)
		add(c.childId, { section: 'workflow', kind: 'consultation_requested', on: c.on });
	for (const k of facts.clocks) {
		const s = clockState(k.dueOn, today);
		if (s.state === 'due_soon' || s.state === 'overdue')
			add(k.childId, { section: 'deadline', clock: k.kind, dueOn: k.dueOn, state: s.state });
	}
	const rotationCut = addDays(today, -rotationDays);
	for (const c of facts.children) {
		const last = facts.lastDiscussedOn[c.id] ?? null;
		if (last === null || last <= rotationCut)
			add(c.id, { section: 'rotation', lastDiscussedOn: last });
	}

	const names = new Map(facts.children.map((c) => [c.id, `${c.familyName} ${c.givenName}`]));
	const ordered = [...reasons]
		.map(([childId, rs]) => {
			const sorted = [...rs].sort((a, b) => sectionIndex(a.section) - sectionIndex(b.section));
			const section = sorted[0]!.section as AgendaSection;
			return { childId, section, reasons: sorted, key: keyOf(section, sorted) };
		})
		.sort(
			(a, b) =>
				sectionIndex(a.section) - sectionIndex(b.section) ||
				a.key.localeCompare(b.key) ||
				(names.get(a.childId) ?? '').localeCompare(names.get(b.childId) ?? '', 'fi') ||
				a.childId.localeCompare(b.childId)
		)
		.map(({ childId, section, reasons }) => ({ childId, section, reasons }));
	return withSiblings(ordered, facts.children, names);
}

/** Each family's children together, after the first of them on the agenda (§7). */
function withSiblings(
	ordered: AgendaEntry[],
	children: AgendaFacts['children'],
	names: Map<string, string>
): AgendaEntry[] {
	const familyOf = new Map(children.flatMap((c) => (c.familyId ? [[c.id, c.familyId]] : [])));
	const members = new Map<string, string[]>();
	for (const c of children)
		if (c.familyId) members.set(c.familyId, [...(members.get(c.familyId) ?? []), c.id]);
	const byChild = new Map(ordered.map((e) => [e.childId, e]));
	const placed = new Set<string>();
	const out: AgendaEntry[] = [];
	for (const entry of ordered) {
		if (placed.has(entry.childId)) continue;
		out.push(entry);
		placed.add(entry.childId);
		const family = familyOf.get(entry.childId);
		if (!family) continue;
		const siblings = (members.get(family) ?? [])
			.filter((id) => !placed.has(id))
			.sort(
				(a, b) => (names.get(a) ?? '').localeCompare(names.get(b) ?? '', 'fi') || a.localeCompare(b)
			);
		for (const id of siblings) {
			const own = byChild.get(id);
			out.push({
				childId: id,
				section: entry.section,
				reasons: [{ section: 'family', withChildId: entry.childId }, ...(own?.reasons ?? [])]
			});
			placed.add(id);
		}
	}
	return out;
}

/**
 * A step from an earlier meeting that has no outcome yet comes back first, and must be
 * marked done or not done before the child gets new steps: nothing is silently dropped.
 */
export const mustSettleFirst = (steps: { outcome: StepOutcome | null }[]) =>
	steps.some((s) => s.outcome === null);

/** Whether a meeting can still be written to; a closed one takes addenda only. */
export const meetingEditable = (state: MeetingState) => state !== 'closed';

/** `planned → open → closed`, never back. */
export function nextMeetingState(state: MeetingState): MeetingState | null {
	return state === 'planned' ? 'open' : state === 'open' ? 'closed' : null;
}
