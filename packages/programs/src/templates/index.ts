// A template's certificate wording as the certificate package fills it in (its previews).
export { templateBody } from "../records/certificate-content";
export { loadTemplate, type TemplateRecord } from "../records/template-record";
export { copyBuiltinTemplate } from "./copy-builtin-template";
export { createTemplate } from "./create-template";
export { listTemplates, type TemplateSummary } from "./list-templates";
export { listTenantDepartments } from "./list-tenant-departments";
export { type SaveTemplateResult, saveTemplate } from "./save-template";
