import { count, eq, or } from "drizzle-orm";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ASSESSMENT_EXPORT_HEADER, assessmentsCsvStream, organizationCsvStream } from "@/db/queries/export";
import { applyImport, dryRunImport } from "@/db/queries/import";
import { organizationOverview } from "@/db/queries/organization";
import { assessments, auditLog, people, reviewCycles, teamMemberships, teams } from "@/db/schema";
import { AccessDeniedError, type Actor } from "@/lib/authz";
import { leverageIndex } from "@/lib/ladder";
import { demoActors } from "./helpers/actors";
import { createTestDatabase, driverUnderTest } from "./helpers/test-db";

let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
let admin: Actor;
let leader: Actor;
let manager: Actor;
let employee: Actor;

async function readAll(stream: ReadableStream<Uint8Array>) {
  return new Response(stream).text();
}

async function tableCounts() {
  const [p] = await testDb.db.select({ n: count() }).from(people);
  const [t] = await testDb.db.select({ n: count() }).from(teams);
  const [m] = await testDb.db.select({ n: count() }).from(teamMemberships);
  return { people: p!.n, teams: t!.n, memberships: m!.n };
}

beforeAll(async () => {
  testDb = await createTestDatabase({ seed: true });
  ({ admin, leader, manager, employee } = await demoActors());
});
afterAll(() => testDb.dispose());

const VALID = `name,email,team,department,manager email,role
Ada Byrne,ada.byrne@northwind.example,Treasury,Finance,,manager
Ben Okoro,ben.okoro@northwind.example,Treasury,Finance,ada.byrne@northwind.example,
Maya Chen,maya.chen@northwind.example,FP&A,Finance,daniel.okafor@northwind.example,employee
Cleo Park,CLEO.PARK@northwind.example,Growth Lab,New Ventures,ada.byrne@northwind.example,employee
`;

describe(`CSV import (${driverUnderTest})`, () => {
  it("dry run says row by row what would happen, and writes nothing", async () => {
    const before = await tableCounts();
    const plan = await dryRunImport(admin, VALID);
    expect(plan.missingColumns).toEqual([]);
    expect(plan.rows.map((r) => [r.line, r.outcome])).toEqual([
      [2, "create"],
      [3, "create"],
      [4, "unchanged"],
      [5, "create"],
    ]);
    expect(plan.newTeams.map((t) => t.name)).toEqual(["Treasury", "Growth Lab"]);
    expect(plan.newDepartments).toEqual(["New Ventures"]);
    expect(await tableCounts()).toEqual(before);
  });

  it("rejects every kind of bad row, with the reason, and applying such a file writes nothing", async () => {
    const bad = `name,email,team,department,manager email,role
Good Row,good.row@northwind.example,FP&A,Finance,,
No Manager,nomgr@northwind.example,FP&A,Finance,ghost@northwind.example,
Bad Email,not-an-email,FP&A,Finance,,
Dupe One,dupe@northwind.example,FP&A,Finance,,
Dupe Two,dupe@northwind.example,FP&A,Finance,,
,missing.name@northwind.example,FP&A,Finance,,
Wrong Dept,wrong.dept@northwind.example,FP&A,Marketing,,
Bad Role,bad.role@northwind.example,FP&A,Finance,,boss
Orphan,orphan@northwind.example,FP&A,Finance,not-an-email,
`;
    const plan = await dryRunImport(admin, bad);
    const byLine = new Map(plan.rows.map((r) => [r.line, r]));
    expect(byLine.get(2)!.outcome).toBe("create");
    expect(byLine.get(3)!.notes.join(" ")).toMatch(/Unknown manager ghost@northwind\.example/);
    expect(byLine.get(4)!.notes.join(" ")).toMatch(/Malformed email "not-an-email"/);
    expect(byLine.get(5)!.outcome).toBe("create");
    expect(byLine.get(6)!.notes.join(" ")).toMatch(/Duplicate email: already on line 5/);
    expect(byLine.get(7)!.notes.join(" ")).toMatch(/Missing name/);
    expect(byLine.get(8)!.notes.join(" ")).toMatch(/FP&A is in Finance, not Marketing/);
    expect(byLine.get(9)!.notes.join(" ")).toMatch(/Unknown role "boss"/);
    expect(byLine.get(10)!.notes.join(" ")).toMatch(/Malformed manager email/);
    expect(plan.counts).toMatchObject({ create: 2, reject: 7 });

    const before = await tableCounts();
    await expect(applyImport(admin, bad)).rejects.toThrow(/7 row\(s\) are rejected/);
    expect(await tableCounts()).toEqual(before);

    const missing = await dryRunImport(admin, "name,email,team\nA,a@b.example,FP&A\n");
    expect(missing.missingColumns).toEqual(["department", "manager email"]);
    await expect(applyImport(admin, "name,email,team\nA,a@b.example,FP&A\n")).rejects.toThrow(/lacks the column/);
    expect(await tableCounts()).toEqual(before);
  });

  it("a manager named on a rejected row rejects the rows that report to them", async () => {
    const plan = await dryRunImport(
      admin,
      `name,email,team,department,manager email,role
Lead,lead@northwind.example,Treasury,Finance,,chief
Report,report@northwind.example,Treasury,Finance,lead@northwind.example,
`,
    );
    expect(plan.rows.map((r) => r.outcome)).toEqual(["reject", "reject"]);
    expect(plan.rows[1]!.notes.join(" ")).toMatch(/Unknown manager lead@northwind\.example/);
  });

  it("applies a valid file in one transaction, and a second run changes nothing", async () => {
    const before = await tableCounts();
    const progress: number[] = [];
    const summary = await applyImport(admin, VALID, (p) => progress.push(p.done));
    expect(summary).toMatchObject({ created: 3, unchanged: 1, teamsCreated: 2, departmentsCreated: 1 });
    expect(progress.at(-1)).toBe(5);
    expect(await tableCounts()).toEqual({
      people: before.people + 3,
      teams: before.teams + 2,
      memberships: before.memberships + 3,
    });
    const [treasury] = await testDb.db.select().from(teams).where(eq(teams.name, "Treasury"));
    const [ada] = await testDb.db.select().from(people).where(eq(people.email, "ada.byrne@northwind.example"));
    expect(treasury!.managerId).toBe(ada!.id);
    expect(ada!.appRole).toBe("manager");
    const [cleo] = await testDb.db.select().from(people).where(eq(people.email, "cleo.park@northwind.example"));
    expect(cleo!.name).toBe("Cleo Park");

    const again = await dryRunImport(admin, VALID);
    expect(again.counts).toEqual({ create: 0, change: 0, unchanged: 4, reject: 0 });
    const second = await applyImport(admin, VALID);
    expect(second).toMatchObject({ created: 0, changed: 0, unchanged: 4 });
    expect((await tableCounts()).people).toBe(before.people + 3);
    const audits = await testDb.db.select().from(auditLog).where(eq(auditLog.action, "people.imported"));
    expect(audits).toHaveLength(2);
    expect(audits[0]!.actorId).toBe(admin.id);
  });

  it("moves and renames existing people, ending their old membership", async () => {
    const plan = await dryRunImport(
      admin,
      `name,email,team,department,manager email,role
Ben Okoro-Reyes,ben.okoro@northwind.example,Growth Lab,New Ventures,,
`,
    );
    expect(plan.rows[0]!.outcome).toBe("change");
    expect(plan.rows[0]!.notes).toEqual(["Name: Ben Okoro → Ben Okoro-Reyes.", "Moves to Growth Lab."]);
    await applyImport(
      admin,
      `name,email,team,department,manager email,role
Ben Okoro-Reyes,ben.okoro@northwind.example,Growth Lab,New Ventures,,
`,
    );
    const [ben] = await testDb.db.select().from(people).where(eq(people.email, "ben.okoro@northwind.example"));
    const history = await testDb.db.select().from(teamMemberships).where(eq(teamMemberships.personId, ben!.id));
    expect(history).toHaveLength(2);
    expect(history.filter((h) => h.endedOn === null)).toHaveLength(1);
    expect(ben!.name).toBe("Ben Okoro-Reyes");
  });

  it("is for admins only", async () => {
    for (const actor of [leader, manager, employee]) {
      await expect(dryRunImport(actor, VALID)).rejects.toBeInstanceOf(AccessDeniedError);
      await expect(applyImport(actor, VALID)).rejects.toBeInstanceOf(AccessDeniedError);
    }
  });
});

describe(`CSV export (${driverUnderTest})`, () => {
  it("has one row per assessment in range, matching the database", async () => {
    const text = await readAll(await assessmentsCsvStream(leader, { from: "2026 Q2", to: "2026 Q3" }));
    const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    expect(parsed.meta.fields).toEqual(ASSESSMENT_EXPORT_HEADER);
    const cycles = await testDb.db.select().from(reviewCycles);
    const ids = cycles.filter((c) => c.name === "2026 Q2" || c.name === "2026 Q3").map((c) => c.id);
    const rows = (await testDb.db.select().from(assessments)).filter((a) => ids.includes(a.cycleId));
    expect(parsed.data).toHaveLength(rows.length);
    const maya = rows.find((r) => r.subjectId === employee.id && r.kind === "manager" && r.cycleId === ids[0])!;
    const line = parsed.data.find((r) => r.email === employee.email && r.kind === "manager" && r.cycle === "2026 Q2")!;
    expect(Number(line.s1)).toBe(maya.s1);
    expect(Number(line.judgment)).toBe(maya.judgment);
    expect(line.team).toBe("FP&A");
    expect(line.leverage_index).toBe(
      leverageIndex({ s1: maya.s1!, s2: maya.s2!, s3: maya.s3!, s4: maya.s4!, s5: maya.s5! }).toFixed(2),
    );
  });

  it("respects the caller's scope", async () => {
    const parse = async (actor: Actor) =>
      Papa.parse<Record<string, string>>(await readAll(await assessmentsCsvStream(actor, {})), {
        header: true,
        skipEmptyLines: true,
      }).data;
    const mine = await parse(employee);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((r) => r.email === employee.email)).toBe(true);
    expect(mine.every((r) => r.kind === "self" || r.status === "finalized")).toBe(true);
    const team = await parse(manager);
    expect(new Set(team.filter((r) => r.email !== manager.email).map((r) => r.team))).toEqual(new Set(["FP&A"]));
    const all = await parse(admin);
    // Reviews in progress are the managers' own until finalized: the admin's export leaves them out.
    const [{ n }] = (await testDb.db
      .select({ n: count() })
      .from(assessments)
      .where(or(eq(assessments.kind, "self"), eq(assessments.status, "finalized")))) as [{ n: number }];
    expect(all).toHaveLength(n);
  });

  it("exports the Organization page's aggregates, to leaders and admins only", async () => {
    const overview = await organizationOverview(leader, {});
    const text = await readAll(await organizationCsvStream(leader, {}));
    const rows = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
    const last = overview.org.at(-1)!;
    expect(rows).toContainEqual([
      "level mix",
      last.cycle.name,
      "Organisation",
      "All departments",
      "leverage index",
      last.figures!.leverageIndex.toFixed(2),
    ]);
    await expect(organizationCsvStream(manager, {})).rejects.toBeInstanceOf(AccessDeniedError);
  });
});
