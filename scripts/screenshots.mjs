// Signs in as each demo role and screenshots its pages: `node scripts/screenshots.mjs [baseURL]`.
// Writes to ./screenshots (ignored by git); the Organization page also to docs/organization.png.
import fs from "node:fs";
import { chromium } from "@playwright/test";

const baseURL = process.argv[2] ?? "http://localhost:3000";
const password = "ladder-demo";
const shots = [
  { email: "maya.chen@northwind.example", pages: ["/me", "/me/history"] },
  { email: "daniel.okafor@northwind.example", pages: ["/team", "/team/review", "/team/roles"] },
  { email: "priya.raman@northwind.example", pages: ["/organization"] },
  {
    email: "sam.taylor@northwind.example",
    pages: ["/admin", "/admin/cycles", "/admin/people", "/admin/import", "/admin/audit"],
  },
];

fs.mkdirSync("screenshots", { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});
const variants = [
  { width: 1280, colorScheme: "light" },
  { width: 390, colorScheme: "light" },
  { width: 1280, colorScheme: "dark" },
];
for (const { width, colorScheme } of variants) {
  const suffix = `${width}${colorScheme === "dark" ? "-dark" : ""}`;
  const login = await browser.newPage({ viewport: { width, height: 900 }, colorScheme });
  await login.goto(`${baseURL}/login`);
  await login.screenshot({ path: `screenshots/login-${suffix}.png`, fullPage: true });
  await login.close();
  for (const { email, pages } of shots) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
    const page = await context.newPage();
    await page.goto(`${baseURL}/login`);
    await page.getByLabel("Work email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/login"));
    for (const path of pages) {
      await page.goto(`${baseURL}${path}`);
      await page.waitForTimeout(800);
      const file = `screenshots/${path.slice(1).replaceAll("/", "-")}-${suffix}.png`;
      await page.screenshot({ path: file, fullPage: true });
      if (path === "/organization" && suffix === "1280")
        await page.screenshot({ path: "docs/organization.png", clip: { x: 0, y: 0, width: 1280, height: 900 } });
      console.log(file);
    }
    await context.close();
  }
}
await browser.close();
