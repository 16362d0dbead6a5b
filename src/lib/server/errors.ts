/** Failures a route turns into a form error or a status, never into a 500. Kit-free. */
import type { DbOrTx } from './db';

/** A field-level problem, keyed by field name; the value is a message key's text. */
export class FieldError extends Error {
	constructor(readonly fields: Record<string, string>) {
		super('field error');
		this.name = 'FieldError';
	}
}

/** Someone saved first: the edit was based on an old version. Carries the newer data. */
export class ConflictError<T = unknown> extends Error {
	constructor(readonly current: T) {
		super('conflict');
		this.name = 'ConflictError';
	}
}

export class NotFoundError extends Error {
	constructor() {
		super('not found');
		this.name = 'NotFoundError';
	}
}

/**
 * A 404 refused inside a caller's transaction, whose denied row must outlive it: the refusal
 * rolls that transaction back, a row written in it included, so whoever began it writes the
 * row after it has ended (`writeDenied`), as `answerOnce` does (ADR 052).
 */
export class DeniedInTransaction extends NotFoundError {
	constructor(readonly writeDenied: (db: DbOrTx) => Promise<unknown>) {
		super();
	}
}

/**
 * Not allowed. Services throw it as a second line behind the route's check, so a route
 * that forgot its check still fails; the HTTP adapter turns it into a 403.
 */
export class ForbiddenError extends Error {
	constructor() {
		super('forbidden');
		this.name = 'ForbiddenError';
	}
}
