import { z } from 'zod';
import { LOCALES } from '../domain/roles';
import { choice, text, version } from './common';

/** A guardian recorded on the child (docs/domain.md §11); the code is checked by the service. */
export const guardianSchema = z.object({
	name: text(200, 2),
	identityCode: text(20, 10),
	locale: choice(LOCALES)
});

/** Ending a guardian's record, from the version the page showed. */
export const endGuardianSchema = z.object({
	guardianId: z.uuid(),
	version
});
