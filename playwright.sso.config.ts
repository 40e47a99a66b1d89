import { defineConfig } from "@playwright/test";
import { OIDC_CLIENT, OIDC_ISSUER, OIDC_NAME, SSO_APP_PORT, SSO_APP_URL } from "./e2e/sso/oidc";
import base from "./playwright.config";

/**
 * Single sign-on, end to end: the same suite settings, but a server of its own configured with
 * OIDC_* against the identity providers e2e/sso/global-setup.ts starts. `npm test` runs it after
 * the main Playwright run.
 */
const baseServer = Array.isArray(base.webServer) ? base.webServer[0] : base.webServer;
const { SMTP_URL: _smtp, ...baseEnv } = baseServer?.env ?? {};
// The browser only: these specs sign in themselves, without the stored role sessions.
const chromium = base.projects?.find((project) => project.name === "chromium");

export default defineConfig({
  ...base,
  testDir: "./e2e/sso",
  testIgnore: [],
  globalSetup: "./e2e/sso/global-setup.ts",
  // Its own artifacts folder, so this run does not wipe the main run's traces.
  outputDir: "test-results/sso",
  reporter: [["list"], ["json", { outputFile: "test-results/e2e-sso-results.json" }]],
  use: { ...base.use, baseURL: SSO_APP_URL },
  projects: [{ name: "chromium", use: chromium?.use }],
  webServer: {
    ...baseServer,
    command: `node node_modules/next/dist/bin/next start -p ${SSO_APP_PORT}`,
    url: `${SSO_APP_URL}/login`,
    env: {
      ...baseEnv,
      APP_URL: SSO_APP_URL,
      OIDC_ISSUER,
      OIDC_CLIENT_ID: OIDC_CLIENT.id,
      OIDC_CLIENT_SECRET: OIDC_CLIENT.secret,
      OIDC_NAME,
    },
  },
});
