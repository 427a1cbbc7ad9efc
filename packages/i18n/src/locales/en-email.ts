import { enBoardEmail } from "./en-board";
import { enMyDataEmail } from "./en-my-data";
import { enPrivacyLogEmail } from "./en-privacy-log";
import type { EmailMessages } from "./ko-email";
import type { Translation } from "./translation";

export const enEmail: Translation<EmailMessages> = {
  passwordReset: {
    subject: "[Mentoring Platform] Reset your password",
    greeting: "Dear {{name}},",
    body: "We received a request to reset the password of your mentoring platform account. Please set a new password using the link below. The link is valid for {{minutes}} minutes and can be used once.",
    ignore:
      "If you did not ask for a password reset, you can ignore this e-mail. Your password will not change.",
    action: "Reset your password",
  },
  analystInvitation: {
    subject: "[Mentoring Platform] Your national insights analyst account",
    greeting: "Dear {{name}},",
    body: "The operator of the mentoring platform has created a national insights analyst account for you at {{agency}}. Set your password with the link below, then sign in.",
    expires:
      "The link can be used once, until {{expiresAt, datetime(dateStyle: full; timeStyle: short)}} ({{expiresAt, timeZoneName}}).",
    action: "Set your password",
    scope:
      "This account shows only the anonymous aggregate figures that participating organisations agreed to share, never the records of a person or an organisation.",
  },
  signInThrottled: {
    subject: "[Mentoring Platform] Repeated failed sign-ins to your account",
    greeting: "Dear {{name}},",
    body: "Someone has repeatedly tried to sign in to your account with a wrong password. To protect the account, sign-in attempts are slowed down for a while. If it was you, please try again a little later.",
    advice:
      "If it was not you, please reset your password with the link below. Resetting it also lifts the sign-in limit at once.",
    action: "Reset your password",
  },
  invitation: {
    subject: "You have been invited to the {{tenant}} mentoring platform",
    greeting: "Hello,",
    body: "{{tenant}} has invited you to its mentoring platform. Your roles will be: {{roles, list}}.",
    expires:
      "This invitation is valid until {{expiresAt, datetime(dateStyle: full; timeStyle: short)}} ({{expiresAt, timeZoneName}}). Please accept it using the link below.",
    action: "Accept the invitation",
  },
  nominationInvitation: {
    subject: "[{{cohort}}] You have been nominated: create your account to answer",
    greeting: "Dear {{name}},",
    body: {
      accepted: "The coordinators of {{tenant}} have nominated you for {{cohort}}, and a place is yours.",
      waitlisted:
        "The coordinators of {{tenant}} have nominated you for {{cohort}}. Every place is taken, so you are number {{position}} on the waitlist.",
    },
    account:
      "You have no account on the mentoring platform yet: set a password with the link below to create one, then read the nomination and agree to take part or decline.",
    accountSso:
      "Sign in with your organisation's single sign-on, or set a password, with the link below, then read the nomination and agree to take part or decline.",
    expires:
      "The link can be used once, until {{expiresAt, datetime(dateStyle: full; timeStyle: short)}} ({{expiresAt, timeZoneName}}).",
    action: "Create your account and see the nomination",
  },
  application: {
    subject: {
      accepted: "[{{cohort}}] Your application has been accepted",
      waitlisted: "[{{cohort}}] Your application is on the waiting list",
      promoted: "[{{cohort}}] Your waitlisted application has been accepted",
      rejected: "[{{cohort}}] About your application",
    },
    greeting: "Dear {{name}},",
    body: {
      accepted:
        "Your application to {{tenant}} {{cohort}} has been accepted. We will send you the orientation and pre-survey dates.",
      waitlisted:
        "{{tenant}} {{cohort}} is full, so your application is number {{position}} on the waiting list. If a place frees up, applicants are accepted in order and told by e-mail.",
      promoted:
        "Your application to {{tenant}} {{cohort}}, which was on the waiting list, has been accepted. Thank you for taking part.",
      rejected:
        "After review by the coordinating department, your application to {{tenant}} {{cohort}} was not accepted. You can see the reason in your application.",
    },
    action: "See your application",
  },
  eventTomorrow: {
    subject: "[{{cohort}}] {{title}} is tomorrow",
    greeting: "Dear {{name}},",
    body: "{{title}} is tomorrow, {{startsAt, datetime(dateStyle: long; timeStyle: short)}}.",
    bodyAt: "{{title}} is tomorrow, {{startsAt, datetime(dateStyle: long; timeStyle: short)}}, at {{place}}.",
    action: "See my calendar",
  },
  awardGranted: {
    subject: "[{{cohort}}] Team {{number}} has won the {{award}} award",
    greeting: "Dear {{name}}, congratulations.",
    body: "In the evaluation of {{cohort}}, team {{number}} has won the {{award}} award, with this prize: {{prize}}. You can download the signed award certificate from the link below as soon as it is issued.",
    action: "See my certificates",
  },
  teamNudge: {
    subject: "[{{cohort}}] Team {{number}}, how are things?",
    greeting: "Dear {{name}},",
    body: "Team {{number}} has logged nothing for {{days}} days. A short meeting or a lunch together is enough. If you have met already, please log it.",
    action: "Log an activity",
  },
  teamPublished: {
    subject: "[{{cohort}}] You are in team {{number}}",
    greeting: "Dear {{name}},",
    body: "The teams of {{tenant}}'s {{cohort}} have been published. {{name}}, you are a {{role}} in team {{number}}.",
    teammates: "Your team: {{teammates, list}}",
    ceremony:
      "The pairing ceremony is on {{startsAt, datetime(dateStyle: long; timeStyle: short)}}, at {{place}}. Please come with your team.",
    nextStep: "See your teammates' contact details on the team page and plan your first meeting.",
    action: "See our team",
    role: { mentor: "mentor", mentee: "mentee" },
  },
  ceremony: {
    subject: {
      scheduled: "[{{cohort}}] The pairing ceremony",
      changed: "[{{cohort}}] The pairing ceremony has changed",
    },
    greeting: "Dear {{name}},",
    body: {
      scheduled:
        "The pairing ceremony of {{cohort}} is on {{startsAt, datetime(dateStyle: long; timeStyle: short)}}, at {{place}}. Please come with your team.",
      changed:
        "The pairing ceremony of {{cohort}} has changed: it is now on {{startsAt, datetime(dateStyle: long; timeStyle: short)}}, at {{place}}.",
    },
    action: "See our team",
  },
  certificateIssued: {
    subject: "[{{cohort}}] Team {{number}}'s certificate is issued",
    greeting: "Dear {{name}},",
    body: "The pairing certificate of team {{number}} of {{cohort}} has been issued. You can download it from the link below.",
    action: "See my certificates",
  },
  assignment: {
    subject: {
      set: "[{{cohort}}] New assignment: {{title}}",
      dueSoon: "[{{cohort}}] {{title}} is due soon",
      late: "[{{cohort}}] {{title}} is past its due date",
    },
    greeting: "Dear {{name}},",
    body: {
      set: "A new assignment is set: {{title}}. It is due on {{dueAt, datetime(dateStyle: long; timeStyle: short)}}. Please prepare it with your team.",
      dueSoon:
        "{{title}} is due on {{dueAt, datetime(dateStyle: long; timeStyle: short)}}, and your team has not handed anything in yet. Please finish it with your team.",
      late: "Your team has not handed in {{title}}. It was due on {{dueAt, datetime(dateStyle: long; timeStyle: short)}}; what you hand in now is taken as late.",
    },
    action: { set: "See the assignment", dueSoon: "Hand it in", late: "Hand it in" },
  },
  revisionRequested: {
    subject: "[{{cohort}}] {{title}}: a revision is asked for",
    greeting: "Dear {{name}},",
    body: "The coordinators reviewed your team's {{title}} and ask for a revision. Please revise it and hand it in again.",
    comment: "Their comment: {{comment}}",
    action: "Revise the work",
  },
  submissionFeatured: {
    subject: "[{{cohort}}] {{title}} is featured",
    greeting: "Dear {{name}},",
    body: "Your team's {{title}} was chosen as an example of good work and is featured on the showcase. Congratulations.",
    action: "See the showcase",
  },
  surveyInvitation: {
    subject: "[{{cohort}}] Please answer the {{survey}}",
    greeting: "Dear {{name}},",
    body: "The {{survey}} for matching in {{tenant}} {{cohort}} is open. Please answer by {{closesOn}}. Your answers help form the teams.",
    action: "Answer now",
  },
  surveyReminder: {
    subject: "[{{cohort}}] The {{survey}} closes soon",
    greeting: "Dear {{name}},",
    body: "You have not yet submitted the {{survey}} of {{tenant}} {{cohort}}. Please answer by {{closesOn}}.",
    action: "Continue answering",
  },
  survey: {
    autosave: "Your answers are saved as you type, so you can come back and finish later.",
  },
  myData: enMyDataEmail,
  board: enBoardEmail,
  accessReview: enPrivacyLogEmail,
  linkFallback: "If the link does not open, copy the address below into your web browser.",
  footer:
    "This e-mail was sent from an address that cannot receive replies. For questions, please contact the responsible department of your organisation.",
};
