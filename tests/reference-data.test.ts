import { createHash } from "node:crypto";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureReferenceData, ReferenceDataError, referenceFolder } from "@/db/reference-data";
import { occupationAiApplicability, occupations, occupationTasks, referenceDatasets } from "@/db/schema";
import { createTestDatabase, driverUnderTest } from "./helpers/test-db";

const manifest = JSON.parse(readFileSync(path.join(referenceFolder, "manifest.json"), "utf8"));
const TASKS = "occupation-tasks.tsv.gz";

/** A copy of db/reference/ where `damage` rewrites one file (and, if asked, the manifest to match). */
function damagedCopy(damage: (bytes: Buffer) => Buffer, updateManifestChecksum = false) {
  const folder = mkdtempSync(path.join(tmpdir(), "ll-reference-"));
  for (const name of ["manifest.json", "occupations.tsv.gz", TASKS, "ai-applicability.tsv.gz"]) {
    copyFileSync(path.join(referenceFolder, name), path.join(folder, name));
  }
  const damaged = damage(readFileSync(path.join(folder, TASKS)));
  writeFileSync(path.join(folder, TASKS), damaged);
  if (updateManifestChecksum) {
    const copy = structuredClone(manifest);
    copy.files[TASKS].sha256 = createHash("sha256").update(damaged).digest("hex");
    writeFileSync(path.join(folder, "manifest.json"), JSON.stringify(copy));
  }
  return folder;
}

describe(`the O*NET reference data loader (${driverUnderTest})`, () => {
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  const folders: string[] = [];
  beforeAll(async () => {
    testDb = await createTestDatabase();
  });
  afterAll(async () => {
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
    await testDb.dispose();
  });

  it("refuses a truncated file and loads nothing", async () => {
    const folder = damagedCopy((bytes) => bytes.subarray(0, Math.floor(bytes.length / 2)));
    folders.push(folder);
    await expect(ensureReferenceData(testDb.db, folder)).rejects.toThrow(ReferenceDataError);
    await expect(ensureReferenceData(testDb.db, folder)).rejects.toThrow(/damaged or truncated/);
    const [row] = await testDb.db.select({ n: count() }).from(occupations);
    expect(row?.n).toBe(0);
  });

  it("refuses a file with rows missing even when its checksum was updated to match", async () => {
    const folder = damagedCopy((bytes) => {
      const lines = gunzipSync(bytes).toString("utf8").split("\n");
      return gzipSync(Buffer.from(lines.filter((_, i) => i !== 5).join("\n")));
    }, true);
    folders.push(folder);
    await expect(ensureReferenceData(testDb.db, folder)).rejects.toThrow(
      `holds ${manifest.files[TASKS].rows - 1} rows, expected ${manifest.files[TASKS].rows}`,
    );
  });

  it("loads every occupation and task, with their labels", async () => {
    const result = await ensureReferenceData(testDb.db);
    expect(result.loaded).toBe(true);
    const [occ] = await testDb.db.select({ n: count() }).from(occupations);
    const [tasks] = await testDb.db.select({ n: count() }).from(occupationTasks);
    expect(occ?.n).toBe(923);
    expect(tasks?.n).toBe(19_265);
    const [ceo] = await testDb.db.select().from(occupations).where(eq(occupations.code, "11-1011.00"));
    expect(ceo).toMatchObject({ title: "Chief Executives", publishedBetaHuman: 0.35, publishedBetaGpt4: 0.46 });
    const [task] = await testDb.db.select().from(occupationTasks).where(eq(occupationTasks.id, 8823));
    expect(task).toMatchObject({
      occupationCode: "11-1011.00",
      taskType: "core",
      humanExposure: 0,
      gpt4Exposure: 2,
      gpt4Automation: 2,
    });
    expect(task?.statement).toMatch(/^Direct or coordinate an organization's financial or budget activities/);
    console.log(`Reference data loaded (${driverUnderTest}) in ${Math.round(result.ms)} ms`);
  });

  it("loads the Working with AI scores, and most occupations find theirs by the first seven characters of their code", async () => {
    const [scores] = await testDb.db.select({ n: count() }).from(occupationAiApplicability);
    expect(scores?.n).toBe(785);
    const [ceo] = await testDb.db
      .select()
      .from(occupationAiApplicability)
      .where(eq(occupationAiApplicability.socCode, "11-1011"));
    expect(ceo?.title).toBe("Chief Executives");
    expect(ceo?.score).toBeCloseTo(0.155502898114603, 15);
    // The published score is the mean of its user-goal and AI-action halves.
    expect(ceo!.score).toBeCloseTo((ceo!.scoreUser + ceo!.scoreAi) / 2, 15);
    const [joined] = await testDb.db
      .select({ n: count() })
      .from(occupations)
      .innerJoin(occupationAiApplicability, eq(occupationAiApplicability.socCode, sql`left(${occupations.code}, 7)`));
    console.log(`Join coverage: ${joined?.n} of 923 occupations have a Working with AI score`);
    expect(joined?.n).toBe(893);
  });

  it("is idempotent: a second run finds the same files loaded and changes nothing", async () => {
    const before = await testDb.db.select().from(referenceDatasets);
    const again = await ensureReferenceData(testDb.db);
    expect(again.loaded).toBe(false);
    expect(await testDb.db.select().from(referenceDatasets)).toEqual(before);
    const [tasks] = await testDb.db.select({ n: count() }).from(occupationTasks);
    expect(tasks?.n).toBe(19_265);
  });

  it("reloads over existing rows when the recorded checksum differs, without duplicating them", async () => {
    await testDb.db
      .update(referenceDatasets)
      .set({ sha256: "0".repeat(64) })
      .where(eq(referenceDatasets.name, TASKS));
    const result = await ensureReferenceData(testDb.db);
    expect(result.loaded).toBe(true);
    const [tasks] = await testDb.db.select({ n: count() }).from(occupationTasks);
    expect(tasks?.n).toBe(19_265);
  });
});
