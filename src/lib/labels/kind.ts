import type { OrganisationKind } from '../domain/roles';
import { m } from '../paraglide/messages';

/** An organisation kind's name. One module per label: a page loads the whole module (ADR 028). */
export function kindLabel(kind: OrganisationKind): string {
	switch (kind) {
		case 'child_protection':
			return m.kind_child_protection();
		case 'school':
			return m.kind_school();
		case 'early_education':
			return m.kind_early_education();
		case 'child_health_clinic':
			return m.kind_child_health_clinic();
		case 'child_psychiatry':
			return m.kind_child_psychiatry();
		case 'youth_mental_health':
			return m.kind_youth_mental_health();
		case 'substance_abuse':
			return m.kind_substance_abuse();
		case 'residential_unit':
			return m.kind_residential_unit();
	}
}
