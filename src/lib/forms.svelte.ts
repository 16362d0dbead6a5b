import { superForm, type FormOptions, type SuperValidated } from 'sveltekit-superforms';

/* eslint-disable @typescript-eslint/no-explicit-any -- superforms' own generic defaults */

/**
 * A superform for a component, from its props. The props are read once, when the form is
 * made (the form then follows the action's answers itself): passing a getter says so, in
 * place of a `svelte-ignore state_referenced_locally` beside every form.
 */
export function useForm<
	T extends Record<string, unknown>,
	M = any,
	In extends Record<string, unknown> = T
>(initial: () => SuperValidated<T, M, In>, options?: FormOptions<T, M, In>) {
	return superForm(initial(), options);
}
