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

// Route handlers under api/ answer 401 themselves; keeping them out of the proxy also keeps it from
// buffering request bodies, which it cuts short at 10 MB (the import route refuses those whole).
export const config = {
  matcher: [
    "/((?!login|forgot-password|set-password|mail-preferences|api/|_next/static|_next/image|favicon.ico|icon.svg).*)",
  ],
};
