import { eq } from "drizzle-orm";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assessmentsCsvStream, organizationCsvStream } from "@/db/queries/export";
import { people, teams } from "@/db/schema";
import type { Actor } from "@/lib/authz";
import { demoDatabase } from "./helpers/demo";
import { driverUnderTest } from "./helpers/test-db";

let demo: Awaited<ReturnType<typeof demoDatabase>>;
let admin: Actor;
let leader: Actor;

/** Hostile names a spreadsheet would run as formulas, one per OWASP trigger character. */
const HOSTILE = [
  "-2+3+cmd|' /C calc'!A0",
  '=HYPERLINK("http://evil.example")',
  "+1+1",
  "@SUM(A1:A2)",
  "\t=1+1",
  "\r=1+1",
  "-1",
];

const parse = (text: string) => Papa.parse<string[]>(text, { skipEmptyLines: true }).data;

beforeAll(async () => {
  demo = await demoDatabase();
  admin = await demo.actor("sam.taylor@northwind.example");
  leader = await demo.actor("priya.raman@northwind.example");
  const [fpa] = await demo.testDb.db.select().from(teams).where(eq(teams.name, "FP&A"));
  // People's names and a team's name are the free text that reaches the exports.
  const members = await demo.testDb.db
    .select()
    .from(people)
    .where(eq(people.appRole, "employee"))
    .limit(HOSTILE.length);
  for (const [i, name] of HOSTILE.entries())
    await demo.testDb.db
      .update(people)
      .set({ name: `${name} ` })
      .where(eq(people.id, members[i]!.id));
  await demo.testDb.db.update(teams).set({ name: "-2+3+cmd|' /C calc'!A0" }).where(eq(teams.id, fpa!.id));
});
afterAll(() => demo.testDb.dispose());

function everyCellIsSafe(rows: string[][]) {
  const unsafe = rows.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell) && !/^-?\d+(\.\d+)?$/.test(cell));
  expect(unsafe).toEqual([]);
}

describe(`exports never carry a working formula (${driverUnderTest})`, () => {
  it("the assessments export quotes every hostile cell and keeps negative numbers numbers", async () => {
    const rows = parse(await new Response(await assessmentsCsvStream(admin, {})).text());
    everyCellIsSafe(rows);
    const names = new Set(rows.map((r) => r[1]));
    for (const name of HOSTILE) expect(names).toContain(`'${name} `);
    expect(rows.some((r) => r[5] === "'-2+3+cmd|' /C calc'!A0")).toBe(true);
  });

  it("the organisation export quotes hostile team names and keeps negative figures numeric", async () => {
    const rows = parse(await new Response(await organizationCsvStream(leader, {})).text());
    everyCellIsSafe(rows);
    expect(rows.some((r) => r[2] === "'-2+3+cmd|' /C calc'!A0")).toBe(true);
    const negatives = rows.filter((r) => /^-\d/.test(r[5] ?? ""));
    expect(negatives.length).toBeGreaterThan(0);
    for (const r of negatives) expect(Number(r[5])).toBeLessThan(0);
  });
});
