import { fromStore, type Writable } from 'svelte/store';
import type { FieldName, Form } from '$lib/forms.svelte';

/* eslint-disable @typescript-eslint/no-explicit-any -- any form's fields */

/** What every one-value field takes (TextField, TextArea, SelectField, RadioGroup). */
export type FieldProps<T extends Record<string, unknown>> = {
	/** The field's form: its value and errors are read and written there under `name`. */
	form?: Form<T> | undefined;
	name: FieldName<T>;
	/** Inside a FormShell, the form's label for `name` unless given. */
	label?: string | undefined;
	/** Says "(optional)" after the label. */
	optional?: boolean | undefined;
	hint?: string | undefined;
	/** Without a form: the field's own value and errors. */
	value?: string | undefined;
	errors?: string[] | undefined;
};

// Every key of FieldProps (the type says if one is missing): the rest goes to the control.
const OWN: Record<keyof FieldProps<any>, true> = {
	form: true,
	name: true,
	label: true,
	optional: true,
	hint: true,
	value: true,
	errors: true
};

/**
 * A field's value and errors. A field given its `useForm` form reads and writes them there
 * under its `name`, so a page names each field once (`<TextField {form} name="x" … />`); a
 * field without a form uses its own `value` and `errors` props, and `set` writes its value.
 * `frame` is what Field shows around the control; `attrs`, any other props the page gave,
 * for the control itself.
 */
export function fieldState<P extends FieldProps<any>>(props: () => P, set: (v: string) => void) {
	// A field keeps its form and name for its life, as a page's form keeps its id.
	const { form, name } = props();
	type Fields = Writable<Record<string, unknown>>;
	const values = form && fromStore(form.form as Fields);
	const errors = form && fromStore(form.errors as Fields);
	return {
		get value(): string | undefined {
			return values ? (values.current[name] as string | undefined) : props().value;
		},
		set value(v: string | undefined) {
			if (values) values.current = { ...values.current, [name]: v };
			else set(v ?? '');
		},
		get errors(): string[] | undefined {
			return (errors ? errors.current[name] : props().errors) as string[] | undefined;
		},
		get frame() {
			const { label, optional, hint } = props();
			return { name, label, optional, hint, errors: this.errors };
		},
		get attrs(): Omit<P, keyof FieldProps<any>> {
			return Object.fromEntries(
				Object.entries(props()).filter(([k]) => !Object.hasOwn(OWN, k))
			) as Omit<P, keyof FieldProps<any>>;
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
		get ticked(): unknown[] {
			const list: unknown = values.current[name];
			const ticked: unknown[] = Array.isArray(list) ? list : [];
			return ticked;
		},
		set ticked(list: unknown[]) {
			values.current = { ...values.current, [name]: list };
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
