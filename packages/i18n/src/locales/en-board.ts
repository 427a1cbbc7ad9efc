import type { koBoard, koBoardEmail } from "./ko-board";
import type { Translation } from "./translation";

/** English messages of the junior board (the same keys as ko-board.ts). */
export const enBoard: Translation<typeof koBoard> = {
  nav: "Junior board",
  memberRole: "Board member",
  cohortNav: { proposals: "Policy proposals" },
  cohort: { moveToActive: "Close recruitment and start activities" },
  status: { proposed: "Proposed", reviewed: "Reviewed", adopted: "Adopted", declined: "Declined" },
  field: { title: "Title", body: "Proposal", coProposers: "Members proposing with you", reply: "Reply" },
  error: {
    cohortNotFound: "Junior board not found.",
    notMember: "Only members of this junior board can propose.",
    proposerNotMember: "Everyone proposing with you must be a member of this junior board.",
    notActive: "Proposals are taken while the junior board is active.",
    cohortClosed: "The proposals of a closed junior board can no longer be answered.",
    proposalNotFound: "Proposal not found.",
    proposalFinal: "An adopted or declined proposal cannot change any more.",
    transitionNotAllowed: "This proposal cannot move to that status now. Reload the page to see it.",
    replyRequired: "Write a reply to adopt or decline a proposal.",
    statusChanged: "Someone else answered this proposal first. Reload the page to see it.",
  },
  notice: {
    reviewed: "Your proposal “{{title}}” to {{cohort}} has been reviewed.",
    adopted: "Your proposal “{{title}}” to {{cohort}} was adopted. Read the reply.",
    declined: "Your proposal “{{title}}” to {{cohort}} was declined. Read the reply.",
  },
  proposal: {
    byLine: "Proposed by {{proposers}} on {{at}}",
    proposer: "{{name}} ({{department}})",
    reply: "Reply",
    repliedBy: "{{name}}, {{at}}",
    noReply: "No reply yet.",
    mine: "Mine",
  },
  mine: {
    title: "Junior board",
    intro: "Propose policy in the junior boards you are a member of, and read the executives' replies.",
    none: "You are not a member of a junior board. When one is recruiting, apply as a board member.",
    toRecruiting: "See what is recruiting",
    status: "Phase: {{status}}",
    proposeTitle: "Propose a policy",
    titleHint: "Up to {{max}} characters",
    bodyHint: "Plain text, up to {{max}} characters",
    coProposersHint: "Choose no one to propose on your own.",
    submit: "Propose",
    submitted: "Your proposal was sent. You will be notified when it is answered.",
    notOpen: "Proposals are taken while the junior board is active.",
    listTitle: "Proposals",
    empty: "No proposals yet.",
  },
  review: {
    title: "Policy proposals of {{cohort}}",
    intro:
      "Review the members' policy proposals, and adopt or decline them with a reply. An adopted or declined proposal cannot change again.",
    section_one: "{{status}} ({{count}} proposal)",
    section_other: "{{status}} ({{count}} proposals)",
    empty: "None",
    replyHint: "Adopting or declining needs a reply. The members read it as written.",
    actions: "Answer",
    markReviewed: "Mark reviewed",
    adopt: "Adopt",
    decline: "Decline",
    done: "Proposal “{{title}}”: {{status}}",
    closed: "This cohort is closed. Its proposals can no longer be answered.",
    toList: "Back to the junior boards",
  },
  boards: {
    nav: "Board proposals",
    title: "Junior boards' policy proposals",
    intro:
      "Your organisation's junior boards and where their policy proposals stand. Choose a board to review its proposals and reply.",
    none: "There is no junior board yet. It appears here once the coordinating department creates a junior board cohort.",
    status: "Cohort stage: {{status}}",
    count_one: "{{count}} proposal",
    count_other: "{{count}} proposals",
    open: "Policy proposals of {{cohort}}",
  },
};

export const enBoardEmail: Translation<typeof koBoardEmail> = {
  updated: {
    statusWord: { reviewed: "reviewed", adopted: "adopted", declined: "declined" },
    subject: "[Mentoring platform] Policy proposal “{{title}}”: {{status}}",
    greeting: "Dear {{name}},",
    reviewed:
      "Your proposal “{{title}}” to {{cohort}} has been reviewed. You will hear again when it is decided.",
    adopted: "Your proposal “{{title}}” to {{cohort}} was adopted.",
    declined: "Your proposal “{{title}}” to {{cohort}} was not adopted this time.",
    reply: "Reply: {{reply}}",
    action: "Open the junior board",
  },
};
