"use client";

import { useRouter } from "next/navigation";
import { startTransition } from "react";

/**
 * What a person sees when a page could not be built on the server — almost always because the
 * database could not be reached for a moment. Nothing they saved is lost; trying again recovers
 * by itself once the database is back.
 */
export function CalmFailure({ reset }: { reset: () => void }) {
  const router = useRouter();
  return (
    <main className="mx-auto max-w-lg px-6 py-24 text-center">
      <h1 className="text-2xl font-semibold">We could not reach the database</h1>
      <p className="text-muted mt-3">
        Nothing was lost: everything you saved is kept. This is usually brief — try again in a moment.
      </p>
      <button
        type="button"
        onClick={() =>
          startTransition(() => {
            router.refresh();
            reset();
          })
        }
        className="mt-8 inline-block rounded-md bg-[var(--color-accent)] px-4 py-2 text-sm font-medium text-white"
      >
        Try again
      </button>
    </main>
  );
}
