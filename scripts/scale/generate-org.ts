// A realistic organisation of any size on PostgreSQL, written set-based (INSERT … SELECT over
// generate_series / unnest) so 50,000 people and 1.2 million assessments take about a minute:
// departments, teams of 8–12 and one team of 50, two role profiles per team, 12 quarters (11
// closed, the last open), self and manager assessments with tasks and calibration records, and a
// few percent of people who moved team halfway. Deterministic for a given size.
import bcrypt from "bcryptjs";
import type postgres from "postgres";

export const BENCH_PASSWORD = "bench-password";
export const BENCH_LEADER = "leader@bench.example";
/** Manages the one 50-person team. */
export const BENCH_BIG_TEAM_MANAGER = "manager.big@bench.example";
const BIG_TEAM_SIZE = 50;
const CYCLES = 12;

/** Team sizes (members, the manager not counted) adding up to about `total` people with managers. */
function teamSizes(total: number) {
  const sizes = [BIG_TEAM_SIZE];
  let used = 2 + BIG_TEAM_SIZE + 1; // leader, admin, the big team and its manager
  for (let t = 1; used < total; t++) {
    const size = 8 + ((t * 7) % 5);
    sizes.push(size);
    used += size + 1;
  }
  return sizes;
}

export async function generateOrganisation(sql: postgres.Sql, total: number) {
  const sizes = teamSizes(total);
  const teamCount = sizes.length;
  const departmentCount = Math.max(4, Math.round(total / 1000));
  // Person ids: 1 leader, 2 admin, then per team its manager followed by its members.
  const personTeam: number[] = [];
  const personIsManager: number[] = [];
  for (let t = 0; t < teamCount; t++) {
    personTeam.push(t + 1);
    personIsManager.push(1);
    for (let m = 0; m < sizes[t]!; m++) {
      personTeam.push(t + 1);
      personIsManager.push(0);
    }
  }
  const hash = bcrypt.hashSync(BENCH_PASSWORD, 10);
  const cycles = Array.from({ length: CYCLES }, (_, i) => {
    const year = 2024 + Math.floor(i / 4);
    const q = (i % 4) + 1;
    const month = 3 * (q - 1) + 1;
    const start = `${year}-${String(month).padStart(2, "0")}-01`;
    return { name: `${year} Q${q}`, start };
  });

  await sql.begin(async (tx) => {
    // Bulk load: the closed-cycle triggers and foreign-key triggers are skipped; the ids are consistent by construction.
    await tx`set local session_replication_role = replica`;
    await tx`insert into departments (id, name)
      select d, 'Department ' || d from generate_series(1, ${departmentCount}::int) d`;
    await tx`insert into people (id, name, email, password_hash, app_role) values
      (1, 'Bench Leader', ${BENCH_LEADER}, ${hash}, 'leader'),
      (2, 'Bench Admin', 'admin@bench.example', ${hash}, 'admin')`;
    await tx`insert into people (id, name, email, password_hash, app_role)
      select 2 + i,
        case when m = 1 then 'Manager ' else 'Person ' end || (2 + i),
        case when i = 1 then ${BENCH_BIG_TEAM_MANAGER} else 'person.' || (2 + i) || '@bench.example' end,
        ${hash},
        case when m = 1 then 'manager'::app_role else 'employee'::app_role end
      from unnest(${personIsManager}::int[]) with ordinality as u(m, i)`;
    await tx`insert into teams (id, department_id, name, manager_id)
      select t, 1 + (t % ${departmentCount}::int), case when t = 1 then 'Big Team' else 'Team ' || t end, 2 + i
      from unnest(${personTeam}::int[], ${personIsManager}::int[]) with ordinality as u(t, m, i) where m = 1`;
    await tx`insert into role_profiles (id, team_id, title)
      select 2 * t - 1 + r, t, case r when 0 then 'Analyst' else 'Specialist' end
      from generate_series(1, ${teamCount}::int) t, generate_series(0, 1) r`;
    await tx`insert into role_profile_versions (id, role_profile_id, version, s1, s2, s3, s4, s5)
      select id, id, 1, 30 + (id % 2) * 10, 25, 20, 15, 10 - (id % 2) * 10 from role_profiles`;
    await tx`insert into review_cycles (id, name, starts_on, ends_on, status)
      select i, name, start::date, (start::date + interval '3 months' - interval '1 day')::date,
        case when i = ${CYCLES}::int then 'open'::cycle_status else 'closed'::cycle_status end
      from unnest(${cycles.map((c) => c.name)}::text[], ${cycles.map((c) => c.start)}::text[]) with ordinality as u(name, start, i)`;
    // Members (not managers): every 31st person moved from the next team at the start of cycle 7.
    await tx`create temp table bench_member on commit drop as
      select (2 + i)::int as person_id, t as team_id, (2 * t - 1 + (i % 2))::int as role_id,
        case when i % 31 = 0 and t < ${teamCount}::int then t + 1 end as old_team_id
      from unnest(${personTeam}::int[], ${personIsManager}::int[]) with ordinality as u(t, m, i) where m = 0`;
    await tx`insert into team_memberships (team_id, person_id, role_profile_id, started_on, ended_on)
      select old_team_id, person_id, 2 * old_team_id - 1, '2020-01-01', ${cycles[6]!.start}::date - 1
      from bench_member where old_team_id is not null
      union all
      select team_id, person_id, role_id, case when old_team_id is null then '2020-01-01'::date else ${cycles[6]!.start}::date end, null
      from bench_member`;
    // h: a per-person-per-cycle pseudo-random number; the mix drifts up the ladder over the quarters.
    await tx`create temp table bench_a on commit drop as
      select m.person_id, c as cycle_id,
        case when c < 7 and m.old_team_id is not null then m.old_team_id else m.team_id end as team_id,
        case when c < 7 and m.old_team_id is not null then 2 * m.old_team_id - 1 else m.role_id end as role_id,
        (hashint4(m.person_id * 100 + c) & 2147483647) as h
      from bench_member m, generate_series(1, ${CYCLES}::int) c`;
    await tx`create temp table bench_mix on commit drop as
      select b.*, 100 - s1 - s2 - s3 - s4 as s5 from (
        select a.*, least(greatest(0, 40 - 2 * cycle_id + (h % 11)), 100 - s2 - s3 - s4) as s1 from (
          select a.*, 15 + (h / 7) % 6 as s2, 10 + cycle_id + (h / 11) % 6 as s3, 5 + (h / 13) % 6 as s4
          from bench_a a) a) b`;
    // Closed cycles: 95% self-assessed, 85% of those reviewed and finalized. Open cycle: 60% self
    // submitted, 10% drafts, 15% finalized.
    await tx`insert into assessments (cycle_id, subject_id, kind, author_id, team_id, role_version_id,
        s1, s2, s3, s4, s5, judgment, communication, stakeholders, systems_thinking, ownership,
        status, submitted_at, finalized_at)
      select cycle_id, person_id, 'self', person_id, team_id, role_id, s1, s2, s3, s4, s5,
        1 + h % 5, 1 + (h / 5) % 5, 1 + (h / 25) % 5, 1 + (h / 125) % 5, 1 + (h / 625) % 5,
        st::assessment_status, c.starts_on + interval '80 days',
        case when st = 'finalized' then c.starts_on + interval '100 days' end
      from (select *, case
          when cycle_id < ${CYCLES}::int then case when h % 20 = 0 then null when h % 100 < 85 then 'finalized' else 'submitted' end
          else case when h % 100 < 15 then 'finalized' when h % 100 < 75 then 'submitted' when h % 100 < 85 then 'draft' end
        end as st from bench_mix) x
      join review_cycles c on c.id = x.cycle_id
      where st is not null`;
    await tx`insert into assessments (cycle_id, subject_id, kind, author_id, team_id, role_version_id,
        s1, s2, s3, s4, s5, judgment, communication, stakeholders, systems_thinking, ownership,
        status, submitted_at, finalized_at)
      select a.cycle_id, a.subject_id, 'manager', t.manager_id, a.team_id, a.role_version_id,
        a.s1 + d, a.s2, a.s3, a.s4, a.s5 - d, a.judgment, a.communication, a.stakeholders, a.systems_thinking,
        a.ownership, 'finalized', a.submitted_at + interval '10 days', a.finalized_at
      from (select *, least(s5, (hashint4(id) & 2147483647) % 5) as d from assessments where kind = 'self' and status = 'finalized') a
      join teams t on t.id = a.team_id`;
    await tx`insert into assessment_tasks (assessment_id, position, text, level, ai_used)
      select a.id, p, (array['Prepare the weekly report', 'Reconcile accounts', 'Decide the quarter''s priorities'])[p + 1],
        1 + (a.id + p) % 5, (a.id + p) % 3 = 0
      from assessments a, generate_series(0, 1) p where a.kind = 'self'`;
    await tx`insert into calibration_records (assessment_id, changed_by_id, field, from_value, to_value, reason)
      select m.id, m.author_id, 'level_mix',
        jsonb_build_object('s1', s.s1, 's2', s.s2, 's3', s.s3, 's4', s.s4, 's5', s.s5),
        jsonb_build_object('s1', m.s1, 's2', m.s2, 's3', m.s3, 's4', m.s4, 's5', m.s5),
        'More routine work than described in the self-assessment.'
      from assessments m join assessments s on s.cycle_id = m.cycle_id and s.subject_id = m.subject_id and s.kind = 'self'
      where m.kind = 'manager' and m.s1 <> s.s1`;
    for (const table of ["departments", "people", "teams", "role_profiles", "role_profile_versions", "review_cycles"])
      await tx.unsafe(`select setval(pg_get_serial_sequence('${table}', 'id'), (select max(id) from ${table}))`);
    await tx`select rebuild_assessment_rollups()`;
  });
  // Vacuumed as autovacuum would have by the time anyone reads the pages (it may be off on a test
  // server): the rebuild above rewrote every rollup row, leaving half of their tuples dead.
  await sql`vacuum analyze`;
  const [counts] = await sql<{ people: number; teams: number; assessments: number; tasks: number }[]>`
    select (select count(*) from people)::int as people, (select count(*) from teams)::int as teams,
      (select count(*) from assessments)::int as assessments, (select count(*) from assessment_tasks)::int as tasks`;
  return { ...counts!, departments: departmentCount };
}
