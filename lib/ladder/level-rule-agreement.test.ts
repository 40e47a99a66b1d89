import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readReferenceFile, referenceFolder } from "@/db/reference-data";
import { suggestedLevel } from "./level-suggester";
import type { LadderLevel } from "./levels";
import type { AutomationLevel, ExposureLabel } from "./research";

// O*NET statements labelled by reading them against the source text's level definitions, one reason
// each (tests/fixtures/README.md). The labels were written before the rule was tuned.
const labelled = readFileSync(path.join(import.meta.dirname, "../../tests/fixtures/level-labels.tsv"), "utf8")
  .trim()
  .split("\n")
  .slice(1)
  .map((line) => {
    const [id, level, reason] = line.split("\t");
    return { id: Number(id), level: Number(level) as LadderLevel, reason: reason! };
  });

const manifest = JSON.parse(readFileSync(path.join(referenceFolder, "manifest.json"), "utf8"));
const TASKS = "occupation-tasks.tsv.gz";
const tasks = new Map(
  readReferenceFile(referenceFolder, TASKS, manifest.files[TASKS]).map(([, id, , human, , automation, statement]) => [
    Number(id),
    {
      statement: statement!,
      exposure: Number(human) as ExposureLabel,
      automation: Number(automation) as AutomationLevel,
    },
  ]),
);

describe("the level rule on labelled O*NET statements", () => {
  it("covers at least 60 real statements spread over all five levels", () => {
    expect(labelled.length).toBeGreaterThanOrEqual(60);
    for (const level of [1, 2, 3, 4, 5]) expect(labelled.filter((l) => l.level === level).length).toBeGreaterThan(0);
    for (const l of labelled) {
      expect(tasks.has(l.id), `task ${l.id}`).toBe(true);
      expect(l.reason.length).toBeGreaterThan(10);
    }
  });

  it("agrees with the labels on at least 85% of them", () => {
    const misses = labelled.flatMap((l) => {
      const task = tasks.get(l.id)!;
      const suggestion = suggestedLevel(task);
      return suggestion.level === l.level
        ? []
        : [
            `  ${l.id} labelled ${l.level}, rule ${suggestion.level} (${suggestion.matched.join(", ")}): ${task.statement}`,
          ];
    });
    const agreement = (labelled.length - misses.length) / labelled.length;
    console.log(
      `Level rule agreement: ${labelled.length - misses.length} of ${labelled.length} = ${(agreement * 100).toFixed(1)}%\n${misses.join("\n")}`,
    );
    expect(agreement).toBeGreaterThanOrEqual(0.85);
  });
});
