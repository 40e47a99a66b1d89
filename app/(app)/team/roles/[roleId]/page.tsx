import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { LevelMixBar } from "@/components/level-mix-bar";
import { RoleResearchPanel } from "@/components/research/role-research-panel";
import { RoleEditor } from "@/components/role-editor/role-editor";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { roleOccupationTasks, roleResearchComparisons } from "@/db/queries/occupations";
import { getRoleMapping } from "@/db/queries/roles";
import { AccessDeniedError } from "@/lib/authz";
import { requireRole } from "@/lib/dal";
import { formatIndex, leverageIndex } from "@/lib/ladder";
import { dateFormatters } from "@/lib/locale";
import { parseId } from "@/lib/params";
import type { RoleEditorValues } from "@/lib/role-schema";
import { linkRoleAction } from "../../research/actions";
import { saveRoleAction } from "../actions";

export const metadata: Metadata = { title: "Edit role" };

export default async function EditRolePage({ params }: { params: Promise<{ roleId: string }> }) {
  const actor = await requireRole("manager");
  const roleId = parseId((await params).roleId);
  if (!roleId) notFound();
  const role = await getRoleMapping(actor, roleId).catch((error: unknown) => {
    if (error instanceof AccessDeniedError) forbidden();
    throw error;
  });
  const [comparison] = await roleResearchComparisons(actor, { roleProfileId: role.id });
  const researchTasks = comparison ? await roleOccupationTasks(actor, [role.id]) : [];
  const formats = await dateFormatters();
  const current = role.versions[0];
  const initial: RoleEditorValues = {
    roleId: role.id,
    baseVersion: current?.version ?? null,
    teamId: role.teamId,
    title: role.title,
    description: current?.description ?? "",
    target: current
      ? {
          s1: String(current.target.s1),
          s2: String(current.target.s2),
          s3: String(current.target.s3),
          s4: String(current.target.s4),
          s5: String(current.target.s5),
        }
      : { s1: "", s2: "", s3: "", s4: "", s5: "" },
    tasks: current?.tasks ?? [],
  };
  return (
    <>
      <PageHeader
        title={`Edit ${role.title}`}
        description={`${role.teamName} · version ${current?.version ?? 0}. Past quarters keep the version that was in force then.`}
      />
      <div className="space-y-6">
        <Card>
          <RoleEditor
            initial={initial}
            teams={[{ id: role.teamId, name: role.teamName }]}
            action={saveRoleAction}
            cancelHref="/team/roles"
            submitLabel="Save as a new version"
          />
        </Card>
        <RoleResearchPanel
          roleId={role.id}
          comparison={comparison ?? null}
          tasks={researchTasks}
          unlinkAction={linkRoleAction}
        />
        <Card
          title="Version history"
          description="Each save is kept; assessments refer to the version in force when they were written."
        >
          <ol className="space-y-4">
            {role.versions.map((v) => (
              <li key={v.id} className="grid gap-2 sm:grid-cols-[11rem_1fr_5rem] sm:items-center">
                <span className="text-sm">
                  <span className="font-medium">Version {v.version}</span>
                  <span className="text-muted block text-xs">
                    {formats.shortDate.format(v.createdAt)}
                    {v.createdBy ? ` by ${v.createdBy}` : ""} · {v.tasks.length} tasks
                  </span>
                </span>
                <LevelMixBar mix={v.target} label={`Version ${v.version} target`} />
                <span className="text-sm tabular-nums sm:text-right">
                  <span className="text-muted">Index </span>
                  {formatIndex(leverageIndex(v.target))}
                </span>
              </li>
            ))}
          </ol>
        </Card>
      </div>
    </>
  );
}
