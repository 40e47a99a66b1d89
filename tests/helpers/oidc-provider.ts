import type { Server } from "node:http";
import Provider, { type Configuration } from "oidc-provider";

/** What the test identity provider says about a login; by default the login is a verified email. */
type OidcIdentity = { email?: string; email_verified?: boolean; name?: string };

export type OidcProviderOptions = {
  port: number;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** Signing keys (JWKS with private parts); a second provider given the same keys signs alike. */
  jwks?: Configuration["jwks"];
  identities?: Record<string, OidcIdentity>;
};

/**
 * A real OpenID Provider (panva's certified oidc-provider) in this process, on localhost:port, with
 * one confidential client. Its development login page accepts any login: the login names the
 * account, and its claims are the identity given for it (else: the login as a verified email).
 * Consent is granted without a page, as a company's IdP does for its own apps.
 */
export async function startOidcProvider(options: OidcProviderOptions) {
  const issuer = `http://localhost:${options.port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    ...(options.jwks ? { jwks: options.jwks } : {}),
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    // The claims go into the ID token itself, which is what Auth.js reads.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ["oidc-test-cookie-key"] },
    async findAccount(_ctx, login) {
      const identity = options.identities?.[login] ?? { email: login, email_verified: true };
      return { accountId: login, claims: () => ({ sub: login, ...identity }) };
    },
    async loadExistingGrant(ctx) {
      const client = ctx.oidc.client;
      const session = ctx.oidc.session;
      if (!client || !session?.accountId) return undefined;
      const existing = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      if (existing) return ctx.oidc.provider.Grant.find(existing);
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
  });
  const server: Server = await new Promise((resolve) => {
    const listening = provider.listen(options.port, () => resolve(listening));
  });
  return {
    issuer,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
