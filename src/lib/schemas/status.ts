import { z } from 'zod';
import { COLOURS } from '../domain/traffic-light';
import { choice, isoDate, paragraph } from './common';

/** The optimistic-lock token: the override's timestamp as the form saw it, '' for none. */
const basedOn = z
	.string()
	.max(40)
	.regex(/^[0-9TZ:.+-]*$/)
	.default('');

export const overrideSchema = z.object({
	colour: choice(COLOURS),
	reason: paragraph(2000),
	reviewOn: isoDate,
	basedOn
});

export const clearOverrideSchema = z.object({ basedOn });
