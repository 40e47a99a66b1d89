import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readReferenceFile, referenceFolder } from "@/db/reference-data";
import { aiExposure } from "./formulas";
import {
  type AutomationLevel,
  compareWithResearch,
  type ExposureLabel,
  mixFromTaskLevels,
  occupationBeta,
  openingVerbs,
  researchReading,
  suggestedLevel,
} from "./research";

const manifest = JSON.parse(readFileSync(path.join(referenceFolder, "manifest.json"), "utf8"));
const TASKS = "occupation-tasks.tsv.gz";
const taskRows = readReferenceFile(referenceFolder, TASKS, manifest.files[TASKS]);
const labelsByCode = new Map<string, { human: ExposureLabel[]; gpt4: ExposureLabel[] }>();
for (const [code, , , human, gpt4] of taskRows) {
  const entry = labelsByCode.get(code!) ?? { human: [], gpt4: [] };
  entry.human.push(Number(human) as ExposureLabel);
  entry.gpt4.push(Number(gpt4) as ExposureLabel);
  labelsByCode.set(code!, entry);
}

// Rows copied unchanged from the published occ_level.csv (tests/fixtures/README.md).
const published = readFileSync(path.join(import.meta.dirname, "../../tests/fixtures/occ_level-sample.csv"), "utf8")
  .trim()
  .split("\n")
  .slice(1)
  .map((line) => {
    const cells = line.match(/("[^"]*"|[^,]+)/g)!;
    return {
      code: cells[0]!,
      title: cells[1]!.replace(/^"|"$/g, ""),
      gpt4Beta: Number(cells[3]),
      humanBeta: Number(cells[6]),
    };
  });

describe("occupationBeta", () => {
  it("is E1 + 0.5·E2 over the tasks", () => {
    expect(occupationBeta([1, 1, 2, 0])).toBe(0.625);
    expect(occupationBeta([0, 0])).toBe(0);
    expect(occupationBeta([1])).toBe(1);
    expect(occupationBeta([])).toBeNaN();
  });

  it("has the shape of the ladder's exposure: tasks spread over levels 1 and 2 give E = 100·beta", () => {
    expect(occupationBeta([1, 2, 2, 0]) * 100).toBe(aiExposure({ s1: 25, s2: 50, s3: 25, s4: 0, s5: 0 }));
  });

  it(`reproduces the published occ_level.csv beta of ${published.length} occupations from their task labels`, () => {
    expect(published.length).toBeGreaterThanOrEqual(20);
    for (const occupation of published) {
      const labels = labelsByCode.get(occupation.code);
      expect(labels, occupation.code).toBeDefined();
      expect(occupationBeta(labels!.human), `${occupation.title} (annotators)`).toBeCloseTo(occupation.humanBeta, 9);
      expect(occupationBeta(labels!.gpt4), `${occupation.title} (GPT-4)`).toBeCloseTo(occupation.gpt4Beta, 9);
    }
  });
});

describe("suggestedLevel", () => {
  const examples: { statement: string; exposure: ExposureLabel; automation: AutomationLevel; level: number }[] = [
    // E1 with high automation: task execution
    {
      statement: "Prepare all materials for transactions or execution of deals.",
      exposure: 1,
      automation: 3,
      level: 1,
    },
    { statement: "Complete contract forms, prepare change of address records.", exposure: 1, automation: 4, level: 1 },
    // exposed, but the work stays and gets accelerated
    { statement: "Conduct financial analyses related to investments.", exposure: 1, automation: 2, level: 2 },
    { statement: "Recommend investments and investment timing to companies.", exposure: 2, automation: 3, level: 2 },
    { statement: "Draw charts and graphs, using computer spreadsheets.", exposure: 2, automation: 4, level: 2 },
    // not exposed: by what the task does
    { statement: "Negotiate or approve contracts or agreements with suppliers.", exposure: 0, automation: 1, level: 3 },
    { statement: "Advise clients on aspects of capitalization.", exposure: 0, automation: 1, level: 3 },
    { statement: "Develop and maintain client relationships.", exposure: 0, automation: 1, level: 4 },
    { statement: "Supervise, train, or mentor junior team members.", exposure: 0, automation: 1, level: 4 },
    {
      statement: "Coordinate the development or implementation of budgetary control systems.",
      exposure: 0,
      automation: 2,
      level: 4,
    },
    {
      statement: "Direct or coordinate an organization's financial or budget activities.",
      exposure: 0,
      automation: 2,
      level: 5,
    },
    {
      statement: "Direct, plan, or implement policies, objectives, or activities of organizations.",
      exposure: 0,
      automation: 1,
      level: 5,
    },
    { statement: "Set up and operate machines to cut stock.", exposure: 0, automation: 1, level: 3 },
    {
      statement: "Establish departmental responsibilities and coordinate functions among departments.",
      exposure: 0,
      automation: 1,
      level: 5,
    },
    {
      statement: "Purchase investments for companies in accordance with company policy.",
      exposure: 0,
      automation: 3,
      level: 3,
    },
  ];
  it.each(examples)("$statement (E$exposure, T$automation) → level $level", (example) => {
    expect(suggestedLevel(example)).toBe(example.level);
  });

  it("reads a statement's opening verbs joined by or/and", () => {
    expect(openingVerbs("Direct or coordinate an organization's budget.")).toEqual(["direct", "coordinate"]);
    expect(openingVerbs("Supervise, train, or mentor staff.")).toEqual(["supervise"]);
    expect(openingVerbs("Review and analyze legislation.")).toEqual(["review", "analyze"]);
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
