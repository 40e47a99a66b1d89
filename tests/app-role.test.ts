import path from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabaseHandle } from "@/db";
import { type DatabaseHandle, openPostgres } from "@/db/client";
import { closeCycle, reopenCycle } from "@/db/queries/admin";
import { mySelfAssessmentInOpenCycle, saveSelfAssessmentDraft } from "@/db/queries/assessments";
import { organizationOverview } from "@/db/queries/organization";
import { findSessionActor, startSession } from "@/db/queries/sessions";
import { seedDemoOrganisation } from "@/db/seed";
import { actorByEmail, demoActors } from "./helpers/actors";
import { type PgCluster, startPgCluster } from "./helpers/pg-cluster";

/**
 * The intended PostgreSQL deployment (README, "Deployment on PostgreSQL"): migrations run as the
 * owner; the app connects as a role granted only by db/app-role.sql, which owns nothing. Then even
 * the app's own credentials cannot disable the triggers that keep closed cycles and the audit log
 * unchanged, nor drop, alter or truncate a table — while the app's real code works as that role.
 *
 * Roles are cluster-wide, so this runs on a PostgreSQL cluster the test starts itself (never the
 * machine's shared one) in both the PGlite and the PostgreSQL run: the feature is PostgreSQL's.
 */
let cluster: PgCluster;
let owner: DatabaseHandle;
let app: DatabaseHandle;
let appSql: postgres.Sql;
let closedCycleId: number;

beforeAll(async () => {
  cluster = await startPgCluster("app-role");
  cluster.psql([
    "-U",
    "postgres",
    "-c",
    "create role ladder_owner login",
    "-c",
    "create database ladder owner ladder_owner",
    "-c",
    "create role ladder_app login nosuperuser nocreatedb nocreaterole noinherit",
  ]);
  owner = openPostgres(cluster.url("ladder_owner", "ladder"));
  await owner.migrate();
  await seedDemoOrganisation(owner.db);
  // Exactly as an operator runs it (README): psql as the owner, the app role as a variable.
  cluster.psql([
    "-U",
    "ladder_owner",
    "-d",
    "ladder",
    "-v",
    "app_role=ladder_app",
    "-f",
    path.join(import.meta.dirname, "..", "db", "app-role.sql"),
  ]);
  app = openPostgres(cluster.url("ladder_app", "ladder"));
  setDatabaseHandle(app);
  appSql = postgres(cluster.url("ladder_app", "ladder"), { max: 1, onnotice: () => {} });
  const [closed] = await appSql`select id from review_cycles where status = 'closed' order by ends_on desc limit 1`;
  closedCycleId = closed!.id;
}, 180_000);

afterAll(async () => {
  await appSql?.end();
  await app?.close();
  await owner?.close();
  cluster?.destroy();
});

/** The SQLSTATE a statement run as the app's role fails with (null when it succeeds). */
async function failureOf(statement: string) {
  try {
    await appSql.unsafe(statement);
    return null;
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

const INSUFFICIENT_PRIVILEGE = "42501";
const CHECK_VIOLATION = "23514";

describe("the app's PostgreSQL role owns nothing", () => {
  it("cannot turn off, drop or replace the triggers that keep history and the audit log", async () => {
    expect(await failureOf("alter table assessments disable trigger assessments_closed_cycle_read_only")).toBe(
      INSUFFICIENT_PRIVILEGE,
    );
    expect(await failureOf("alter table assessments disable trigger all")).toBe(INSUFFICIENT_PRIVILEGE);
    expect(await failureOf("alter table audit_log disable trigger audit_log_append_only")).toBe(INSUFFICIENT_PRIVILEGE);
    expect(await failureOf("drop trigger audit_log_append_only on audit_log")).toBe(INSUFFICIENT_PRIVILEGE);
    expect(
      await failureOf(
        "create or replace function audit_log_refuse_change() returns trigger language plpgsql as $$ begin return new; end $$",
      ),
    ).toBe(INSUFFICIENT_PRIVILEGE);
    expect(await failureOf("set session_replication_role = replica")).toBe(INSUFFICIENT_PRIVILEGE);
  });

  it("cannot change a closed cycle's assessments", async () => {
    const [{ count }] =
      (await appSql`select count(*)::int as count from assessments where cycle_id = ${closedCycleId}`) as [
        { count: number },
      ];
    expect(count).toBeGreaterThan(0);
    expect(await failureOf(`update assessments set notes = 'rewritten' where cycle_id = ${closedCycleId}`)).toBe(
      CHECK_VIOLATION,
    );
    expect(await failureOf(`delete from assessments where cycle_id = ${closedCycleId}`)).toBe(CHECK_VIOLATION);
    expect(
      await failureOf(
        `update assessment_tasks set text = 'rewritten' where assessment_id in (select id from assessments where cycle_id = ${closedCycleId})`,
      ),
    ).toBe(CHECK_VIOLATION);
  });

  it("cannot re-open a closed cycle with a bare UPDATE, nor by its function without a reason", async () => {
    for (const status of ["open", "draft"]) {
      expect(await failureOf(`update review_cycles set status = '${status}' where id = ${closedCycleId}`)).toBe(
        INSUFFICIENT_PRIVILEGE,
      );
    }
    expect(await failureOf(`select * from reopen_review_cycle(${closedCycleId}, null, '  ')`)).toBe(CHECK_VIOLATION);
    const [{ status }] = (await appSql`select status from review_cycles where id = ${closedCycleId}`) as [
      { status: string },
    ];
    expect(status).toBe("closed");
  });

  it("may append to the audit log but not change or remove a row of it", async () => {
    await appSql`insert into audit_log (action, target_type, target_id) values ('test.append', 'test', '1')`;
    expect(await failureOf("update audit_log set action = 'rewritten'")).toBe(INSUFFICIENT_PRIVILEGE);
    expect(await failureOf("delete from audit_log")).toBe(INSUFFICIENT_PRIVILEGE);
    expect(await failureOf("truncate audit_log")).toBe(INSUFFICIENT_PRIVILEGE);
    const [{ count }] = (await appSql`select count(*)::int as count from audit_log where action = 'test.append'`) as [
      { count: number },
    ];
    expect(count).toBe(1);
  });

  it("may add to a review's conversation and acknowledge it, but not change or remove either", async () => {
    const [review] = await appSql`
      select c.id as cycle_id, p.id as subject_id from review_cycles c, people p
      where c.status = 'open' and p.email = 'maya.chen@northwind.example'`;
    const { cycle_id: cycleId, subject_id: subjectId } = review!;
    await appSql`insert into review_comments (cycle_id, subject_id, author_id, body) values (${cycleId}, ${subjectId}, ${subjectId}, 'Written once.')`;
    await appSql`insert into review_acknowledgements (cycle_id, subject_id) values (${cycleId}, ${subjectId}) on conflict do nothing`;
    for (const table of ["review_comments", "review_acknowledgements"]) {
      const where = `where cycle_id = ${cycleId} and subject_id = ${subjectId}`;
      const change =
        table === "review_comments" ? "set body = 'Rewritten.'" : "set acknowledged_at = now() - interval '1 day'";
      expect(await failureOf(`update ${table} ${change} ${where}`)).toBe(INSUFFICIENT_PRIVILEGE);
      expect(await failureOf(`delete from ${table} ${where}`)).toBe(INSUFFICIENT_PRIVILEGE);
      expect(await failureOf(`truncate ${table}`)).toBe(INSUFFICIENT_PRIVILEGE);
    }
    const [{ body }] = (await appSql`
      select body from review_comments where cycle_id = ${cycleId} and subject_id = ${subjectId}`) as [
      { body: string },
    ];
    expect(body).toBe("Written once.");
    const [{ n }] = (await appSql`
      select count(*)::int as n from review_acknowledgements where cycle_id = ${cycleId} and subject_id = ${subjectId}`) as [
      { n: number },
    ];
    expect(n).toBe(1);
  });

  it("cannot truncate, drop, alter or create tables", async () => {
    expect(await failureOf("truncate assessments cascade")).toBe(INSUFFICIENT_PRIVILEGE);
    expect(await failureOf("truncate sessions")).toBe(INSUFFICIENT_PRIVILEGE);
    expect(await failureOf("drop table audit_log")).toBe(INSUFFICIENT_PRIVILEGE);
    expect(await failureOf("drop table assessments cascade")).toBe(INSUFFICIENT_PRIVILEGE);
    expect(await failureOf("alter table assessments drop constraint if exists assessments_pkey cascade")).toBe(
      INSUFFICIENT_PRIVILEGE,
    );
    expect(await failureOf("create table scratch (id int)")).toBe(INSUFFICIENT_PRIVILEGE);
  });
});

describe("the app's real code runs as that role", () => {
  it("opens the database without migrating (all migrations applied by the owner)", async () => {
    await expect(app.migrate()).resolves.toBeUndefined();
  });

  it("refuses to start on a database with pending migrations, saying who must apply them", async () => {
    cluster.psql(["-U", "postgres", "-c", "create database ladder_next owner ladder_owner"]);
    const fresh = openPostgres(cluster.url("ladder_app", "ladder_next"));
    try {
      await expect(fresh.migrate()).rejects.toThrow(/run `npm run db:migrate` with the owner's DATABASE_URL/);
    } finally {
      await fresh.close();
    }
  });

  it("re-opens a closed cycle as an admin, with the reason in the audit log, and closes it again", async () => {
    const { admin } = await demoActors();
    const reopened = await reopenCycle(admin, closedCycleId, "A review was finalized with the wrong mix.");
    expect(reopened.id).toBe(closedCycleId);
    const [audit] = await appSql`
      select actor_id, details from audit_log
      where action = 'cycle.reopened' and target_id = ${String(closedCycleId)} order by id desc limit 1`;
    expect(audit?.actor_id).toBe(admin.id);
    expect(audit?.details).toMatchObject({ name: reopened.name, reason: "A review was finalized with the wrong mix." });
    // Re-opening it again finds it open: refused, nothing written twice.
    await expect(reopenCycle(admin, closedCycleId, "Pressed twice by mistake.")).rejects.toThrow(/Only a closed cycle/);
    await closeCycle(admin, closedCycleId);
    const [{ status }] = (await appSql`select status from review_cycles where id = ${closedCycleId}`) as [
      { status: string },
    ];
    expect(status).toBe("closed");
  });

  it("keeps the movers' ranking of closed cycles, and re-opening a cycle clears it", async () => {
    const { admin, leader } = await demoActors();
    await organizationOverview(leader, {}, "complete");
    const [{ kept }] = (await appSql`select count(*)::int as kept from closed_range_rankings`) as [{ kept: number }];
    expect(kept).toBeGreaterThan(0);
    await reopenCycle(admin, closedCycleId, "A review was finalized with the wrong mix.");
    const [{ left }] = (await appSql`select count(*)::int as left from closed_range_rankings`) as [{ left: number }];
    expect(left).toBe(0);
    await closeCycle(admin, closedCycleId);
  });

  it("signs a person in (a session row) and saves their self-assessment draft", async () => {
    const maya = await actorByEmail("maya.chen@northwind.example");
    const sessionId = await startSession({ personId: maya.id, ip: "127.0.0.1", userAgent: "vitest" });
    const actor = await findSessionActor(sessionId, { idleMinutes: 60, maxHours: 10 });
    expect(actor?.id).toBe(maya.id);

    const mine = await mySelfAssessmentInOpenCycle(maya);
    expect(mine).not.toBeNull();
    const saved = await saveSelfAssessmentDraft(maya, {
      cycleId: mine!.cycle.id,
      assessmentId: mine!.assessment?.id ?? null,
      version: mine!.assessment?.version ?? 0,
      values: { ...mine!.values, notes: "Saved as the app's own role." },
    });
    expect(saved.status).toBe("draft");
    const reread = await mySelfAssessmentInOpenCycle(maya);
    expect(reread?.values.notes).toBe("Saved as the app's own role.");
  });
});
