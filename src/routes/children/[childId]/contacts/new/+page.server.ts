import { contactSchema } from '$lib/schemas/path';
import { childPageAccess } from '$lib/server/http/authz';
import { defineCreateForm } from '$lib/server/http/forms';
import { contactFieldsText, contactFormStart, fileContact } from '$lib/server/features/path';
import { words } from '$lib/server/words';
import type { Actions, PageServerLoad } from './$types';

const contactForm = defineCreateForm(contactSchema, 'form', {
	kind: 'contact_kind',
	receivedOn: 'contact_received_on',
	notifierKind: 'contact_notifier_kind',
	summary: 'contact_summary',
	urgent: 'contact_urgency'
});

const access = childPageAccess({ entityType: 'case_contact' });

/** A contact about a child the viewer can see: the team logs one, a partner files one. */
export const load: PageServerLoad = async (event) => {
	const ctx = await access(event);
	const byTeam = ctx.access.kind === 'team';
	return {
		childId: ctx.childId,
		byTeam,
		t: words(
			'contact_new',
			'contact_partner_title',
			'contact_new_intro',
			'contact_partner_intro',
			'contact_save',
			'contact_send'
		),
		fields: contactFieldsText(),
		form: await contactForm.show(contactFormStart(byTeam, new Date()), { errors: false })
	};
};

export const actions: Actions = {
	file: async (event) => {
		const ctx = await access(event, 'create');
		return contactForm.create(event, {
			save: (data, tx) => fileContact(tx, ctx, data),
			to: (r) =>
				r.byTeam
					? `/children/${ctx.childId}/contacts/${r.contactId}?saved=contact`
					: `/intake/sent/${r.contactId}?saved=filed`
		});
	}
};
