import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { requireRole } from "@/lib/dal";
import { IMPORT_TEMPLATE } from "@/lib/import/people-csv";
import { ImportClient } from "./import-client";

export const metadata: Metadata = { title: "Import · Admin" };

export default async function ImportPage() {
  await requireRole("admin");
  return (
    <>
      <PageHeader
        title="Import people and teams"
        description="A dry run first shows, row by row, what would be created, changed or rejected and why. Then apply it, all or nothing."
      />
      <ImportClient
        template={`${IMPORT_TEMPLATE}Jo Example,jo@company.example,FP&A,Finance,daniel.okafor@northwind.example,employee\n`}
      />
    </>
  );
}
