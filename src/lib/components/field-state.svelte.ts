import { fromStore, type Writable } from 'svelte/store';
import type { Form } from '$lib/forms.svelte';

/* eslint-disable @typescript-eslint/no-explicit-any -- any form's fields */

/** A field's own props, for a field used without a form. */
type Own = { value: () => string | undefined; set: (v: string) => void; errors: () => unknown };

/**
 * A field's value and errors. A field given its `useForm` form reads and writes them there
 * under its `name`, so a page names each field once (`<TextField {form} name="x" … />`); a
 * field without a form uses its own `value` and `errors` props.
 */
export function fieldState(of: () => { form: Form<any> | undefined; name: string }, own: Own) {
	// A field keeps its form and name for its life, as a page's form keeps its id.
	const { form, name } = of();
	type Fields = Writable<Record<string, unknown>>;
	const values = form && fromStore(form.form as Fields);
	const errors = form && fromStore(form.errors as Fields);
	return {
		get value(): string | undefined {
			return values ? (values.current[name] as string | undefined) : own.value();
		},
		set value(v: string | undefined) {
			if (values) values.current = { ...values.current, [name]: v };
			else own.set(v ?? '');
		},
		get errors(): string[] | undefined {
			return (errors ? errors.current[name] : own.errors()) as string[] | undefined;
		}
	};
}

/**
 * A list field's ticked values and its first error. Superforms gives a list's errors as the
 * list's own (`_errors`) or by item: the first of either is the one to show.
 */
export function listState(of: () => { form: Form<any>; name: string }) {
	const { form, name } = of();
	type Fields = Writable<Record<string, unknown>>;
	const values = fromStore(form.form as Fields);
	const errors = fromStore(form.errors as Fields);
	return {
		get ticked(): readonly unknown[] {
			const list: unknown = values.current[name];
			const ticked: readonly unknown[] = Array.isArray(list) ? list : [];
			return ticked;
		},
		get error(): string | undefined {
			const e = errors.current[name];
			if (!e || typeof e !== 'object') return undefined;
			return Object.values(e)
				.flat()
				.find((x): x is string => typeof x === 'string' && x !== '');
		}
	};
}
