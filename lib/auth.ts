import "server-only";
import { headers } from "next/headers";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { recordAudit } from "@/db/queries/audit";
import { startSession } from "@/db/queries/sessions";
import { ssoConfig } from "@/lib/env";
import { EMAIL_MAX, PASSWORD_MAX } from "@/lib/limits";
import { clientAddress, clientIp, passwordSignInAllowed, verifySignIn } from "@/lib/sign-in";
import { resolveSsoSignIn } from "@/lib/sso";
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
class PasswordSignInOff extends CredentialsSignin {
  code = "sso_only";
}

/** The Auth.js provider id: the app's redirect URL is /api/auth/callback/oidc. */
export const SSO_PROVIDER_ID = "oidc";

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().max(EMAIL_MAX),
  password: z.string().max(PASSWORD_MAX),
});

function ssoProviders() {
  const sso = ssoConfig();
  if (!sso) return [];
  return [
    {
      id: SSO_PROVIDER_ID,
      name: sso.name,
      type: "oidc" as const,
      issuer: sso.issuer,
      clientId: sso.clientId,
      clientSecret: sso.clientSecret,
      // PKCE and state bind the answer to this browser's request; nonce binds the ID token to it.
      checks: ["pkce", "state", "nonce"] as ("pkce" | "state" | "nonce")[],
      authorization: { params: { scope: "openid email profile" } },
    },
  ];
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  pages: { ...authConfig.pages, error: "/login/sso-refused" },
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
            if (!(await passwordSignInAllowed(outcome.person))) {
              await recordAudit({
                actorId: outcome.person.id,
                action: "sign_in.refused_sso_only",
                ip: ip ?? undefined,
              });
              throw new PasswordSignInOff();
            }
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
    ...ssoProviders(),
  ],
  callbacks: {
    ...authConfig.callbacks,
    async signIn({ user, account, profile }) {
      if (account?.provider !== SSO_PROVIDER_ID) return true;
      const requestHeaders = await headers();
      const outcome = await resolveSsoSignIn(profile ?? {}, {
        ip: clientIp(requestHeaders),
        userAgent: requestHeaders.get("user-agent"),
      });
      if (outcome.result !== "ok") return `/login/sso-refused?reason=${outcome.result}`;
      // The provider's subject is replaced by the person it was matched to, as a password sign-in would.
      Object.assign(user, {
        id: String(outcome.person.id),
        name: outcome.person.name,
        email: outcome.person.email,
        role: outcome.person.appRole,
        sessionId: outcome.sessionId,
      });
      return true;
    },
  },
});
