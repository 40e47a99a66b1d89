import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth";
import { sameOriginHandler } from "@/lib/request-origin";
import { calmWhenDatabaseDown } from "@/lib/route-handler";

export const GET = calmWhenDatabaseDown("json", (request: Request) => handlers.GET(request as NextRequest));
// Auth.js checks its own CSRF token too; the origin check refuses a foreign page before it runs.
export const POST = sameOriginHandler(
  "application/x-www-form-urlencoded",
  calmWhenDatabaseDown("json", (request: Request) => handlers.POST(request as NextRequest)),
);
