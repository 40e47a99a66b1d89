import { request as httpRequest } from "node:http";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/** POSTs a body in chunks with no Content-Length, as a streaming client would, with the page's session. */
async function postChunked(page: Page, path: string, body: string, chunkSize = 1024 * 1024) {
  const url = new URL(path, page.url());
  const cookie = (await page.context().cookies(url.origin)).map((c) => `${c.name}=${c.value}`).join("; ");
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = httpRequest(
      url,
      {
        method: "POST",
        headers: { cookie, origin: url.origin, "content-type": "text/csv", "transfer-encoding": "chunked" },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (d) => {
          text += d;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on("error", reject);
    for (let i = 0; i < body.length; i += chunkSize) req.write(body.slice(i, i + chunkSize));
    req.end();
  });
}

test("an import over the size limit sent without Content-Length is refused, never cut", async ({ adminPage: page }) => {
  await page.goto("/admin/import");
  const header = "name,email,team,department,manager email,role\n";
  const row = (i: number) => `Person ${i},person.${i}@bulk.example,Bulk Team,Bulk Department,,\n`;
  let body = header;
  for (let i = 0; body.length <= 11 * 1024 * 1024; i++) body += row(i);
  const response = await postChunked(page, "/api/admin/import?mode=dry-run", body);
  expect(response.status).toBe(413);
  expect(JSON.parse(response.text).error).toMatch(/larger than 10 MB/);
  // Just under the limit, chunked, is read whole.
  let small = header;
  for (let i = 0; i < 2000; i++) small += row(i);
  const ok = await postChunked(page, "/api/admin/import?mode=dry-run", small);
  expect(ok.status).toBe(200);
  expect(JSON.parse(ok.text).total).toBe(2000);
});
