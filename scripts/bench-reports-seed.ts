/**
 * The region the reports benchmark reads (`npm run bench:reports`): teams of children with
 * two years of records behind them, written in bulk SQL. The reports read records, not the
 * rules that made them, so volume and shape matter here: several colour changes per child
 * with a `turned_red` flag at each red, triage some working days later, intensive
 * workflows and consultations from those flags, assessments and requests from every kind of
 * partner, the child's path (phases, contacts, statutory clocks), weekly team meetings with
 * discussions and steps, and a few confirmed 31st children.
 */
import type { Sql } from 'postgres';
import { ASSESSING_KINDS } from '../src/lib/server/features/reports/figures';
import { CURRENT_INSTRUMENT } from '../src/lib/domain/instrument';

export type RegionSize = {
	teams: number;
	childrenPerTeam: number;
	assessmentsPerChild: number;
	/** The first team's size, when it is larger than the others (a city's team). */
	firstTeam?: number;
	/** Rows per child in the access log, spread over the two years (default none). */
	logRowsPerChild?: number;
};

export async function seedRegion(raw: Sql, size: RegionSize): Promise<void> {
	const { teams, childrenPerTeam: perTeam, assessmentsPerChild: perChild } = size;
	const firstTeam = size.firstTeam ?? perTeam;
	const itemIds = CURRENT_INSTRUMENT.items.map((i) => i.id);
	await raw.begin(async (sql) => {
		// A random but repeatable region: the same size gives the same data.
		await sql`select setseed(0.42)`;
		await sql`insert into organisation (name, kind) values ('Alue', 'child_protection')`;
		await sql`insert into organisation (name, kind)
			select 'Kumppani ' || k || '-' || i, k::organisation_kind
			from unnest(${ASSESSING_KINDS}::text[]) k, generate_series(1, 10) i`;
		await sql`insert into team (organisation_id, name)
			select o.id, 'Tiimi ' || lpad(i::text, 3, '0')
			from organisation o, generate_series(1, ${teams}::int) i where o.name = 'Alue'`;
		// Eight workers per team: a consultant, a coordinator and six social workers.
		await sql`insert into "user" (email, display_name)
			select 'w' || t.id || '-' || k || '@bench.example', 'Työntekijä ' || k
			from team t, generate_series(1, 8) k`;
		await sql`insert into membership (user_id, organisation_id, team_id, role, approved_at)
			select u.id, t.organisation_id, t.id,
				(case split_part(split_part(u.email, '@', 1), '-', 6) when '1' then 'consultant_social_worker'
					when '2' then 'coordinator' else 'social_worker' end)::role, now()
			from "user" u join team t on u.email like 'w' || t.id || '-%'`;
		await sql`insert into "user" (email, display_name)
			select 'p' || o.id || '@bench.example', 'Kumppani' from organisation o where o.kind <> 'child_protection'`;
		await sql`insert into membership (user_id, organisation_id, role, approved_at)
			select u.id, o.id, 'partner', now() from organisation o join "user" u on u.email = 'p' || o.id || '@bench.example'`;
		await sql`create temp table ts on commit drop as
			select t.id, case when t.name = 'Tiimi 001' then ${firstTeam}::int else ${perTeam}::int end as size
			from team t`;
		await sql`insert into "user" (email, display_name) values ('johto@bench.example', 'Johto')`;
		await sql`insert into membership (user_id, organisation_id, role, approved_at)
			select u.id, o.id, 'region_manager', now() from "user" u, organisation o
			where u.email = 'johto@bench.example' and o.name = 'Alue'`;

		// Children: each with a responsible worker of their team, most of them clients.
		await sql`create temp table w on commit drop as
			select m.team_id, m.user_id, row_number() over (partition by m.team_id order by m.user_id) - 1 as k
			from membership m where m.role in ('social_worker', 'consultant_social_worker')`;
		await sql`insert into child (team_id, responsible_worker_id, given_name, family_name,
				date_of_birth, home_municipality, phase, phase_since)
			select x.team_id, w.user_id, 'Lapsi', 'Alue' || lpad(x.i::text, 6, '0'),
				date '2012-01-01' + (x.i % 4000), 'Järvelä',
				(case when x.r < 0.1 then 'closed' when x.r < 0.2 then 'needs_assessment'
					when x.r < 0.25 then 'placement' else 'client' end)::child_phase,
				current_date - (x.i % 600)
			from (select ts.id as team_id, i, random() as r
				from ts cross join lateral generate_series(1, ts.size) i) x
			join w on w.team_id = x.team_id and w.k = x.i % 7`;
		await sql`create temp table ch on commit drop as
			select c.id, c.team_id, c.responsible_worker_id as worker from child c`;

		// Four to six colour changes per child over two years, the first from nothing.
		await sql`create temp table h on commit drop as
			select x.id as child_id, x.team_id, x.worker, g.k,
				now() - make_interval(days => (730 - g.k * 120 - (random() * 100)::int)) as at,
				(array['grey','green','yellow','red','green','yellow'])[1 + floor(random() * 6)::int] as colour,
				random() < 0.08 as override
			from (select ch.*, 4 + floor(random() * 3)::int as changes from ch) x
			cross join generate_series(0, 5) g(k) where g.k < x.changes`;
		await sql`delete from h where at > now()`;
		await sql`insert into child_status_history (child_id, from_colour, to_colour, reasons, trigger, at)
			select child_id, lag(colour) over (partition by child_id order by k)::traffic_colour,
				colour::traffic_colour, '[]'::jsonb, case when override then 'override' else 'assessment' end, at
			from h order by at`;
		await sql`insert into child_status (child_id, colour, domain_colours, reasons, signals,
				rules_version, computed_at, changed_at, team_id)
			select distinct on (child_id) child_id, colour::traffic_colour, '{}'::jsonb, '[]'::jsonb,
				'[]'::jsonb, 'bench', at, at, team_id
			from h order by child_id, k desc`;

		// A flag at every red, triaged a few days later (a tenth still open); a few
		// disagreements.
		await sql`insert into flag (child_id, trigger, suggested_workflow, status, raised_at, due_on,
				decided_workflow, triaged_by, triaged_at)
			select child_id, 'turned_red', 'intensive_family', x.status::flag_status, at,
				(at + interval '7 days')::date,
				case when x.status = 'accepted' then x.wf::workflow_kind end,
				case when x.status <> 'open' then worker end,
				case when x.status <> 'open' then at + make_interval(days => floor(x.r2 * 12)::int) end
			from (select h.*, case when h.last and h.r < 0.3 then 'open' when h.r < 0.6 then 'dismissed'
					else 'accepted' end as status,
					(array['intensive_substance','intensive_family','consultation'])[1 + floor(random() * 3)::int] as wf,
					random() as r2
				-- One open flag of a kind per child: only the newest red may still be open.
				from (select *, k = max(k) over (partition by child_id) as last, random() as r from h) h
				where h.colour = 'red') x`;
		await sql`insert into flag (child_id, trigger, suggested_workflow, status, raised_at, due_on,
				triaged_by, triaged_at)
			select child_id, 'disagreement', 'consultation', 'dismissed', at, (at + interval '7 days')::date,
				worker, at + interval '3 days'
			from h where k = 1 and random() < 0.05`;
		await sql`update flag set triaged_at = now() where triaged_at > now()`;

		// Intensive workflows and consultations from the accepted flags.
		await sql`insert into intensive_workflow (child_id, kind, state, lead_worker_id, flag_id, outcome,
				created_by, created_at, activated_at, closed_at)
			select x.child_id, x.decided_workflow::text::intensive_kind, x.state::intensive_state, x.worker,
				x.id, case when x.state = 'closed' then (array['improved','unchanged','placement','moved_away',
					'other'])[1 + floor(random() * 5)::int]::intensive_outcome end,
				x.worker, x.triaged_at, x.triaged_at, case when x.state = 'closed' then x.closes_at end
			from (select f.*, ch.worker, f.triaged_at + make_interval(days => 60 + floor(random() * 120)::int)
					as closes_at from flag f join ch on ch.id = f.child_id
				where f.status = 'accepted' and f.decided_workflow <> 'consultation') x0
			cross join lateral (select x0.*, case when x0.closes_at < now() then 'closed' else 'active' end
				as state) x`;
		await sql`insert into consultation (child_id, state, requested_by, requester_organisation_id, question,
				urgency, scheduled_at, created_at, updated_at)
			select x.child_id, x.state::consultation_state, x.worker, x.organisation_id, 'Kysymys', 'normal',
				case when x.state in ('held', 'closed', 'scheduled')
					then x.triaged_at + make_interval(days => 3 + floor(random() * 20)::int) end,
				x.triaged_at, x.triaged_at
			from (select f.child_id, f.triaged_at, ch.worker, t.organisation_id,
					(array['requested','scheduled','held','closed','declined'])[1 + floor(random() * 5)::int] as state
				from flag f join ch on ch.id = f.child_id join team t on t.id = ch.team_id
				where f.status = 'accepted' and f.decided_workflow = 'consultation') x`;

		// Assessments and requests from every kind of partner.
		await sql`create temp table p on commit drop as
			select o.id, m.user_id, row_number() over (order by o.id) - 1 as k
			from organisation o join membership m on m.organisation_id = o.id where o.kind <> 'child_protection'`;
		await sql`insert into assessment (child_id, organisation_id, author_id, instrument_version, status,
				ratings, submitted_at, created_at, updated_at)
			select x.child_id, p.id, p.user_id, ${CURRENT_INSTRUMENT.version}, 'submitted',
				-- The current instrument's items, about half of them rated (a correlated
				-- subquery: one draw per assessment, not one for the whole insert).
				(select jsonb_object_agg(i, jsonb_build_object('rating', case when random() < 0.5 then null
						else least(3, floor(random() * 3.3))::int end, 'evidence', ''))
					from unnest(${itemIds}::text[]) i where x.child_id is not null),
				x.at, x.at, x.at
			from (select ch.id as child_id, now() - make_interval(days => floor(random() * 730)::int,
					mins => floor(random() * 1440)::int) as at, floor(random() * 70)::int as k
				from ch cross join generate_series(1, ${perChild}::int) i) x
			join p on p.k = x.k`;
		await sql`insert into assessment_request (child_id, organisation_id, message, due_date, status,
				requested_by, created_at, completed_at)
			select x.child_id, p.id, 'Pyyntö', x.due, x.status::request_status, x.worker,
				x.due - 21, case when x.status = 'completed' then x.due - 10 + floor(random() * 15)::int end
			from (select ch.id as child_id, ch.worker, current_date - floor(random() * 700)::int + 30 as due,
					case when random() < 0.75 then 'completed' when random() < 0.2 then 'cancelled' else 'open' end
						as status, floor(random() * 70)::int as k
				from ch cross join generate_series(1, 3) i) x
			join p on p.k = x.k`;
		await sql`update assessment_request set completed_at = now() where completed_at > now()`;

		// The child's path: contact, needs assessment, client; some placed.
		await sql`insert into phase_change (child_id, from_phase, to_phase, "on", placement_kind,
				changed_by, changed_at)
			select x.id, s.from_phase::child_phase, s.to_phase::child_phase, current_date - s.days,
				case when s.to_phase = 'placement' then 'open_care_placement'::placement_kind end,
				x.worker, now() - make_interval(days => s.days)
			from (select ch.*, floor(random() * 100)::int as d1, floor(random() * 100)::int as d2,
					floor(random() * 100)::int as d3, floor(random() * 250)::int as d4, random() as r
				from ch) x
			cross join lateral (values (null, 'contact', 700 - x.d1), ('contact', 'needs_assessment', 500 - x.d2),
				('needs_assessment', 'client', 300 - x.d3),
				('client', case when x.r < 0.05 then 'placement' when x.r < 0.15 then 'closed' end, x.d4)
			) s(from_phase, to_phase, days)
			where s.to_phase is not null
			order by s.days desc`;
		await sql`update child c set phase = p.to_phase, phase_since = p.on
			from (select distinct on (child_id) child_id, to_phase, "on" from phase_change
				order by child_id, seq desc) p
			where p.child_id = c.id`;
		await sql`insert into case_contact (child_id, kind, received_on, notifier_kind, summary, filed_by,
				filed_by_organisation_id, decision, decided_on)
			select x.id, x.kind::contact_kind, x.on, 'school', 'Yhteydenotto', x.worker, x.organisation_id,
				'start_needs_assessment', x.on + floor(random() * 15)::int
			from (select ch.id, ch.worker, t.organisation_id, current_date - floor(random() * 700)::int - 15 as on,
					case when random() < 0.7 then 'notification' else 'other_contact' end as kind
				from ch join team t on t.id = ch.team_id cross join generate_series(1, 2) i) x`;
		await sql`insert into statutory_clock (child_id, kind, contact_id, started_on, due_on, met_on)
			select k.child_id, 'decision', k.id, k.received_on, k.received_on + 9, k.decided_on from case_contact k`;
		await sql`insert into statutory_clock (child_id, kind, contact_id, started_on, due_on, met_on)
			select k.child_id, 'needs_assessment', k.id, k.decided_on, (k.decided_on + interval '3 months')::date,
				case when k.decided_on + 100 < current_date then k.decided_on + 60 + (random() * 60)::int end
			from case_contact k`;

		// Weekly meetings for two years, six children discussed and three steps each.
		await sql`create temp table tm on commit drop as
			select gen_random_uuid() as id, t.id as team_id,
				date_trunc('week', now()) - make_interval(weeks => i) + interval '9 hours' as starts_at,
				(select m.user_id from membership m where m.team_id = t.id and m.role = 'coordinator' limit 1) as coord
			from team t cross join generate_series(0, 103) i`;
		await sql`insert into team_meeting (id, team_id, starts_at, state, prepared_by)
			select id, team_id, starts_at, 'open', coord from tm`;
		await sql`create temp table cn on commit drop as
			select id, team_id, row_number() over (partition by team_id order by id) - 1 as k from ch`;
		await sql`insert into meeting_discussion (meeting_id, child_id, recorded_by)
			select tm.id, cn.id, tm.coord from tm cross join generate_series(0, 5) j
			join ts on ts.id = tm.team_id
			join cn on cn.team_id = tm.team_id
				and cn.k = (abs(hashtext(tm.id::text)) + j * 17) % ts.size
			-- A small team can draw a child twice for one meeting: once is enough.
			on conflict do nothing`;
		await sql`insert into meeting_step (child_id, meeting_id, what, owner_id, due_on, outcome, created_by)
			select d.child_id, d.meeting_id, 'Askel', d.recorded_by,
				(tm.starts_at + interval '14 days')::date,
				case when tm.starts_at + interval '14 days' < now() then
					(case when random() < 0.8 then 'done' else 'not_done' end)::step_outcome end,
				d.recorded_by
			from meeting_discussion d join tm on tm.id = d.meeting_id where random() < 0.5`;
		await sql`update team_meeting set state = 'closed', closed_at = starts_at + interval '2 hours'
			where id in (select id from tm) and starts_at < now() - interval '1 day'`;
		await sql`insert into caseload_confirmation (worker_id, child_id, caseload_before, reason,
				confirmed_by, created_at)
			select ch.worker, ch.id, 30, 'Perusteltu', ch.worker, now() - make_interval(days => (random() * 700)::int)
			from ch where random() < 0.01`;

		// The worker's reminders as a running region has already sent them, so that no
		// instance of a bench spends its first minutes catching up on two years of them.
		await sql`update flag set overdue_notified_at = due_on + 1
			where status = 'open' and due_on < current_date`;
		await sql`update assessment_request set due_soon_notified_at = due_date - 3,
				overdue_notified_at = case when due_date < current_date then due_date + 1 end
			where status = 'open' and due_date < current_date + 14`;
		await sql`update intensive_workflow set review_overdue_notified_on = next_review_on
			where state = 'active' and next_review_on < current_date`;

		// Each child's guardians, as the team records them (two, a tenth with one).
		await sql`insert into guardian (child_id, name, identity_code, created_by)
			select ch.id, 'Huoltaja ' || g, 'bench-' || ch.id || '-' || g, ch.worker
			from ch cross join generate_series(1, 2) g where g = 1 or random() < 0.9`;

		// The access log as two years of use leave it: reads of each child by its worker.
		if (size.logRowsPerChild) {
			await sql`select access_log_add_months((current_date - 731)::date, 26)`;
			// Back-dated rows: the log's own trigger stamps every row with the time of its
			// transaction, so it is set aside for this insert (the seed runs as a superuser).
			await sql`set local session_replication_role = replica`;
			await sql`insert into access_log (at, actor_user_id, action, entity_type, child_id, basis, outcome)
				select now() - make_interval(secs => floor(random() * 730 * 86400)::int), ch.worker,
					'read', 'child', ch.id, 'team', 'allowed'
				from ch cross join generate_series(1, ${size.logRowsPerChild}::int)`;
			await sql`set local session_replication_role = origin`;
		}
	});
	// As a long-running database would be: statistics fresh, the visibility map set.
	await raw`vacuum analyze`;
}
