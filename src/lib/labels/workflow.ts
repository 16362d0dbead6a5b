import type { WorkflowKind } from '../domain/workflows';
import { m } from '../paraglide/messages';

/** A workflow kind's name. One module per label: a page loads the whole module (ADR 028). */
export function workflowLabel(k: WorkflowKind): string {
	switch (k) {
		case 'intensive_substance':
			return m.workflow_intensive_substance();
		case 'intensive_family':
			return m.workflow_intensive_family();
		case 'consultation':
			return m.workflow_consultation();
	}
}
