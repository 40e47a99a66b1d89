"use client";

import "./globals.css";
import { CalmFailure } from "@/components/ui/calm-failure";

/** The root layout itself failed: this replaces it, so it brings its own html and body. */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans antialiased">
        <title>Leverage Ladder</title>
        <CalmFailure reset={reset} />
      </body>
    </html>
  );
}
