/** Where the single sign-on run listens: its own app server and two identity providers. */
const basePort = Number(process.env.E2E_PORT ?? 3100);

export const SSO_APP_PORT = basePort + 2000;
export const SSO_APP_URL = `http://localhost:${SSO_APP_PORT}`;
/** The identity provider the app trusts (OIDC_ISSUER). */
export const OIDC_PORT = basePort + 3000;
export const OIDC_ISSUER = `http://localhost:${OIDC_PORT}`;
/** Another provider with the same client and the same signing keys, which the app must not trust. */
export const ROGUE_OIDC_PORT = basePort + 3001;
export const ROGUE_OIDC_ISSUER = `http://localhost:${ROGUE_OIDC_PORT}`;
export const OIDC_CLIENT = { id: "leverage-ladder", secret: "e2e-only-oidc-client-secret" } as const;
export const OIDC_NAME = "Northwind ID";
export const OIDC_REDIRECT_URI = `${SSO_APP_URL}/api/auth/callback/oidc`;
