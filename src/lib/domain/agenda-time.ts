/**
 * The meeting's time shared over its agenda (§7, issue 33): a family item of a section that
 * needs the team now (colour, flags, deadlines, …) gets two shares, a rotation item one.
 * Rotation children come last and yield: only as many are planned as leave each share at
 * least `MIN_SHARE_MINUTES`; the rest are listed for when time is left. No I/O.
 */

export const DEFAULT_MEETING_MINUTES = 120;
export const MEETING_MINUTES_LIMITS = { min: 15, max: 480 } as const;
/** Below this a share is too short to discuss a child at all. */
export const MIN_SHARE_MINUTES = 5;
const PRIORITY_SHARES = 2;

export type TimedItem = {
	/** The item's section; siblings brought along share their family's time. */
	section: string;
	sibling: boolean;
};

export type TimeBudget = {
	/** Minutes per item, in the items' order; 0 for a sibling and for a rotation item left for later. */
	minutes: number[];
	/** How many rotation items are planned (the first ones: the agenda puts the longest-waiting first). */
	rotationPlanned: number;
	/** The items that need the team now do not fit in the meeting at `MIN_SHARE_MINUTES` a share. */
	overfull: boolean;
};

export function agendaTimeBudget(items: readonly TimedItem[], meetingMinutes: number): TimeBudget {
	const families = items.filter((i) => !i.sibling);
	const rotation = families.filter((i) => i.section === 'rotation').length;
	const priorityShares = (families.length - rotation) * PRIORITY_SHARES;
	const room = Math.floor(meetingMinutes / MIN_SHARE_MINUTES) - priorityShares;
	const rotationPlanned = Math.max(0, Math.min(rotation, room));
	const shares = priorityShares + rotationPlanned;
	const share = shares === 0 ? 0 : meetingMinutes / shares;
	let rotationSeen = 0;
	const minutes = items.map((i) => {
		if (i.sibling) return 0;
		if (i.section !== 'rotation') return Math.floor(share * PRIORITY_SHARES);
		rotationSeen++;
		return rotationSeen <= rotationPlanned ? Math.floor(share) : 0;
	});
	return { minutes, rotationPlanned, overfull: room < 0 };
}
