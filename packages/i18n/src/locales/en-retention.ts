import type { koRetention } from "./ko-retention";
import type { Translation } from "./translation";

/** English messages of retention and the privacy policy (the same keys as ko-retention.ts). */
export const enRetention: Translation<typeof koRetention> = {
  nav: "Data retention",
  settingsNav: "Retention periods",
  footer: { privacyPolicy: "Privacy policy" },
  consentLink: "Read the full privacy policy",
  field: "Retention of {{kind}} (months)",
  kind: {
    unselected_applications: "applications not selected",
    survey_answers: "survey and diagnostic answers",
    program_records: "program records",
    notifications: "notifications",
    inactive_staff: "inactive directory entries",
    directory_imports: "uploaded staff directories",
  },
  kindDetail: {
    unselected_applications:
      "Applications rejected, left on the waitlist or withdrawn before matching, with their survey and attendance records",
    survey_answers: "Pre and post survey and diagnostic answers",
    program_records:
      "Accepted applications, team membership, activity and meeting records, submissions and their files, attendance, evaluators' comments, the participants' names on certificates, final report files, matching input",
    notifications: "In-app notifications and the record of mails sent",
    inactive_staff: "Directory entries marked inactive (unless a record still kept refers to them)",
    directory_imports: "Uploaded directory files and the rows read from them",
  },
  start: {
    recruitment_closed: "from the end of recruitment",
    cohort_closed: "from the cohort's close",
    created: "from when it was made",
    marked_inactive: "from when it became inactive",
    uploaded: "from the upload",
  },
  action: {
    delete: "Deleted",
    pseudonymise: "Pseudonymised and kept for statistics",
  },
  months_one: "{{count}} month",
  months_other: "{{count}} months",
  table: {
    survey_responses: "Survey answers",
    attendance: "Training and event attendance",
    ceremony_attendance: "Ceremony attendance",
    event_signups: "Event sign-ups",
    activity_participants: "Activity participants",
    attachments: "Attached files",
    activities: "Activity and meeting records",
    submissions: "Submissions",
    team_members: "Team members",
    evaluation_scores: "Evaluators' comments",
    certificates: "Certificates",
    certificate_batches: "Certificate archives",
    cohort_report_runs: "Final reports",
    matching_runs: "Matching input",
    applications: "Applications",
    notifications: "Notifications",
    notification_preferences: "Notification settings",
    calendar_feeds: "Calendar subscriptions",
    staff_members: "Directory entries",
    directory_import_rows: "Rows of directory files",
    directory_imports: "Directory files",
  },
  page: {
    title: "Retention and destruction of personal data",
    intro:
      "As the consent on the application form promises, personal data whose retention period has ended is destroyed every night, or pseudonymised for statistics. Here are the period of each kind, what is due now and the latest runs.",
    periodsHeading: "Retention periods",
    periodsCaption:
      "Retention period of each kind of personal data: what it covers, when it starts, how long, what then happens",
    kindColumn: "Kind",
    startColumn: "Starts",
    periodColumn: "Period",
    actionColumn: "When it ends",
    bounds: "{{min}} to {{max}} months (default {{default}})",
    editHeading: "Change the periods",
    editIntro:
      "Set in months, within what the law and the consent allow. A change is recorded in the audit log, applies from the next purge and shows on the privacy policy at once.",
    save: "Save the periods",
    saved: "The retention periods were saved.",
    previewHeading: "Preview of what is due now",
    previewIntro: "What the next purge will process, as of {{today}}. The preview changes nothing.",
    previewCaption: "What is due per kind: how many, and when the oldest one's period started",
    countColumn: "Due",
    oldestColumn: "Oldest period started",
    cohortsColumn: "Cohorts past their period",
    none: "None",
    tablesHeading: "Rows per table",
    tablesCaption: "Rows of each table the next purge deletes or pseudonymises",
    tableColumn: "Data",
    deletedColumn: "Deleted",
    pseudonymisedColumn: "Pseudonymised",
    nothingDue: "No personal data is past its retention period now.",
    runsHeading: "Latest purges",
    runsCaption: "Latest purges: when, rows deleted, rows pseudonymised, files removed",
    runAtColumn: "Ran at",
    filesColumn: "Files removed",
    noRuns: "No purge has run yet.",
    rows_one: "{{count}} row",
    rows_other: "{{count}} rows",
    policyLink: "See this organisation's privacy policy",
  },
  verify: {
    retained: "This certificate was issued",
    retainedDetail:
      "Its retention period has ended and the participants' names were destroyed. Only the serial, the issuer, the date and the signer can be confirmed, from the organisation's records.",
  },
  policy: {
    title: "{{name}} privacy policy",
    intro:
      "{{name}} (“the organisation”) publishes this privacy policy under Article 30 of the Personal Information Protection Act, to protect the personal data of data subjects and to handle their concerns promptly. It applies to the mentoring programs the organisation runs.",
    purposeHeading: "1. Why personal data is processed",
    itemsHeading: "2. What personal data is processed",
    retentionHeading: "3. How long personal data is kept",
    retentionIntro:
      "The organisation keeps and uses personal data until the cohort ends, then keeps it only for the periods below before destroying or pseudonymising it without delay.",
    retentionCaption: "Retention period of each kind of personal data and what happens when it ends",
    destructionHeading: "4. How personal data is destroyed",
    destruction:
      "A job checks every night for personal data whose retention period has ended and destroys it without delay. Electronic records are deleted from the database so that they cannot be recovered, and the photos, videos, documents, certificates and reports stored with them are removed from storage. Each run records in the organisation's audit log what it destroyed and how much.",
    pseudonymisation:
      "Survey and diagnostic answers are pseudonymised for statistics on the program's effect (Article 28-2 of the Act): only scores, numeric answers and whether the person was a mentor or a mentee are kept; the link to the name, employee number, department and application, and written answers, are removed.",
    certificates:
      "Pairing and award certificates keep only what checking them needs: the serial number, the issuing organisation, the digital signature and the dates of issue and revocation. The participants' names are removed.",
    entrustmentHeading: "5. Processing entrusted to others, and provision to third parties",
    entrustmentIntro: "The organisation entrusts the following processing of personal data.",
    entrustmentCaption: "Processing entrusted: the processor and the work",
    trusteeColumn: "Processor",
    taskColumn: "Work entrusted",
    trustee: "The operator of {{platform}}",
    task: "Running and maintaining the mentoring platform, storing its data and files, sending notification mail",
    billingTrustee: "Stripe, Inc. (United States, transfer abroad)",
    billingTask:
      "Card payment of the platform's fees: the billing contact's e-mail is sent to the payment processor in the United States when paying and kept with the payment records. No participant's data is sent.",
    thirdParty:
      "The organisation does not provide personal data to third parties. When it takes part in national statistics, it provides only aggregate figures that hide any group of fewer than five people, never data that identifies anyone.",
    rightsHeading: "6. Your rights and how to exercise them",
    rights:
      "You may at any time ask the organisation to see, correct or delete your personal data, to stop processing it, or withdraw your consent (Articles 35 to 37 of the Act). Signed in to the platform you can download your data, withdraw your consent to a cohort and ask for your directory data to be corrected; you may also ask the privacy officer below in writing or by e-mail. The organisation acts within 10 days of the request and tells you the outcome.",
    safetyHeading: "7. How personal data is kept safe",
    safety:
      "The organisation and its processor limit who can reach personal data to the roles that need it, keep each organisation's data apart (row-level security), encrypt it in transit, and keep a record of every view and export of personal data for at least two years, reviewed regularly.",
    officerHeading: "8. Privacy officer",
    officerIntro: "For questions, complaints or redress about the processing of personal data, contact:",
    officerCaption: "Privacy officer: name, department, contact",
    nameColumn: "Name",
    departmentColumn: "Department",
    contactColumn: "Contact",
    noOfficer:
      "No privacy officer has been named yet. Please contact the organisation's personnel department.",
    remedyHeading: "9. Remedies",
    remedy:
      "For redress of an infringement you may apply for mediation or advice to the Personal Information Dispute Mediation Committee (1833-6972, www.kopico.go.kr) or the KISA Privacy Infringement Report Center (118, privacy.kisa.or.kr).",
    dateHeading: "10. Changes to this policy",
    date: "This privacy policy applies from {{date}}.",
  },
};
