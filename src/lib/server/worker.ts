import { deactivateLeavers } from './auth/leavers';
import { oidcProviders } from './auth/oidc';
import { getDb } from './db';
import { readEnv } from './env';
import { log } from './log';
import { observeWorkerRun } from './metrics';
import { mailTransport, processOutbox } from './mail/outbox';
import { notifyOverdue } from './features/notifications';
import { remindRestrictionReviews } from './features/family';
import { keepMonthColours } from './features/status';
import { applyRetention } from './retention';

let timer: ReturnType<typeof setInterval> | null = null;
const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/**
 * The in-process background worker: overdue notices, restriction reviews that have come,
 * the e-mail outbox, leavers, month-end colours and retention. One app
 * process is the deployment model (ADR 009); the outbox claims rows with SKIP LOCKED, so a
 * second process would not double-send.
 */
export function startWorker() {
	if (timer) return;
	const env = readEnv();
	// Always a way out: without a mail server, the local mail folder (set-password links).
	const transport = mailTransport(env);
	let running = false;
	let leaversCheckedAt = 0;
	let retainedAt = 0;
	let monthsKeptAt = 0;
	const tick = async () => {
		if (running) return;
		running = true;
		const started = performance.now();
		try {
			const db = await getDb();
			await notifyOverdue(db);
			await remindRestrictionReviews(db);
			await processOutbox(db, transport);
			// Leavers: an account the provider no longer signs in, checked hourly.
			if (oidcProviders(env).length && Date.now() - leaversCheckedAt >= HOUR_MS) {
				await deactivateLeavers(db, env.OIDC_LEAVER_DAYS);
				leaversCheckedAt = Date.now();
			}
			// Month-end colours (ADR 047): hourly; a month settles a day after it ends.
			if (Date.now() - monthsKeptAt >= HOUR_MS) {
				const months = await keepMonthColours(db);
				monthsKeptAt = Date.now();
				if (months) log.info({ event: 'month_colours', months }, 'month-end colours kept');
			}
			// Retention (ADR 046): daily, and at start, so a restarted instance catches up.
			if (Date.now() - retainedAt >= DAY_MS) {
				const run = await applyRetention(db, env);
				retainedAt = Date.now();
				// Counts only: what went is no business of the server's log.
				log.info({ event: 'retention', ...run }, 'retention applied');
			}
			observeWorkerRun('ok', performance.now() - started);
		} catch (e) {
			observeWorkerRun('failed', performance.now() - started);
			// No personal data in logs: the logger keeps the error's name and codes only.
			log.error({ err: e }, 'worker run failed');
		} finally {
			running = false;
		}
	};
	timer = setInterval(() => void tick(), env.WORKER_INTERVAL * 1000);
	timer.unref();
	void tick();
}

/** Stops the worker's timer (a run in progress finishes on its own). */
export function stopWorker() {
	if (timer) clearInterval(timer);
	timer = null;
}
