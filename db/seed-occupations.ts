/**
 * Links the demo organisation's roles to the O*NET occupations they correspond to, so the role
 * pages and the Organization page can set each role's ladder exposure beside the published research.
 * Product roles have no close O*NET occupation and stay unlinked, as real roles sometimes do.
 * Must not import "server-only": the seed imports it.
 */
import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "./client";
import type { Transaction } from "./helpers";
import { roleProfiles } from "./schema";

const DEMO_ROLE_OCCUPATIONS: Record<string, string> = {
  "Financial Analyst": "13-2051.00", // Financial and Investment Analysts
  "Senior FP&A Analyst": "13-2051.00",
  "FP&A Business Partner": "11-3031.00", // Financial Managers
  "Accounts Payable Clerk": "43-3031.00", // Bookkeeping, Accounting, and Auditing Clerks
  "Accounts Payable Specialist": "43-3031.00",
  "Accounts Payable Team Lead": "43-1011.00", // First-Line Supervisors of Office and Administrative Support Workers
  "Support Specialist": "43-4051.00", // Customer Service Representatives
  "Senior Support Specialist": "43-4051.00",
  "Support Team Lead": "43-1011.00",
  "Customer Success Associate": "43-4051.00",
  "Research Analyst": "13-1161.00", // Market Research Analysts and Marketing Specialists
  "Senior Insights Analyst": "13-1161.00",
  "Content Specialist": "27-3043.00", // Writers and Authors
  Copywriter: "27-3043.00",
  "Brand Strategist": "11-2021.00", // Marketing Managers
  "Data Analyst": "15-2051.01", // Business Intelligence Analysts
  "Senior Data Scientist": "15-2051.00", // Data Scientists
};

export async function linkDemoRolesToOccupations(tx: Transaction | Database) {
  for (const [title, code] of Object.entries(DEMO_ROLE_OCCUPATIONS)) {
    await tx
      .update(roleProfiles)
      .set({ occupationCode: code })
      .where(and(eq(roleProfiles.title, title), isNull(roleProfiles.occupationCode)));
  }
}
