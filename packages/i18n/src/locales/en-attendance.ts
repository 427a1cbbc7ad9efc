import type { koAttendance } from "./ko-attendance";
import type { Translation } from "./translation";

/** English messages of attendance and check-in. */
export const enAttendance: Translation<typeof koAttendance> = {
  nav: { review: "Attendance" },
  sheet: {
    title: "Attendance",
    intro:
      "Mark attendance of trainings and events at once, or show a QR code that participants scan with their phones to check themselves in.",
    none: "No calendar item takes attendance. Turn on 'Take attendance' for one in the program calendar.",
    choose: "Item",
    show: "Show",
    when: "{{when}} · {{place}}",
    caption: "Attendance of {{title}}",
    person: "Name",
    team: "Team",
    role: "Role",
    status: "Attendance",
    actions: "Mark",
    teamNumber: "Team {{number}}",
    present: "Present",
    absent: "Absent",
    unknown: "Not marked",
    byCheckIn: "Checked in",
    markPresent: "Present",
    markAbsent: "Absent",
    allPresent: "Everyone present",
    teamPresent: "Team {{number}} present",
    marked_one: "Marked {{count}} person.",
    marked_other: "Marked {{count}} people.",
    summary: "{{present}} of {{expected}} present",
    qrTitle: "Check-in by QR code",
    qrIntro:
      "Participants scan this code with their phone's camera to be marked present under their own account. It works until {{until}}.",
    qrAlt: "QR code to check in to {{title}}",
    link: "Check-in link",
    roles: { mentor: "Mentor", mentee: "Mentee" },
    signedUp: "Signed up",
    signedUpYes: "Signed up",
    signedUpNo: "—",
    signUps: "{{taken}} signed up · {{capacity}} places",
    signUpsNoLimit: "{{taken}} signed up · no limit",
    notTaken: "This event takes sign-ups only, not attendance.",
  },
  poster: {
    linkIntro:
      "For participants who cannot scan the code, send this link by messenger (it works until the same time):",
    refresh: "Make a new code",
  },
  checkIn: {
    title: "Check in",
    intro: "Checking in to {{title}}.",
    confirm: "Check in",
    done: "You are checked in to {{title}}.",
    already: "Your attendance was already recorded.",
  },
  ceremony: {
    qrTitle: "Ceremony check-in by QR code",
    qrIntro:
      "Show this code on the screen at the ceremony: participants scan it with their phones to mark themselves present. It works until {{until}}.",
    qrAlt: "QR code to check in to the {{cohort}} ceremony",
    link: "Ceremony check-in link",
    byCheckIn: "QR check-in",
    checkInTitle: "Check in to the ceremony",
    checkInIntro: "You are checking in to the {{cohort}} ceremony ({{when}}, {{place}}).",
    done: "You are checked in to the {{cohort}} ceremony.",
  },
  error: {
    itemNotFound: "That item could not be found.",
    notTaken: "This item does not take attendance.",
    notExpected: "Someone chosen is not expected at this item.",
    codeInvalid: "That check-in code is not valid. Scan the QR code on the screen again.",
    codeExpired: "That check-in code has expired. Ask the coordinators for a new one.",
    notForYou: "You are not expected at this item.",
  },
};
