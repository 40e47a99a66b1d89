import type { Metadata } from "next";
import "./globals.css";

// Every page is rendered per request: its scripts carry the nonce of that request's CSP (proxy.ts).
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Leverage Ladder", template: "%s · Leverage Ladder" },
  description: "Where your team's work sits on the career leverage ladder, quarter by quarter.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans antialiased">{children}</body>
    </html>
  );
}
