import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.join(import.meta.dirname, "..");

/** Loads playwright.config.ts in a process of its own and says which PGlite folder the server gets. */
function dataDirOfARun(env: Record<string, string | undefined>) {
  const script = `import("./playwright.config.ts").then(({ default: config }) => {
    const dir = config.webServer.env.PGLITE_DATA_DIR ?? null;
    console.log(JSON.stringify({ dir, during: dir !== null && fs.existsSync(dir) && fs.readdirSync(dir).length === 0 }));
  })`;
  const { PGLITE_DATA_DIR: _, DATABASE_URL: __, ...rest } = process.env;
  const out = execFileSync(
    path.join(root, "node_modules", ".bin", "tsx"),
    ["--eval", `import fs from "node:fs"; ${script}`],
    {
      cwd: root,
      env: { ...rest, ...env } as NodeJS.ProcessEnv,
      encoding: "utf8",
    },
  );
  return JSON.parse(out.trim().split("\n").at(-1)!) as { dir: string | null; during: boolean };
}

describe("a bare Playwright run on PGlite", () => {
  it("starts each run on an empty folder of its own and removes it at the end", () => {
    const first = dataDirOfARun({});
    const second = dataDirOfARun({});
    expect(first.during).toBe(true);
    expect(second.during).toBe(true);
    expect(first.dir).not.toBe(second.dir);
    expect(first.dir).not.toBe("data/e2e-pglite");
    expect(fs.existsSync(path.join(root, first.dir!))).toBe(false);
    expect(fs.existsSync(path.join(root, second.dir!))).toBe(false);
  });

  it("keeps the folder it is given (npm test's), and makes none on PostgreSQL", () => {
    const given = fs.mkdtempSync(path.join(root, "data", "e2e-given-"));
    try {
      expect(dataDirOfARun({ PGLITE_DATA_DIR: given }).dir).toBe(given);
      expect(fs.existsSync(given)).toBe(true);
    } finally {
      fs.rmSync(given, { recursive: true, force: true });
    }
    expect(dataDirOfARun({ DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" }).dir).toBeNull();
  });
});
