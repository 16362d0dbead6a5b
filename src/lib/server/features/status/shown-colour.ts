import { sql } from 'drizzle-orm';
import type { Colour } from '../../../domain/colours';
import { childStatus } from '../../db/schema';

/**
 * The colour a child shows: the team's override where there is one, else the computed one
 * (docs/domain.md §5). `Colour | null` where the status row is joined from the left.
 */
export const shownColour = <T extends Colour | null = Colour>() =>
	sql<T>`coalesce(${childStatus.overrideColour}, ${childStatus.colour})`;
