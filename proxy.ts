import { type NextFetchEvent, type NextRequest, NextResponse } from "next/server";
import NextAuth from "next-auth";
import { authConfig } from "@/lib/auth.config";
import { contentSecurityPolicy, sendsHsts } from "@/lib/content-security-policy";
import { isAllowedOrigin } from "@/lib/request-origin";

const { auth } = NextAuth(authConfig);

const PUBLIC_PATHS = /^\/(login|forgot-password|set-password|mail-preferences)(\/|$)/;
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The request on its way, with a fresh nonce for its Content-Security-Policy (and HSTS on HTTPS). */
function withSecurityHeaders(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  if (sendsHsts(request.nextUrl, process.env.APP_URL))
    response.headers.set("strict-transport-security", "max-age=31536000; includeSubDomains");
  return response;
}

const signedInOrRedirected = auth((request) => {
  const { pathname } = request.nextUrl;
  if (!request.auth && !PUBLIC_PATHS.test(pathname)) {
    const url = new URL("/login", request.nextUrl);
    const target = pathname + request.nextUrl.search;
    if (target !== "/") url.searchParams.set("callbackUrl", target);
    return Response.redirect(url);
  }
  return withSecurityHeaders(request);
}) as unknown as (request: NextRequest, event: NextFetchEvent) => Promise<Response>;

// Redirects, the origin check and the per-request CSP only: every page and action checks who is
// asking in the data-access layer.
export default function proxy(request: NextRequest, event: NextFetchEvent) {
  if (SAFE_METHODS.has(request.method)) return signedInOrRedirected(request, event);
  // A POST to a page is a server action. Next's own check trusts X-Forwarded-Host; this one does not.
  // Route handlers under /api check their own origin and media type (lib/request-origin.ts).
  if (!request.nextUrl.pathname.startsWith("/api/") && !isAllowedOrigin(request.headers)) {
    return new Response("Cross-origin requests are refused.", { status: 403 });
  }
  // The action checks the session itself (lib/dal.ts, signed out: to /login); reading and re-issuing
  // the session cookie here too doubled the cost of every save. A form posted without JavaScript
  // answers with a page, and gets its nonce and policy.
  return withSecurityHeaders(request);
}

// Route handlers under api/ answer 401 and check their origin themselves; keeping them out of the proxy
// also keeps it from buffering request bodies, which it cuts short at 10 MB (the import route refuses those whole).
// An action called from the page (Next-Action) answers with React's flight data, never a document, and
// checks its origin itself (refuseCrossOriginAction, lib/actions.ts): running the proxy for it cost each
// save about 1.5 ms of server CPU. The public pages' actions still pass here too.
export const config = {
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico|icon.svg).*)",
      missing: [{ type: "header", key: "next-action" }],
    },
    "/login/:path*",
    "/forgot-password/:path*",
    "/set-password/:path*",
    "/mail-preferences/:path*",
  ],
};
