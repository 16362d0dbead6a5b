/**
 * How a table fits the space it has (ADR 053), in three steps, each only if the one before
 * left the table wider than its space:
 * 1. as a table with every word whole, so an ordinary name never breaks mid-word;
 * 2. the cells holding a long word (a surname typed without a space, an e-mail address)
 *    marked `data-long`, where a word may break anywhere (app.css);
 * 3. its rows as cards (`data-fit="cards"`, the same cards as at phone width), so nothing
 *    is reached only by scrolling sideways.
 *
 * Without scripts the phone-width cards come from the stylesheet alone, and a wider table
 * that does not fit scrolls in its own focusable region.
 */

/** A run of this many characters without a space is a long word, and likely the culprit. */
const LONG_WORD = /\S{20,}/u;

/** Each piece of text on its own: a cell's text joined up would run a name into a note. */
function hasLongWord(cell: HTMLElement): boolean {
	const texts = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
	while (texts.nextNode()) if (LONG_WORD.test(texts.currentNode.nodeValue ?? '')) return true;
	return false;
}

/** Fits the table inside `wrap` (the steps above); reading a width lays the page out. */
export function fitTable(wrap: HTMLElement) {
	const table = wrap.querySelector('table');
	if (!table) return;
	const cells = [...table.querySelectorAll<HTMLElement>('tbody td, tbody th')];
	const tooWide = () => wrap.scrollWidth > wrap.clientWidth + 1;
	for (const cell of cells) cell.removeAttribute('data-long');
	delete table.dataset.fit;
	if (!tooWide()) return;
	for (const cell of cells) if (hasLongWord(cell)) cell.setAttribute('data-long', '');
	if (tooWide()) table.dataset.fit = 'cards';
}

/**
 * `use:fitsItsSpace`: fits the wrapped table before the next paint and again whenever
 * the wrapper's width changes (a turned phone, a resized window, zoom); a resize observer
 * reports after layout and before paint. Height changes, which cards cause themselves, are
 * let pass. A table whose rows change is fitted again by its component (DataTable).
 */
export function fitsItsSpace(wrap: HTMLElement) {
	let width = -1;
	const observer = new ResizeObserver(() => {
		if (wrap.clientWidth === width) return;
		width = wrap.clientWidth;
		fitTable(wrap);
	});
	observer.observe(wrap);
	return { destroy: () => observer.disconnect() };
}
