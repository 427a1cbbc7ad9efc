import type { koNotifications } from "./ko-notifications";
import type { Translation } from "./translation";

/** English messages of in-app notifications, typed against the Korean ones. */
export const enNotifications: Translation<typeof koNotifications> = {
  title: "Notifications",
  intro:
    "News of your team, the ceremony, assignments and events in one place. Below, choose for each kind whether it comes in the app, by mail, or both.",
  bell_one: "Notifications: {{count}} unread",
  bell_other: "Notifications: {{count}} unread",
  bellNone: "Notifications, none unread",
  caption: "Your notifications",
  empty: "No notifications yet.",
  noStaff: "Only accounts linked to the staff directory receive notifications.",
  unread: "Unread",
  read: "Read",
  open: "Open",
  markRead: "Mark as read",
  markAllRead: "Mark all as read",
  marked: "The notification is marked as read.",
  markedAll: "Every notification is marked as read.",
  error: { notFound: "The notification was not found." },
  column: { when: "Received", message: "Message", state: "State", actions: "Actions" },
  preferences: {
    title: "How you are notified",
    intro:
      "Switch mail and in-app notifications on or off for each kind. Nothing is sent the way you switched off.",
    caption: "How each kind of notification reaches you",
    kind: "Kind",
    email: "Mail",
    inApp: "App",
    emailFor: "{{kind}} by mail",
    inAppFor: "{{kind}} in the app",
    save: "Save notification settings",
    saved: "Your notification settings are saved.",
  },
  kind: {
    team_published: "Team published",
    ceremony_scheduled: "Ceremony scheduled",
    certificate_issued: "Certificate issued",
    assignment_set: "New assignment",
    assignment_due_soon: "Assignment due in 3 days",
    assignment_late: "Assignment past due",
    revision_requested: "Revision asked for",
    submission_featured: "Work featured",
    event_tomorrow: "Tomorrow's event",
    team_nudge: "Activity nudge",
    award_granted: "Award granted",
    consent_withdrawn: "Consent withdrawn",
    correction_resolved: "Correction request handled",
  },
  message: {
    team_published: "You are in team {{number}} of {{cohort}}. Meet your team and plan your first meeting.",
    ceremony_scheduled: "The pairing ceremony of {{cohort}} is on {{when}}, at {{place}}.",
    ceremony_changed: "The pairing ceremony of {{cohort}} has changed: it is now on {{when}}, at {{place}}.",
    certificate_issued: "The pairing certificate of team {{number}} of {{cohort}} is issued.",
    assignment_set: "New assignment: {{title}}, due on {{when}}.",
    assignment_due_soon: "{{title}} is due on {{when}}, and your team has not handed anything in yet.",
    assignment_late: "Your team has not handed in {{title}}, which was due on {{when}}.",
    revision_requested: "The coordinators ask your team to revise {{title}}.",
    submission_featured: "Your team's {{title}} is featured on the showcase.",
    event_tomorrow: "{{title}} is tomorrow, {{when}}.",
    event_tomorrow_at: "{{title}} is tomorrow, {{when}}, at {{place}}.",
    team_nudge: "Team {{number}} has logged nothing for {{days}} days. If you have met, please log it.",
    award_granted:
      "Team {{number}} of {{cohort}} has won the {{award}} award. Its certificate follows shortly.",
    consent_withdrawn: "{{name}} withdrew their consent for {{cohort}}: their application is withdrawn.",
    consent_withdrawn_team:
      "{{name}} withdrew their consent for {{cohort}} and has left team {{number}}. Please look at the team.",
    correction_applied: "Your correction request ({{field}}) is now in the staff directory.",
    correction_declined:
      "Your correction request ({{field}}) was declined. The reason is on your My data page.",
  },
};
