import { passwordStrength } from "./password-strength";

export const PASSWORD_MIN_LENGTH = 12;
/** bcrypt reads at most 72 bytes; 64 characters leaves room and follows NIST's minimum maximum. */
const PASSWORD_MAX_LENGTH = 64;
/** zxcvbn's score below which a password is refused as too easy to guess (2 = "somewhat guessable"). */
const PASSWORD_MIN_SCORE = 2;

/** The parts of an email a password must not be built from. */
export function emailInputs(email: string) {
  const local = email.split("@")[0] ?? "";
  return [email, local, ...local.split(/[._+-]/)].filter((part) => part.length >= 3);
}

/** What is wrong with a new password under the policy, as messages for the field; empty when it is fine. */
export async function passwordPolicyErrors(password: string, email: string): Promise<string[]> {
  if (password.length < PASSWORD_MIN_LENGTH) return [`Use at least ${PASSWORD_MIN_LENGTH} characters.`];
  if (password.length > PASSWORD_MAX_LENGTH) return [`Use at most ${PASSWORD_MAX_LENGTH} characters.`];
  const lower = password.toLowerCase();
  const local = email.split("@")[0]?.toLowerCase() ?? "";
  if (lower.includes(email.toLowerCase()) || (local.length >= 4 && lower.includes(local))) {
    return ["Don't build your password from your email address."];
  }
  const strength = await passwordStrength(password, emailInputs(email));
  if (strength.score < PASSWORD_MIN_SCORE) {
    return [
      `This password is too common or easy to guess${strength.warning ? ` (${strength.warning.replace(/\.$/, "")})` : ""}. Try a few unrelated words together.`,
    ];
  }
  return [];
}
