import { and, asc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import type { Database } from "@/db";
import {
  assessments,
  occupationTasks,
  people,
  reviewCycles,
  roleProfiles,
  roleProfileVersions,
  teamMemberships,
  teams,
} from "@/db/schema";
import { DEMO_ACCOUNTS } from "@/lib/demo-accounts";

export const ROLES = ["employee", "manager", "leader", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** The seeded demo organisation seen from the four demo people: the records each case points at. */
export type World = Awaited<ReturnType<typeof describeWorld>>;

async function one<T>(rows: Promise<T[]>, what: string): Promise<T> {
  const [row] = await rows;
  if (!row) throw new Error(`The seed has no ${what}`);
  return row;
}

export async function describeWorld(db: Database) {
  const actorIds = {} as Record<Role, number>;
  for (const account of DEMO_ACCOUNTS) {
    const person = await one(db.select().from(people).where(eq(people.email, account.email)), account.email);
    actorIds[account.role] = person.id;
  }
  const openCycle = await one(db.select().from(reviewCycles).where(eq(reviewCycles.status, "open")), "open cycle");
  const closedCycle = await one(
    db.select().from(reviewCycles).where(eq(reviewCycles.status, "closed")).orderBy(asc(reviewCycles.startsOn)),
    "closed cycle",
  );
  const ownTeam = await one(db.select().from(teams).where(eq(teams.managerId, actorIds.manager)), "managed team");
  const otherTeam = await one(
    db
      .select()
      .from(teams)
      .where(and(ne(teams.id, ownTeam.id), ne(teams.managerId, actorIds.manager))),
    "other team",
  );
  const membersOf = (teamId: number) =>
    db
      .select({ personId: teamMemberships.personId })
      .from(teamMemberships)
      .where(and(eq(teamMemberships.teamId, teamId), isNull(teamMemberships.endedOn)))
      .then((rows) => rows.map((r) => r.personId).filter((id) => !Object.values(actorIds).includes(id)));
  const selfIn = (cycleId: number, personIds: number[], statuses: string[]) =>
    db
      .select()
      .from(assessments)
      .where(
        and(
          eq(assessments.cycleId, cycleId),
          eq(assessments.kind, "self"),
          inArray(assessments.subjectId, personIds),
          sql`${assessments.status}::text in ${statuses}`,
        ),
      )
      // A submitted one first: after the fuzz has returned them all, any will do.
      .orderBy(sql`${assessments.status} = 'submitted' desc`, asc(assessments.subjectId));
  const anyStatus = ["draft", "submitted", "returned", "finalized"];
  const reportSelf = await one(selfIn(openCycle.id, await membersOf(ownTeam.id), anyStatus), "report");
  const otherSelf = await one(
    selfIn(openCycle.id, await membersOf(otherTeam.id), anyStatus),
    "self-assessment in another team",
  );
  const employeeOpenSelf = await db
    .select()
    .from(assessments)
    .where(
      and(
        eq(assessments.cycleId, openCycle.id),
        eq(assessments.subjectId, actorIds.employee),
        eq(assessments.kind, "self"),
      ),
    );
  const roleOf = async (teamId: number) => {
    const role = await one(
      db
        .select()
        .from(roleProfiles)
        .where(and(eq(roleProfiles.teamId, teamId), isNull(roleProfiles.archivedAt))),
      `role of team ${teamId}`,
    );
    const [latest] = await db
      .select({ version: sql<number>`max(${roleProfileVersions.version})` })
      .from(roleProfileVersions)
      .where(eq(roleProfileVersions.roleProfileId, role.id));
    return { id: role.id, title: role.title, version: Number(latest?.version) };
  };
  const occupationCode = "13-2011.00";
  const occupationTaskIds = (
    await db
      .select({ id: occupationTasks.id })
      .from(occupationTasks)
      .where(eq(occupationTasks.occupationCode, occupationCode))
      .orderBy(asc(occupationTasks.id))
      .limit(2)
  ).map((t) => t.id);
  return {
    actorIds,
    openCycle,
    closedCycle,
    ownTeam,
    otherTeam,
    report: { personId: reportSelf.subjectId, selfVersion: reportSelf.version },
    otherPerson: { personId: otherSelf.subjectId, selfVersion: otherSelf.version, selfId: otherSelf.id },
    employeeSelf: employeeOpenSelf[0] ?? null,
    ownRole: await roleOf(ownTeam.id),
    otherRole: await roleOf(otherTeam.id),
    occupationCode,
    occupationTaskIds,
  };
}

/**
 * What a write leaves behind, in one row: a refused request must leave it exactly as it was
 * (nothing partial), an accepted one must change it.
 */
export async function fingerprint(db: Database) {
  const result = await db.execute(sql`select
    (select count(*) from audit_log) as audit,
    (select coalesce(sum(version), 0) || ':' || count(*) from assessments) as assessments,
    (select count(*) from assessment_tasks) as tasks,
    (select count(*) || ':' || coalesce(sum(version), 0) from role_profile_versions) as role_versions,
    (select count(*) from role_profiles) as roles,
    (select string_agg(id || status::text || starts_on || ends_on, ',' order by id) from review_cycles) as cycles,
    (select string_agg(id || ':' || coalesce(role_profile_id, 0) || ':' || team_id, ',' order by id) from team_memberships) as memberships,
    (select string_agg(id || ':' || coalesce(manager_id, 0) || name, ',' order by id) from teams) as teams,
    (select string_agg(id || app_role::text || active::text || email || name || password_hash, ',' order by id) from people) as people,
    (select count(*) || ':' || count(ended_at) from sessions) as sessions,
    (select count(*) from jobs) as jobs,
    (select count(*) || ':' || count(used_at) || ':' || count(revoked_at) from access_tokens) as tokens,
    (select count(*) from outbox_mails) as outbox,
    (select count(*) || ':' || count(read_at) from notifications) as notifications,
    (select count(*) from review_comments) as comments,
    (select count(*) from review_acknowledgements) as acknowledgements,
    (select string_agg(row_to_json(p)::text, ',') from notification_preferences p) as preferences,
    (select string_agg(row_to_json(o)::text, ',') from organization_settings o) as settings`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<string, unknown>[];
  return JSON.stringify(rows[0]);
}
