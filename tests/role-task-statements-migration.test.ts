import { readFileSync } from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { departments, occupationTasks, roleProfiles, roleProfileVersions, roleTasks, teams } from "@/db/schema";
import { TASK_TEXT_MAX } from "@/lib/limits";
import { createTestDatabase, driverUnderTest } from "./helpers/test-db";

// The data half of migration 0008 (after its table and two column statements): statements cut to 200 characters in earlier releases, and later
// versions that lost their link, are linked and made whole again.
const [, , , ...dataStatements] = readFileSync(
  path.join(process.cwd(), "db/migrations/0008_role_tasks_whole_and_ai_applicability.sql"),
  "utf8",
).split("--> statement-breakpoint");

let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  testDb = await createTestDatabase({ reference: true });
});
afterAll(() => testDb.dispose());

describe(`migration 0008 on existing roles (${driverUnderTest})`, () => {
  it("links cut and unlinked copies of O*NET statements again and restores their whole text", async () => {
    expect(dataStatements).toHaveLength(2);
    const db = testDb.db;
    const [long] = await db
      .select()
      .from(occupationTasks)
      .where(sql`char_length(${occupationTasks.statement}) > ${TASK_TEXT_MAX}`)
      .limit(1);
    const [short] = await db
      .select()
      .from(occupationTasks)
      .where(
        sql`${occupationTasks.occupationCode} = ${long!.occupationCode} and char_length(${occupationTasks.statement}) < 150`,
      )
      .limit(1);
    // The old cut: at a word under 200 characters, with an ellipsis.
    const cut = `${long!.statement.slice(0, long!.statement.lastIndexOf(" ", 190))}…`;
    const [department] = await db.insert(departments).values({ name: "Migrated" }).returning();
    const [team] = await db.insert(teams).values({ departmentId: department!.id, name: "Migrated team" }).returning();
    const [role] = await db
      .insert(roleProfiles)
      .values({ teamId: team!.id, title: "Migrated role", occupationCode: long!.occupationCode })
      .returning();
    const mix = { s1: 0, s2: 100, s3: 0, s4: 0, s5: 0 };
    const [v1, v2] = await db
      .insert(roleProfileVersions)
      .values([
        { roleProfileId: role!.id, version: 1, ...mix },
        { roleProfileId: role!.id, version: 2, ...mix },
      ])
      .returning();
    await db.insert(roleTasks).values([
      // Version 1, from the occupation: linked but cut.
      { roleVersionId: v1!.id, position: 0, text: cut, level: 2, occupationTaskId: long!.id },
      // Version 2, saved in the role editor: neither linked.
      { roleVersionId: v2!.id, position: 0, text: cut, level: 3 },
      { roleVersionId: v2!.id, position: 1, text: short!.statement, level: 1 },
      { roleVersionId: v2!.id, position: 2, text: "A task of our own…", level: 4 },
    ]);

    for (const statement of dataStatements) await db.execute(sql.raw(statement));

    const rows = await db
      .select({ version: roleProfileVersions.version, text: roleTasks.text, linked: roleTasks.occupationTaskId })
      .from(roleTasks)
      .innerJoin(roleProfileVersions, eq(roleProfileVersions.id, roleTasks.roleVersionId))
      .where(eq(roleProfileVersions.roleProfileId, role!.id))
      .orderBy(roleProfileVersions.version, roleTasks.position);
    expect(rows).toEqual([
      { version: 1, text: long!.statement, linked: long!.id },
      { version: 2, text: long!.statement, linked: long!.id },
      { version: 2, text: short!.statement, linked: short!.id },
      { version: 2, text: "A task of our own…", linked: null },
    ]);
  });
});
