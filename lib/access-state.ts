/** What a person can do to get in, as the people list and a person's page show it. */
export type AccessState = "deactivated" | "active" | "never_signed_in" | "invited" | "invite_expired" | "no_access";

export type AccessFacts = {
  active: boolean;
  hasPassword: boolean;
  lastSignInAt: Date | null;
  invitedAt: Date | null;
  inviteExpiresAt: Date | null;
};

export function accessStateOf(facts: AccessFacts, now = new Date()): AccessState {
  if (!facts.active) return "deactivated";
  if (facts.lastSignInAt) return "active";
  if (facts.hasPassword) return "never_signed_in";
  if (facts.invitedAt && facts.inviteExpiresAt) return facts.inviteExpiresAt > now ? "invited" : "invite_expired";
  return "no_access";
}

/** `day`: the short date of lib/locale.ts's dateFormatters, in the visitor's locale. */
export function accessLabel(facts: AccessFacts, day: Intl.DateTimeFormat, now = new Date()) {
  const state = accessStateOf(facts, now);
  switch (state) {
    case "deactivated":
      return "Deactivated";
    case "active":
      return `Active · last signed in ${day.format(facts.lastSignInAt!)}`;
    case "never_signed_in":
      return "Never signed in";
    case "invited":
      return `Invited on ${day.format(facts.invitedAt!)}`;
    case "invite_expired":
      return "Invitation expired";
    case "no_access":
      return "Not invited yet";
  }
}

/** Who may get an invitation now: active people without a password of their own. */
export function canInvite(facts: AccessFacts) {
  return facts.active && !facts.hasPassword;
}
