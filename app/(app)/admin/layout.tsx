import { SubNav } from "@/components/sub-nav";
import { requireRole } from "@/lib/dal";

const ADMIN_SECTIONS = [
  { href: "/admin", label: "Overview" },
  { href: "/admin/cycles", label: "Cycles" },
  { href: "/admin/people", label: "People" },
  { href: "/admin/teams", label: "Teams" },
  { href: "/admin/import", label: "Import" },
  { href: "/admin/audit", label: "Audit log" },
  { href: "/admin/outbox", label: "Outbox" },
  { href: "/admin/sign-in", label: "Sign-in" },
];

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requireRole("admin");
  return (
    <>
      <SubNav label="Admin" items={ADMIN_SECTIONS} />
      {children}
    </>
  );
}
