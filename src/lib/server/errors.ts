/** Failures a route turns into a form error or a status, never into a 500. Kit-free. */

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
 * Not allowed. Services throw it as a second line behind the route's check, so a route
 * that forgot its check still fails; the HTTP adapter turns it into a 403.
 */
export class ForbiddenError extends Error {
	constructor() {
		super('forbidden');
		this.name = 'ForbiddenError';
	}
}
