import type { NextAuthConfig } from "next-auth";
import { serverEnv } from "./env";

/** The part of the Auth.js config that needs no database, shared by the proxy and the server. */
export const authConfig = {
  pages: { signIn: "/login" },
  // The cookie lives as long as a session may; lib/dal.ts checks the session row on every request.
  session: { strategy: "jwt", maxAge: Math.round(serverEnv().SESSION_MAX_HOURS * 3600) },
  trustHost: true,
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id && user.role && user.sessionId) {
        token.id = user.id;
        token.role = user.role;
        token.sid = user.sessionId;
      }
      return token;
    },
    session({ session, token }) {
      if (token.id && token.role && token.sid) {
        session.user.id = token.id;
        session.user.role = token.role;
        session.sessionId = token.sid;
      }
      return session;
    },
  },
} satisfies NextAuthConfig;
