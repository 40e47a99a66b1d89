import fs from "node:fs";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

// A bare `npx playwright test` on PGlite starts from an empty database folder of its own, removed
// when the run ends, so a second run never meets the first one's state. This file is loaded again
// in every worker: they inherit the variable set here and so make no folder of their own.
// `npm test` (scripts/test.mjs) and anyone who sets PGLITE_DATA_DIR keep their own folder.
if (!process.env.PGLITE_DATA_DIR && !process.env.DATABASE_URL) {
  fs.mkdirSync("data", { recursive: true });
  const fresh = fs.mkdtempSync(path.join("data", "e2e-"));
  process.env.PGLITE_DATA_DIR = fresh;
  process.on("exit", () => {
    fs.rmSync(fresh, { recursive: true, force: true });
    fs.rmSync(`${fresh}.lock`, { force: true });
  });
}

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;
// The SMTP server e2e/global-setup.ts starts (E2E_SMTP_PORT in e2e/mailbox.ts).
const smtpPort = port + 1000;
const browser = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"],
  },
};

export default defineConfig({
  testDir: "./e2e",
  // Single sign-on runs against its own server and identity providers: playwright.sso.config.ts.
  testIgnore: ["sso/**"],
  globalSetup: "./e2e/global-setup.ts",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/e2e-results.json" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    // Signs in each demo role once and stores the session in e2e/.auth for the specs.
    { name: "setup", testMatch: "**/auth.setup.ts", use: browser },
    { name: "chromium", dependencies: ["setup"], use: browser },
  ],
  webServer: {
    command: `node node_modules/next/dist/bin/next start -p ${port}`,
    url: `${baseURL}/login`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      NEXT_TELEMETRY_DISABLED: "1",
      AUTH_SECRET: "e2e-only-secret-not-for-production-use-000000",
      // A production server on PostgreSQL refuses to start without it (instances must share it).
      NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: "ZTJlLW9ubHkta2V5LW5vdC1mb3ItcHJvZHVjdGlvbiE=",
      LEVERAGE_DEMO: "1",
      SMTP_URL: `smtp://mailer:mail-secret@127.0.0.1:${smtpPort}`,
      MAIL_FROM: "Leverage Ladder <ladder@northwind.example>",
      APP_URL: baseURL,
      ...(process.env.PGLITE_DATA_DIR ? { PGLITE_DATA_DIR: process.env.PGLITE_DATA_DIR } : {}),
      ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
    },
  },
});
