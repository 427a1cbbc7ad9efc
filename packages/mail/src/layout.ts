/** What a mail says, already translated, in reading order; the two renderers below lay it out. */
export interface MailLayout {
  subject: string;
  paragraphs: string[];
  /** The one thing the mail asks for: a link with a label. */
  action: { label: string; link: string };
  /** Paragraphs after the link, such as what to do if the mail was not expected. */
  afterAction: string[];
}

export interface MailFrame {
  locale: string;
  linkFallback: string;
  footer: string;
}

const entities: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes text for HTML element content and quoted attribute values. */
export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => entities[char] ?? char);

export function renderText(mail: MailLayout, frame: MailFrame): string {
  return [
    ...mail.paragraphs,
    `${mail.action.label}:\n${mail.action.link}`,
    ...mail.afterAction,
    `-- \n${frame.footer}`,
  ].join("\n\n");
}

/**
 * Plain, accessible HTML: the document language, a title, real paragraphs and a real link (also written
 * out, for readers whose client hides the button), readable without the inline styles.
 */
export function renderHtml(mail: MailLayout, frame: MailFrame): string {
  const e = escapeHtml;
  // pre-line: a paragraph of several lines (a list in the access review) keeps its line breaks.
  const paragraph = (text: string) => `<p style="margin:0 0 16px;white-space:pre-line">${e(text)}</p>`;
  const href = e(mail.action.link);
  return [
    "<!doctype html>",
    `<html lang="${e(frame.locale)}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(mail.subject)}</title>`,
    "</head>",
    `<body style="margin:0;padding:24px 16px;background:#ffffff;color:#1f2937;font-family:'Malgun Gothic','Apple SD Gothic Neo',system-ui,sans-serif;font-size:16px;line-height:1.6">`,
    '<div style="max-width:560px;margin:0 auto">',
    ...mail.paragraphs.map(paragraph),
    `<p style="margin:24px 0"><a href="${href}" style="display:inline-block;padding:12px 20px;background:#1d4ed8;color:#ffffff;font-weight:bold;text-decoration:underline;border-radius:6px">${e(mail.action.label)}</a></p>`,
    ...mail.afterAction.map(paragraph),
    `<p style="margin:0 0 16px;font-size:14px">${e(frame.linkFallback)}<br><a href="${href}" style="color:#1d4ed8;word-break:break-all">${href}</a></p>`,
    '<hr style="border:none;border-top:1px solid #d1d5db;margin:24px 0">',
    `<p style="margin:0;font-size:13px;color:#4b5563">${e(frame.footer)}</p>`,
    "</div>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
