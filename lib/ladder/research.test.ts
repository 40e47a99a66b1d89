import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readReferenceFile, referenceFolder } from "@/db/reference-data";
import { aiExposure } from "./formulas";
import {
  compareWithResearch,
  type ExposureLabel,
  mixFromTaskLevels,
  type OccupationTaskType,
  occupationBeta,
  representativeTaskIds,
  researchReading,
  sourcesReading,
  taskWeight,
} from "./research";

const manifest = JSON.parse(readFileSync(path.join(referenceFolder, "manifest.json"), "utf8"));
const read = (name: string) => readReferenceFile(referenceFolder, name, manifest.files[name]);
const TASK_TYPES: Record<string, OccupationTaskType> = { C: "core", S: "supplemental", "": null };

type LabelledTask = { label: ExposureLabel; taskType: OccupationTaskType };
const tasksByCode = new Map<string, { human: LabelledTask[]; gpt4: LabelledTask[] }>();
for (const [code, , type, human, gpt4] of read("occupation-tasks.tsv.gz")) {
  const entry = tasksByCode.get(code!) ?? { human: [], gpt4: [] };
  const taskType = TASK_TYPES[type!]!;
  entry.human.push({ label: Number(human) as ExposureLabel, taskType });
  entry.gpt4.push({ label: Number(gpt4) as ExposureLabel, taskType });
  tasksByCode.set(code!, entry);
}
// The published occ_level.csv figures, as shipped (the cells are copied unchanged from the file).
const published = read("occupations.tsv.gz").map(([code, title, human, gpt4]) => ({
  code: code!,
  title: title!,
  human: Number(human),
  gpt4: Number(gpt4),
}));
// The file prints each figure to float64's full precision (17 significant digits): a recomputed
// figure must agree to the last few units of a double.
const FILE_PRECISION = 1e-15;

describe("occupationBeta", () => {
  it("is E1 + 0.5·E2 over the tasks, Core weighing 2 and the others 1", () => {
    const t = (label: ExposureLabel, taskType: OccupationTaskType = "supplemental") => ({ label, taskType });
    expect(occupationBeta([t(1), t(1), t(2), t(0)])).toBe(0.625);
    expect(occupationBeta([t(0), t(0)])).toBe(0);
    expect(occupationBeta([t(1)])).toBe(1);
    expect(occupationBeta([])).toBeNaN();
    // (2·1 + 1·0 + 1·0.5) / 4
    expect(occupationBeta([t(1, "core"), t(0, null), t(2)])).toBe(0.625);
    expect(taskWeight("core")).toBe(2);
    expect(taskWeight("supplemental")).toBe(1);
    expect(taskWeight(null)).toBe(1);
  });

  it("has the shape of the ladder's exposure: tasks spread over levels 1 and 2 give E = 100·beta", () => {
    const tasks = ([1, 2, 2, 0] as const).map((label) => ({ label, taskType: null }));
    expect(occupationBeta(tasks) * 100).toBe(aiExposure({ s1: 25, s2: 50, s3: 25, s4: 0, s5: 0 }));
  });

  it("reproduces the published beta of all 923 occupations, on both label sources, from their task labels", () => {
    expect(published).toHaveLength(923);
    const mismatches: string[] = [];
    let unweightedMatches = 0;
    for (const occupation of published) {
      const tasks = tasksByCode.get(occupation.code);
      expect(tasks, occupation.code).toBeDefined();
      for (const source of ["human", "gpt4"] as const) {
        const beta = occupationBeta(tasks![source]);
        if (!(Math.abs(beta - occupation[source]) <= FILE_PRECISION))
          mismatches.push(`${occupation.code} ${occupation.title} (${source}): ${beta} ≠ ${occupation[source]}`);
        const unweighted = occupationBeta(tasks![source].map((task) => ({ ...task, taskType: null })));
        if (Math.abs(unweighted - occupation[source]) <= FILE_PRECISION) unweightedMatches++;
      }
    }
    expect(mismatches).toEqual([]);
    // The weighting matters: an unweighted mean matches only about a quarter of the 1,846 figures.
    expect(unweightedMatches).toBeLessThan(published.length);
  });
});

describe("mixFromTaskLevels", () => {
  it("gives each level its share of the tasks, in whole percents summing to 100", () => {
    expect(mixFromTaskLevels([1, 2, 2, 3])).toEqual({ s1: 25, s2: 50, s3: 25, s4: 0, s5: 0 });
    expect(mixFromTaskLevels([1, 2, 3])).toEqual({ s1: 34, s2: 33, s3: 33, s4: 0, s5: 0 });
    expect(mixFromTaskLevels([5])).toEqual({ s1: 0, s2: 0, s3: 0, s4: 0, s5: 100 });
    expect(mixFromTaskLevels([])).toBeNull();
  });

  it("always sums to 100 for any task list", () => {
    for (let n = 1; n <= 30; n++) {
      const levels = Array.from({ length: n }, (_, i) => ((i * 7) % 5) + 1) as (1 | 2 | 3 | 4 | 5)[];
      const mix = mixFromTaskLevels(levels)!;
      expect(mix.s1 + mix.s2 + mix.s3 + mix.s4 + mix.s5).toBe(100);
    }
  });
});

describe("compareWithResearch", () => {
  it("reads more than 5 points apart as above or below, else similar", () => {
    expect(compareWithResearch(60, 50)).toBe("above");
    expect(compareWithResearch(55, 50)).toBe("similar");
    expect(compareWithResearch(44.9, 50)).toBe("below");
  });

  it("says it in one plain sentence", () => {
    expect(researchReading("Financial Analyst", "above", "people")).toBe(
      "People in the Financial Analyst role spend more time in exposed work than the occupation's average task profile suggests.",
    );
    expect(researchReading("Copywriter", "below", "target")).toMatch(
      /^The Copywriter role's target mix puts less time/,
    );
  });
});

describe("sourcesReading", () => {
  it("says the sources agree when the occupation ranks within a third of each other", () => {
    expect(sourcesReading("Tax Preparers", 0.9, 0.8)).toBe(
      "The two sources roughly agree on Tax Preparers: it is more exposed than 90% of occupations by task exposure and more than 80% by actual AI use.",
    );
  });
  it("names the source that ranks it higher when they disagree", () => {
    expect(sourcesReading("Credit Analysts", 0.95, 0.4)).toBe(
      "The two sources disagree on Credit Analysts: it ranks above 95% of occupations by task exposure (Eloundou) but above only 40% by actual AI use (Working with AI).",
    );
    expect(sourcesReading("Passenger Attendants", 0.1, 0.99)).toMatch(/above 99% of occupations by actual AI use/);
  });
});

describe("representativeTaskIds", () => {
  it("ticks every Core and untyped task when they fit", () => {
    const tasks = [
      { id: 1, label: 0 as const, taskType: "core" as const },
      { id: 2, label: 1 as const, taskType: null },
      { id: 3, label: 2 as const, taskType: "supplemental" as const },
    ];
    expect(representativeTaskIds(tasks, 20)).toEqual(new Set([1, 2]));
  });

  it("keeps the occupation's weighted exposure mix when there are more Core tasks than places", () => {
    // Over every occupation with more than 20 Core tasks, the 20 ticked stay closer to its beta than the first 20.
    let chosenGaps = 0;
    let firstGaps = 0;
    let occupationsOver = 0;
    for (const occupation of published) {
      const tasks = tasksByCode.get(occupation.code)!.human.map((t, i) => ({ ...t, id: i }));
      if (tasks.filter((t) => t.taskType !== "supplemental").length <= 20) continue;
      occupationsOver++;
      const picked = representativeTaskIds(tasks, 20);
      expect(picked.size).toBe(20);
      const chosen = tasks.filter((t) => picked.has(t.id));
      expect(chosen.every((t) => t.taskType !== "supplemental")).toBe(true);
      const first20 = tasks.filter((t) => t.taskType !== "supplemental").slice(0, 20);
      const gap = (list: typeof tasks) => Math.abs(occupationBeta(list) - occupation.human);
      chosenGaps += gap(chosen);
      firstGaps += gap(first20);
      // Rounding 20 places over three labels: within one and a half tasks' share of the occupation's beta.
      expect(gap(chosen), occupation.title).toBeLessThanOrEqual(1.5 / 20 + 1e-12);
    }
    expect(occupationsOver).toBeGreaterThan(10);
    console.log(
      `${occupationsOver} occupations with more than 20 Core tasks: mean beta gap ${((chosenGaps / occupationsOver) * 100).toFixed(2)} points for the 20 ticked, ${((firstGaps / occupationsOver) * 100).toFixed(2)} for the first 20`,
    );
    expect(chosenGaps).toBeLessThan(firstGaps / 2);
  });
});
