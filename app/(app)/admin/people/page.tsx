import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { listPeople, PEOPLE_SORTS, type PeopleSort } from "@/db/queries/admin-people";
import { accessLabel, canInvite } from "@/lib/access-state";
import { requireRole } from "@/lib/dal";
import { dateFormatters } from "@/lib/locale";
import { parseId, parseText } from "@/lib/params";
import { PeopleTable } from "./people-table";

export const metadata: Metadata = { title: "People · Admin" };

const PAGE_SIZE = 25;

type Search = { q?: string; page?: string; sort?: string; dir?: string; status?: string };

export default async function PeoplePage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireRole("admin");
  const params = await searchParams;
  const sort: PeopleSort = (PEOPLE_SORTS as readonly string[]).includes(params.sort ?? "")
    ? (params.sort as PeopleSort)
    : "name";
  const desc = params.dir === "desc";
  const status = params.status === "inactive" || params.status === "all" ? params.status : "active";
  const q = parseText(params.q, 100) ?? "";
  let page = parseId(params.page) ?? 1;
  const { shortDate } = await dateFormatters();
  let result = await listPeople(actor, { page, pageSize: PAGE_SIZE, q, sort, desc, status });
  const lastPage = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
  if (page > lastPage) {
    page = lastPage;
    result = await listPeople(actor, { page, pageSize: PAGE_SIZE, q, sort, desc, status });
  }
  return (
    <>
      <PageHeader title="People" description="Everyone in the organisation, their role and current team.">
        <Link
          href="/admin/people/new"
          className="rounded-md bg-[var(--color-accent)] px-4 py-2 text-sm font-semibold text-white hover:bg-[var(--color-accent-strong)]"
        >
          Add a person
        </Link>
      </PageHeader>
      <Card>
        <search>
          <form method="get" className="mb-4 flex flex-wrap items-end gap-3">
            <div className="min-w-56 flex-1">
              <label htmlFor="q" className="block text-sm font-medium">
                Search name, email or team
              </label>
              <input id="q" name="q" type="search" defaultValue={q} className="input mt-1" />
            </div>
            <div>
              <label htmlFor="status" className="block text-sm font-medium">
                Status
              </label>
              <select id="status" name="status" defaultValue={status} className="input mt-1">
                <option value="active">Active</option>
                <option value="inactive">Deactivated</option>
                <option value="all">All</option>
              </select>
            </div>
            <input type="hidden" name="sort" value={sort} />
            {desc && <input type="hidden" name="dir" value="desc" />}
            <button
              type="submit"
              className="rounded-md border border-line px-4 py-2 text-sm font-medium hover:border-[var(--color-accent)]"
            >
              Search
            </button>
          </form>
        </search>
        <PeopleTable
          rows={result.rows.map(({ hasPassword, lastSignInAt, invitedAt, inviteExpiresAt, ...row }) => {
            const facts = { active: row.active, hasPassword, lastSignInAt, invitedAt, inviteExpiresAt };
            return { ...row, access: accessLabel(facts, shortDate), invitable: canInvite(facts) };
          })}
          total={result.total}
          page={page}
          pageSize={PAGE_SIZE}
          sort={sort}
          desc={desc}
        />
      </Card>
    </>
  );
}
