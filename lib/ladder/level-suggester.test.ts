import { describe, expect, it } from "vitest";
import { suggestedLevel, suggestLevel } from "./level-suggester";
import { isSimilarTask, sharedKeywords, taskKeywords } from "./task-matching";

describe("suggestLevel", () => {
  it.each([
    ["Format the monthly management accounts pack", 1, ["format"]],
    ["Compile actuals from the ledger", 1, ["compile"]],
    ["Organise competitor pricing data", 1, ["organize"]],
    ["Organizing the shared drive", 1, ["organize"]],
    ["Summarise budget-holder feedback", 2, ["summarize"]],
    ["Draft variance commentary with an AI assistant", 2, ["draft with AI"]],
    ["Format board-pack charts with an AI helper", 2, ["format with AI"]],
    ["Recommend where to reallocate the opex budget", 3, ["recommend"]],
    ["Prioritise which initiatives to model first", 3, ["prioritize"]],
    ["Evaluate trade-offs between hiring plans and margin", 3, ["evaluate"]],
    ["Advise department heads on assumptions", 3, ["advise"]],
    ["Design the rolling-forecast process", 4, ["design process"]],
    ["Designing processes for month-end close", 4, ["design process"]],
    ["Coordinate the budget cycle with AP", 4, ["coordinate"]],
    ["Implement health-score alerts across the book of business", 4, ["implement … across"]],
    ["Allocate success resources across tiers", 5, ["allocate resources"]],
    ["Set priorities for the finance roadmap", 5, ["set priorities"]],
    ["Guide long-term decisions on capital", 5, ["long-term"]],
    ["Guide long term decisions on capital", 5, ["long-term"]],
  ])("%s → level %i", (text, level, matched) => {
    expect(suggestLevel(text)).toEqual({ level, matched });
  });

  it("lets the highest level matched win", () => {
    expect(suggestLevel("Advise on allocating capital across business units")).toEqual({
      level: 5,
      matched: ["allocate resources"],
    });
    expect(suggestLevel("Compile the data and recommend a plan")?.level).toBe(3);
  });

  it("needs every part of a two-word rule and whole-word starts", () => {
    expect(suggestLevel("Draft the weekly update")).toBeNull();
    expect(suggestLevel("Implement the new ledger")).toBeNull();
    expect(suggestLevel("Design the logo")).toBeNull();
    expect(suggestLevel("Reformat nothing; said hi to the team")).toBeNull();
    expect(suggestLevel("Check the email")).toBeNull();
    expect(suggestLevel("")).toBeNull();
  });

  it("ignores case", () => {
    expect(suggestLevel("RECOMMEND A VENDOR")?.level).toBe(3);
    expect(suggestLevel("draft replies with ai")?.level).toBe(2);
  });
});

describe("suggestedLevel for O*NET statements", () => {
  it.each([
    // What the work is decides, whatever the exposure label (the examples).
    ["Advise clients on financial and legal matters, such as investments and taxes.", 1, 2, 3],
    ["Represent clients before taxing authorities and provide support during litigation.", 2, 1, 3],
    ["Recommend improvements to existing or planned logistics processes.", 1, 2, 3],
    ["Coordinate network operations, maintenance, repairs, or upgrades.", 2, 2, 4],
    ["Direct or coordinate an organization's financial or budget activities.", 0, 2, 5],
    // Execution: AI decides between 1 and 2.
    ["Inspect cash on hand, notes receivable and payable, and canceled checks.", 0, 3, 1],
    ["Prepare progress or technical reports.", 1, 3, 1],
    ["Compile and analyze data obtained from monitoring or diagnostic tests.", 2, 2, 2],
    ["Shovel material into containers or bins.", 0, 0, 1],
  ] as const)("%s (E%i, T%i) → level %i", (statement, exposure, automation, level) => {
    expect(suggestedLevel({ statement, exposure, automation }).level).toBe(level);
  });

  it("shares its vocabulary with the self-assessment's suggester", () => {
    const statement = "Recommend improvements in security systems or procedures.";
    expect(suggestedLevel({ statement, exposure: 1, automation: 2 })).toEqual(suggestLevel(statement));
  });
});

describe("task matching", () => {
  it("keeps words of four letters or more, without filler, with plural and -ing endings trimmed", () => {
    expect([...taskKeywords("Preparing the weekly cash reports for the CFO")]).toEqual(["prepar", "cash", "report"]);
    expect([...taskKeywords("Compile actuals from the ledger into the forecast model")]).toEqual([
      "compile",
      "actual",
      "ledger",
      "forecast",
      "model",
    ]);
  });

  it("calls two tasks similar when they share at least two key words", () => {
    expect(sharedKeywords("Prepare the weekly cash report", "Prepare cash reports with AI")).toEqual([
      "prepare",
      "cash",
      "report",
    ]);
    expect(isSimilarTask("Prepare the weekly cash report", "Prepare cash reports with AI")).toBe(true);
    expect(isSimilarTask("Format the management accounts", "Format board charts")).toBe(false);
    expect(isSimilarTask("Key supplier invoices", "Key customer orders")).toBe(false);
  });
});
