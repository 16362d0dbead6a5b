import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { m } from '../../paraglide/messages';

/** Route ids are UUIDs; anything else is simply not found. */
export function uuidParam(value: string | undefined): string {
	const id = z.uuid().safeParse(value);
	if (!id.success) error(404, m.error_not_found());
	return id.data;
}
