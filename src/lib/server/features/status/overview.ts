import { inArray } from 'drizzle-orm';
import { currentRatings } from '../../../domain/traffic-light';
import { inTransaction, type DbOrTx } from '../../db';
import { together } from '../../db/together';
import { assessment, organisation } from '../../db/schema';
import { currentAssessments } from './status';
import { ForbiddenError } from '../../errors';
import { logChildMany } from '../../access-log';
import { type ChildContext } from '../../access';

/**
 * Who said what, when: each organisation's current rating per item and the combined one,
 * and the child's and guardians' views from each current assessment. Team only: it shows
 * every organisation's ratings and words.
 */
export async function childOverview(db: DbOrTx, ctx: ChildContext) {
	if (ctx.access.kind !== 'team') throw new ForbiddenError();
	return inTransaction(db, async (tx) => {
		const facts = (await currentAssessments(tx, [ctx.childId])).get(ctx.childId)!;
		const current = currentRatings(facts);
		const orgIds = [...new Set(facts.map((f) => f.organisationId))];
		const ids = facts.map((f) => f.id);
		// The names and the views are independent: read together (pipelined on PostgreSQL).
		const { orgs, views } = await together({
			orgs: orgIds.length
				? tx
						.select({ id: organisation.id, name: organisation.name })
						.from(organisation)
						.where(inArray(organisation.id, orgIds))
				: [],
			views: ids.length
				? tx
						.select({
							id: assessment.id,
							organisationId: assessment.organisationId,
							submittedAt: assessment.submittedAt,
							childView: assessment.childView,
							guardiansView: assessment.guardiansView
						})
						.from(assessment)
						.where(inArray(assessment.id, ids))
				: []
		});
		orgs.sort((a, b) => a.name.localeCompare(b.name, 'fi'));
		views.sort((a, b) => (b.submittedAt?.getTime() ?? 0) - (a.submittedAt?.getTime() ?? 0));
		// One insert for all the assessments read, not one per assessment (issue 13).
		await logChildMany(tx, ctx, 'read', 'assessment', ids);
		const cells: Record<
			string,
			Record<string, { rating: number; at: Date; assessmentId: string }>
		> = {};
		for (const c of current)
			(cells[c.itemId] ??= {})[c.organisationId] = {
				rating: c.rating,
				at: c.at,
				assessmentId: c.assessmentId
			};
		return {
			organisations: orgs,
			cells,
			combined: Object.fromEntries(
				Object.entries(cells).map(([item, byOrg]) => [
					item,
					Math.max(...Object.values(byOrg).map((x) => x.rating))
				])
			),
			views: views
				.filter((v) => v.childView || v.guardiansView)
				.map((v) => ({
					...v,
					organisationName: orgs.find((o) => o.id === v.organisationId)?.name ?? ''
				}))
		};
	});
}
