import type { koCalendar } from "./ko-calendar";
import type { Translation } from "./translation";

/** English messages of a cohort's program calendar. */
export const enCalendar: Translation<typeof koCalendar> = {
  title: "Program calendar",
  intro:
    "Trainings, events, mentoring days and monthly assignments in one place. Times are in the organisation's time zone; participants' pages and reminders use this calendar.",
  empty: "No items yet. Load the template's calendar, or add items below.",
  caption: "Calendar of {{month}}",
  planned_one: "Added {{count}} item from the template's calendar.",
  planned_other: "Added {{count}} items from the template's calendar.",
  plannedNothing: "Nothing more to add from the template: its items are all here.",
  added: "Item added.",
  changed: "Item changed.",
  removed: "Item removed.",
  edit: "Edit",
  remove: "Remove",
  save: "Save",
  cancel: "Cancel",
  attendanceTaken: "Taken",
  mine: {
    title: "My calendar",
    intro:
      "The trainings, events, mentoring days and due dates you take part in, to add to your phone's or work calendar.",
    caption: "My calendar",
    empty: "Nothing on your calendar yet.",
    download: "Calendar",
    addToCalendar: "Add to calendar",
  },
  feed: {
    title: "Calendar subscription",
    none: "No subscription address yet. With one, your calendar app follows every change.",
    since:
      "The subscription address made on {{when}} is in use. If you lost it, make a new one (the old one stops at once).",
    made: "Your new subscription address. Paste it into your calendar app's 'subscribe' or 'add by URL'. It is not shown again.",
    revoked: "Subscription ended: the old address no longer shows your calendar.",
    create: "Make a subscription address",
    renew: "Make a new subscription address",
    revoke: "End the subscription",
    name: "{{tenant}} mentoring calendar",
    duePrefix: "Due: ",
  },
  plan: {
    title: "Template calendar",
    first:
      "Puts the template's trainings, events, mentoring days and assignments into this cohort's activity period.",
    again:
      "Puts back only what is missing from the template. Items already here, and your changes to them, stay as they are.",
    action: "Load the template's calendar",
    againAction: "Load missing template items again",
  },
  kind: {
    assignment: "Assignment",
    training: "Training",
    event: "Event",
    mentoring_day: "Mentoring day",
  },
  audience: {
    all: "Everyone",
    mentors: "Mentors",
    mentees: "Mentees",
    team: "Team {{number}}",
  },
  column: {
    kind: "Kind",
    title: "Title",
    when: "When",
    place: "Place",
    audience: "For",
    attendance: "Attendance",
    actions: "Manage",
  },
  field: {
    kind: "Kind",
    title: "Title",
    description: "Description",
    place: "Place",
    startsAt: "Starts",
    endsAt: "Ends",
    dueAt: "Due",
    audience: "For",
    attendance: "Take attendance",
  },
  assignment: {
    addTitle: "Add an assignment",
    editTitle: "Edit the assignment",
    add: "Add assignment",
  },
  event: {
    addTitle: "Add a training or event",
    editTitle: "Edit the training or event",
    add: "Add item",
  },
  error: {
    itemHasSubmissions:
      "Teams have handed in work for this assignment, so it cannot be removed: their work is kept.",
    itemNotFound: "That item could not be found. It may have been removed already.",
    titleRequired: "Enter a title.",
    titleTooLong: "A title can be at most {{max}} characters.",
    placeTooLong: "A place can be at most {{max}} characters.",
    descriptionTooLong: "A description can be at most {{max}} characters.",
    startInvalid: "Enter the start date and time.",
    endInvalid: "Enter the end date and time.",
    dueInvalid: "Enter the due date and time.",
    endsBeforeStart: "The end cannot be before the start.",
    teamNotFound: "Choose one of this cohort's teams.",
  },
};
