import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { countSsoSignIns, getOrganizationSettings } from "@/db/queries/organization-settings";
import { appBaseUrl } from "@/lib/app-url";
import { requireRole } from "@/lib/dal";
import { ssoConfig } from "@/lib/env";
import { PasswordSignInForm } from "./password-sign-in-form";

export const metadata: Metadata = { title: "Sign-in settings" };

export default async function SignInSettingsPage() {
  const actor = await requireRole("admin");
  const sso = ssoConfig();
  const [settings, ssoSignIns] = await Promise.all([getOrganizationSettings(), countSsoSignIns(actor)]);
  const base = appBaseUrl();
  return (
    <>
      <PageHeader
        title="Sign-in"
        description="How people sign in: single sign-on with your identity provider, and passwords."
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Single sign-on (OpenID Connect)">
          {sso ? (
            <dl className="space-y-2 text-sm">
              <div>
                <dt className="text-muted">Identity provider</dt>
                <dd className="break-all font-mono">{sso.issuer}</dd>
              </div>
              <div>
                <dt className="text-muted">Redirect URL to register with it</dt>
                <dd className="break-all font-mono">{`${base}/api/auth/callback/oidc`}</dd>
              </div>
              <div>
                <dt className="text-muted">Sign-ins with single sign-on so far</dt>
                <dd>{ssoSignIns}</dd>
              </div>
            </dl>
          ) : (
            <p className="text-sm">
              Not configured. Set <code>OIDC_ISSUER</code>, <code>OIDC_CLIENT_ID</code> and{" "}
              <code>OIDC_CLIENT_SECRET</code> on the server and register <code>{`${base}/api/auth/callback/oidc`}</code>{" "}
              as the redirect URL with your identity provider (see the README).
            </p>
          )}
        </Card>
        <Card title="Password sign-in">
          <p className="mb-4 text-sm">
            {settings.passwordSignInAdminsOnly && sso
              ? "Off for everyone but admins: people sign in with single sign-on; admins keep their password as a way in if the identity provider is down."
              : "On for everyone."}
          </p>
          {!settings.passwordSignInAdminsOnly && (!sso || ssoSignIns === 0) && (
            <p className="text-muted mb-4 text-sm">
              You can turn it off once single sign-on works: configure it, then sign in with it once.
            </p>
          )}
          <PasswordSignInForm
            adminsOnly={settings.passwordSignInAdminsOnly}
            canTurnOff={Boolean(sso) && ssoSignIns > 0}
          />
        </Card>
      </div>
    </>
  );
}
