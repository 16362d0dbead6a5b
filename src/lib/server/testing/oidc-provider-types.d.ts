// The few parts of oidc-provider (which ships no types) that the tests' provider uses.
declare module 'oidc-provider' {
	import type { IncomingMessage, ServerResponse } from 'node:http';

	type Account = { accountId: string; claims: () => Record<string, unknown> };
	type Interaction = {
		uid: string;
		/** 'login' or 'consent' (or another prompt the provider asks). */
		prompt: { name: string };
		params: Record<string, string | undefined>;
		session?: { accountId?: string };
		grantId?: string;
	};
	// eslint-disable-next-line @typescript-eslint/no-unused-vars -- a class: Provider.Grant's type
	class Grant {
		constructor(init: { accountId: string; clientId: string });
		addOIDCScope(scope: string): void;
		save(): Promise<string>;
	}
	export default class Provider {
		constructor(issuer: string, configuration: Record<string, unknown>);
		proxy: boolean;
		Grant: typeof Grant;
		callback(): (req: IncomingMessage, res: ServerResponse) => void;
		interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
		interactionFinished(
			req: IncomingMessage,
			res: ServerResponse,
			result: Record<string, unknown>,
			opts?: { mergeWithLastSubmission?: boolean }
		): Promise<void>;
	}
	export type { Account };
}
