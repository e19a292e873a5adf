// Grows the demo district into a large one for the benchmarks: 2,000 more teams spread over the 48
// communities, 25 people each, and as many service records as asked for (each team serves on
// distinct days, five members an activity, 2–6 hours). Loaded with triggers off, then everything
// the triggers would have derived (passbook, totals, monthly figures) is rebuilt by
// private.rebuild_service_effects(), as after any bulk load.
import type pg from "pg";

export interface LargeDistrict {
  teams: number;
  volunteers: number;
  records: number;
  ledger: number;
}

export async function buildLargeDistrict(db: pg.Client, records: number, log: (line: string) => void): Promise<LargeDistrict> {
  const TEAMS = 2000;
  const PER_TEAM = 25;
  const PER_ACTIVITY = 5;
  const activitiesPerTeam = Math.ceil(records / TEAMS / PER_ACTIVITY);
  if (activitiesPerTeam > 690) throw new Error("at most 690 days of service per team fit in the bench calendar");
  const step = async (label: string, sql: string) => {
    const t = performance.now();
    await db.query(sql);
    log(`${label.padEnd(48)} ${((performance.now() - t) / 1000).toFixed(1)} s`);
  };

  await step(`${TEAMS} teams`, `
    insert into org_units (level, name, parent_id)
    select 'team', '压测服务队' || i, c.ids[1 + i % cardinality(c.ids)]
    from generate_series(1, ${TEAMS}) i,
         (select array_agg(id order by id) as ids from org_units where level = 'community') c`);
  await db.query("set session_replication_role = replica");
  await step(`${TEAMS * PER_TEAM} volunteers and memberships`, `
    create temporary table bench_members as
    select t.id as team_id, t.community_id, t.street_id, k, md5('bench-' || t.id || '-' || k)::uuid as volunteer_id
    from org_units t cross join generate_series(0, ${PER_TEAM - 1}) k
    where t.level = 'team' and t.name like '压测服务队%';
    insert into volunteers (id, name, gender, home_community_id, home_street_id, status)
    select volunteer_id, '压测' || team_id || '-' || k, (case when k % 2 = 0 then 'female' else 'male' end)::gender,
           community_id, street_id, 'active' from bench_members;
    insert into team_memberships (team_id, volunteer_id, role, joined_on)
    select team_id, volunteer_id, (case when k = 0 then 'captain' else 'member' end)::member_role, date '2024-01-01' from bench_members;
    update org_units set active_member_count = ${PER_TEAM} where name like '压测服务队%';`);
  await step(`${(activitiesPerTeam * TEAMS).toLocaleString()} activities`, `
    insert into service_activities (team_id, title, place, service_date)
    select t.id, '压测活动', '社区', date '2025-01-01' + ((i * 7 + t.id) % 696)::int
    from org_units t cross join generate_series(1, ${activitiesPerTeam}) i
    where t.level = 'team' and t.name like '压测服务队%'`);
  await step(`${records.toLocaleString()} service records`, `
    insert into service_records (activity_id, volunteer_id, team_id, service_date, hours, status, recorded_at, reviewed_at)
    select a.id, m.volunteer_id, a.team_id, a.service_date, 2 + (a.id % 9) / 2.0,
           (case when a.service_date > date '2026-11-18' then 'pending' else 'approved' end)::service_status,
           a.service_date + time '18:00', case when a.service_date > date '2026-11-18' then null else a.service_date + 2 + time '10:00' end
    from service_activities a
    cross join generate_series(0, ${PER_ACTIVITY - 1}) j
    join bench_members m on m.team_id = a.team_id and m.k = (a.id * ${PER_ACTIVITY} + j) % ${PER_TEAM}
    where a.title = '压测活动'
    limit ${records}`);
  await db.query("set session_replication_role = origin");
  await step("analyze", "analyze");
  await step("rebuild passbook, totals, monthly figures", "select private.rebuild_service_effects()");
  // a live database is vacuumed; measuring while autovacuum works through the fresh load is not
  await step("vacuum analyze", "vacuum (analyze)");
  await step("checkpoint (flush the load before measuring)", "checkpoint");
  const { rows: [n] } = await db.query<{ t: string; v: string; r: string; l: string }>(`
    select (select count(*) from org_units where level = 'team') t, (select count(*) from volunteers) v,
           (select count(*) from service_records) r, (select count(*) from points_ledger) l`);
  return { teams: Number(n.t), volunteers: Number(n.v), records: Number(n.r), ledger: Number(n.l) };
}
