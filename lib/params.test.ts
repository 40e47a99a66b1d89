import { describe, expect, it } from "vitest";
import { parseCalendarDate, parseId, parseText } from "@/lib/params";

describe("query and route parameters", () => {
  it("ids are plain positive integers within the database's range", () => {
    expect(parseId("12")).toBe(12);
    expect(parseId("2147483647")).toBe(2147483647);
    expect(parseId("99999999999", Number.MAX_SAFE_INTEGER)).toBe(99999999999);
    expect(parseId("99999999999999999999999", Number.MAX_SAFE_INTEGER)).toBeNull();
    for (const bad of ["2147483648", "99999999999", "0", "-1", "1e3", "012", "1.5", " 1", "", null, undefined])
      expect(parseId(bad), String(bad)).toBeNull();
  });

  it("dates are real calendar dates", () => {
    expect(parseCalendarDate("2026-02-28")).toBe("2026-02-28");
    expect(parseCalendarDate("2024-02-29")).toBe("2024-02-29");
    for (const bad of ["2026-13-45", "2026-02-30", "2025-02-29", "26-01-01", "2026-1-1", ""])
      expect(parseCalendarDate(bad), bad).toBeUndefined();
  });

  it("text loses control characters and is cut to size", () => {
    expect(parseText("\u0000", 60)).toBeUndefined();
    expect(parseText("cycle\u0000.opened", 60)).toBe("cycle.opened");
    expect(parseText("x".repeat(100), 60)).toHaveLength(60);
  });
});
