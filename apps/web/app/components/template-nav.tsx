import { SubNav } from "./sub-nav";

/** The pages of one template's editor: its settings, question sets, calendar and assignments, matching, and a participant's preview. */
export function TemplateNav({ tenantSlug, templateId }: { tenantSlug: string; templateId: string }) {
  const base = `/${tenantSlug}/programs/templates/${templateId}`;
  const pages = [
    { to: base, label: "programs.templateNav.settings", end: true },
    { to: `${base}/questions`, label: "programs.templateNav.questions", end: false },
    { to: `${base}/schedule`, label: "programs.templateNav.schedule", end: false },
    { to: `${base}/matching`, label: "programs.templateNav.matching", end: false },
    { to: `${base}/preview`, label: "programs.templateNav.preview", end: false },
  ] as const;
  return <SubNav label="programs.templateNav.label" pages={pages} />;
}
