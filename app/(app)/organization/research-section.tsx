import { ResearchExplorer } from "@/components/research/research-explorer";
import { ResearchAttribution } from "@/components/research-attribution";
import { Card } from "@/components/ui/card";
import { orgRoleResearchPoints } from "@/db/queries/occupations";
import type { Actor } from "@/lib/authz";

/** The organisation's linked roles (in the chosen department) against the published research. */
export async function ResearchSection({ actor, departmentId }: { actor: Actor; departmentId?: number }) {
  const roles = await orgRoleResearchPoints(actor, departmentId);
  const title = "Roles' AI exposure against the published research";
  if (roles.length === 0) {
    return (
      <Card className="mt-6" title={title}>
        <p className="text-muted">
          {departmentId
            ? "No role in this department is linked to an O*NET occupation yet."
            : "No role is linked to an O*NET occupation yet."}{" "}
          Managers link one by starting a role from an occupation in role mapping.
        </p>
      </Card>
    );
  }
  return (
    <Card className="mt-6" title={title}>
      <ResearchExplorer roles={roles} />
      <ResearchAttribution className="mt-3" workingWithAi />
    </Card>
  );
}
