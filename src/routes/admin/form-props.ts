import type { Validated } from '$lib/forms.svelte';

/**
 * An admin form that both makes a record and edits it: the page says where it posts and what
 * its button says; an edit's values carry the record's version (the optimistic lock).
 */
export type CreateOrEditProps<T extends Record<string, unknown>> = {
	data: Validated<T & { version?: number }>;
	action: string;
	submitLabel: string;
};
