import { and, eq, isNotNull, ne } from "drizzle-orm";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ASSESSMENT_EXPORT_HEADER, assessmentsCsvStream } from "@/db/queries/export";
import { returnForChanges, saveManagerReview } from "@/db/queries/reviews";
import { assessments, reviewCycles } from "@/db/schema";
import type { Actor } from "@/lib/authz";
import { completeValues, demoDatabase } from "./helpers/demo";
import { driverUnderTest } from "./helpers/test-db";

let demo: Awaited<ReturnType<typeof demoDatabase>>;
let admin: Actor;
let leader: Actor;
let daniel: Actor;
let maya: Actor;

const FIGURES = ASSESSMENT_EXPORT_HEADER.slice(ASSESSMENT_EXPORT_HEADER.indexOf("s1"), -2);
type Row = Record<string, string>;

async function exportOf(actor: Actor) {
  const text = await new Response(await assessmentsCsvStream(actor, {})).text();
  return Papa.parse<Row>(text, { header: true, skipEmptyLines: true }).data;
}
const hasFigures = (r: Row) => FIGURES.some((f) => r[f] !== "");

beforeAll(async () => {
  demo = await demoDatabase();
  admin = await demo.actor("sam.taylor@northwind.example");
  leader = await demo.actor("priya.raman@northwind.example");
  daniel = await demo.actor("daniel.okafor@northwind.example");
  maya = await demo.actor("maya.chen@northwind.example");
  const tomas = await demo.actor("tomas.herrera@northwind.example").catch(() => null);
  const [open] = await demo.testDb.db.select().from(reviewCycles).where(eq(reviewCycles.status, "open"));
  // A returned self-assessment, as the leader's export must hide it.
  const [submitted] = await demo.testDb.db
    .select()
    .from(assessments)
    .where(
      and(
        eq(assessments.cycleId, open!.id),
        eq(assessments.kind, "self"),
        eq(assessments.status, "submitted"),
        tomas ? eq(assessments.subjectId, tomas.id) : undefined,
      ),
    )
    .limit(1);
  const grace = await demo.actor("grace.liu@northwind.example");
  await saveManagerReview(
    daniel,
    {
      personId: grace.id,
      version: 0,
      values: completeValues(),
      calibrationReason: "Her forecast ownership is further along than she rates it.",
    },
    "review",
  );
  await returnForChanges(daniel, {
    personId: submitted!.subjectId,
    expectedSelfVersion: submitted!.version,
    message: "Please add your treasury work.",
  });
});
afterAll(() => demo.testDb.dispose());

describe(`exports show no more than the pages (${driverUnderTest})`, () => {
  it("the demo data holds what must be hidden: drafts with figures, unfinalized reviews, a returned self", async () => {
    const drafts = await demo.testDb.db
      .select({ id: assessments.id })
      .from(assessments)
      .where(and(eq(assessments.kind, "self"), eq(assessments.status, "draft"), isNotNull(assessments.s1)));
    expect(drafts.length).toBeGreaterThan(0);
    const pending = await demo.testDb.db
      .select({ id: assessments.id })
      .from(assessments)
      .where(and(eq(assessments.kind, "manager"), ne(assessments.status, "finalized")));
    expect(pending.length).toBeGreaterThan(0);
  });

  it("a manager's export holds no figures of a report's draft self-assessment", async () => {
    const rows = await exportOf(daniel);
    const reportsDrafts = rows.filter((r) => r.kind === "self" && r.status === "draft" && r.email !== daniel.email);
    expect(reportsDrafts.length).toBeGreaterThan(0);
    expect(reportsDrafts.filter(hasFigures)).toEqual([]);
    // What the review page shows stays: submitted and returned selves, his own reviews in progress.
    expect(rows.some((r) => r.kind === "self" && r.status === "returned" && hasFigures(r))).toBe(true);
    expect(rows.some((r) => r.kind === "manager" && r.status === "submitted" && hasFigures(r))).toBe(true);
  });

  for (const who of ["leader", "admin"] as const) {
    it(`${who === "admin" ? "an" : "a"} ${who}'s export holds only finalized reviews, and no figures of draft or returned selves`, async () => {
      const rows = await exportOf(who === "leader" ? leader : admin);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.filter((r) => r.kind === "manager" && r.status !== "finalized")).toEqual([]);
      const unsubmitted = rows.filter((r) => r.kind === "self" && (r.status === "draft" || r.status === "returned"));
      expect(new Set(unsubmitted.map((r) => r.status))).toEqual(new Set(["draft", "returned"]));
      expect(unsubmitted.filter(hasFigures)).toEqual([]);
      expect(rows.some((r) => r.kind === "self" && r.status === "submitted" && hasFigures(r))).toBe(true);
    });
  }

  it("an employee still exports their own draft as typed", async () => {
    const rows = await exportOf(maya);
    expect(rows.every((r) => r.email === maya.email)).toBe(true);
    expect(rows.some((r) => r.kind === "self" && r.status === "draft" && hasFigures(r))).toBe(true);
    expect(rows.filter((r) => r.kind === "manager" && r.status !== "finalized")).toEqual([]);
  });
});
