import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { csvText } from "@/lib/csv";

const roundTrip = (cells: unknown[]) => Papa.parse<string[]>(csvText([cells]), { skipEmptyLines: true }).data[0];

describe("csvText", () => {
  it("neutralises every cell a spreadsheet would run as a formula", () => {
    const hostile = ["=1+1", "+1+1", "-2+3+cmd|' /C calc'!A0", "@SUM(A1)", "\t=1", "\r=1", "-", "-1 ", "- 1", "+5"];
    expect(roundTrip(hostile)).toEqual(hostile.map((c) => `'${c}`));
  });

  it("keeps plain numbers, negative ones included, as numbers", () => {
    expect(roundTrip([-3, -0.5, "-0.50", "-12", "17", 0, "3.25"])).toEqual([
      "-3",
      "-0.5",
      "-0.50",
      "-12",
      "17",
      "0",
      "3.25",
    ]);
  });

  it("leaves ordinary text alone and quotes what CSV needs quoted", () => {
    expect(roundTrip(["Maya Chen", "FP&A, Finance", 'say "hi"', "a-b", ""])).toEqual([
      "Maya Chen",
      "FP&A, Finance",
      'say "hi"',
      "a-b",
      "",
    ]);
    expect(csvText([["a", "b"]])).toBe("a,b\r\n");
  });
});
