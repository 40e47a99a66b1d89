import { expect, type Page, test } from "@playwright/test";
import { demoAccount, expectNoSeriousViolations, signIn } from "../fixtures";
import { OIDC_ISSUER, OIDC_NAME, ROGUE_OIDC_ISSUER } from "./oidc";

const tag = Date.now().toString(36);

/**
 * From the app's sign-in page to the identity provider's login page (not yet signed in there);
 * returns the app's authorization request (its state, PKCE challenge and nonce).
 */
async function startSso(page: Page) {
  await page.goto("/login");
  const authorization = page.waitForRequest((request) => request.url().startsWith(`${OIDC_ISSUER}/auth?`));
  await page.getByRole("button", { name: `Continue with ${OIDC_NAME}` }).click();
  await expect(page.locator('input[name="login"]')).toBeVisible();
  return new URL((await authorization).url());
}

/** The test provider's development login: any password; the login names the account (its email). */
async function signInAtProvider(page: Page, login: string) {
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
}

async function expectSignedOut(page: Page) {
  await page.goto("/me");
  await expect(page).toHaveURL(/\/login/);
}

test("a known person signs in with single sign-on and lands on their page", async ({ page, browser }) => {
  const maya = demoAccount("employee");
  await page.goto("/login");
  await expect(page.getByText("or with your password")).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.screenshot({ path: "screenshots/sso-login.png", fullPage: true });
  const authorization = await startSso(page);
  expect(authorization.searchParams.get("code_challenge_method")).toBe("S256");
  expect(authorization.searchParams.get("nonce")).toBeTruthy();
  await signInAtProvider(page, maya.email.toUpperCase());
  await expect(page).toHaveURL(/\/me$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("banner")).toContainText(maya.name);

  // The same session row as a password sign-in: it is listed, and signing out ends it on the server.
  await page.goto("/account");
  await expect(page.getByText("This browser")).toBeVisible();
  const cookies = await page.context().cookies();
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/login/);
  const replay = await browser.newContext();
  await replay.addCookies(cookies);
  const replayed = await replay.newPage();
  await expectSignedOut(replayed);
  await replay.close();
});

test("an email nobody has is refused with a page that says so, and nobody is created", async ({ page }) => {
  await startSso(page);
  await signInAtProvider(page, `stranger.${tag}@elsewhere.example`);
  await expect(page).toHaveURL(/\/login\/sso-refused\?reason=unknown/);
  await expect(page.getByRole("heading", { name: "No account for this email" })).toBeVisible();
  await expect(page.getByText("Accounts are not created by signing in")).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.screenshot({ path: "screenshots/sso-refused-unknown.png", fullPage: true });
  await expectSignedOut(page);
});

test("a deactivated person is refused", async ({ page, browser }) => {
  const email = `gone.${tag}@northwind.example`;
  await signIn(page, "admin");
  await page.goto("/admin/people/new");
  await page.getByLabel("Name").fill(`Gone ${tag}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Team", { exact: true }).selectOption({ label: "Accounts Payable" });
  await page.getByRole("button", { name: "Add person" }).click();
  await expect(page.getByText(`Gone ${tag} was added.`)).toBeVisible();
  await page.getByRole("button", { name: "Deactivate" }).click();
  await expect(page.getByText(/Deactivated: they cannot sign in/)).toBeVisible();

  const context = await browser.newContext();
  const visitor = await context.newPage();
  await startSso(visitor);
  await signInAtProvider(visitor, email);
  await expect(visitor).toHaveURL(/\/login\/sso-refused\?reason=deactivated/);
  await expect(visitor.getByRole("heading", { name: "This account has been deactivated" })).toBeVisible();
  await expectSignedOut(visitor);
  await context.close();
});

test("an answer from another identity provider with the same client and keys is refused", async ({ page }) => {
  const maya = demoAccount("employee");
  // The app's own authorization request, sent to the rogue provider instead.
  const authorization = await startSso(page);
  await page.goto(authorization.href.replace(OIDC_ISSUER, ROGUE_OIDC_ISSUER));
  await signInAtProvider(page, maya.email);
  await expect(page).toHaveURL(/\/login\/sso-refused/);
  await expect(page.getByRole("heading", { name: "Single sign-on did not complete" })).toBeVisible();
  await page.screenshot({ path: "screenshots/sso-refused-wrong-issuer.png", fullPage: true });
  await expectSignedOut(page);
});

test("without the issuer in the answer, the rogue provider's code is still refused", async ({ page }) => {
  const maya = demoAccount("employee");
  const authorization = await startSso(page);
  // The rogue provider's redirects after its login, followed here so its "iss" parameter can be taken out.
  let stripped = false;
  await page.route(`${ROGUE_OIDC_ISSUER}/interaction/**`, async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    const login = await route.fetch({ maxRedirects: 0 });
    const resume = await page.request.get(new URL(login.headers().location ?? "", ROGUE_OIDC_ISSUER).href, {
      maxRedirects: 0,
    });
    const callback = new URL(resume.headers().location ?? "");
    expect(callback.pathname).toBe("/api/auth/callback/oidc");
    expect(callback.searchParams.get("iss")).toBe(ROGUE_OIDC_ISSUER);
    callback.searchParams.delete("iss");
    stripped = true;
    return route.fulfill({ status: 303, headers: { location: callback.href } });
  });
  await page.goto(authorization.href.replace(OIDC_ISSUER, ROGUE_OIDC_ISSUER));
  await signInAtProvider(page, maya.email);
  await expect(page.getByRole("heading", { name: "Single sign-on did not complete" })).toBeVisible();
  expect(stripped).toBe(true);
  await expectSignedOut(page);
});

test("an admin turns password sign-in off for everyone but admins once SSO works", async ({ page, browser }) => {
  test.setTimeout(90_000);
  const admin = demoAccount("admin");
  await startSso(page);
  await signInAtProvider(page, admin.email);
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto("/admin/sign-in");
  await expect(page.getByText(`${OIDC_ISSUER}`)).toBeVisible();

  // A reset link the employee asked for while passwords still worked (no SMTP here: it is in the outbox).
  const employee = demoAccount("employee").email;
  const asker = await browser.newContext();
  const askerPage = await asker.newPage();
  await askerPage.goto("/forgot-password");
  await askerPage.getByLabel("Work email").fill(employee);
  await askerPage.getByRole("button", { name: "Send me a link" }).click();
  await expect(askerPage.getByText(`If ${employee} belongs to an account here`)).toBeVisible();
  await asker.close();
  const resetMail = page.locator("tbody tr", { hasText: employee }).filter({ hasText: "Reset your" }).first();
  await expect
    .poll(async () => {
      await page.goto("/admin/outbox");
      return resetMail.count();
    })
    .toBeGreaterThan(0);
  const mailsToEmployee = await page.locator("tbody tr", { hasText: employee }).count();
  await resetMail.getByRole("link").click();
  const oldLink = (await page.getByTestId("mail-text").textContent())?.match(/\/set-password\?token=[\w-]+/)?.[0];
  expect(oldLink).toBeTruthy();

  await page.goto("/admin/sign-in");
  await page.getByRole("button", { name: "Turn password sign-in off for everyone but admins" }).click();
  await expect(page.getByText("Password sign-in is off for everyone but admins")).toBeVisible();

  try {
    const context = await browser.newContext();
    const visitor = await context.newPage();
    await visitor.goto("/login");
    await expect(visitor.getByText("Administrators: sign in with a password")).toBeVisible();
    await expect(visitor.getByLabel("Password")).toBeHidden();
    await visitor.screenshot({ path: "screenshots/sso-login-admins-only.png", fullPage: true });
    await visitor.getByText("Administrators: sign in with a password").click();
    await visitor.getByLabel("Work email").fill(demoAccount("employee").email);
    await visitor.getByLabel("Password").fill("ladder-demo");
    await visitor.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(visitor.getByText("Your organisation signs in with single sign-on")).toBeVisible();
    await expectSignedOut(visitor);

    // The old link sets no password now; it says to use single sign-on.
    await visitor.goto(oldLink!);
    await expect(visitor.getByRole("heading", { name: `Sign in with ${OIDC_NAME}` })).toBeVisible();
    await expect(visitor.getByLabel("New password")).toHaveCount(0);

    // No new reset link for them either: the same answer as for any email, and no mail in the outbox.
    const refusals = async () => {
      await page.goto("/admin/audit?action=password_reset.refused_sso_only");
      return page.locator("tbody tr", { hasText: demoAccount("employee").name }).count();
    };
    const refusedBefore = await refusals();
    await visitor.goto("/forgot-password");
    await expect(visitor.getByTestId("sso-only-note")).toContainText(`Continue with ${OIDC_NAME}`);
    await visitor.getByLabel("Work email").fill(employee);
    await visitor.getByRole("button", { name: "Send me a link" }).click();
    await expect(visitor.getByText(`If ${employee} belongs to an administrator's account here`)).toBeVisible();
    await visitor.screenshot({ path: "screenshots/sso-forgot-password.png", fullPage: true });
    await context.close();
    await expect.poll(refusals).toBe(refusedBefore + 1);
    await page.goto("/admin/outbox");
    await expect(page.locator("tbody tr", { hasText: employee })).toHaveCount(mailsToEmployee);

    // Admins keep their password, for when the identity provider is down.
    const adminContext = await browser.newContext();
    const adminPage = await adminContext.newPage();
    await adminPage.goto("/login");
    await adminPage.getByText("Administrators: sign in with a password").click();
    await adminPage.getByLabel("Work email").fill(admin.email);
    await adminPage.getByLabel("Password").fill("ladder-demo");
    await adminPage.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(adminPage).toHaveURL(/\/admin$/);
    await adminContext.close();
  } finally {
    await page.goto("/admin/sign-in");
    await page.getByRole("button", { name: "Let everyone sign in with a password again" }).click();
    await expect(page.getByText("Everyone may sign in with a password again.")).toBeVisible();
  }
});
