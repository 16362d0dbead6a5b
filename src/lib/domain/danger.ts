/**
 * "Danger now" (§6): a Safety item rated 3 (act now), or S3 self-harm or suicidal thoughts
 * at 2 or more. The assessment form then says, before it is sent, that an assessment is
 * not a child-protection notification and how to reach help at once. Ratings by item id;
 * a missing or unparsable rating is "not assessed".
 */
export function dangerNow(
	ratings: Readonly<Record<string, number | string | null | undefined>>
): boolean {
	for (const [id, raw] of Object.entries(ratings)) {
		if (!id.startsWith('S') || raw === null || raw === undefined || raw === '') continue;
		const r = Number(raw);
		if (r === 3 || (id === 'S3' && r >= 2)) return true;
	}
	return false;
}
