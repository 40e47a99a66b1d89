import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueAccessToken } from "@/db/queries/access-tokens";
import { listPeople, NO_PASSWORD } from "@/db/queries/admin-people";
import { startSession } from "@/db/queries/sessions";
import { people } from "@/db/schema";
import { type AccessState, accessStateOf } from "@/lib/access-state";
import { createTestDatabase } from "./helpers/test-db";

let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
let admin: { id: number; name: string; email: string; role: "admin" };

// Named so that sorting by name would give another order than sorting by access.
const cast: { name: string; state: AccessState }[] = [
  { name: "a-deactivated", state: "deactivated" },
  { name: "b-no-access", state: "no_access" },
  { name: "c-active", state: "active" },
  { name: "d-invite-expired", state: "invite_expired" },
  { name: "e-never-signed-in", state: "never_signed_in" },
  { name: "f-invited", state: "invited" },
];

beforeAll(async () => {
  testDb = await createTestDatabase();
  const [row] = await testDb.db
    .insert(people)
    .values({ name: "z-admin", email: "admin@example.test", passwordHash: "$2a$04$x", appRole: "admin" })
    .returning();
  admin = { id: row!.id, name: row!.name, email: row!.email, role: "admin" };
  await startSession({ personId: admin.id });
  for (const { name, state } of cast) {
    const [p] = await testDb.db
      .insert(people)
      .values({
        name,
        email: `${name}@example.test`,
        passwordHash: state === "active" || state === "never_signed_in" ? "$2a$04$x" : NO_PASSWORD,
        active: state !== "deactivated",
      })
      .returning({ id: people.id });
    if (state === "active") await startSession({ personId: p!.id });
    if (state === "invited" || state === "invite_expired")
      await issueAccessToken({
        personId: p!.id,
        purpose: "invite",
        validForMinutes: 60,
        createdById: admin.id,
      });
    if (state === "invite_expired")
      await testDb.db.execute(
        sql`update access_tokens set created_at = now() - interval '2 hours', expires_at = now() - interval '1 hour' where person_id = ${p!.id}`,
      );
  }
});
afterAll(() => testDb.dispose());

describe("the people list sorted by access", () => {
  it("orders by access state in SQL, the same states the page shows, both ways and across pages", async () => {
    const page = async (n: number, desc: boolean) =>
      (await listPeople(admin, { page: n, pageSize: 4, sort: "access", desc, status: "all" })).rows;
    const asc = [...(await page(1, false)), ...(await page(2, false))];
    expect(asc.map((r) => accessStateOf(r))).toEqual([
      "no_access",
      "invited",
      "invite_expired",
      "never_signed_in",
      "active",
      "active",
      "deactivated",
    ]);
    expect(asc.map((r) => r.name)).toEqual([
      "b-no-access",
      "f-invited",
      "d-invite-expired",
      "e-never-signed-in",
      "c-active",
      "z-admin",
      "a-deactivated",
    ]);
    const desc = [...(await page(1, true)), ...(await page(2, true))];
    expect(desc.map((r) => accessStateOf(r))).toEqual(asc.map((r) => accessStateOf(r)).reverse());
  });
});
