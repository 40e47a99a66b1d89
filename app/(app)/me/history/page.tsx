import type { Metadata } from "next";
import Link from "next/link";
import { ChartNumbers } from "@/components/charts/chart-numbers";
import { LevelMixHistoryChart } from "@/components/charts/level-mix-history-chart";
import { LevelMixBar } from "@/components/level-mix-bar";
import { ConversationThread, threadComments } from "@/components/review-conversation/thread";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { SimpleTable } from "@/components/ui/simple-table";
import { myClosedQuarters, myLatestTasks, teamTasksDoneWithAi } from "@/db/queries/my-history";
import { myClosedConversations } from "@/db/queries/review-conversation";
import { requireActor } from "@/lib/dal";
import {
  CAPABILITIES,
  CAPABILITY_GROWTH,
  calibrationGap,
  formatIndex,
  formatIndexChange,
  formatPercent,
  LEVELS,
  type LevelMix,
  leverageIndex,
  MIN_SHARED_KEYWORDS,
  movementSentence,
  RATING_ANCHORS,
  SHARE_KEYS,
  sharedKeywords,
} from "@/lib/ladder";
import { dateFormatters } from "@/lib/locale";

export const metadata: Metadata = { title: "My history" };

export default async function MyHistoryPage() {
  const actor = await requireActor();
  const [quarters, latestTasks, teamAi, conversations, formats] = await Promise.all([
    myClosedQuarters(actor),
    myLatestTasks(actor),
    teamTasksDoneWithAi(actor),
    myClosedConversations(actor),
    dateFormatters(),
  ]);

  // The figures that count for a quarter: the manager's final review where there is one, else your own.
  const counted = quarters.map((q) => ({ ...q, mix: (q.manager ?? q.self)!.mix }));
  const first = counted[0];
  const last = counted.at(-1);
  const reading = first && last && first !== last ? movementSentence(first.cycleName, first.mix, last.mix) : null;

  return (
    <>
      <PageHeader
        title="My history"
        description="Your leverage index and level mix, quarter by quarter, and where to grow next."
      />
      {counted.length === 0 ? (
        <Card title="No finished quarters yet">
          <p className="text-muted">
            Your history starts when your first review cycle closes. Until then, complete this quarter&apos;s
            self-assessment on{" "}
            <Link href="/me" className="font-medium text-[var(--color-accent)] underline underline-offset-2">
              My assessment
            </Link>
            .
          </p>
        </Card>
      ) : (
        <div className="space-y-6">
          <Card
            title="Your level mix and leverage index by quarter"
            description="Shares of your working time at each level (stacked, level 1 at the bottom) and your leverage index (line, right axis). Each quarter counts your manager's final review where there is one, else your own."
          >
            {reading && (
              <p className="mb-4 font-medium" data-testid="history-reading">
                {reading}
              </p>
            )}
            <LevelMixHistoryChart
              labels={counted.map((q) => q.cycleName)}
              mixes={counted.map((q) => q.mix)}
              indexes={counted.map((q) => leverageIndex(q.mix))}
              summary={`Your level mix and leverage index over ${counted.length} quarters. ${reading ?? ""}`}
            />
            <ChartNumbers
              caption="Your level mix and leverage index by quarter"
              columns={[...LEVELS.map((l) => `${l.level}. ${l.name}`), "Leverage index"]}
              rows={counted.map((q) => ({
                key: q.cycleId,
                label: q.cycleName,
                values: [...SHARE_KEYS.map((k) => formatPercent(q.mix[k])), formatIndex(leverageIndex(q.mix))],
              }))}
            />
          </Card>

          <Card
            title="You and your manager, side by side"
            description="Your self-assessment next to your manager's final review. The gap is your index minus your manager's."
          >
            <SelfVersusManager quarters={quarters} />
          </Card>

          {conversations.size > 0 && (
            <Card
              title="Conversations with your manager"
              description="What the two of you wrote on each closed quarter's review. Kept, read-only."
            >
              <div className="space-y-6">
                {[...quarters].reverse().flatMap((q) => {
                  const thread = conversations.get(q.cycleId);
                  if (!thread) return [];
                  return [
                    <section key={q.cycleId} aria-labelledby={`conversation-${q.cycleId}`}>
                      <h3 id={`conversation-${q.cycleId}`} className="mb-2 text-sm font-semibold">
                        {q.cycleName}
                      </h3>
                      <ConversationThread
                        comments={threadComments(thread.comments, actor.id, (d) => formats.dateTime.format(d))}
                        acknowledged={
                          thread.acknowledgedAt
                            ? `You have read the final review · ${formats.dateTime.format(thread.acknowledgedAt)}`
                            : null
                        }
                        emptyText="No comments."
                      />
                    </section>,
                  ];
                })}
              </div>
            </Card>
          )}

          <Card
            title="Ways to move up"
            description="Drawn from the durable capabilities that keep their value as AI takes over execution."
          >
            <MoveUpSuggestions quarters={quarters} latestTasks={latestTasks} teamAi={teamAi} />
          </Card>
        </div>
      )}
    </>
  );
}

type Quarters = Awaited<ReturnType<typeof myClosedQuarters>>;

function SelfVersusManager({ quarters }: { quarters: Quarters }) {
  return (
    <SimpleTable
      label="Your self-assessment and your manager's review by quarter"
      caption="Your leverage index and level mix next to your manager's, by quarter"
      pad="py-2 pr-3"
      columns={["Quarter", "You", "Your manager", { label: "Gap", align: "right", pad: "py-2" }]}
    >
      {[...quarters].reverse().map((q) => (
        <tr key={q.cycleId} className="border-b border-line last:border-0">
          <th scope="row" className="py-2 pr-3 text-left font-normal whitespace-nowrap">
            {q.cycleName}
          </th>
          <td className="py-2 pr-3">
            <MixCell mix={q.self?.mix ?? null} label={`Your ${q.cycleName} level mix`} />
          </td>
          <td className="py-2 pr-3">
            <MixCell mix={q.manager?.mix ?? null} label={`Your manager's ${q.cycleName} level mix`} />
          </td>
          <td className="py-2 text-right tabular-nums">
            {q.self && q.manager ? formatIndexChange(calibrationGap(q.self.mix, q.manager.mix)) : "—"}
          </td>
        </tr>
      ))}
    </SimpleTable>
  );
}

function MixCell({ mix, label }: { mix: LevelMix | null; label: string }) {
  if (!mix) return <span className="text-muted">—</span>;
  return (
    <span className="flex items-center gap-3">
      <span className="w-10 font-medium tabular-nums">{formatIndex(leverageIndex(mix))}</span>
      <span className="hidden w-full max-w-48 sm:block">
        <LevelMixBar mix={mix} label={label} />
      </span>
    </span>
  );
}

function MoveUpSuggestions({
  quarters,
  latestTasks,
  teamAi,
}: {
  quarters: Quarters;
  latestTasks: Awaited<ReturnType<typeof myLatestTasks>>;
  teamAi: Awaited<ReturnType<typeof teamTasksDoneWithAi>>;
}) {
  const latest = [...quarters].reverse().find((q) => q.manager?.ratings ?? q.self?.ratings);
  const ratings = latest ? (latest.manager?.ratings ?? latest.self?.ratings)! : null;
  const lowest = ratings ? [...CAPABILITIES].sort((a, b) => ratings[a.key] - ratings[b.key]).slice(0, 2) : [];
  const levelOneTasks = latestTasks.tasks.filter((t) => t.level === 1);
  const matches = levelOneTasks
    .map((task) => {
      const similar = teamAi.tasks
        .map((other) => ({ ...other, shared: sharedKeywords(task.text, other.text) }))
        .filter((other) => other.shared.length >= MIN_SHARED_KEYWORDS)
        .slice(0, 2);
      return { task, similar };
    })
    .filter((m) => m.similar.length > 0);

  return (
    <div className="grid gap-6 md:grid-cols-2">
      <section aria-labelledby="grow-capabilities">
        <h3 id="grow-capabilities" className="text-sm font-semibold">
          Your two lowest-rated capabilities
        </h3>
        {latest && ratings ? (
          <>
            <p className="text-muted mt-1 text-xs">
              From {latest.manager?.ratings ? "your manager's final review" : "your self-assessment"} of{" "}
              {latest.cycleName}.
            </p>
            <ul className="mt-3 space-y-3">
              {lowest.map((c) => (
                <li key={c.key} className="text-sm">
                  <p className="font-medium">
                    {c.name}: {ratings[c.key]} of 5{" "}
                    <span className="text-muted font-normal">
                      — {RATING_ANCHORS[ratings[c.key] - 1]?.label.toLowerCase()}
                    </span>
                  </p>
                  <p className="mt-0.5">{CAPABILITY_GROWTH[c.key]}</p>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="text-muted mt-1 text-sm">No ratings yet.</p>
        )}
      </section>
      <section aria-labelledby="grow-tasks">
        <h3 id="grow-tasks" className="text-sm font-semibold">
          Level-1 tasks colleagues already do with AI
        </h3>
        <p className="text-muted mt-1 text-xs">
          Your level-1 tasks{latestTasks.cycleName ? ` from ${latestTasks.cycleName}` : ""}, matched with tasks that
          colleagues in {teamAi.teamName ?? "your team"} marked &ldquo;AI used&rdquo; in their self-assessments. Two
          tasks match when they share at least {MIN_SHARED_KEYWORDS} key words (words of four letters or more).
        </p>
        {matches.length === 0 ? (
          <p className="text-muted mt-3 text-sm">
            {levelOneTasks.length === 0
              ? "None of your latest tasks is at level 1."
              : "No colleague has marked a similar task as done with AI yet."}
          </p>
        ) : (
          <ul className="mt-3 space-y-3 text-sm" data-testid="ai-task-matches">
            {matches.map(({ task, similar }) => (
              <li key={task.text}>
                <p className="font-medium">{task.text}</p>
                <ul className="text-muted mt-1 space-y-1">
                  {similar.map((other) => (
                    <li key={other.text}>
                      {other.colleagues === 1 ? "1 colleague" : `${other.colleagues} colleagues`}: &ldquo;{other.text}
                      &rdquo; <span className="text-xs">(shared: {other.shared.join(", ")})</span>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
