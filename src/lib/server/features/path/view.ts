import { helsinkiDate } from '../../../domain/access';
import type { ClockKind, ClockState } from '../../../domain/clocks';
import { CONTACT_DECISIONS, CONTACT_KINDS, NOTIFIER_KINDS } from '../../../domain/path';
import { formatDate, formatDateTime, formatDay } from '../../../format';
import { m } from '../../../paraglide/messages';
import {
	clockKindLabel,
	clockStateText,
	contactKindLabel,
	decisionLabel,
	notifierKindLabel,
	phaseLabel,
	placementKindLabel
} from '../../../labels/path';
import type { getContact } from './contacts';
import type { childPath } from './reads';

/*
 * The child's path in words, made on the server in the reader's language. The child page
 * and the dashboard show these texts but never pick or edit them, so the labels and their
 * three languages stay out of the browser's bundle (ADR 025's budget; ADR 027).
 */

export type ClockTone = ClockState['state'] | 'stopped';
/** A clock as `ClockText` shows it: a mark by its tone, the due date and the state in words. */
export type ClockText = { tone: ClockTone; due: string; state: string };

export function clockText(c: { dueOn: string; state: ClockState | null }): ClockText {
	return {
		tone: c.state?.state ?? 'stopped',
		due: m.clock_due({ date: formatDate(c.dueOn) }),
		state: clockStateText(c.state)
	};
}

/** The row as it was, with its clock's words beside it. */
export function withClockText<T extends { dueOn: string; state: ClockState | null }>(
	c: T
): T & { text: ClockText } {
	return { ...c, text: clockText(c) };
}

/** The dashboard's nearest clock: what kind and where it stands. */
export function nearestClockText(c: { kind: ClockKind; dueOn: string; state: ClockState | null }) {
	return { ...withClockText(c), kindText: clockKindLabel(c.kind) };
}

type Path = Awaited<ReturnType<typeof childPath>>;

/** The path section of the child page (§10–§11) in words. */
export function pathText(path: Path) {
	if (!path) return null;
	if (path.kind === 'partner')
		return {
			kind: 'partner' as const,
			contacts: path.contacts.map((k) => ({
				id: k.id,
				text: m.path_partner_filed({ date: formatDate(k.receivedOn) })
			}))
		};
	const clock = (c: (typeof path.clocks)[number]) => ({
		id: c.id,
		kind: clockKindLabel(c.kind),
		metOn: c.metOn ? m.path_clock_met_on({ date: formatDate(c.metOn) }) : null,
		text: clockText(c)
	});
	const done = path.clocks.filter((c) => c.metOn);
	return {
		kind: 'team' as const,
		phase: phaseLabel(path.phase),
		since: m.path_since({ date: formatDate(path.phaseSince) }),
		secondWorkerName: path.secondWorkerName,
		lastHeard: path.lastHeard ? formatDay(path.lastHeard) : m.path_never_heard(),
		running: path.clocks.filter((c) => !c.metOn && c.state).map(clock),
		done: done.map(clock),
		doneTitle: m.path_clocks_done({ count: done.length }),
		contacts: path.contacts.map((k) => ({
			id: k.id,
			title: `${contactKindLabel(k.kind)}, ${formatDate(k.receivedOn)}`,
			notifier: notifierKindLabel(k.notifierKind),
			urgent: k.urgent === true,
			decision: k.decision ? decisionLabel(k.decision) : m.decision_open()
		})),
		history: path.history.map((h) => ({
			id: h.id,
			on: formatDate(h.on),
			from: h.fromPhase ? phaseLabel(h.fromPhase) : null,
			to: phaseLabel(h.toPhase),
			placement: [h.placementKind && placementKindLabel(h.placementKind), h.placementPlace]
				.filter(Boolean)
				.join(', '),
			by: h.by,
			reason: h.reason
		}))
	};
}

export type PathText = ReturnType<typeof pathText>;

type Contact = Awaited<ReturnType<typeof getContact>>;

/**
 * One contact's page in words (§10): what it is, from whom, its urgency and decision, and
 * the decisions to choose from. The page only shows them, or offers them as choices.
 */
export function contactText(row: Contact) {
	const c = row.contact;
	return {
		contact: {
			id: c.id,
			summary: c.summary,
			urgent: c.urgent,
			decision: c.decision,
			decisionReason: c.decisionReason,
			organisationName: row.organisationName,
			kindText: contactKindLabel(c.kind),
			receivedText: formatDate(c.receivedOn),
			notifierText: notifierKindLabel(c.notifierKind),
			urgencyText:
				c.urgent === null
					? m.contact_urgency_open()
					: `${c.urgent ? m.contact_urgent_yes() : m.contact_urgent_no()}${c.urgencyAssessedAt ? `, ${formatDateTime(c.urgencyAssessedAt)}` : ''}`,
			decisionText: c.decision ? decisionLabel(c.decision) : null,
			decidedText: c.decidedOn ? formatDate(c.decidedOn) : null
		},
		child: {
			name: `${row.givenName} ${row.familyName}`,
			dateOfBirth: row.dateOfBirth,
			birthExpected: row.birthExpected
		},
		born: row.birthExpected
			? m.child_expected_short({ date: formatDate(row.dateOfBirth) })
			: formatDate(row.dateOfBirth),
		phaseText: phaseLabel(row.phase),
		decisions: CONTACT_DECISIONS.map((d) => ({ value: d, label: decisionLabel(d) }))
	};
}

/**
 * The words of a contact's fields (ContactFields), in the reader's language: the kinds and
 * notifier kinds to choose from, hints and the urgency's answers, so neither the path's
 * labels nor its rules ship with the two pages that file a contact.
 */
export function contactFieldsText() {
	return {
		choose: m.choose(),
		receivedHint: m.contact_received_hint(),
		notifierHint: m.contact_notifier_hint(),
		summaryHint: m.contact_summary_hint(),
		urgencyHint: m.contact_urgency_hint(),
		kinds: CONTACT_KINDS.map((k) => ({ value: k, label: contactKindLabel(k) })),
		notifierKinds: NOTIFIER_KINDS.map((k) => ({ value: k, label: notifierKindLabel(k) })),
		urgency: [
			{ value: 'yes', label: m.contact_urgent_yes() },
			{ value: 'no', label: m.contact_urgent_no() },
			{ value: '', label: m.contact_urgency_later() }
		]
	};
}

export type ContactFieldsText = ReturnType<typeof contactFieldsText>;

/**
 * A new contact's form as it first shows: received today. A partner files a notification
 * as its own kind; the app sets both kinds then, and the hidden fields only keep the form
 * valid.
 */
export function contactFormStart(byTeam: boolean, now: Date) {
	return {
		receivedOn: helsinkiDate(now),
		notifierKind: byTeam ? undefined : ('other' as const),
		kind: byTeam ? undefined : ('notification' as const)
	};
}
