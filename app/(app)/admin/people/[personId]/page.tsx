import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { BackLink, PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";
import { getPerson, listTeamsAdmin } from "@/db/queries/admin-people";
import { conversationsOfPerson } from "@/db/queries/review-conversation";
import { accessLabel, accessStateOf, canInvite } from "@/lib/access-state";
import { requireRole } from "@/lib/dal";
import { calendarDate, dateFormatters } from "@/lib/locale";
import { parseId } from "@/lib/params";
import { ActiveForm, EditPersonForm, InvitationForms, MovePersonForm } from "../person-forms";
import { readConversationAction } from "./actions";
import { ConversationReader } from "./conversation-reader";

export const metadata: Metadata = { title: "Person · Admin" };

export default async function PersonPage({
  params,
  searchParams,
}: {
  params: Promise<{ personId: string }>;
  searchParams: Promise<{ created?: string; invited?: string }>;
}) {
  const actor = await requireRole("admin");
  const id = parseId((await params).personId);
  const person = id ? await getPerson(actor, id) : null;
  if (!person) notFound();
  const [teams, conversations, formats, { created, invited }] = await Promise.all([
    listTeamsAdmin(actor),
    conversationsOfPerson(actor, person.id),
    dateFormatters(),
    searchParams,
  ]);
  const teamOptions = teams.map((t) => ({ id: t.id, name: t.name, department: t.department }));
  return (
    <>
      <BackLink href="/admin/people">People</BackLink>
      <PageHeader title={person.name} description={person.email}>
        <StatusBadge status={person.active ? "active" : "inactive"} />
      </PageHeader>
      {created && (
        <p className="mb-4 rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-800 dark:border-green-900 dark:bg-green-950 dark:text-green-200">
          {person.name} was added.{invited === "1" && " An invitation is on its way to them."}
        </p>
      )}
      {invited === "failed" && (
        <p className="mb-4 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200">
          The invitation could not be sent (the mail server refused it). Try “Send invitation” again in a moment.
        </p>
      )}
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title="Details" className="lg:col-span-2">
          <EditPersonForm person={person} />
        </Card>
        <Card title={person.active ? "Deactivate" : "Re-activate"}>
          <ActiveForm personId={person.id} active={person.active} name={person.name} />
        </Card>
        <Card title="Access" className="lg:col-span-3">
          <p className="mb-3 text-sm" data-testid="access-state" data-state={accessStateOf(person)}>
            {accessLabel(person, formats.shortDate)}
            {accessStateOf(person) === "invited" &&
              person.inviteExpiresAt &&
              ` · the link works until ${formats.dateTime.format(person.inviteExpiresAt)}`}
          </p>
          <InvitationForms
            personId={person.id}
            canInvite={canInvite(person)}
            invited={accessStateOf(person) === "invited" || accessStateOf(person) === "invite_expired"}
          />
        </Card>
        <Card title="Team" className="lg:col-span-2">
          <MovePersonForm personId={person.id} teams={teamOptions} currentTeamId={person.currentTeamId} />
          {person.managing.length > 0 && (
            <p className="text-muted mt-4 text-sm">Manages {person.managing.map((t) => t.name).join(", ")}.</p>
          )}
        </Card>
        <Card title="Team history" description="Past cycles keep the team a person had then.">
          {person.history.length === 0 ? (
            <p className="text-sm">Not in a team.</p>
          ) : (
            <ol className="space-y-2 text-sm">
              {person.history.map((h) => (
                <li key={h.id}>
                  <span className="font-medium">{h.team}</span>{" "}
                  <span className="text-muted">
                    {formats.shortDate.format(calendarDate(h.startedOn))} –{" "}
                    {h.endedOn ? formats.shortDate.format(calendarDate(h.endedOn)) : "now"}
                  </span>
                </li>
              ))}
            </ol>
          )}
        </Card>
        <Card
          title="Review conversations"
          description={`What ${person.name} and their manager wrote on each review is theirs. Reading one is recorded in the audit log, with your name.`}
          className="lg:col-span-3"
        >
          {conversations.length === 0 ? (
            <p className="text-sm">No conversation on any review.</p>
          ) : (
            <ul>
              {conversations.map((c) => (
                <ConversationReader
                  key={c.cycleId}
                  action={readConversationAction}
                  personId={person.id}
                  cycleId={c.cycleId}
                  cycleName={c.cycleName}
                  comments={c.comments}
                />
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
