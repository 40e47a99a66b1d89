import { afterEach, describe, expect, it, vi } from "vitest";
import { isDemoMode, missingSharedSecrets } from "./env";

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

describe("missingSharedSecrets", () => {
  const production = { NODE_ENV: "production", DATABASE_URL: "postgres://u@db:5432/ladder" } as const;

  it("names both shared secrets a production server on PostgreSQL lacks", () => {
    expect(missingSharedSecrets({ ...production })).toEqual(["AUTH_SECRET", "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY"]);
    expect(missingSharedSecrets({ ...production, AUTH_SECRET: "s" })).toEqual(["NEXT_SERVER_ACTIONS_ENCRYPTION_KEY"]);
    expect(missingSharedSecrets({ ...production, AUTH_SECRET: "s", NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: "k" })).toEqual(
      [],
    );
  });

  it("asks nothing of the embedded demo or of development", () => {
    expect(missingSharedSecrets({ NODE_ENV: "production" })).toEqual([]);
    expect(missingSharedSecrets({ NODE_ENV: "development", DATABASE_URL: production.DATABASE_URL })).toEqual([]);
  });
});
