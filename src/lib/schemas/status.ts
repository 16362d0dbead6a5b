import { z } from 'zod';
import { COLOURS } from '../domain/traffic-light';
import { isoDate } from './children';
import { choice, text } from './common';

/** The optimistic-lock token: the override's timestamp as the form saw it, '' for none. */
const basedOn = z.string().max(40).default('');

export const overrideSchema = z.object({
	colour: choice(COLOURS),
	reason: text(2000),
	reviewOn: isoDate,
	basedOn
});

export const clearOverrideSchema = z.object({ basedOn });
