import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyImport, dryRunImport } from "@/db/queries/import";
import { people } from "@/db/schema";
import { ActionError } from "@/lib/action-state";
import type { Actor } from "@/lib/authz";
import { demoDatabase } from "./helpers/demo";
import { driverUnderTest } from "./helpers/test-db";

let demo: Awaited<ReturnType<typeof demoDatabase>>;
let sam: Actor;

const HEADER = "name,email,team,department,manager email,role\n";

async function roleOf(email: string) {
  const [p] = await demo.testDb.db.select({ role: people.appRole }).from(people).where(eq(people.email, email));
  return p?.role;
}

beforeAll(async () => {
  demo = await demoDatabase();
  sam = await demo.actor("sam.taylor@northwind.example");
  await demo.testDb.db.insert(people).values({
    name: "Ann Admin",
    email: "ann.admin@northwind.example",
    appRole: "admin",
    passwordHash: "x".repeat(60),
  });
});
afterAll(() => demo.testDb.dispose());

describe(`an import keeps the organisation administered (${driverUnderTest})`, () => {
  it("cannot take the admin role from the importing admin: the row is rejected and nothing is applied", async () => {
    const file = `${HEADER}Sam Taylor,sam.taylor@northwind.example,FP&A,Finance,,employee\nNew Person,new.person@northwind.example,FP&A,Finance,,\n`;
    const plan = await dryRunImport(sam, file);
    const own = plan.rows.find((r) => r.email === sam.email)!;
    expect(own.outcome).toBe("reject");
    expect(own.notes.join(" ")).toMatch(/cannot take the admin role from yourself/);
    await expect(applyImport(sam, file)).rejects.toThrow(ActionError);
    expect(await roleOf(sam.email)).toBe("admin");
    expect(await roleOf("new.person@northwind.example")).toBeUndefined();
  });

  it("may change another admin's role while the importing admin stays one", async () => {
    const file = `${HEADER}Ann Admin,ann.admin@northwind.example,FP&A,Finance,,leader\n`;
    await applyImport(sam, file);
    expect(await roleOf("ann.admin@northwind.example")).toBe("leader");
    const admins = await demo.testDb.db
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.appRole, "admin"), eq(people.active, true)));
    expect(admins.length).toBeGreaterThan(0);
  });
});
