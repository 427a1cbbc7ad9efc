export { loadTemplate, type TemplateRecord } from "../records/template-record";
export { copyBuiltinTemplate } from "./copy-builtin-template";
export { listTemplates, type TemplateSummary } from "./list-templates";
export { type SaveTemplateResult, saveTemplate } from "./save-template";
export { tenantDepartments } from "./tenant-departments";
