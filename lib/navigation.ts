import type { AppRole } from "@/db/schema";

const NAV_ITEMS = [
  { href: "/me", label: "My assessment", roles: ["employee", "manager", "leader", "admin"] },
  { href: "/me/history", label: "My history", roles: ["employee", "manager", "leader", "admin"] },
  { href: "/team", label: "My team", roles: ["manager"] },
  { href: "/organization", label: "Organization", roles: ["leader", "admin"] },
  { href: "/admin", label: "Admin", roles: ["admin"] },
] as const satisfies readonly { href: string; label: string; roles: readonly AppRole[] }[];

export function navItemsFor(role: AppRole) {
  return NAV_ITEMS.filter((item) => (item.roles as readonly AppRole[]).includes(role)).map(({ href, label }) => ({
    href,
    label,
  }));
}
