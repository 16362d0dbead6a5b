import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { fail, message, setError, superValidate, type SuperValidated } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { z } from 'zod';
import { m } from '../../paraglide/messages';
import { ConflictError, FieldError, ForbiddenError, NotFoundError } from '../errors';
import type { DbOrTx } from '../db';
import { log } from '../log';
import { answerChangeOnce, answerOnce, submissionDigest, type Answer } from '../submissions';
import { words, type FixedText } from '../words';

/* eslint-disable @typescript-eslint/no-explicit-any -- superforms' generic form types */

/**
 * The only module on the server that speaks to the form library (ADR 025): routes and the
 * HTTP layer answer with these, so the library can be replaced here alone.
 */
export { fail, message, setError };

/**
 * Turns a service failure into what the person sees: field errors (400), a stale edit
 * (409, with the newer data put back in the form), 404 or 403. Anything else is a bug.
 * `key` names the form in the action's result when a page has several forms.
 */
export function formFailure<T extends Record<string, unknown>>(
	form: SuperValidated<T, any, any>,
	e: unknown,
	opts: {
		/** Fields of the newer record (ConflictError.current) to put back into the form. */
		onConflict?: (current: Record<string, unknown>) => Record<string, unknown>;
		key?: string;
	} = {}
) {
	const key = opts.key ?? 'form';
	if (e instanceof FieldError) {
		for (const [field, text] of Object.entries(e.fields)) {
			// '_form' is a problem with the whole form, shown at the top of the summary.
			if (field === '_form') setError(form as SuperValidated<any, any, any>, text);
			else setError(form as SuperValidated<any, any, any>, field as any, text);
		}
		return fail(400, { [key]: form });
	}
	if (e instanceof ConflictError) {
		if (opts.onConflict)
			form.data = { ...form.data, ...opts.onConflict(e.current as Record<string, unknown>) };
		form.message = m.conflict_notice();
		form.valid = false;
		return fail(409, { [key]: form });
	}
	if (e instanceof NotFoundError) error(404, m.error_not_found());
	if (e instanceof ForbiddenError) error(403, m.error_forbidden());
	// A form reloads with the newest version (submitForm); here only words can say it.
	if (e instanceof ConflictError) error(409, m.error_changed_meanwhile());
	throw e;
}

const FORM_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data']);

/**
 * The one way an action reads its body. Only the two encodings an HTML form sends are
 * accepted (415 otherwise, including the `text/plain` that SvelteKit lets through); a body
 * that cannot be parsed is a 400. Either way nothing has been read or written yet.
 */
export async function readForm(request: Request): Promise<FormData> {
	const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
	if (!FORM_TYPES.has(type)) error(415, m.error_unsupported_body());
	try {
		return await request.formData();
	} catch {
		error(400, m.error_form_invalid());
	}
}

/**
 * A plain form with one button (no fields to show again): its body read (readForm) and
 * parsed by `schema`. Input the form could not have sent is a 400 with words that say so,
 * or what `invalid` answers instead; nothing has been read or written yet either way.
 */
export async function readPlainForm<S extends z.ZodType>(
	request: Request,
	schema: S,
	invalid: () => never = () => error(400, m.error_form_invalid())
): Promise<z.infer<S>> {
	const parsed = schema.safeParse(Object.fromEntries(await readForm(request)));
	if (!parsed.success) invalid();
	return parsed.data;
}

/**
 * For a plain form with one button: a refusal in words (a FieldError) is said on an error
 * page of its own (400); other failures as `httpFailure`.
 */
export function plainFailure(e: unknown): never {
	if (e instanceof FieldError) error(400, Object.values(e.fields)[0] ?? m.error_form_invalid());
	return httpFailure(e);
}

/** For actions without a form: service failures become the right HTTP answer. */
export function httpFailure(e: unknown): never {
	if (e instanceof NotFoundError) error(404, m.error_not_found());
	if (e instanceof ForbiddenError) error(403, m.error_forbidden());
	// A form reloads with the newest version (submitForm); here only words can say it.
	if (e instanceof ConflictError) error(409, m.error_changed_meanwhile());
	throw e;
}

type Schema = Parameters<typeof zod4>[0];
/** A form schema with the hidden `version` of the record it edits. */
export type VersionedSchema = Schema & z.ZodType<{ version: number }>;

/**
 * One form action, typed end to end: reads the body (readForm), validates it with
 * `schema`, hands the typed data to `save` and redirects (303) to `to(result)`. Invalid
 * input and service failures come back as the form with its errors (formFailure), under
 * `key` when a page has several forms; nothing is saved then.
 */
export async function submitForm<S extends Schema, R>(
	request: Request,
	schema: S,
	opts: {
		key?: string;
		save: (data: z.infer<S>) => Promise<R>;
		to: (result: R) => string;
		/** Fields of the newer record to put back in the form (its version, say). */
		onConflict?: (current: Record<string, unknown>) => Record<string, unknown>;
	}
) {
	const key = opts.key ?? 'form';
	const form = await superValidate(await readForm(request), zod4(schema), { id: key });
	if (!form.valid) return fail(400, { [key]: form });
	let result: R;
	try {
		result = await opts.save(form.data as z.infer<S>);
	} catch (e) {
		return formFailure(form, e, { key, onConflict: opts.onConflict });
	}
	redirect(303, opts.to(result));
}

/** What a create's action needs of its request: the body, the action's address, who posts. */
type CreateEvent = Pick<RequestEvent, 'request' | 'url' | 'locals'> & {
	route: { id: string | null };
	params?: Partial<Record<string, string>>;
};

type CreateOptions<S extends Schema, R> = {
	/** Saves through `db`, the transaction the form's key is recorded in. */
	save: (data: z.infer<S>, db: DbOrTx) => Promise<R>;
	to: (result: R) => string;
	/** Fields of the newer record to put back in the form (what a new version is based on). */
	onConflict?: (current: Record<string, unknown>) => Record<string, unknown>;
	/** The name a refused form comes back under, where a page of several forms names it so. */
	answerAs?: string;
};

/**
 * `submitForm` for a form that creates a record (ADR 052): `save` gets the transaction the
 * form's one-time key is recorded in, and must write through it. The same post again is
 * sent where the first one went, and creates nothing.
 */
function createOnce<S extends Schema, R>(
	event: CreateEvent,
	schema: S,
	opts: CreateOptions<S, R> & { key: string }
) {
	return answerPost(event, schema, opts, saveOnce);
}

/**
 * `submitForm` for a change of one versioned record (ADR 052, addendum): the same post again
 * (its version is the key) is sent where the first one went instead of being refused as
 * "changed meanwhile"; the record's version lock still refuses any other stale post.
 */
function changeOnce<S extends Schema, R>(
	event: CreateEvent,
	schema: S,
	opts: CreateOptions<S, R> & { key: string }
) {
	return answerPost(event, schema, opts, (e, body, save) =>
		saveChangeOnce(e, body, opts.key, () => save(e.locals.context.db))
	);
}

/** Reads and checks a form, saves it once through `once`, and answers (303, or the form). */
async function answerPost<S extends Schema, R>(
	event: CreateEvent,
	schema: S,
	opts: CreateOptions<S, R> & { key: string },
	once: (
		event: CreateEvent,
		body: FormData,
		save: (db: DbOrTx) => Promise<string>
	) => Promise<string>
) {
	const body = await readForm(event.request);
	const form = await superValidate(body, zod4(schema), { id: opts.key });
	const answerAs = opts.answerAs ?? opts.key;
	if (!form.valid) return fail(400, { [answerAs]: form });
	let location: string;
	try {
		location = await once(event, body, async (db) =>
			opts.to(await opts.save(form.data as z.infer<S>, db))
		);
	} catch (e) {
		return formFailure(form, e, { key: answerAs, onConflict: opts.onConflict });
	}
	redirect(303, location);
}

/**
 * Runs `save` for the posted `body` at most once (answerOnce, ADR 052), keyed by who posts,
 * the action and every field; answers with the location to send the person to.
 */
export async function saveOnce(
	event: CreateEvent,
	body: FormData,
	save: (db: DbOrTx) => Promise<string>
): Promise<string> {
	const ctx = event.locals.context;
	const digest = submissionDigest(ctx, event.url.pathname + event.url.search, body);
	return repeated(event, await answerOnce(ctx.db, digest, save));
}

/**
 * `saveOnce` for a versioned change: the version the form was drawn from is its key. A
 * version number is no secret, so the digest also names the record (the route's ids) and
 * the form, not only the address: two records, or two changes of one record, at the same
 * version are never taken for each other.
 */
async function saveChangeOnce(
	event: CreateEvent,
	body: FormData,
	form: string,
	save: () => Promise<string>
): Promise<string> {
	const ctx = event.locals.context;
	const action = `${event.url.pathname}${event.url.search} ${form} ${JSON.stringify(event.params ?? {})}`;
	const digest = submissionDigest(ctx, action, body, 'version');
	return repeated(event, await answerChangeOnce(ctx.db, digest, save));
}

function repeated(event: CreateEvent, answer: Answer): string {
	// How often it happens tells whether people meet slow answers; no personal data.
	if (answer.again) log.info({ event: 'form_posted_again', route: event.route.id });
	return answer.location;
}

/** The query that tells the next page a worker's caseload is above THL's recommendation. */
export function caseloadQuery(notice: { workerCount: number } | null | undefined): string {
	return notice ? `&caseload=${notice.workerCount}` : '';
}

/**
 * A page's form that creates a record (ADR 052): `defineForm` with a one-time key in the
 * form, and `create` to answer it, so the same post twice creates one record.
 */
export function defineCreateForm<S extends Schema>(
	schema: S,
	id = 'form',
	labels: FormLabels<S> = {}
) {
	return defineForm(schema, id, labels, { creates: true });
}

/** What `defineForm` gives: its schema, the load's form, the action's read and submit. */
export type FormDefinition<S extends Schema> = ReturnType<typeof defineForm<S>>;

/** A form's field labels, by the message key of each shown field's label. */
export type FormLabels<S extends Schema> = Partial<Record<keyof z.infer<S> & string, FixedText>>;

/**
 * A page's form, defined once: the form the load shows and the action that answers it share
 * the schema and the id by which the page's form (useForm) knows its answers, and `labels`
 * names each shown field once, for the fields and the error summary alike. `submit` is
 * `submitForm` under that id.
 */
export function defineForm<S extends Schema>(
	schema: S,
	id = 'form',
	labels: FormLabels<S> = {},
	/** A form that creates a record: it carries a one-time key, and its action is `create`. */
	kind: { creates?: boolean } = {}
) {
	return {
		schema,
		id,
		/**
		 * The form as the page first shows it: empty, or with a record's values (`errors:
		 * false` where those values are only a start, not yet the person's input); with its
		 * labels in the reader's language (ADR 028: the page carries no messages of its own).
		 */
		show: async (data?: Partial<z.infer<S>>, opts: { errors?: boolean } = {}) => {
			const form =
				data === undefined
					? await superValidate(zod4(schema), { id, ...opts })
					: await superValidate(data, zod4(schema), { id, ...opts });
			const shown: Record<string, string> = {};
			for (const [field, key] of Object.entries(labels)) if (key) shown[field] = words(key)[key];
			// A new key each time the page draws the form: the next record is another one.
			const once = kind.creates ? crypto.randomUUID() : undefined;
			return Object.assign(form, { labels: shown, once });
		},
		/** The posted form, parsed and checked, for an action that answers by itself. */
		read: async (request: Request) => superValidate(await readForm(request), zod4(schema), { id }),
		/** A body already read (an action that looks at its fields first), parsed and checked. */
		check: (formData: FormData) => superValidate(formData, zod4(schema), { id }),
		/**
		 * A body already read, shown again as it was posted and without errors: for a step
		 * inside a form that is not its save (looking something up), so nothing typed is lost.
		 */
		keep: (formData: FormData) => superValidate(formData, zod4(schema), { id, errors: false }),
		submit: <R>(request: Request, opts: Omit<Parameters<typeof submitForm<S, R>>[2], 'key'>) =>
			submitForm(request, schema, { ...opts, key: id }),
		/**
		 * `submit` for a form defined with `creates`: the same post twice creates one record
		 * (ADR 052). `save` writes through the database handle it is given.
		 */
		create: <R>(event: CreateEvent, opts: CreateOptions<S, R>) =>
			createOnce(event, schema, { ...opts, key: id }),
		/**
		 * `submit` for a change of one versioned record: on a conflict (someone saved first) the
		 * form comes back with the record's newer version, so the person sees what changed and
		 * can save again; after a save, to `to` (or where the saved result says).
		 */
		change: <R>(
			event: CreateEvent,
			save: (data: z.infer<S>) => Promise<R>,
			to: string | ((result: R) => string)
		) =>
			changeOnce(event, schema, {
				key: id,
				save,
				to: typeof to === 'string' ? () => to : to,
				onConflict: (c) => ({ version: c.version })
			})
	};
}

/**
 * The action maker for a page of one record whose every form saves one change to it,
 * checked against the record's version (a consultation, an intensive workflow). Each form's
 * id names its change: the access-log action `context` opens the record with, and the
 * `?saved=` notice on the page it returns to.
 */
export function recordChange<E extends CreateEvent, Ctx, C>(
	context: (event: E, action: string) => Promise<{ id: string; ctx: Ctx }>,
	save: (ctx: Ctx, id: string, version: number, change: C) => Promise<unknown>,
	page: (id: string) => string
) {
	return async <S extends VersionedSchema>(
		event: E,
		form: FormDefinition<S>,
		toChange: (data: z.infer<S>) => C
	) => {
		const { id, ctx } = await context(event, form.id);
		return form.change(
			event,
			(data) => save(ctx, id, data.version, toChange(data)),
			`${page(id)}?saved=${form.id}`
		);
	};
}
