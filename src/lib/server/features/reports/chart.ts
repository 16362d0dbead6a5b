import { scaleLinear, scalePoint } from 'd3-scale';
import { line } from 'd3-shape';

/**
 * Chart geometry for the reports (ADR 030), made on the server with d3-scale and d3-shape
 * so the page ships none of d3: the Svelte component only draws what is computed here.
 * Every mark carries its number as text beside it; colour is never the only cue (each
 * series also has its own pattern or marker, named in the legend).
 */

/** Series styles in order: a colour token and a pattern (bars) or marker and dash (lines). */
export const SERIES_STYLES = [
	{ colour: 'var(--chart-1)', pattern: 'solid', marker: 'circle', dash: '' },
	{ colour: 'var(--chart-2)', pattern: 'hatch', marker: 'square', dash: '6 3' },
	{ colour: 'var(--chart-3)', pattern: 'dots', marker: 'triangle', dash: '2 3' },
	{ colour: 'var(--chart-4)', pattern: 'cross', marker: 'diamond', dash: '10 3 2 3' },
	{ colour: 'var(--chart-5)', pattern: 'lines', marker: 'circle', dash: '1 2' }
] as const;
export type Pattern = (typeof SERIES_STYLES)[number]['pattern'];
export type Marker = (typeof SERIES_STYLES)[number]['marker'];

/** The traffic-light colours keep their own tokens, with the same patterns. */
const COLOUR_TOKENS: Record<string, string> = {
	red: 'var(--color-red)',
	yellow: 'var(--color-yellow)',
	green: 'var(--color-green)',
	grey: 'var(--color-grey)'
};

export type Series = { key: string; label: string };
export type Cell = { value: number | null; text: string };

export type LegendItem = {
	label: string;
	colour: string;
	pattern: Pattern;
	marker: Marker;
	dash: string;
};

export type BarChart = {
	kind: 'bars';
	width: number;
	height: number;
	legend: LegendItem[];
	groups: { label: string; y: number }[];
	bars: {
		x: number;
		y: number;
		width: number;
		height: number;
		colour: string;
		pattern: Pattern;
		text: string;
		textX: number;
		textY: number;
	}[];
};

export type LineChart = {
	kind: 'lines';
	width: number;
	height: number;
	legend: LegendItem[];
	ticks: { x: number; label: string }[];
	yTicks: { y: number; label: string }[];
	lines: {
		d: string;
		colour: string;
		dash: string;
		/** `textY`: where the point's label sits, moved apart from the other lines' labels. */
		points: { x: number; y: number; marker: Marker; text: string; textY: number }[];
	}[];
	plot: { left: number; top: number; right: number; bottom: number };
};

export type Chart = BarChart | LineChart;

const WIDTH = 360;
const LABEL_H = 18;
const BAR_H = 14;
const GAP = 10;
const TEXT_H = 14;

function legendOf(series: Series[]): LegendItem[] {
	return series.map((s, i) => {
		const style = SERIES_STYLES[i % SERIES_STYLES.length]!;
		return {
			label: s.label,
			colour: COLOUR_TOKENS[s.key] ?? style.colour,
			pattern: style.pattern,
			marker: style.marker,
			dash: style.dash
		};
	});
}

/**
 * Horizontal bars, one group per row with its label above it; each bar has its series and
 * number written on the line above it, so no text runs past the chart on a narrow screen.
 */
export function barChart(rows: { label: string; cells: Cell[] }[], series: Series[]): BarChart {
	const legend = legendOf(series);
	const max = Math.max(1, ...rows.flatMap((r) => r.cells.map((c) => c.value ?? 0)));
	const x = scaleLinear()
		.domain([0, max])
		.range([0, WIDTH - 8])
		.nice();
	const groups: BarChart['groups'] = [];
	const bars: BarChart['bars'] = [];
	let y = 0;
	for (const r of rows) {
		groups.push({ label: r.label, y: y + LABEL_H - 5 });
		y += LABEL_H;
		r.cells.forEach((c, i) => {
			const w = c.value === null ? 0 : Math.max(c.value > 0 ? 1 : 0, x(c.value));
			bars.push({
				x: 0,
				y: y + TEXT_H,
				width: w,
				height: BAR_H - 2,
				colour: legend[i]!.colour,
				pattern: legend[i]!.pattern,
				text: `${series[i]!.label}: ${c.text}`,
				textX: 0,
				textY: y + TEXT_H - 3
			});
			y += TEXT_H + BAR_H;
		});
		y += GAP;
	}
	return { kind: 'bars', width: WIDTH, height: Math.max(y, 20), legend, groups, bars };
}

/** One line per series over the rows (months), with a marker and its number at each point. */
export function lineChart(rows: { label: string; cells: Cell[] }[], series: Series[]): LineChart {
	const legend = legendOf(series);
	const plot = { left: 32, top: 12, right: WIDTH - 12, bottom: 170 };
	const max = Math.max(1, ...rows.flatMap((r) => r.cells.map((c) => c.value ?? 0)));
	const x = scalePoint<number>()
		.domain(rows.map((_, i) => i))
		.range([plot.left + 10, plot.right - 10])
		.padding(rows.length === 1 ? 0.5 : 0);
	const y = scaleLinear().domain([0, max]).range([plot.bottom, plot.top]).nice();
	const path = line<{ x: number; y: number }>()
		.x((p) => p.x)
		.y((p) => p.y)
		.defined((p) => Number.isFinite(p.y));
	// The number is written at each line's last point (a direct label); the table has the rest.
	const last = rows.length - 1;
	const lines = series.map((_, s) => {
		const points = rows.map((r, i) => {
			const v = r.cells[s]!.value;
			return {
				x: x(i) ?? plot.left,
				y: v === null ? Number.NaN : y(v),
				marker: legend[s]!.marker,
				text: i === last ? `${series[s]!.label} ${r.cells[s]!.text}` : ''
			};
		});
		return {
			d: path(points) ?? '',
			colour: legend[s]!.colour,
			dash: legend[s]!.dash,
			points: points.filter((p) => Number.isFinite(p.y)).map((p) => ({ ...p, textY: p.y - 8 }))
		};
	});
	spreadLabels(
		lines.flatMap((l) => l.points.filter((p) => p.text)),
		plot.top + 4,
		plot.bottom
	);
	return {
		kind: 'lines',
		width: WIDTH,
		height: plot.bottom + 28,
		legend,
		// At most about six month names fit under the axis; the first and last always.
		ticks: rows.map((r, i) => ({
			x: x(i) ?? plot.left,
			label: i % Math.ceil(rows.length / 6) === 0 || i === last ? r.label : ''
		})),
		yTicks: y.ticks(4).map((t) => ({ y: y(t), label: String(t) })),
		lines,
		plot
	};
}

/** The height of a label line: two labels closer than this overlap. */
const LABEL_GAP = 13;

/**
 * Moves the last points' labels apart so that none is written over another ("Punainen 5"
 * over "Keltainen 5" when two lines end at the same value): top to bottom, each at least a
 * line below the one before, then the whole column back up if it ran past the plot.
 */
export function spreadLabels(labels: { textY: number }[], top: number, bottom: number) {
	const sorted = [...labels].sort((a, b) => a.textY - b.textY);
	for (let i = 0; i < sorted.length; i++) {
		const min = i === 0 ? top : sorted[i - 1]!.textY + LABEL_GAP;
		if (sorted[i]!.textY < min) sorted[i]!.textY = min;
	}
	const over = sorted.length ? sorted[sorted.length - 1]!.textY - bottom : 0;
	if (over > 0) for (const l of sorted) l.textY -= over;
}
