/** System-level reports (docs/domain.md §8): aggregates only, never a child. */
export {
	canSendThl,
	readReport,
	reportScope,
	type ReportFilter,
	type ReportContext,
	type ReportTeam
} from './reports';
// What a report page shows: each figure as a table and chart, its CSV, the period choices.
export { figureCsv, figureView, periodOptions, reportHeading, type FigureView } from './view';
export type { Chart, Marker } from './chart';
