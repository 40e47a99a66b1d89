import "server-only";
import bcrypt from "bcryptjs";
import { and, asc, count, desc, eq, ilike, inArray, isNull, ne, or, type SQL, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { violatedConstraint } from "@/db/errors";
import { containsPattern } from "@/db/helpers";
import { recordAudit } from "@/db/queries/audit";
import { databaseFor } from "@/db/queries/database-for";
import { endAllSessions } from "@/db/queries/sessions";
import { type AppRole, departments, people, teamMemberships, teams } from "@/db/schema";
import { ActionError, ConflictError } from "@/lib/action-state";
import { type Actor, assertRole } from "@/lib/authz";

/** Stored for people created without a password: no bcrypt hash, so no password ever matches. */
export const NO_PASSWORD = "!";

/**
 * The columns that tell a person's access state (lib/access-state.ts): whether they have a
 * password, their last sign-in, their open invitation. Correlated per row: only for one page.
 */
// Qualified by hand: in a one-table select Drizzle leaves columns unqualified, which a subquery would misread.
const personIdRef = sql.raw('"people"."id"');
const accessColumns = {
  hasPassword: sql<boolean>`${people.passwordHash} <> ${NO_PASSWORD}`,
  lastSignInAt: sql<Date | null>`(select max(s.created_at) from sessions s where s.person_id = ${personIdRef})`.mapWith(
    (v: string | Date | null) => (v ? new Date(v) : null),
  ),
  invitedAt:
    sql<Date | null>`(select max(t.created_at) from access_tokens t where t.person_id = ${personIdRef} and t.purpose = 'invite' and t.used_at is null and t.revoked_at is null)`.mapWith(
      (v: string | Date | null) => (v ? new Date(v) : null),
    ),
  inviteExpiresAt:
    sql<Date | null>`(select max(t.expires_at) from access_tokens t where t.person_id = ${personIdRef} and t.purpose = 'invite' and t.used_at is null and t.revoked_at is null)`.mapWith(
      (v: string | Date | null) => (v ? new Date(v) : null),
    ),
};

/**
 * lib/access-state.ts's accessStateOf in SQL, as a rank along the way in: not invited, invited,
 * invitation expired, never signed in, active; deactivated last. Sorting by it reads every row's
 * access columns, not one page's.
 */
const accessRank = sql<number>`case
  when not ${people.active} then 5
  when ${accessColumns.lastSignInAt} is not null then 4
  when ${accessColumns.hasPassword} then 3
  when ${accessColumns.inviteExpiresAt} is null then 0
  when ${accessColumns.inviteExpiresAt} > now() then 1
  else 2 end`;

export const PEOPLE_SORTS = ["name", "email", "role", "team", "department", "status", "access"] as const;
export type PeopleSort = (typeof PEOPLE_SORTS)[number];

export type PeopleQuery = {
  page: number;
  pageSize: number;
  q?: string;
  sort?: PeopleSort;
  desc?: boolean;
  status?: "active" | "inactive" | "all";
  teamId?: number;
};

const sortColumns = {
  name: people.name,
  email: people.email,
  role: people.appRole,
  team: teams.name,
  department: departments.name,
  status: people.active,
  access: accessRank,
} as const;

/** One page of people with their current team, searched and sorted in SQL (fast at 10,000 people). */
export async function listPeople(actor: Actor, query: PeopleQuery) {
  const db = await databaseFor(actor, ["admin"]);
  const conditions: SQL[] = [];
  const q = query.q?.trim();
  if (q) {
    const pattern = containsPattern(q);
    // Each side is answered by its trigram indexes (migration 0007), not by ILIKE on every joined row.
    conditions.push(
      or(
        inArray(
          people.id,
          db
            .select({ id: people.id })
            .from(people)
            .where(or(ilike(people.name, pattern), ilike(people.email, pattern))),
        ),
        inArray(teams.id, db.select({ id: teams.id }).from(teams).where(ilike(teams.name, pattern))),
      )!,
    );
  }
  if (query.status === "active") conditions.push(eq(people.active, true));
  if (query.status === "inactive") conditions.push(eq(people.active, false));
  if (query.teamId) conditions.push(eq(teams.id, query.teamId));
  const where = conditions.length ? and(...conditions) : undefined;
  const sortColumn = sortColumns[query.sort ?? "name"];
  const order = query.desc ? desc(sortColumn) : asc(sortColumn);

  const from = () =>
    db
      .select({
        id: people.id,
        name: people.name,
        email: people.email,
        role: people.appRole,
        active: people.active,
        teamId: teams.id,
        team: teams.name,
        department: departments.name,
        ...accessColumns,
      })
      .from(people)
      .leftJoin(teamMemberships, and(eq(teamMemberships.personId, people.id), isNull(teamMemberships.endedOn)))
      .leftJoin(teams, eq(teams.id, teamMemberships.teamId))
      .leftJoin(departments, eq(departments.id, teams.departmentId));
  const [rows, [total]] = await Promise.all([
    from()
      .where(where)
      .orderBy(order, ...(query.sort === "access" ? [asc(people.name)] : []), asc(people.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db
      .select({ n: count() })
      .from(people)
      .leftJoin(teamMemberships, and(eq(teamMemberships.personId, people.id), isNull(teamMemberships.endedOn)))
      .leftJoin(teams, eq(teams.id, teamMemberships.teamId))
      .where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function getPerson(actor: Actor, personId: number) {
  const db = await databaseFor(actor, ["admin"]);
  const [person] = await db
    .select({
      id: people.id,
      name: people.name,
      email: people.email,
      role: people.appRole,
      active: people.active,
      updatedAt: people.updatedAt,
      ...accessColumns,
    })
    .from(people)
    .where(eq(people.id, personId));
  if (!person) return null;
  const history = await db
    .select({
      id: teamMemberships.id,
      team: teams.name,
      teamId: teams.id,
      startedOn: teamMemberships.startedOn,
      endedOn: teamMemberships.endedOn,
    })
    .from(teamMemberships)
    .innerJoin(teams, eq(teams.id, teamMemberships.teamId))
    .where(eq(teamMemberships.personId, personId))
    .orderBy(desc(teamMemberships.startedOn), desc(teamMemberships.id));
  const managing = await db
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(eq(teams.managerId, personId))
    .orderBy(asc(teams.name));
  return { ...person, history, currentTeamId: history.find((h) => h.endedOn === null)?.teamId ?? null, managing };
}

export type PersonInput = { name: string; email: string; role: AppRole; teamId: number | null; password?: string };

const emailTaken = () =>
  new ActionError("Someone already has this email.", { email: ["This email belongs to someone else."] });
const teamNameTaken = () => new ActionError("A team with this name exists.", { name: ["This name is taken."] });

/** A write that lost a race the pre-check could not see gets the pre-check's own message. */
function explainRace(error: unknown): never {
  const name = violatedConstraint(error)?.name;
  if (name === "people_email_unique") throw emailTaken();
  if (name === "teams_name_unique") throw teamNameTaken();
  if (name === "team_memberships_one_current")
    throw new ConflictError("This person's team changed elsewhere at the same time. Reload to see where they are.");
  throw error;
}

async function refuseTakenEmail(email: string, exceptId?: number) {
  const db = await getDb();
  const [taken] = await db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.email, email), exceptId === undefined ? undefined : ne(people.id, exceptId)));
  if (taken) throw emailTaken();
}

async function teamOrRefuse(teamId: number) {
  const db = await getDb();
  const [team] = await db.select().from(teams).where(eq(teams.id, teamId));
  if (!team) throw new ActionError("That team does not exist.", { teamId: ["Choose a team from the list."] });
  return team;
}

export async function createPerson(actor: Actor, input: PersonInput) {
  assertRole(actor, ["admin"]);
  await refuseTakenEmail(input.email);
  if (input.teamId) await teamOrRefuse(input.teamId);
  const passwordHash = input.password ? await bcrypt.hash(input.password, 10) : NO_PASSWORD;
  const db = await getDb();
  return db
    .transaction(async (tx) => {
      const [person] = await tx
        .insert(people)
        .values({ name: input.name, email: input.email, appRole: input.role, passwordHash })
        .returning({ id: people.id });
      if (input.teamId)
        await tx
          .insert(teamMemberships)
          .values({ personId: person!.id, teamId: input.teamId, startedOn: sql`current_date` });
      await recordAudit(
        {
          actorId: actor.id,
          action: "person.created",
          targetType: "person",
          targetId: person!.id,
          details: { name: input.name, email: input.email, role: input.role, teamId: input.teamId },
        },
        tx,
      );
      return person!;
    })
    .catch(explainRace);
}

export async function updatePerson(
  actor: Actor,
  personId: number,
  input: { name: string; email: string; role: AppRole },
) {
  const db = await databaseFor(actor, ["admin"]);
  const [before] = await db.select().from(people).where(eq(people.id, personId));
  if (!before) throw new ActionError("That person does not exist.");
  if (personId === actor.id && input.role !== "admin")
    throw new ActionError("You cannot take the admin role from yourself.", {
      role: ["Another admin must change your role."],
    });
  await refuseTakenEmail(input.email, personId);
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  if (before.name !== input.name) changes.name = { from: before.name, to: input.name };
  if (before.email !== input.email) changes.email = { from: before.email, to: input.email };
  if (before.appRole !== input.role) changes.role = { from: before.appRole, to: input.role };
  if (Object.keys(changes).length === 0) return;
  await db
    .transaction(async (tx) => {
      await tx
        .update(people)
        .set({ name: input.name, email: input.email, appRole: input.role, updatedAt: sql`now()` })
        .where(eq(people.id, personId));
      // A new role or email is a new identity: their sessions end and they sign in again.
      if (changes.role || changes.email) await endAllSessions(personId, "person_updated", tx);
      await recordAudit(
        { actorId: actor.id, action: "person.updated", targetType: "person", targetId: personId, details: changes },
        tx,
      );
    })
    .catch(explainRace);
}

/** A deactivated person cannot sign in, and their open sessions end. */
export async function setPersonActive(actor: Actor, personId: number, active: boolean) {
  assertRole(actor, ["admin"]);
  if (personId === actor.id && !active) throw new ActionError("You cannot deactivate yourself.");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const changed = await tx
      .update(people)
      .set({ active, updatedAt: sql`now()` })
      .where(and(eq(people.id, personId), eq(people.active, !active)))
      .returning({ id: people.id, email: people.email });
    if (changed.length === 0)
      throw new ActionError(active ? "This person is already active." : "This person is already deactivated.");
    if (!active) await endAllSessions(personId, "deactivated", tx);
    await recordAudit(
      {
        actorId: actor.id,
        action: active ? "person.reactivated" : "person.deactivated",
        targetType: "person",
        targetId: personId,
        details: { email: changed[0]!.email },
      },
      tx,
    );
  });
}

/** Ends the current membership today and starts a new one: past cycles keep the team they had. */
export async function movePerson(actor: Actor, personId: number, teamId: number) {
  assertRole(actor, ["admin"]);
  const team = await teamOrRefuse(teamId);
  const db = await getDb();
  await db
    .transaction(async (tx) => {
      const [person] = await tx.select({ id: people.id }).from(people).where(eq(people.id, personId)).for("update");
      if (!person) throw new ActionError("That person does not exist.");
      const [current] = await tx
        .select()
        .from(teamMemberships)
        .where(and(eq(teamMemberships.personId, personId), isNull(teamMemberships.endedOn)))
        .for("update");
      if (current?.teamId === teamId)
        throw new ActionError(`Already in ${team.name}.`, { teamId: ["Choose another team."] });
      if (current)
        await tx
          .update(teamMemberships)
          .set({ endedOn: sql`greatest(current_date, ${current.startedOn}::date)` })
          .where(eq(teamMemberships.id, current.id));
      await tx.insert(teamMemberships).values({ personId, teamId, startedOn: sql`current_date` });
      await recordAudit(
        {
          actorId: actor.id,
          action: "person.moved",
          targetType: "person",
          targetId: personId,
          details: { fromTeamId: current?.teamId ?? null, toTeamId: teamId, toTeam: team.name },
        },
        tx,
      );
    })
    .catch(explainRace);
}

export async function listTeamsAdmin(actor: Actor) {
  const db = await databaseFor(actor, ["admin"]);
  return db
    .select({
      id: teams.id,
      name: teams.name,
      departmentId: departments.id,
      department: departments.name,
      managerId: teams.managerId,
      manager: sql<string | null>`(select name from ${people} m where m.id = ${teams.managerId})`,
      members: sql<number>`(select count(*) from ${teamMemberships} tm join ${people} p on p.id = tm.person_id where tm.team_id = ${teams.id} and tm.ended_on is null and p.active)::int`,
    })
    .from(teams)
    .innerJoin(departments, eq(departments.id, teams.departmentId))
    .orderBy(asc(departments.name), asc(teams.name));
}

export async function listDepartments(actor: Actor) {
  const db = await databaseFor(actor, ["admin"]);
  return db.select({ id: departments.id, name: departments.name }).from(departments).orderBy(asc(departments.name));
}

/** People who could manage a team: active, any role but employee is promoted when chosen. */
export async function listManagerCandidates(actor: Actor) {
  const db = await databaseFor(actor, ["admin"]);
  return db
    .select({ id: people.id, name: people.name, email: people.email, role: people.appRole })
    .from(people)
    .where(
      and(
        eq(people.active, true),
        sql`(${people.appRole} in ('manager', 'leader', 'admin') or exists (select 1 from ${teams} t where t.manager_id = ${people.id}))`,
      ),
    )
    .orderBy(asc(people.name));
}

export async function createTeam(actor: Actor, input: { name: string; departmentId: number }) {
  const db = await databaseFor(actor, ["admin"]);
  const [taken] = await db.select({ id: teams.id }).from(teams).where(eq(teams.name, input.name));
  if (taken) throw teamNameTaken();
  const [department] = await db.select().from(departments).where(eq(departments.id, input.departmentId));
  if (!department)
    throw new ActionError("Choose a department.", { departmentId: ["Choose a department from the list."] });
  return db
    .transaction(async (tx) => {
      const [team] = await tx.insert(teams).values(input).returning({ id: teams.id });
      await recordAudit(
        {
          actorId: actor.id,
          action: "team.created",
          targetType: "team",
          targetId: team!.id,
          details: { name: input.name, department: department.name },
        },
        tx,
      );
      return team!;
    })
    .catch(explainRace);
}

/** Sets (or clears) a team's manager; an employee chosen as manager gets the manager role. */
export async function setTeamManager(actor: Actor, teamId: number, managerId: number | null) {
  assertRole(actor, ["admin"]);
  const team = await teamOrRefuse(teamId);
  const db = await getDb();
  await db.transaction(async (tx) => {
    if (managerId !== null) {
      const [manager] = await tx.select().from(people).where(eq(people.id, managerId));
      if (!manager?.active)
        throw new ActionError("Choose an active person as manager.", { managerId: ["Choose an active person."] });
      if (manager.appRole === "employee")
        await tx.update(people).set({ appRole: "manager", updatedAt: sql`now()` }).where(eq(people.id, managerId));
    }
    await tx.update(teams).set({ managerId }).where(eq(teams.id, teamId));
    await recordAudit(
      {
        actorId: actor.id,
        action: "team.manager_set",
        targetType: "team",
        targetId: teamId,
        details: { team: team.name, fromManagerId: team.managerId, toManagerId: managerId },
      },
      tx,
    );
  });
}
