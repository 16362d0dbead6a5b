import { getContext, setContext } from 'svelte';

/**
 * Two forms on one page may have a field of the same name (the access page's grant and
 * request forms both choose an organisation). A form that shares its page gives its fields
 * a prefix, so every id, label and error-summary link stays unique.
 */
const KEY = Symbol('field-id-prefix');

export function setFieldIdPrefix(prefix: () => string | undefined) {
	setContext(KEY, prefix);
}

/** Call during component set-up; returns how this form turns a field name into an id. */
export function fieldIdMaker(): (name: string) => string {
	const prefix = getContext<(() => string | undefined) | undefined>(KEY);
	return (name) => {
		const p = prefix?.();
		return p ? `${p}-${name}` : name;
	};
}
