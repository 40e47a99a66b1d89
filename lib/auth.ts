import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { startSession } from "@/db/queries/sessions";
import { EMAIL_MAX, PASSWORD_MAX } from "@/lib/limits";
import { clientAddress, verifySignIn } from "@/lib/sign-in";
import { authConfig } from "./auth.config";

class InvalidCredentials extends CredentialsSignin {
  code = "invalid";
}
class TooManyAttempts extends CredentialsSignin {
  code = "throttled";
}
class AccountDeactivated extends CredentialsSignin {
  code = "deactivated";
}

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().max(EMAIL_MAX),
  password: z.string().max(PASSWORD_MAX),
});

/** The client's address for logs and records; "unknown" without a trusted proxy (see clientAddress in lib/sign-in.ts). */
export function clientIp(headers: Headers) {
  return clientAddress(headers) ?? "unknown";
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  logger: {
    error(error) {
      // A refused sign-in is an answer to the user, not a server fault.
      if (error instanceof CredentialsSignin) return;
      console.error(error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) throw new InvalidCredentials();
        const ip = clientAddress(request.headers);
        const outcome = await verifySignIn({ ...parsed.data, ip });
        switch (outcome.result) {
          case "ok":
            return {
              id: String(outcome.person.id),
              name: outcome.person.name,
              email: outcome.person.email,
              role: outcome.person.appRole,
              sessionId: await startSession({
                personId: outcome.person.id,
                ip: ip ?? undefined,
                userAgent: request.headers.get("user-agent"),
              }),
            };
          case "throttled":
            throw new TooManyAttempts();
          case "deactivated":
            throw new AccountDeactivated();
          default:
            throw new InvalidCredentials();
        }
      },
    }),
  ],
});
