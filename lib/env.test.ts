import { afterEach, describe, expect, it, vi } from "vitest";
import { isDemoMode } from "./env";

afterEach(() => vi.unstubAllEnvs());

describe("isDemoMode", () => {
  it("is on for the embedded database and off for PostgreSQL by default", () => {
    vi.stubEnv("LEVERAGE_DEMO", undefined);
    vi.stubEnv("DATABASE_URL", undefined);
    expect(isDemoMode()).toBe(true);
    vi.stubEnv("DATABASE_URL", "postgres://u@localhost:5432/db");
    expect(isDemoMode()).toBe(false);
  });

  it("follows LEVERAGE_DEMO when it is set", () => {
    vi.stubEnv("DATABASE_URL", "postgres://u@localhost:5432/db");
    vi.stubEnv("LEVERAGE_DEMO", "1");
    expect(isDemoMode()).toBe(true);
    vi.stubEnv("DATABASE_URL", undefined);
    vi.stubEnv("LEVERAGE_DEMO", "0");
    expect(isDemoMode()).toBe(false);
  });

  it("refuses a value it does not understand", () => {
    vi.stubEnv("LEVERAGE_DEMO", "yes");
    expect(() => isDemoMode()).toThrow();
  });
});
