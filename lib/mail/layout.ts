/** The frame every mail shares: plain HTML with inline styles and no remote images or fonts. */

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

function escapeHtml(value: string) {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

type MailBlock =
  | { kind: "paragraph"; text: string }
  | { kind: "button"; label: string; url: string }
  | { kind: "note"; text: string; link?: { label: string; url: string } };

export type MailContent = {
  subject: string;
  /** The line above the blocks, e.g. "Hello Ada,". */
  greeting: string;
  blocks: MailBlock[];
};

export type RenderedMail = { subject: string; text: string; html: string };

/** Renders the same content as plain text and as HTML, signed with the product's and organisation's names. */
export function renderLayout(content: MailContent, brand: { product: string; organization: string }): RenderedMail {
  const footer = `${brand.product} · ${brand.organization}`;
  const textBlocks = content.blocks.map((block) => {
    if (block.kind === "button") return `${block.label}:\n${block.url}`;
    if (block.kind === "note" && block.link) return `${block.text} ${block.link.label}: ${block.link.url}`;
    return block.text;
  });
  const text = [content.greeting, ...textBlocks, `— ${footer}`].join("\n\n");

  const htmlBlocks = content.blocks
    .map((block) => {
      if (block.kind === "button") {
        return `<p style="margin:24px 0"><a href="${escapeHtml(block.url)}" style="display:inline-block;background:#2f5bd3;color:#ffffff;text-decoration:none;font-weight:600;padding:10px 18px;border-radius:6px">${escapeHtml(block.label)}</a></p>
<p style="margin:0 0 16px;font-size:13px;color:#555555">Or paste this address into your browser:<br><span style="word-break:break-all">${escapeHtml(block.url)}</span></p>`;
      }
      const style = block.kind === "note" ? "font-size:13px;color:#555555" : "";
      const link =
        block.kind === "note" && block.link
          ? ` <a href="${escapeHtml(block.link.url)}" style="color:#2f5bd3">${escapeHtml(block.link.label)}</a>.`
          : "";
      return `<p style="margin:0 0 16px;${style}">${escapeHtml(block.text)}${link}</p>`;
    })
    .join("\n");
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(content.subject)}</title></head>
<body style="margin:0;padding:24px;background:#f4f5f7;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:#1d2433;line-height:1.5">
<div style="max-width:560px;margin:0 auto;background:#ffffff;border:1px solid #dde1e8;border-radius:10px;padding:28px">
<p style="margin:0 0 20px;font-weight:700;font-size:17px;color:#2f5bd3">${escapeHtml(brand.product)}</p>
<p style="margin:0 0 16px">${escapeHtml(content.greeting)}</p>
${htmlBlocks}
<hr style="border:none;border-top:1px solid #dde1e8;margin:24px 0 12px">
<p style="margin:0;font-size:12px;color:#6b7280">${escapeHtml(footer)}</p>
</div>
</body></html>`;
  return { subject: content.subject, text, html };
}
