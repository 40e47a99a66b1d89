import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LinkOccupationForm } from "@/components/research/link-occupation-form";
import { OccupationSearch } from "@/components/research/occupation-search";
import { ResearchAttribution } from "@/components/research-attribution";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { roleResearchComparisons, searchOccupations } from "@/db/queries/occupations";
import { listTeamRoles } from "@/db/queries/roles";
import { requireRole } from "@/lib/dal";
import { linkRoleAction } from "../actions";

export const metadata: Metadata = { title: "Link a role to an occupation" };

export default async function LinkRoleToOccupationPage({
  searchParams,
}: {
  searchParams: Promise<{ role?: string; q?: string }>;
}) {
  const actor = await requireRole("manager");
  const { role: roleParam, q = "" } = await searchParams;
  const role = (await listTeamRoles(actor)).find((r) => String(r.id) === roleParam);
  if (!role) notFound();
  const [results, [linked]] = await Promise.all([
    q ? searchOccupations(actor, q) : Promise.resolve([]),
    roleResearchComparisons(actor, { roleProfileId: role.id }),
  ]);
  return (
    <>
      <PageHeader
        title={`Link ${role.title} to an occupation`}
        description={`Choose the O*NET occupation closest to this role; its published AI exposure then appears beside the role's.${
          linked ? ` Linked now: ${linked.occupationTitle} (${linked.occupationCode}).` : ""
        }`}
      />
      <Card>
        <OccupationSearch defaultValue={q || role.title.split(" ").at(-1)} hidden={{ role: role.id }} />
        {q && (
          <div className="mt-6" aria-live="polite">
            {results.length === 0 ? (
              <p className="text-muted text-sm">No occupation matches “{q}”. Try a shorter word.</p>
            ) : (
              <ul className="divide-y divide-[var(--line)]">
                {results.map((r) => (
                  <li key={r.code} className="flex flex-wrap items-center justify-between gap-2 py-2">
                    <span>
                      <span className="font-medium">{r.title}</span>{" "}
                      <span className="text-muted text-sm tabular-nums">{r.code}</span>
                    </span>
                    {r.code === linked?.occupationCode ? (
                      <span className="text-muted text-sm">Linked now</span>
                    ) : (
                      <LinkOccupationForm
                        action={linkRoleAction}
                        roleId={role.id}
                        occupationCode={r.code}
                        label="Link"
                        accessibleLabel={`Link to ${r.title}`}
                      />
                    )}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        <p className="mt-6 text-sm">
          <Link href={`/team/roles/${role.id}`} className="underline">
            Back to {role.title}
          </Link>
        </p>
        <ResearchAttribution className="mt-3" />
      </Card>
    </>
  );
}
