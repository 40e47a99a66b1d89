import "server-only";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { chunks } from "@/db/helpers";
import { NO_PASSWORD } from "@/db/queries/admin-people";
import { recordAudit } from "@/db/queries/audit";
import { databaseFor } from "@/db/queries/database-for";
import { departments, people, teamMemberships, teams } from "@/db/schema";
import { ActionError } from "@/lib/action-state";
import type { Actor } from "@/lib/authz";
import { type ImportPlan, type ImportSnapshot, planImport } from "@/lib/import/people-csv";

type Executor = Pick<Database, "select">;

const BATCH = 1000;

async function loadSnapshot(db: Executor, importer: Actor): Promise<ImportSnapshot> {
  const [personRows, teamRows, departmentRows] = await Promise.all([
    db
      .select({
        id: people.id,
        email: people.email,
        name: people.name,
        role: people.appRole,
        active: people.active,
        teamId: teamMemberships.teamId,
      })
      .from(people)
      .leftJoin(teamMemberships, and(eq(teamMemberships.personId, people.id), isNull(teamMemberships.endedOn))),
    db
      .select({ id: teams.id, name: teams.name, departmentId: teams.departmentId, managerId: teams.managerId })
      .from(teams),
    db.select({ id: departments.id, name: departments.name }).from(departments),
  ]);
  return {
    people: new Map(personRows.map((p) => [p.email, p])),
    teams: new Map(teamRows.map((t) => [t.name.toLowerCase(), t])),
    departments: new Map(departmentRows.map((d) => [d.name.toLowerCase(), d])),
    emailsById: new Map(personRows.map((p) => [p.id, p.email])),
    importerEmail: importer.email,
  };
}

/** What applying the file would do, row by row. Writes nothing. */
export async function dryRunImport(actor: Actor, text: string): Promise<ImportPlan> {
  const db = await databaseFor(actor, ["admin"]);
  return planImport(text, await loadSnapshot(db, actor));
}

export type ImportProgress = { phase: string; done: number; total: number };

/**
 * Applies the file in one transaction: all of it or none of it. The plan is made again inside the
 * transaction, against the data as it is now, and a file with any rejected row is refused whole.
 */
export async function applyImport(actor: Actor, text: string, onProgress: (p: ImportProgress) => void = () => {}) {
  const db = await databaseFor(actor, ["admin"]);
  return db.transaction(async (tx) => {
    // One import at a time: a second one waits here and then plans against the first one's result.
    await tx.execute(sql`select pg_advisory_xact_lock(7302612)`);
    const snapshot = await loadSnapshot(tx, actor);
    const plan = planImport(text, snapshot);
    if (plan.missingColumns.length)
      throw new ActionError(`The file lacks the column(s): ${plan.missingColumns.join(", ")}. Nothing was imported.`);
    if (plan.counts.reject > 0)
      throw new ActionError(
        `${plan.counts.reject} row(s) are rejected. Fix them and run the dry run again; nothing was imported.`,
      );
    const todo = plan.rows.filter((r) => r.outcome === "create" || r.outcome === "change");
    const total = todo.length + plan.newTeams.length;
    let done = 0;
    const step = (phase: string, n: number) => {
      done += n;
      onProgress({ phase, done, total });
    };
    onProgress({ phase: "Starting", done: 0, total });

    const departmentId = new Map([...snapshot.departments].map(([k, d]) => [k, d.id]));
    if (plan.newDepartments.length) {
      const inserted = await tx
        .insert(departments)
        .values(plan.newDepartments.map((name) => ({ name })))
        .returning();
      for (const d of inserted) departmentId.set(d.name.toLowerCase(), d.id);
    }
    const teamId = new Map([...snapshot.teams].map(([k, t]) => [k, t.id]));
    for (const batch of chunks(plan.newTeams, BATCH)) {
      const inserted = await tx
        .insert(teams)
        .values(batch.map((t) => ({ name: t.name, departmentId: departmentId.get(t.department.toLowerCase())! })))
        .returning({ id: teams.id, name: teams.name });
      for (const t of inserted) teamId.set(t.name.toLowerCase(), t.id);
      step("Teams", batch.length);
    }

    const personId = new Map([...snapshot.people].map(([email, p]) => [email, p.id]));
    const createdIds: number[] = [];
    const creates = todo.filter((r) => r.outcome === "create");
    for (const batch of chunks(creates, BATCH)) {
      const inserted = await tx
        .insert(people)
        .values(
          batch.map((r) => ({
            name: r.name,
            email: r.email,
            appRole: r.role ?? "employee",
            passwordHash: NO_PASSWORD,
          })),
        )
        .returning({ id: people.id, email: people.email });
      for (const p of inserted) {
        personId.set(p.email, p.id);
        createdIds.push(p.id);
      }
      await tx.insert(teamMemberships).values(
        batch.map((r) => ({
          personId: personId.get(r.email)!,
          teamId: teamId.get(r.team.toLowerCase())!,
          startedOn: sql`current_date`,
        })),
      );
      step("People", batch.length);
    }

    const changes = todo.filter((r) => r.outcome === "change");
    for (const batch of chunks(changes, BATCH)) {
      const values = sql.join(
        batch.map((r) => {
          const before = snapshot.people.get(r.email)!;
          return sql`(${before.id}::int, ${r.name}::varchar, ${r.role ?? before.role}::app_role)`;
        }),
        sql`, `,
      );
      await tx.execute(sql`
        update ${people} set name = v.name, app_role = v.role, updated_at = now()
        from (values ${values}) as v(id, name, role)
        where ${people.id} = v.id and (${people.name} <> v.name or ${people.appRole} <> v.role)`);
      const moving = batch.filter((r) => snapshot.people.get(r.email)!.teamId !== teamId.get(r.team.toLowerCase()));
      if (moving.length) {
        const ids = moving.map((r) => personId.get(r.email)!);
        await tx
          .update(teamMemberships)
          .set({ endedOn: sql`greatest(current_date, ${teamMemberships.startedOn})` })
          .where(and(inArray(teamMemberships.personId, ids), isNull(teamMemberships.endedOn)));
        await tx.insert(teamMemberships).values(
          moving.map((r) => ({
            personId: personId.get(r.email)!,
            teamId: teamId.get(r.team.toLowerCase())!,
            startedOn: sql`current_date`,
          })),
        );
      }
      step("Changes", batch.length);
    }

    for (const [team, email] of plan.managerChanges) {
      const id = personId.get(email)!;
      await tx
        .update(teams)
        .set({ managerId: id })
        .where(eq(teams.id, teamId.get(team)!));
      await tx
        .update(people)
        .set({ appRole: "manager" })
        .where(and(eq(people.id, id), eq(people.appRole, "employee")));
    }

    const [admins] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(people)
      .where(and(eq(people.appRole, "admin"), eq(people.active, true)));
    if (!admins?.n)
      throw new ActionError("This file would leave the organisation without an active admin. Nothing was imported.");

    const summary = {
      rows: plan.rows.length,
      created: plan.counts.create,
      changed: plan.counts.change,
      unchanged: plan.counts.unchanged,
      teamsCreated: plan.newTeams.length,
      departmentsCreated: plan.newDepartments.length,
      managersSet: plan.managerChanges.size,
    };
    await recordAudit({ actorId: actor.id, action: "people.imported", targetType: "import", details: summary }, tx);
    onProgress({ phase: "Saving", done: total, total });
    // The new people's ids, so the admin can invite them next.
    return { ...summary, createdIds };
  });
}
