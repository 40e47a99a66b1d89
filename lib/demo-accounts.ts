import type { AppRole } from "@/db/schema";

/** The demo organisation's sign-ins, shown on the sign-in page only in demo mode. */
export const DEMO_PASSWORD = "ladder-demo";

export const DEMO_ACCOUNTS = [
  { role: "employee", name: "Maya Chen", email: "maya.chen@northwind.example" },
  { role: "manager", name: "Daniel Okafor", email: "daniel.okafor@northwind.example" },
  { role: "leader", name: "Priya Raman", email: "priya.raman@northwind.example" },
  { role: "admin", name: "Sam Taylor", email: "sam.taylor@northwind.example" },
] as const satisfies readonly { role: AppRole; name: string; email: string }[];
