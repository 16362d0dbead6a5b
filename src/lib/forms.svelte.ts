import { untrack } from 'svelte';
import { writable, type Readable, type Writable } from 'svelte/store';
import type { Action } from 'svelte/action';
import { enhance as kitEnhance } from '$app/forms';
import { page } from '$app/state';
import type { SuperValidated, ValidationErrors } from 'sveltekit-superforms';

/* eslint-disable @typescript-eslint/no-explicit-any -- any form's fields and message */

/**
 * A form as the server answered it: its id, whether it is valid, its values, errors and
 * message, and, as the page's load first shows it (defineForm), its fields' labels in the
 * reader's language. Pages and components name this type, never the server library's
 * (ADR 025).
 */
export type Validated<
	T extends Record<string, unknown> = Record<string, unknown>,
	M = any
> = SuperValidated<T, M, any> & {
	labels?: Record<string, string>;
	/** A create form's one-time key, new each time the page draws it (ADR 052). */
	once?: string;
};
export type { ValidationErrors };

/**
 * A field's name, typed as a key of its form's values: a misspelt name fails the type check.
 * (An intersection, not `Extract<keyof T, string>`, so that a component generic over a
 * wider form can still name the fields it knows.)
 */
export type FieldName<T> = keyof T & string;

/**
 * The client half of a form whose server half is superforms (ADR 025). The server
 * validates every form; the page only shows what the server answered, so the browser gets
 * no validation library and no superforms client: values, errors and message as stores,
 * and SvelteKit's own `enhance` (the form works the same without JavaScript).
 */
export type Form<T extends Record<string, unknown> = Record<string, unknown>, M = any> = {
	form: Writable<T>;
	errors: Writable<ValidationErrors<T>>;
	message: Writable<M | undefined>;
	/** Each shown field's label, as the load gave them (an action's answer repeats none). */
	labels: Readable<Record<string, string>>;
	/**
	 * A create form's one-time key (ADR 052): the one the page was drawn with, until the
	 * page loads again (after a save, say), when it is the new one.
	 */
	once: Readable<string | undefined>;
	enhance: Action<HTMLFormElement>;
};

export type FormOptions = {
	/** After a valid, successful post, go back to the values the page first gave (default). */
	resetForm?: boolean;
	/**
	 * A post that changes who is signed in (and maybe the language): its redirect loads the
	 * next page afresh, so nothing of the page before stays in the browser.
	 */
	reloadOnRedirect?: boolean;
};

const isValidation = (v: unknown): v is SuperValidated<Record<string, unknown>> =>
	!!v &&
	typeof v === 'object' &&
	'id' in v &&
	typeof v.id === 'string' &&
	'valid' in v &&
	typeof v.valid === 'boolean' &&
	'errors' in v &&
	'data' in v;

/** A copy the form can change without changing the page's data. */
function copy<T>(value: T): T {
	const plain: unknown = $state.snapshot(value);
	return structuredClone(plain) as T;
}

/**
 * A form for a component, from its props. The props are read once, when the form is made
 * (it then follows the action's answers and reloads of the page itself): passing a getter
 * says so, in place of a `svelte-ignore state_referenced_locally` beside every form.
 */
export function useForm<T extends Record<string, unknown>, M = any>(
	initial: () => Validated<T, M>,
	options: FormOptions = {}
): Form<T, M> {
	const start = initial();
	const id = start.id;
	const resetForm = options.resetForm ?? true;
	// Answers already shown, so a later look at the page does not apply them twice.
	const seen = new WeakSet<object>([start]);

	const form = writable<T>(copy(start.data));
	const errors = writable<ValidationErrors<T>>(start.errors ?? {});
	const message = writable<M | undefined>(start.message);
	const labels = writable<Record<string, string>>(start.labels ?? {});
	const once = writable<string | undefined>(start.once);

	const ours = (holder: unknown): Validated<T, M>[] =>
		holder && typeof holder === 'object'
			? (Object.values(holder).filter(
					(v) => isValidation(v) && v.id === id && !seen.has(v)
				) as Validated<T, M>[])
			: [];

	/** The server's answer to a post of this form. */
	function answered(answer: SuperValidated<T, M>, success: boolean) {
		seen.add(answer);
		const reset = answer.valid && success && resetForm;
		form.set(copy(reset ? start.data : answer.data));
		errors.set(reset ? {} : (answer.errors ?? {}));
		message.set(answer.message);
	}

	/** The page loaded again (after a redirect or an invalidation): its fresh form. */
	function reloaded(fresh: Validated<T, M>) {
		seen.add(fresh);
		if (fresh.labels) labels.set(fresh.labels);
		// Kept when the fresh form has none: it is then not this page's own drawing of it.
		if (fresh.once) once.set(fresh.once);
		form.set(copy(fresh.data));
		errors.set(fresh.errors ?? {});
		message.set(fresh.message);
	}

	function follow(posted: unknown, data: unknown, status: number) {
		// While the page shows an action's answer, that answer is the form's state.
		if (posted && typeof posted === 'object') {
			for (const answer of ours(posted)) answered(answer, status >= 200 && status < 300);
		} else {
			for (const fresh of ours(data)) reloaded(fresh);
		}
	}

	// A post without JavaScript: the answer is already on the page being rendered.
	follow(page.form as unknown, undefined, page.status);
	$effect.pre(() => {
		const posted: unknown = page.form;
		const data = page.data;
		const status = page.status;
		untrack(() => follow(posted, data, status));
	});

	// A post on its way. A second press meanwhile (a double click, an impatient press on a
	// slow connection) would post the form again: a child or a notification recorded twice.
	let posting = false;
	const enhance: Action<HTMLFormElement> = (node) =>
		kitEnhance(node, ({ cancel }) => {
			if (posting) {
				cancel();
				return;
			}
			posting = true;
			return async ({ result, update }) => {
				try {
					if (options.reloadOnRedirect && result.type === 'redirect') {
						window.location.assign(result.location);
						return;
					}
					// The fields are bound to the stores, which follow the answer: leave them be.
					await update({ reset: false });
				} finally {
					posting = false;
				}
			};
		});

	return { form, errors, message, labels, once, enhance };
}
