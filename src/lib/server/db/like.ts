/** A `like` pattern's own wildcards (`%`, `_`, `\`), taken literally. */
export function escapeLike(s: string): string {
	return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
