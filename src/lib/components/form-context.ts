import { getContext, setContext } from 'svelte';

/**
 * What a form (FormShell) tells the fields inside it.
 * - `labels` names each field once: the error summary and the fields read the same object,
 *   so a page does not spell a field's label twice.
 * - `idPrefix`: two forms on one page may have a field of the same name (the access page's
 *   grant and request forms both choose an organisation). A form that shares its page gives
 *   its fields a prefix, so every id, label and error-summary link stays unique.
 */
export type FormContext = { labels: Record<string, string>; idPrefix?: string | undefined };

const KEY = Symbol('form-context');

export function setFormContext(of: () => FormContext) {
	setContext(KEY, of);
}

function formContext(): (() => FormContext) | undefined {
	return getContext<(() => FormContext) | undefined>(KEY);
}

/** Call during component set-up; returns how this form turns a field name into an id. */
export function fieldIdMaker(): (name: string) => string {
	const of = formContext();
	return (name) => {
		const p = of?.().idPrefix;
		return p ? `${p}-${name}` : name;
	};
}

/**
 * Call during component set-up; returns a field's label: its own, else the one its form
 * gives its name. A field with neither is a page's mistake, said at once rather than shown
 * as an unlabelled control.
 */
export function fieldLabeller(): (name: string, own: string | undefined) => string {
	const of = formContext();
	return (name, own) => {
		const label = own ?? of?.().labels[name];
		if (label === undefined) throw new Error(`The field "${name}" has no label`);
		return label;
	};
}
