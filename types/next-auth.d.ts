import type { DefaultSession } from "next-auth";
import type { AppRole } from "@/db/schema";

declare module "next-auth" {
  interface User {
    role?: AppRole;
    sessionId?: string;
  }
  interface Session {
    user: { id: string; role: AppRole } & DefaultSession["user"];
    /** The server-side session row (db/schema.ts `sessions`) this cookie stands for. */
    sessionId?: string;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    id?: string;
    role?: AppRole;
    sid?: string;
  }
}
