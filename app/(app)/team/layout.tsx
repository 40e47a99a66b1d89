import { SubNav } from "@/components/sub-nav";

export default function TeamLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <SubNav
        label="My team"
        items={[
          { href: "/team", label: "Trends" },
          { href: "/team/review", label: "Review" },
          { href: "/team/roles", label: "Roles" },
          { href: "/team/research", label: "Against the research" },
        ]}
      />
      {children}
    </>
  );
}
