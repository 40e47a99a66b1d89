import { test as setup } from "@playwright/test";
import { DEMO_ACCOUNTS } from "../lib/demo-accounts";
import { signIn, storageStateFor } from "./fixtures";

// Each demo role signs in once per run; the specs reuse the stored session (see e2e/fixtures.ts).
// Sessions are JWTs that the server re-checks against the person on every request, so a spec that
// signs out in its own context does not end the stored session, and no spec changes these people.
for (const { role } of DEMO_ACCOUNTS) {
  setup(`the demo ${role} signs in once for the run`, async ({ page }) => {
    await signIn(page, role);
    await page.context().storageState({ path: storageStateFor(role) });
  });
}
