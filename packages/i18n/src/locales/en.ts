import { enBilling } from "./en-billing";
import { enDirectory } from "./en-directory";
import { enOnboarding } from "./en-onboarding";
import { enSso } from "./en-sso";
import type { CommonMessages } from "./ko";

export const en: CommonMessages = {
  eligibility: {
    failure: {
      grade: {
        missing: "Only staff in a graded post (grades 1–9) may apply (currently non-graded)",
        below_min:
          "Grade {{actual}} is more senior than this role allows (grade {{min}} or more junior only)",
        above_max:
          "Grade {{actual}} is more junior than this role allows (grade {{max}} or more senior only)",
      },
      years_of_service: {
        not_yet_hired: "Not yet appointed, so cannot apply (appointment date {{hireDate}})",
        below_min: "At least {{min}} full years of service are required (currently {{actual}})",
        above_max: "At most {{max}} full years of service are allowed (currently {{actual}})",
      },
      hire_date: {
        before: "The appointment date must be on or after {{from}} (currently {{actual}})",
        after: "The appointment date must be on or before {{to}} (currently {{actual}})",
      },
      birth_year: {
        missing: "Eligibility cannot be checked because no birth year is on record",
        below_min: "Only staff born in {{min}} or later may apply (born {{actual}})",
        above_max: "Only staff born in {{max}} or earlier may apply (born {{actual}})",
      },
      department: {
        not_included: "This department is not among those the role is open to",
        excluded: "Staff of this department cannot apply",
      },
      position_title: {
        not_included: "The position {{actual}} is not eligible (open to: {{include}})",
        excluded: "The position {{actual}} cannot apply",
      },
    },
  },
  grade: {
    "1": "Grade 1",
    "2": "Grade 2",
    "3": "Grade 3",
    "4": "Grade 4",
    "5": "Grade 5",
    "6": "Grade 6",
    "7": "Grade 7",
    "8": "Grade 8",
    "9": "Grade 9",
    none: "Non-graded",
  },
  app: {
    name: "Public Mentoring Platform",
    skipToContent: "Skip to main content",
    mainNavigation: "Main menu",
    language: {
      label: "Language",
      switchTo: "한국어",
      switchToLabel: "Change language:",
    },
    signOut: "Sign out",
    signedInAs: "Signed in as {{name}}",
    requestId: "Request ID: {{requestId}}",
  },
  role: {
    tenant_admin: "Organisation admin",
    coordinator: "Program coordinator",
    executive: "Executive",
    evaluator: "Evaluator",
    participant: "Participant",
    operator: "Platform operator",
    insights_analyst: "National insights analyst",
  },
  nav: {
    home: "Home",
    members: "Members",
    platformTenants: "Organisations",
  },
  form: {
    required: "This field is required",
    invalidEmail: "Enter a valid e-mail address",
    invalidToken: "The security check failed. Reload the page and try again",
    errorSummary: "Please check what you entered",
  },
  auth: {
    signIn: {
      title: "Sign in",
      email: "E-mail",
      password: "Password",
      submit: "Sign in",
      forgot: "Forgot your password?",
      invalid: "The e-mail address or password is not correct",
      throttled: "Too many sign-in attempts. Try again in {{minutes}} minutes",
      expired: "Your session has expired. Please sign in again",
    },
    forgot: {
      title: "Reset your password",
      intro:
        "Enter the e-mail address you signed up with and we will send you a link to reset your password.",
      submit: "Send reset link",
      sent: "If that address is registered, a reset link is on its way. Check your inbox.",
      backToSignIn: "Back to sign in",
    },
    reset: {
      title: "Choose a new password",
      password: "New password",
      confirm: "Confirm new password",
      hint: "At least 12 characters",
      submit: "Change password",
      tooShort: "The password must be at least 12 characters long",
      mismatch: "The two passwords do not match",
      invalidLink: "This reset link is invalid or has expired. Please ask for a new one",
      done: "Your password has been changed. Sign in with your new password",
    },
  },
  home: {
    title: "{{tenant}} home",
    welcome: "Welcome, {{name}}",
    yourRoles: "Your roles",
    summary: "At a glance",
    staff: "Staff",
    departments: "Departments",
    members: "Platform users",
    pendingInvitations: "Pending invitations",
    count: "{{value}}",
    countUnits: "{{value}}",
    countCases: "{{value}}",
    asOf: "As of {{date}}",
  },
  members: {
    title: "Members",
    name: "Name",
    email: "E-mail",
    roles: "Roles",
    none: "No members yet",
    invitations: "Pending invitations",
    invitedRoles: "Invited as",
    expiresAt: "Expires",
    invite: {
      title: "Invite a member",
      intro:
        "Whoever signs up through the link in the invitation joins with the roles you choose. The link is valid for 7 days.",
      email: "E-mail to invite",
      roles: "Roles",
      submit: "Send invitation",
      sent: "An invitation has been sent to {{email}}",
      alreadyMember: "This address already belongs to a member",
      noRoles: "Choose at least one role",
    },
    edit: {
      legend: "Roles of {{name}}",
      submit: "Save roles",
      saved: "Saved the roles of {{name}}",
    },
    problem: {
      no_roles: "Choose at least one role",
      last_admin: "The organisation needs at least one admin",
    },
  },
  invitation: {
    title: "Invitation to {{tenant}}",
    intro: "{{tenant}} invites you as {{roles}}.",
    name: "Name",
    password: "Password",
    passwordHint: "At least 12 characters",
    submit: "Sign up and join",
    join: "Join",
    signInFirst: "This address already has an account. Sign in, then open this link again",
    wrongAccount: "This invitation was sent to a different e-mail address",
    invalid: "This invitation link is invalid or has expired. Ask your organisation admin for a new one",
  },
  platform: {
    tenants: {
      title: "Organisations",
      name: "Name",
      slug: "Address",
      kind: "Type",
      region: "Region",
      status: "Status",
    },
  },
  tenantKind: {
    metropolitan_government: "Metropolitan government",
    basic_government: "Local government",
    public_institution: "Public institution",
  },
  tenantStatus: {
    applied: "Applied",
    trial: "Trial",
    active: "Active",
    read_only: "Read-only",
    closed: "Closed",
  },
  error: {
    title: "Something went wrong",
    notFound: "Page not found",
    notFoundHelp: "Check the address or go to the home page.",
    forbidden: "You do not have access",
    forbiddenHelp: "None of your roles may open this page. Ask your organisation admin if you need it.",
    unexpected: "An unexpected error occurred",
    unexpectedHelp: "Please try again shortly. If it keeps happening, quote the request ID below.",
    goHome: "Go to home",
  },
  directory: enDirectory,
  billing: enBilling,
  sso: enSso,
  onboarding: enOnboarding,
  config: {
    error: {
      invalid: "Environment variable {{name}} is invalid: {{reason}}",
    },
  },
};
