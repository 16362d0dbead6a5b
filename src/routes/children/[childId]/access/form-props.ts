import type { z } from 'zod';
import type { Validated } from '$lib/forms.svelte';
import type { PageData } from './$types';

/** What each of the access page's forms takes: its form and the page's words (ADR 028). */
export type FormProps<S extends z.ZodType<Record<string, unknown>>> = {
	data: Validated<z.infer<S>>;
	t: PageData['t'];
};

export type Option = { value: string; label: string };
