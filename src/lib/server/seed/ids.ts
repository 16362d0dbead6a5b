/** The demo's organisations, teams and people, as the seed steps pass them on. */
export type DemoIds = {
	orgs: Record<string, string>;
	teamId: string;
	users: Record<string, string>;
};
