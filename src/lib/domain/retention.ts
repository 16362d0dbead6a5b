/**
 * How long the app keeps what it keeps only for a while (ADR 046). Children's records are
 * not here: the law keeps child-welfare client documents for decades (Act 703/2023, its
 * annex), longer than this app knows of a child, so nothing of a child's record is deleted
 * by a clock; only the working data around it is.
 */

/**
 * The access log is kept at least this long: a guardian may ask who processed the child's
 * data in the last two years (Act 703/2023 § 11). The database refuses a shorter period
 * too (`access_log_drop_months`), so a wrong setting cannot delete evidence.
 */
export const ACCESS_LOG_MIN_MONTHS = 24;

/** The access log's period unless the region's information management plan says otherwise. */
export const ACCESS_LOG_DEFAULT_MONTHS = 144;

/** Working data, by how long it stays after it was last of use. */
export const WORKING_DATA = {
	/** A sent e-mail's row (address, subject, text): its notification stays in the app. */
	sentMailDays: 90,
	/** A set-password link, used or expired. */
	spentPasswordLinkDays: 30,
	/** A sign-in throttle with no failure for this long and no lock running. */
	quietThrottleDays: 30,
	/** A message in the local mail folder (a run without a mail server): its link has expired. */
	mailFolderHours: 48,
	/**
	 * A create form's answered key (ADR 052): long enough for a retry, a double press or the
	 * back button a few days later; a post older than that saves as a new one.
	 */
	answeredFormDays: 7
} as const;

export type RetentionCutoffs = {
	/** Access-log months that ended on or before this (UTC month start) are dropped. */
	accessLogBefore: Date;
	sentMailBefore: Date;
	spentPasswordLinkBefore: Date;
	quietThrottleBefore: Date;
	mailFolderBefore: Date;
	answeredFormBefore: Date;
};

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * What is old enough to go at `now`, with the access log kept `accessLogMonths` whole months
 * (never fewer than the minimum: a shorter setting counts as the minimum). A month is
 * dropped only once all of it is past the period, so a row is always kept at least as long.
 */
export function retentionCutoffs(now: Date, accessLogMonths: number): RetentionCutoffs {
	const months = Math.max(ACCESS_LOG_MIN_MONTHS, Math.floor(accessLogMonths));
	const at = now.getTime();
	return {
		accessLogBefore: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, 1)),
		sentMailBefore: new Date(at - WORKING_DATA.sentMailDays * DAY_MS),
		spentPasswordLinkBefore: new Date(at - WORKING_DATA.spentPasswordLinkDays * DAY_MS),
		quietThrottleBefore: new Date(at - WORKING_DATA.quietThrottleDays * DAY_MS),
		mailFolderBefore: new Date(at - WORKING_DATA.mailFolderHours * 60 * 60 * 1000),
		answeredFormBefore: new Date(at - WORKING_DATA.answeredFormDays * DAY_MS)
	};
}
