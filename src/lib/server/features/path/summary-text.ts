import { CURRENT_INSTRUMENT, localized } from '../../../domain/instrument';
import type { Locale, OrganisationKind } from '../../../domain/roles';
import type { Colour } from '../../../domain/traffic-light';
import { formatDate } from '../../../format';
import { m } from '../../../paraglide/messages';
import { ruleReasonText } from '../status';
import type { familySummary } from './summary';

type Summary = Awaited<ReturnType<typeof familySummary>>;

/**
 * The family summary (§11) in words, in the family's language, made on the server: the page
 * only shows it, so the instrument's labels, the rules' sentences and the summary's texts in
 * three languages stay out of the browser (ADR 028). `now` is when it is made.
 */
export function summaryText(s: Summary, locale: Locale, now: Date) {
	const o = { locale };
	const domainName = (id: string) => {
		const d = CURRENT_INSTRUMENT.domains.find((x) => x.id === id);
		return d ? localized(d.label, locale) : id;
	};
	const domains = (ids: string[]) => ids.map(domainName).join(', ');
	return {
		lang: locale,
		heading: m.summary_heading({ name: `${s.child.givenName} ${s.child.familyName}` }, o),
		made: m.summary_made({ date: formatDate(now.toISOString()), team: s.teamName }, o),
		colourTitle: m.summary_colour_title({}, o),
		colour: s.colour,
		colourWord: colourWord(s.colour, locale),
		overridden: s.overridden ? m.summary_overridden({}, o) : null,
		reasons: s.reasons.map((r) => ({ key: r.rule, text: ruleReasonText(r, locale) })),
		partnersTitle: m.summary_partners_title({}, o),
		partners: s.kinds.map((k) => ({
			key: k.kind,
			title: kindWord(k.kind, locale),
			worried: k.worried.length
				? m.summary_worried({ domains: domains(k.worried) }, o)
				: m.summary_no_worry({}, o),
			goingWell: k.going_well.length
				? m.summary_going_well({ domains: domains(k.going_well) }, o)
				: null
		})),
		noAssessments: s.kinds.length ? null : m.summary_no_assessments({}, o),
		stepsTitle: m.summary_steps_title({}, o),
		steps: s.steps.map((step) =>
			m.summary_step({ what: step.what, who: step.who, date: formatDate(step.dueOn) }, o)
		),
		noSteps: s.steps.length ? null : m.summary_no_steps({}, o),
		contactTitle: m.summary_contact_title({}, o),
		worker: s.worker
			? {
					line: m.summary_worker({ name: s.worker.name, team: s.teamName }, o),
					email: s.worker.email
				}
			: null,
		noWorker: s.worker ? null : m.summary_no_worker({ team: s.teamName }, o)
	};
}

export type SummaryText = ReturnType<typeof summaryText>;

function colourWord(c: Colour, locale: Locale): string {
	const o = { locale };
	if (c === 'red') return m.summary_colour_red({}, o);
	if (c === 'yellow') return m.summary_colour_yellow({}, o);
	if (c === 'green') return m.summary_colour_green({}, o);
	return m.summary_colour_grey({}, o);
}

function kindWord(k: OrganisationKind, locale: Locale): string {
	const o = { locale };
	switch (k) {
		case 'school':
			return m.summary_kind_school({}, o);
		case 'early_education':
			return m.summary_kind_early_education({}, o);
		case 'child_health_clinic':
			return m.summary_kind_child_health_clinic({}, o);
		case 'child_psychiatry':
			return m.summary_kind_child_psychiatry({}, o);
		case 'youth_mental_health':
			return m.summary_kind_youth_mental_health({}, o);
		case 'substance_abuse':
			return m.summary_kind_substance_abuse({}, o);
		case 'residential_unit':
			return m.summary_kind_residential_unit({}, o);
		default:
			return m.summary_kind_child_protection({}, o);
	}
}
