import { chromium } from "@playwright/test";
const baseURL = "http://localhost:3206";
const shots = [
  { email: "daniel.okafor@northwind.example", pages: ["/team/research", "/team/roles/new-from-occupation?q=analyst", "/team/roles/new-from-occupation?q=analyst&code=13-2051.00"] },
  { email: "priya.raman@northwind.example", pages: ["/organization"] },
];
const variants = (process.env.VARIANTS ?? "1280-light,390-light,1280-dark").split(",").map((v) => { const [w, c] = v.split("-"); return { width: Number(w), colorScheme: c }; });
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
for (const { width, colorScheme } of variants) {
  for (const { email, pages } of shots) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
    const page = await context.newPage();
    await page.goto(`${baseURL}/login`);
    await page.getByLabel("Work email").fill(email);
    await page.getByLabel("Password").fill("ladder-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/login"));
    for (const path of pages) {
      await page.goto(`${baseURL}${path}`);
      await page.waitForTimeout(800);
      const name = path.slice(1).replace(/[/?=&.]/g, "-");
      const file = `screenshots/wt6-${name}-${width}-${colorScheme}.png`;
      await page.screenshot({ path: file, fullPage: true });
      console.log(file);
    }
    await context.close();
  }
}
await browser.close();
