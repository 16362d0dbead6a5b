import { and, eq, gt, inArray, isNull, lte, max, ne, sql } from 'drizzle-orm';
import { helsinkiDate } from '../../../domain/access';
import { nthWorkingDayAfter, DUE_SOON_WORKING_DAYS } from '../../../domain/clocks';
import type { AgendaFacts } from '../../../domain/meeting';
import { staleSignals } from '../../../domain/traffic-light';
import type { DbOrTx } from '../../db';
import {
	agendaItem,
	caseContact,
	child,
	childStatus,
	childStatusHistory,
	consultation,
	flag,
	intensiveWorkflow,
	meetingDiscussion,
	statutoryClock,
	teamMeeting
} from '../../db/schema';

/** Without a previous meeting, "since the previous meeting" means the last week. */
const FIRST_MEETING_LOOKBACK_DAYS = 7;

/**
 * What the agenda builder reads (domain/meeting), for one team: one query per section,
 * never one per child, so a team of hundreds prepares as fast as a team of ten.
 */
export async function agendaFacts(
	tx: DbOrTx,
	teamId: string,
	previous: { id: string; startsAt: Date } | null,
	now: Date
): Promise<AgendaFacts> {
	const today = helsinkiDate(now);
	const since =
		previous?.startsAt ?? new Date(now.getTime() - FIRST_MEETING_LOOKBACK_DAYS * 86_400_000);
	const ofTeam = eq(child.teamId, teamId);
	const open = ne(child.phase, 'closed');

	const children = await tx
		.select({
			id: child.id,
			familyName: child.familyName,
			givenName: child.givenName,
			familyId: child.familyId
		})
		.from(child)
		.where(and(ofTeam, open));

	const colourChanges = (
		await tx
			.select({
				childId: childStatusHistory.childId,
				from: childStatusHistory.fromColour,
				to: childStatusHistory.toColour,
				at: childStatusHistory.at
			})
			.from(childStatusHistory)
			.innerJoin(child, eq(child.id, childStatusHistory.childId))
			.where(and(ofTeam, open, gt(childStatusHistory.at, since)))
	).map((c) => ({ childId: c.childId, from: c.from, to: c.to, on: helsinkiDate(c.at) }));

	const openFlags = await tx
		.select({ childId: flag.childId, trigger: flag.trigger, dueOn: flag.dueOn })
		.from(flag)
		.innerJoin(child, eq(child.id, flag.childId))
		.where(and(ofTeam, eq(flag.status, 'open')));

	// Statuses with a disagreement, a red or an override: one read serves three sections.
	const statuses = await tx
		.select({
			childId: childStatus.childId,
			colour: childStatus.colour,
			reasons: childStatus.reasons,
			signals: childStatus.signals,
			newestAt: childStatus.newestAt,
			overrideReviewOn: childStatus.overrideReviewOn
		})
		.from(childStatus)
		.innerJoin(child, eq(child.id, childStatus.childId))
		.where(
			and(
				eq(childStatus.teamId, teamId),
				open,
				sql`(${childStatus.colour} = 'red' or ${childStatus.overrideColour} is not null
					or ${childStatus.signals} @> '[{"signal":"disagreement"}]'::jsonb)`
			)
		);
	// A disagreement is new when the previous agenda did not already carry it for the child.
	const before = previous
		? await tx
				.select({ childId: agendaItem.childId, reasons: agendaItem.reasons })
				.from(agendaItem)
				.where(eq(agendaItem.meetingId, previous.id))
		: [];
	const seen = new Set(
		before.flatMap((b) =>
			b.reasons
				.filter((r) => r.section === 'disagreement')
				.map((r) => `${b.childId}|${r.own ? 'own:' : ''}${r.itemId}`)
		)
	);
	const newDisagreements = statuses.flatMap((s) =>
		s.signals
			.flatMap((x) => (x.signal === 'disagreement' ? [x] : []))
			.map((x) =>
				'domainId' in x
					? { childId: s.childId, itemId: x.domainId, own: true as const }
					: { childId: s.childId, itemId: x.itemId }
			)
			.filter((x) => !seen.has(`${x.childId}|${'own' in x ? 'own:' : ''}${x.itemId}`))
	);
	const staleReds = statuses.flatMap((s) =>
		staleSignals(s.colour, s.reasons, s.newestAt, now).flatMap((x) =>
			x.signal === 'stale' && x.why === 'red_rating_over_30_days'
				? [{ childId: s.childId, itemId: x.itemId, since: helsinkiDate(x.at) }]
				: []
		)
	);
	const overrides = statuses.flatMap((s) =>
		s.overrideReviewOn ? [{ childId: s.childId, reviewOn: s.overrideReviewOn }] : []
	);

	const workflowReviews = (
		await tx
			.select({ childId: intensiveWorkflow.childId, dueOn: intensiveWorkflow.nextReviewOn })
			.from(intensiveWorkflow)
			.innerJoin(child, eq(child.id, intensiveWorkflow.childId))
			.where(
				and(
					ofTeam,
					eq(intensiveWorkflow.state, 'active'),
					lte(intensiveWorkflow.nextReviewOn, today)
				)
			)
	).flatMap((w) => (w.dueOn ? [{ childId: w.childId, dueOn: w.dueOn }] : []));

	const consultationRequests = (
		await tx
			.select({ childId: consultation.childId, at: consultation.createdAt })
			.from(consultation)
			.innerJoin(child, eq(child.id, consultation.childId))
			.where(and(ofTeam, eq(consultation.state, 'requested')))
	).map((c) => ({ childId: c.childId, on: helsinkiDate(c.at) }));

	const clocks = await tx
		.select({
			childId: statutoryClock.childId,
			kind: statutoryClock.kind,
			dueOn: statutoryClock.dueOn
		})
		.from(statutoryClock)
		.innerJoin(child, eq(child.id, statutoryClock.childId))
		.where(
			and(
				ofTeam,
				open,
				isNull(statutoryClock.metOn),
				lte(statutoryClock.dueOn, nthWorkingDayAfter(today, DUE_SOON_WORKING_DAYS))
			)
		);

	// §10: a notification's urgency is assessed on the day received; one still unassessed
	// stands out with the deadlines (overdue from the next day).
	const unassessed = await tx
		.select({ childId: caseContact.childId, dueOn: caseContact.receivedOn })
		.from(caseContact)
		.innerJoin(child, eq(child.id, caseContact.childId))
		.where(
			and(
				ofTeam,
				open,
				eq(caseContact.kind, 'notification'),
				isNull(caseContact.urgent),
				isNull(caseContact.decision)
			)
		);

	const discussed = await tx
		.select({ childId: meetingDiscussion.childId, at: max(teamMeeting.startsAt) })
		.from(meetingDiscussion)
		.innerJoin(teamMeeting, eq(teamMeeting.id, meetingDiscussion.meetingId))
		.where(and(eq(teamMeeting.teamId, teamId), inArray(teamMeeting.state, ['open', 'closed'])))
		.groupBy(meetingDiscussion.childId);

	return {
		children,
		colourChanges,
		openFlags,
		newDisagreements,
		staleReds,
		overrides,
		workflowReviews,
		consultationRequests,
		clocks: [...clocks, ...unassessed.map((u) => ({ ...u, kind: 'urgency' as const }))],
		lastDiscussedOn: Object.fromEntries(
			discussed.flatMap((d) => (d.at ? [[d.childId, helsinkiDate(new Date(d.at))]] : []))
		)
	};
}
