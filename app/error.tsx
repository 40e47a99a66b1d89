"use client";

import { CalmFailure } from "@/components/ui/calm-failure";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <CalmFailure reset={reset} />;
}
