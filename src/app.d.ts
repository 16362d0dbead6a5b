import type { FamilyPrincipal, FamilySessionInfo } from '$lib/server/auth/family-session';
import type { SessionInfo, SessionUser } from '$lib/server/auth/session';
import type { SavedNotice } from '$lib/server/http/notice';
import type { RequestContext } from '$lib/server/context';
import type { Colour } from '$lib/domain/traffic-light';
import type { Chrome } from '$lib/server/words';

declare global {
	namespace App {
		interface Locals {
			user: SessionUser | null;
			session: SessionInfo | null;
			/** Password given, second factor not yet: who it is, for the code pages only. */
			pending: { userId: string; email: string } | null;
			/** A guardian or young person signed in with Suomi.fi (the family's pages only). */
			family: { session: FamilySessionInfo; person: FamilyPrincipal } | null;
			requestId: string;
			/** Who acts, the database and the clock: built once per request (ADR 035). */
			context: RequestContext;
		}
		/** The root layout's, on every page: the notice after a saved action, and the words
		 * around every page (ADR 028). */
		interface PageData {
			savedNotice?: SavedNotice | null;
			chrome?: Chrome;
			/** The colours' names for the status badge, in the reader's language. */
			colourNames?: Record<Colour, string>;
		}
		interface Error {
			message: string;
			requestId?: string;
		}
	}
}

export {};
