import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./callback-path";

describe("safeCallbackPath", () => {
  it.each([
    "/",
    "/organization",
    "/team/review/42",
    "/admin/people?q=tess&page=2",
    "/admin/audit?action=cycle.closed#latest",
    "/admin/people?q=100%25",
    "/admin/people?q=50%",
    "/me/history?from=2025%20Q1",
  ])("keeps the same-site path %s", (path) => {
    expect(safeCallbackPath(path)).toBe(path);
  });

  it.each([
    ["another site", "https://evil.example"],
    ["another site over http", "http://evil.example/organization"],
    ["a protocol-relative URL", "//evil.example"],
    ["a protocol-relative URL with a path", "//evil.example/organization"],
    ["three slashes", "///evil.example"],
    ["a backslash after the slash", "/\\evil.example"],
    ["two backslashes", "\\\\evil.example"],
    ["a slash and backslash", "/\\/evil.example"],
    ["a tab the browser drops", "/\t/evil.example"],
    ["a newline the browser drops", "/\n/evil.example"],
    ["encoded slashes", "/%2F%2Fevil.example"],
    ["an encoded second slash", "/%2Fevil.example"],
    ["an encoded backslash", "/%5Cevil.example"],
    ["double-encoded slashes", "/%252F%252Fevil.example"],
    ["an encoded tab", "/%09/evil.example"],
    ["a fully encoded URL", "%2F%2Fevil.example"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["a data: URL", "data:text/html,hi"],
    ["a relative path", "organization"],
    ["an empty value", ""],
  ])("refuses %s", (_what, path) => {
    expect(safeCallbackPath(path)).toBe("/");
  });

  it("refuses what is not a string (a file field, a missing field)", () => {
    expect(safeCallbackPath(null)).toBe("/");
    expect(safeCallbackPath(new File(["/organization"], "x.txt"))).toBe("/");
  });
});
