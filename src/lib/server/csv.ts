import { stringify } from 'csv-stringify/sync';

/**
 * Every CSV the app writes goes through here. A cell starting with = + - @ (or a tab or
 * carriage return) is prefixed with ' so that a spreadsheet shows it as text instead of
 * running it as a formula (CSV injection); csv-stringify does this with `escape_formulas`.
 */
export function toCsv(
	columns: string[],
	rows: (string | number | null)[][],
	/**
	 * `excel`: what a Finnish spreadsheet opens as it is, a byte-order mark (so ä and ö are
	 * read as UTF-8) and `;` between cells (the comma is the decimal separator there).
	 */
	opts: { excel?: boolean } = {}
): string {
	return stringify(
		rows.map((r) => r.map((v) => v ?? '')),
		{
			header: true,
			columns,
			escape_formulas: true,
			...(opts.excel ? { delimiter: ';', bom: true } : {})
		}
	);
}
