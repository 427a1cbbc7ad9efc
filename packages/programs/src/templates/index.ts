export { loadTemplate, type TemplateRecord } from "../records/template-record";
export { copyBuiltinTemplate } from "./copy-builtin-template";
export { listTemplates, type TemplateSummary } from "./list-templates";
export { listTenantDepartments } from "./list-tenant-departments";
export { type SaveTemplateResult, saveTemplate } from "./save-template";
