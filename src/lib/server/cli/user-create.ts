import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { ORGANISATION_KINDS, ROLES, membershipProblem } from '../../domain/roles';
import { newPassword } from '../../schemas/common';
import { hashPassword } from '../auth/password';
import { passwordProblem } from '../auth/password-policy';
import type { Db } from '../db';
import { membership, organisation, team, user } from '../db/schema';
import { issuePasswordLink } from '../features/admin';

/** `npm run user:create -- --email … --role admin …`: arguments checked with Zod. */
export const argsSchema = z.object({
	email: z.email().transform((v) => v.trim().toLowerCase()),
	name: z.string().trim().min(1).max(200).optional(),
	role: z.enum(ROLES),
	organisation: z.string().trim().min(2).max(200),
	kind: z.enum(ORGANISATION_KINDS).default('child_protection'),
	team: z.string().trim().min(2).max(200).optional(),
	passwordStdin: z.boolean().default(false)
});
export type CreateUserArgs = z.infer<typeof argsSchema>;

export function parseArgs(argv: string[]): CreateUserArgs {
	const raw: Record<string, string | boolean> = {};
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i]!;
		if (!a.startsWith('--')) throw new Error(`Unexpected argument: ${a}`);
		const key = a.slice(2).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
		if (key === 'passwordStdin') raw[key] = true;
		else raw[key] = argv[++i] ?? '';
	}
	const parsed = argsSchema.safeParse(raw);
	if (!parsed.success) {
		const problems = parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`);
		throw new Error(`Invalid arguments: ${problems.join('; ')}`);
	}
	return parsed.data;
}

/**
 * Creates (or finds) the organisation and team, then the user and the membership.
 * Returns a one-time set-password link token unless a password was given.
 */
export async function createUserFromCli(db: Db, args: CreateUserArgs, password: string | null) {
	if (password !== null && !newPassword.safeParse(password).success) {
		throw new Error('The password must have 12–128 characters.');
	}
	const problem =
		password !== null
			? passwordProblem(password, { email: args.email, displayName: args.name })
			: null;
	if (problem) throw new Error(`The password is too easy to guess (${problem}). Choose another.`);
	const passwordHash = password !== null ? await hashPassword(password) : null;
	const userId = await db.transaction(async (tx) => {
		let [org] = await tx
			.select()
			.from(organisation)
			.where(eq(organisation.name, args.organisation));
		org ??= (
			await tx.insert(organisation).values({ name: args.organisation, kind: args.kind }).returning()
		)[0]!;
		let teamId: string | null = null;
		if (args.team) {
			let [t] = await tx.select().from(team).where(eq(team.name, args.team));
			t ??= (
				await tx.insert(team).values({ organisationId: org.id, name: args.team }).returning()
			)[0]!;
			teamId = t.id;
		}
		const problem = membershipProblem({
			role: args.role,
			organisationKind: org.kind,
			hasTeam: teamId !== null
		});
		if (problem) throw new Error(`The role does not fit the organisation: ${problem}`);
		const [existing] = await tx.select().from(user).where(eq(user.email, args.email));
		if (existing) throw new Error('A user with this e-mail already exists.');
		const [u] = await tx
			.insert(user)
			.values({ email: args.email, displayName: args.name ?? args.email, passwordHash })
			.returning({ id: user.id });
		await tx
			.insert(membership)
			// The operator running the CLI has database access: the first people of a new team
			// (its consultant social worker) are approved here; later ones by that consultant.
			.values({
				userId: u!.id,
				organisationId: org.id,
				teamId,
				role: args.role,
				approvedAt: new Date()
			});
		return u!.id;
	});
	if (password !== null) return { userId, linkToken: null, linkExpiresAt: null };
	const link = await issuePasswordLink(db, null, userId);
	return { userId, linkToken: link.token, linkExpiresAt: link.expiresAt };
}
