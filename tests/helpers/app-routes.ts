import { readdirSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

/** Every file under app/ with this name, as paths relative to the repository (app/…/page.tsx). */
export function appFiles(name: "page.tsx" | "route.ts" | "actions.ts"): string[] {
  return readdirSync(path.join(root, "app"), { recursive: true, encoding: "utf8" })
    .filter((file) => path.basename(file) === name)
    .map((file) => path.posix.join("app", file.split(path.sep).join("/")))
    .sort();
}

/** The URL path a page or route file serves: route groups dropped, dynamic segments kept as [name]. */
export function urlPathOf(file: string): string {
  const segments = path.posix
    .dirname(file)
    .split("/")
    .slice(1)
    .filter((segment) => !/^\(.*\)$/.test(segment));
  return `/${segments.join("/")}`;
}

export function importAppFile(file: string): Promise<Record<string, unknown>> {
  return import(/* @vite-ignore */ path.join(root, file));
}
