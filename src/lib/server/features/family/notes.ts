import { and, desc, eq } from 'drizzle-orm';
import { formatDateTime, formatDay } from '../../../format';
import { m } from '../../../paraglide/messages';
import { logChild, readLogged } from '../../access-log';
import type { ChildContext, FamilyChildContext } from '../../access';
import { type Db, type DbOrTx } from '../../db';
import { together } from '../../db/together';
import { familyNote, familyPerson, teamMeeting } from '../../db/schema';
import { FieldError, ForbiddenError } from '../../errors';
import { privacyNotice } from './privacy';

/*
 * "What we want the team to know" (docs/domain.md §11): a family member writes to the
 * team before a meeting; the words are stored as theirs, never edited. The family sees
 * only their own; the team sees every family member's, marked as the family's words.
 */

export const FAMILY_NOTE_MAX = 2000;
/** How many of the newest the team's screens show. */
const TEAM_SHOWS = 10;

/** A family member's words to the team; logged as theirs (guardian or own data). */
export function tellTeam(db: Db, ctx: FamilyChildContext, text: string) {
	return writeNote(db, ctx, text);
}

/**
 * Stores a family note as written, after the text's checks; `meeting`, in the same
 * transaction, names the meeting a reply is about (or refuses it).
 */
export async function writeNote(
	db: Db,
	ctx: FamilyChildContext,
	text: string,
	meeting?: (tx: DbOrTx) => Promise<string>
) {
	if (ctx.access.kind !== 'family') throw new ForbiddenError();
	const basis = ctx.access.basis;
	const words = text.trim();
	if (!words) throw new FieldError({ text: m.error_required() });
	if (words.length > FAMILY_NOTE_MAX)
		throw new FieldError({ text: m.error_too_long({ max: FAMILY_NOTE_MAX }) });
	return db.transaction(async (tx) => {
		const [row] = await tx
			.insert(familyNote)
			.values({
				childId: ctx.childId,
				personId: ctx.personId,
				basis,
				text: words,
				meetingId: meeting ? await meeting(tx) : null,
				createdAt: ctx.now
			})
			.returning({ id: familyNote.id });
		await logChild(tx, ctx, 'create', 'family_note', row!.id);
		return row!.id;
	});
}

/** The reader's own earlier words about this child, newest first (never another's). */
export async function ownNotes(db: DbOrTx, ctx: FamilyChildContext) {
	if (ctx.access.kind !== 'family') throw new ForbiddenError();
	return readLogged(db, ctx, 'read', 'family_note', (tx) =>
		tx
			.select({ id: familyNote.id, text: familyNote.text, at: familyNote.createdAt })
			.from(familyNote)
			.where(and(eq(familyNote.childId, ctx.childId), eq(familyNote.personId, ctx.personId)))
			.orderBy(desc(familyNote.createdAt))
			.limit(TEAM_SHOWS)
	);
}

/** The family's words for the team's screens, newest first; the team only; logged. */
async function familyNotesFor(db: DbOrTx, ctx: ChildContext) {
	if (ctx.access.kind !== 'team') throw new ForbiddenError();
	const rows = await readLogged(db, ctx, 'read', 'family_note', (tx) =>
		tx
			.select({
				id: familyNote.id,
				text: familyNote.text,
				at: familyNote.createdAt,
				basis: familyNote.basis,
				name: familyPerson.name,
				meetingAt: teamMeeting.startsAt
			})
			.from(familyNote)
			.innerJoin(familyPerson, eq(familyPerson.id, familyNote.personId))
			.leftJoin(teamMeeting, eq(teamMeeting.id, familyNote.meetingId))
			.where(eq(familyNote.childId, ctx.childId))
			.orderBy(desc(familyNote.createdAt))
			.limit(TEAM_SHOWS)
	);
	return rows;
}

/**
 * The family's words as the team's screens show them, every word made here (ADR 028: the
 * meeting's child screen and the child page are at their JavaScript budget).
 */
export async function familyWords(db: DbOrTx, ctx: ChildContext) {
	// The notes and the young person's choice: read together (pipelined on PostgreSQL).
	const { rows, privacy } = await together({
		rows: familyNotesFor(db, ctx),
		privacy: privacyNotice(db, ctx)
	});
	return {
		title: m.family_words_title(),
		privacy,
		empty: rows.length ? null : m.family_words_none(),
		note: m.family_words_note(),
		lines: rows.map((r) => {
			const when = formatDateTime(r.at);
			return {
				id: r.id,
				who:
					r.basis === 'own_data'
						? m.family_words_young({ when })
						: m.family_words_guardian({ name: r.name ?? '', when }),
				about: r.meetingAt ? m.family_words_reply({ date: formatDay(r.meetingAt) }) : null,
				text: r.text
			};
		})
	};
}
