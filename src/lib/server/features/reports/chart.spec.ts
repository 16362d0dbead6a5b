import { describe, expect, it } from 'vitest';
import { lineChart, spreadLabels } from './chart';

describe('the line chart’s end labels (issue 33)', () => {
	it('never writes two labels over each other when lines end at the same value', () => {
		const rows = [
			{
				label: 'tammi',
				cells: [
					{ value: 3, text: '3' },
					{ value: 5, text: '5' }
				]
			},
			{
				label: 'helmi',
				cells: [
					{ value: 5, text: '5' },
					{ value: 5, text: '5' }
				]
			}
		];
		const chart = lineChart(rows, [
			{ key: 'red', label: 'Punainen' },
			{ key: 'yellow', label: 'Keltainen' }
		]);
		const ys = chart.lines.flatMap((l) => l.points.filter((p) => p.text).map((p) => p.textY));
		expect(ys).toHaveLength(2);
		expect(Math.abs(ys[0]! - ys[1]!)).toBeGreaterThanOrEqual(13);
	});

	it('keeps the column inside the plot', () => {
		const labels = [{ textY: 100 }, { textY: 100 }, { textY: 100 }];
		spreadLabels(labels, 10, 110);
		expect(Math.max(...labels.map((l) => l.textY))).toBeLessThanOrEqual(110);
		expect(new Set(labels.map((l) => l.textY)).size).toBe(3);
	});
});
