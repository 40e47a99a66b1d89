import type { NextRequest } from "next/server";
import { databaseAnswers } from "@/db";
import { handlers } from "@/lib/auth";
import { sameOriginHandler } from "@/lib/request-origin";
import { calmWhenDatabaseDown } from "@/lib/route-handler";

/**
 * Auth.js turns any failure inside a sign-in (the database away, say) into a redirect to its error
 * page with error=Configuration: when the database is what failed, the page says so calmly.
 */
async function outageAware(response: Response) {
  const location = response.headers.get("location");
  if (!location?.includes("error=Configuration") || (await databaseAnswers())) return response;
  return Response.redirect(new URL("/login/sso-refused?reason=database", location), 303);
}

export const GET = calmWhenDatabaseDown("json", async (request: Request) =>
  outageAware(await handlers.GET(request as NextRequest)),
);
// Auth.js checks its own CSRF token too; the origin check refuses a foreign page before it runs.
export const POST = sameOriginHandler(
  "application/x-www-form-urlencoded",
  calmWhenDatabaseDown("json", async (request: Request) => outageAware(await handlers.POST(request as NextRequest))),
);
