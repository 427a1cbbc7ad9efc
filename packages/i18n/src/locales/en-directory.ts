import type { koDirectory } from "./ko-directory";
import type { Translation } from "./translation";

export const enDirectory: Translation<typeof koDirectory> = {
  title: "Staff directory",
  intro:
    "Upload the staff directory exported from your HR system (CSV or Excel). Every row is checked first; after your confirmation it is applied all at once.",
  activeStaff: "Active staff",
  activeStaffValue: "{{value}}",
  upload: {
    title: "Upload a directory",
    file: "Directory file",
    fileHint:
      "CSV (UTF-8, or CP949 as saved by Korean Excel) or Excel (.xlsx). The first row is the header: employee number, name, department, grade, position, hire date (e-mail, phone, birth year, parent department and supervisor employee number are optional). The parent department is the one the row's department sits under; the supervisor is the person's direct superior.",
    full: "This is the complete directory",
    fullHint:
      "For a complete directory, active staff missing from the file are listed. They are deactivated only if you confirm it when applying.",
    limitsTitle: "How large a directory you can upload",
    limits:
      "Your organisation's plan takes up to {{rows, number}} rows, {{columns, number}} columns and {{megabytes, number}} MB at once. A larger file is stopped where it goes beyond and sent back.",
    submit: "Upload and check",
    error: {
      noFile: "Choose a file to upload",
      tooLarge:
        "The file is too large. Your organisation's plan takes files up to {{maxMegabytes, number}} MB",
      unsupported: "Only CSV or Excel (.xlsx) files can be uploaded",
      idempotencyKeyInvalid: "An Idempotency-Key must be 1 to 255 visible ASCII characters, without spaces",
      idempotencyKeyReused:
        "This Idempotency-Key was already used for a different request. Use a new key for a new request",
      idempotencyKeyInFlight:
        "A request with the same Idempotency-Key is still being processed. Send it again in a moment",
    },
  },
  imports: {
    title: "Recent imports",
    none: "No directory has been uploaded yet",
    file: "File",
    createdAt: "Uploaded",
    status: "Status",
    rows: "Rows",
    kind: "Kind",
    full: "Complete",
    partial: "Partial",
  },
  status: {
    validating: "Checking",
    invalid: "Has errors",
    ready: "Ready to apply",
    applying: "Applying",
    applied: "Applied",
    failed: "Failed",
  },
  detail: {
    back: "Back to the staff directory",
    title: "Directory import: {{fileName}}",
    progress: "Progress",
    failed: "This could not be processed. Try again or tell the administrator.",
    failure: {
      job_failed:
        "Processing the directory stopped after several attempts. Try again, and tell the administrator if it fails again.",
      stalled:
        "Processing the directory showed no progress for over 30 minutes and was taken as stopped. Try again.",
    },
    retry: "Try again",
    retried: "Processing started again. This page refreshes by itself.",
    alreadyRetried: "This directory is already being processed again.",
    validatingNote: "The file is being checked. This page refreshes by itself.",
    applyingNote: "The directory is being updated. This page refreshes by itself.",
    appliedNote: "The directory has been updated. Active staff now: {{value}}.",
    invalidNote:
      "This import has errors and cannot be applied. Fix the rows below and upload the file again. Nothing was changed.",
    summary: "Check results",
    rows: "Rows",
    new: "New",
    changed: "Changed",
    unchanged: "Unchanged",
    missing: "Active staff missing from the file",
    invalid: "Rows with errors",
    appliedSummary: "Applied",
    created: "Added",
    updated: "Updated",
    deactivated: "Deactivated",
    departmentsCreated: "Departments created",
  },
  fileErrors: {
    title: "File errors",
  },
  fileError: {
    unsupported_format: "This is not a CSV or Excel (.xlsx) file",
    unreadable:
      "The CSV is broken at row {{row, number}} (a quote that is never closed, for example) and cannot be read further. Open it in Excel, save it as CSV again and upload it",
    damaged_workbook:
      "The Excel file is damaged or was not saved completely, so it cannot be read. Open it in Excel, save it again and upload it",
    too_many_rows:
      "Too many rows. Your organisation's plan takes up to {{limit, number}} rows at once, so reading stopped at row {{row, number}}. Split the directory and upload the parts as partial directories",
    too_many_columns:
      "Row {{row, number}} has too many columns. Your organisation's plan reads up to {{limit, number}} columns. Delete the columns the directory does not use and upload it again",
    row_too_long: "Row {{row, number}} is too long to be one person's details, so reading stopped there",
    more: "{{columns}} and {{count, number}} more",
    empty: "The file has no header row",
    missing_columns: "Required columns are missing: {{columns}}",
    unknown_columns: "Unknown columns: {{columns}}",
    duplicate_columns: "Columns given twice: {{columns}}",
  },
  invalidRows: {
    title: "Rows with errors",
    shown: "Showing the first {{shown}} of {{total}} rows with errors",
    row: "Row",
    employeeNumber: "Employee number",
    name: "Name",
    field: "Field",
    reason: "Reason",
  },
  field: {
    employeeNumber: "Employee number",
    name: "Name",
    department: "Department",
    grade: "Grade",
    positionTitle: "Position",
    hireDate: "Hire date",
    email: "E-mail",
    phone: "Phone",
    birthYear: "Birth year",
    parentDepartment: "Parent department",
    supervisorEmployeeNumber: "Supervisor's employee number",
  },
  error: {
    required: "Empty",
    too_long: "Longer than {{max}} characters",
    grade_unrecognised: "Unknown grade '{{value}}' (e.g. 8급, 지방행정주사보, 연구사)",
    date_invalid: "Cannot read the date '{{value}}' (e.g. 2024-03-01, 2024.03.01)",
    date_in_future: "The hire date {{value}} is after today",
    email_invalid: "'{{value}}' is not a valid e-mail address",
    phone_invalid: "'{{value}}' is not a valid phone number",
    birth_year_invalid: "'{{value}}' is not a valid birth year (e.g. 1990)",
    duplicate: "Same employee number as row {{row}}",
    department_ambiguous: "Several departments are named '{{value}}'. Use the department code",
    parent_cycle: "Under this parent, the department would be placed under itself",
    parent_conflict: "Row {{row}} gives this department another parent department",
    supervisor_self: "The supervisor's employee number is the person's own",
    supervisor_unknown:
      "No active staff member, in the directory or in the file, has employee number '{{value}}'",
  },
  apply: {
    title: "Apply",
    unknownDepartments: "Departments not in the directory ({{value}}): {{names}}",
    createDepartments: "Create the missing departments and apply",
    deactivate: "Deactivate the active staff missing from this complete directory ({{value}})",
    deactivateHint:
      "Deactivated staff are not deleted and come back if a later import lists them. Tick this only if you have checked.",
    submit: "Apply to the directory",
    error: {
      notReady: "This import cannot be applied now",
      unknownDepartments: "Some departments do not exist. Choose to create them or fix the file",
    },
  },
};
