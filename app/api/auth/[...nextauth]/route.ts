import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth";
import { sameOriginHandler } from "@/lib/request-origin";

export const { GET } = handlers;
// Auth.js checks its own CSRF token too; the origin check refuses a foreign page before it runs.
export const POST = sameOriginHandler("application/x-www-form-urlencoded", (request: Request) =>
  handlers.POST(request as NextRequest),
);
