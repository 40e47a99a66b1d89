import { generateKeyPairSync } from "node:crypto";
import { startOidcProvider } from "../../tests/helpers/oidc-provider";
import { OIDC_CLIENT, OIDC_PORT, OIDC_REDIRECT_URI, ROGUE_OIDC_PORT } from "./oidc";

/** The trusted identity provider and a rogue one that signs with the very same key, for the whole run. */
export default async function globalSetup() {
  const key = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" });
  const jwks = { keys: [{ ...key, kid: "e2e-signing-key", use: "sig", alg: "RS256" }] };
  const client = { clientId: OIDC_CLIENT.id, clientSecret: OIDC_CLIENT.secret, redirectUri: OIDC_REDIRECT_URI, jwks };
  const trusted = await startOidcProvider({ port: OIDC_PORT, ...client });
  const rogue = await startOidcProvider({ port: ROGUE_OIDC_PORT, ...client });
  return async () => {
    await trusted.close();
    await rogue.close();
  };
}
