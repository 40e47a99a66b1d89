import NextAuth from "next-auth";
import { authConfig } from "@/lib/auth.config";

const { auth } = NextAuth(authConfig);

// Redirects only: every page and action checks who is asking in the data-access layer.
export default auth((request) => {
  if (request.auth) return;
  const url = new URL("/login", request.nextUrl);
  const target = request.nextUrl.pathname + request.nextUrl.search;
  if (target !== "/") url.searchParams.set("callbackUrl", target);
  return Response.redirect(url);
});

export const config = {
  matcher: ["/((?!login|forgot-password|set-password|api/auth|_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
