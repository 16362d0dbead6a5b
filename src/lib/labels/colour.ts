import type { Colour } from '../domain/traffic-light';
import { m } from '../paraglide/messages';

/**
 * A colour's name. Its own module: the status badge on most pages needs only
 * this, and a page loads the whole module a label comes from.
 */
export function colourLabel(c: Colour): string {
	switch (c) {
		case 'red':
			return m.colour_red();
		case 'yellow':
			return m.colour_yellow();
		case 'green':
			return m.colour_green();
		case 'grey':
			return m.colour_grey();
	}
}
