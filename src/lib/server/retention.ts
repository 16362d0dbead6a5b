import { retentionCutoffs } from '../domain/retention';
import { dropLogMonthsBefore } from './access-log';
import { forgetQuietThrottles } from './auth/throttle';
import type { Db } from './db';
import { mailDir, type Env } from './env';
import { deleteSentMail, pruneMailFolder } from './mail/outbox';
import { deleteSpentPasswordLinks } from './features/account';
import { deleteOldSubmissions } from './submissions';

export type RetentionRun = {
	logMonths: number;
	sentMail: number;
	passwordLinks: number;
	throttles: number;
	mailFiles: number;
	answeredForms: number;
};

/**
 * Applies the periods of ADR 046 at `now`: the access log's months past the region's period,
 * and working data past its own. Each step is one statement and stands alone, so a step that
 * fails (a lock not had within its timeout) leaves the others done and is tried again on the
 * next run. Nothing of a child's record is deleted here.
 */
export async function applyRetention(
	db: Db,
	env: Pick<Env, 'ACCESS_LOG_RETENTION_MONTHS' | 'SMTP_URL' | 'MAIL_DIR' | 'DATA_DIR'>,
	now = new Date()
): Promise<RetentionRun> {
	const c = retentionCutoffs(now, env.ACCESS_LOG_RETENTION_MONTHS);
	return {
		logMonths: await dropLogMonthsBefore(db, c.accessLogBefore),
		sentMail: await deleteSentMail(db, c.sentMailBefore),
		passwordLinks: await deleteSpentPasswordLinks(db, c.spentPasswordLinkBefore),
		throttles: await forgetQuietThrottles(db, c.quietThrottleBefore, now),
		// The folder is the outbox's only where there is no mail server.
		mailFiles: env.SMTP_URL ? 0 : await pruneMailFolder(mailDir(env), c.mailFolderBefore),
		answeredForms: await deleteOldSubmissions(db, c.answeredFormBefore)
	};
}
