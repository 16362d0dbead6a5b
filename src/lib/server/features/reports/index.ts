/** System-level reports (docs/domain.md §8): aggregates only, never a child. */
export {
	canSendThl,
	readReport,
	reportScope,
	type ReportFilter,
	type ReportContext,
	type ReportTeam
} from './reports';
