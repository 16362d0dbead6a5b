/**
 * The four colours of the traffic light, in their own module: a page that only shows or
 * filters by colour does not load the instrument with it (ADR 025).
 */
export const COLOURS = ['grey', 'green', 'yellow', 'red'] as const;
export type Colour = (typeof COLOURS)[number];
/** For "never lowers": grey (no information) < green < yellow < red. */
export const severity = (c: Colour) => COLOURS.indexOf(c);
