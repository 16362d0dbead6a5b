import { formatDate } from '../../../format';
import { localeLabel } from '../../../labels/locale';
import { m } from '../../../paraglide/messages';
import { languageOptions } from '../../words';
import type { guardiansOf } from './guardians';

type Guardian = Awaited<ReturnType<typeof guardiansOf>>[number];

/**
 * A child's guardians in words, in the reader's language (ADR 028): each row's dates,
 * access and buttons, and the languages to choose from, made here beside their inputs so
 * the page carries no messages in three languages.
 */
export function guardiansText(guardians: Guardian[], childName: string) {
	return {
		intro: m.guardians_intro({ name: childName }),
		locales: languageOptions(),
		guardians: guardians.map((g) => ({
			...g,
			localeText: localeLabel(g.locale),
			sinceText: formatDate(g.since),
			endedText: g.endedOn ? formatDate(g.endedOn) : null,
			restrictedText: g.restriction
				? m.guardian_access_restricted({
						date: formatDate(g.restriction.reviewOn),
						reason: g.restriction.reason
					})
				: null,
			liftText: m.guardian_lift({ name: g.name }),
			endText: m.guardian_end({ name: g.name })
		}))
	};
}
