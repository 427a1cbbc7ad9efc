import type { koOnboarding } from "./ko-onboarding";
import type { Translation } from "./translation";

export const enOnboarding: Translation<typeof koOnboarding> = {
  signup: {
    title: "Apply for your organisation",
    intro:
      "Local governments and public institutions can apply to use the platform with this form. Once the platform operator has checked it, the contact person receives an invitation to administer it.",
    organisationName: "Organisation name",
    kind: "Type of organisation",
    region: "Region",
    regionPlaceholder: "Choose a region",
    businessRegistrationNumber: "Business registration number (optional)",
    businessRegistrationNumberHint: "For example 123-45-67890. Printed on invoices",
    contactName: "Contact person",
    contactEmail: "Contact e-mail",
    contactPhone: "Contact phone (optional)",
    submit: "Apply",
    received: "Your application has been received. We will write to {{email}} once it has been reviewed.",
    invalidBusinessNumber: "This is not a valid business registration number",
    invalidRegion: "Choose a region from the list",
    link: "Apply for your organisation",
  },
  applications: {
    title: "Applications",
    none: "No applications to review",
    organisation: "Organisation",
    contact: "Contact",
    receivedAt: "Received",
    slug: "Address",
    slugHint: "2-40 lower-case letters, digits and hyphens, e.g. yongin",
    approve: "Approve and invite the admin",
    reject: "Reject",
    rejectionReason: "Reason for rejection",
    approved: "Approved {{organisation}}. An admin invitation has been sent to {{email}}.",
    rejected: "Rejected the application of {{organisation}}.",
    invalidSlug: "Use 2-40 lower-case letters, digits and hyphens (reserved addresses cannot be used)",
    slugTaken: "This address is already in use",
    alreadyReviewed: "This application has already been handled",
    trialEndsAt: "Trial ends {{date}}",
  },
};
