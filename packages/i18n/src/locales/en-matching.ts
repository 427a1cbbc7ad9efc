import type { koMatching } from "./ko-matching";
import type { Translation } from "./translation";

export const enMatching: Translation<typeof koMatching> = {
  nav: { myTeam: "My team" },

  page: {
    title: "Matching",
    intro:
      "Finds the teams with the highest score that keep every rule of the team shape, from the accepted participants' survey answers and directory records. Review the result, adjust it, then publish.",
    notInPhase:
      "This cohort is in the {{status}} phase. Matching can be run and adjusted while the cohort is in the matching phase.",
    toOverview: "Move the phase on the overview page",
  },

  run: {
    start: "Run matching",
    rerun: "Run again",
    busyHint: "Run {{number}} is still being computed. You can run again once it is done.",
    certificatesIssuedHint_one:
      "{{count}} certificate was issued for this cohort, so a new run could not be published. Revoke it first.",
    certificatesIssuedHint_other:
      "{{count}} certificates were issued for this cohort, so a new run could not be published. Revoke them first.",
    rerunHint:
      "Computes again from scratch, keeping the pinned and forbidden pairs and the excluded people of run {{number}}.",
    startHint: "Uses the accepted participants and the survey answers submitted so far.",
    started: "Matching run {{number}} has started.",
  },

  runs: {
    title: "Runs",
    caption: "Matching runs (newest first)",
    number: "Run",
    numberValue: "Run {{number}}",
    status: "Status",
    progress: "Progress",
    objective: "Objective",
    gap: "Optimality gap",
    createdAt: "Started",
    finishedAt: "Finished",
    published: "Published",
    publishedMark: "Published",
    view: "View run {{number}}",
    viewing: "Viewing",
    none: "Matching has not been run yet.",
  },

  status: {
    queued: "Queued",
    running: "Running",
    succeeded: "Finished",
    failed: "Failed",
  },

  phase: {
    preparing: "Preparing the problem",
    first_answer: "Looking for a first set of teams that keeps the rules",
    flow: "Optimising the assignment",
    pricing: "Looking for better team combinations",
    local_search: "Refining by trying swaps",
    done: "Saving the result",
  },

  progress: {
    title: "Progress of run {{number}}",
    label: "Matching progress",
    value: "{{percent}}% · {{phase}}",
    queued: "Waiting for the worker. It will start shortly.",
    early: "The best teams found so far. They may change when the computation ends.",
  },

  failed:
    "Run {{number}} could not finish. Try running it again; if the problem repeats, tell the service desk.",
  failure: {
    job_failed:
      "Run {{number}} stopped after several attempts. Run it again, and tell the service desk if it fails again.",
    stalled: "Run {{number}} showed no progress for over 30 minutes and was taken as stopped. Run it again.",
  },

  summary: {
    title: "Result of run {{number}}",
    teams: "Teams",
    objective: "Objective (computed score)",
    total: "Current total",
    bound: "Proven upper bound",
    gap: "Optimality gap",
    gapHint: "A gap of 0.00 % proves that no set of teams scores higher.",
    unplaced: "People not placed",
    people_one: "{{count}} person",
    people_other: "{{count}} people",
    finishedAt: "Computed",
    publishedAt: "Published at",
  },

  unplacedTitle: "People not placed, and why",
  unplacedReason: "Reason",
  unplacedCaption: "People not placed",
  issuesTitle: "Problems found in the input",

  rules: {
    title: "This cohort's matching rules",
    intro:
      "The rules and score criteria set in the template. Matching looks for the highest-scoring teams among those that keep every rule.",
    hardTitle: "Rules every team keeps",
    criteriaTitle: "Score criteria and their weight",
    criteriaCaption: "Each score criterion's weight and its share of the total",
    share: "{{share}}",
    shareLabel: "{{criterion}}: {{share}} of the total weight",
    weight: "weight {{weight}}",
    perTeam: "scored for the team as a whole",
    none: "There are no score criteria: teams are formed by the rules alone.",
  },

  pairScores: {
    pair: "Mentor {{mentor}} · mentee {{mentee}}: {{points}} points",
    part: "{{criterion}} {{points}} points ({{value}} met)",
    noParts: "No score criteria, so 0 points",
    team: "Whole team: {{criterion}} {{points}} points",
    none: "This team has no pairs.",
  },

  exclusions: {
    title: "People excluded from the next run",
    intro:
      "Excluded people are left out of teams when you run again based on this run. Excluding someone who is in a team now shows as a broken rule: swap them with someone not placed, or run again.",
    personLabel: "Person to exclude",
    choose: "Choose a person",
    option: "{{name}} · {{role}} · {{department}}",
    reasonLabel: "Reason (optional)",
    reasonHint: "Kept in the list and the audit log. Up to 200 characters.",
    submit: "Exclude from the next run",
    listTitle: "Excluded people",
    none: "No one is excluded.",
    person: "{{name}} ({{role}}, {{department}})",
    reason: "Reason: {{reason}}",
    noReason: "No reason given",
    lift: "Take back in",
    liftLabel: "Take {{name}} back in",
    missingPerson: "Choose the person to exclude.",
    done: {
      on: "{{name}} is excluded from the next run.",
      off: "{{name}} is back in the next run.",
    },
  },

  unplacedSwap: {
    column: "Into a team",
    button: "Swap with someone",
    buttonLabel: "Swap with someone: {{name}}",
    current: "Not placed now · {{role}} · {{department}}",
    title: "Swap with someone in a team",
    hint: "{{name}} takes the chosen person's place in their team, and the chosen person is then not placed. The rules are checked again at once.",
  },

  teams: {
    title: "Teams",
    listLabel: "Teams of run {{number}}",
    team: "Team {{number}}",
    score: "Score {{score}}",
    mentors: "Mentors",
    mentees: "Mentees",
    why: "Why this team?",
    breakdownCaption: "Score of team {{number}} by criterion",
    criterion: "Criterion",
    value: "Met",
    weight: "Weight",
    points: "Points",
    total: "Total",
    violations: "Rules team {{number}} breaks",
    none: "This run has no teams.",
  },

  member: {
    grade: "Grade",
    position: "Position",
    department: "Department",
  },

  edit: {
    summary: "Move or swap {{name}}",
    legend: "Move or swap {{name}}",
    moveLabel: "{{name}}: team to move to",
    swapLabel: "{{name}}: person to swap with",
    move: "Move {{name}}",
    swap: "Swap {{name}}",
    chooseTeam: "Choose a team",
    personOption: "Team {{team}} · {{name}} · {{department}}",
    current: "Now in team {{team}} · {{role}} · {{department}}",
    close: "Close",
    moveTitle: "Move to another team",
    moveHint: "The scores and rules of both teams are checked again at once.",
    swapTitle: "Swap with someone in another team",
    search: "Find by name, department or team",
    found_one: "{{count}} of {{total}}",
    found_other: "{{count}} of {{total}}",
    noneFound: "Nobody matches. Try other words.",
    noCandidates: "There is nobody to swap with.",
    swapHint:
      "Trades places with a person of another team in the same role ({{role}}). Both teams keep their size.",
    result: "Total {{before}} → {{after}} ({{change}})",
    resultHint: "The team cards show the new scores and rule checks.",
    violations_one: "This change breaks {{count}} rule. See the affected team cards.",
    violations_other: "This change breaks {{count}} rules. See the affected team cards.",
    missingTarget: "Choose a team to move to or a person to swap with.",
  },

  pairs: {
    title: "Points of each pair in team {{number}}",
    pinned: "Pinned",
    forbidden: "Forbidden",
    pin: "Pin pair",
    forbid: "Forbid pair",
    unpin: "Unpin",
    unforbid: "Allow again",
    pinLabel: "Pin team {{team}} mentor {{mentor}} with mentee {{mentee}}",
    forbidLabel: "Forbid team {{team}} mentor {{mentor}} with mentee {{mentee}}",
    unpinLabel: "Unpin mentor {{mentor}} and mentee {{mentee}}",
    unforbidLabel: "Allow mentor {{mentor}} and mentee {{mentee}} again",
    pair: "Mentor {{mentor}} · mentee {{mentee}}",
    rulesTitle: "Pinned and forbidden pairs",
    note: "Pins and forbids apply when you run again based on this run. In the current teams, a forbidden pair or a split pinned pair shows as a broken rule.",
    pinnedTitle: "Pinned pairs",
    forbiddenTitle: "Forbidden pairs",
    nonePinned: "No pair is pinned.",
    noneForbidden: "No pair is forbidden.",
    done: {
      pin: "Pair pinned: {{pair}}",
      forbid: "Pair forbidden: {{pair}}",
      unpin: "Pair unpinned: {{pair}}",
      unforbid: "Pair allowed again: {{pair}}",
    },
  },

  publish: {
    title: "Publish",
    intro:
      "Once published, participants see their own team with its members' names and contact details, and nothing of other teams. An earlier publication is replaced by this one.",
    confirm: "I have reviewed the teams and publish them to the participants",
    submit: "Publish matching result",
    blocked_one: "{{count}} rule is broken, so this cannot be published. Fix the teams or run again.",
    blocked_other: "{{count}} rules are broken, so this cannot be published. Fix the teams or run again.",
    blockedNoTeams: "There are no teams to publish.",
    blockedCertificates_one:
      "{{count}} certificate was issued for this cohort, so new teams cannot be published. Revoke it first.",
    blockedCertificates_other:
      "{{count}} certificates were issued for this cohort, so new teams cannot be published. Revoke them first.",
    confirmRequired: "Tick the confirmation to publish.",
    done_one: "{{count}} team published. Participants can now see their team.",
    done_other: "{{count}} teams published. Participants can now see their team.",
    published: "The teams of this run are published ({{time}}).",
    forbidden: "You may not publish matching results.",
  },

  readOnly:
    "This run can no longer be changed. Only a finished run of a cohort in the matching phase can be adjusted and published.",

  criterion: {
    answer: "Similar survey answers",
    interest_overlap: "Shared interests",
    attribute: "Directory attribute",
    grade_gap: "Grade gap",
    years_gap: "Years of service gap",
    diagnostic_complement: "Complementary diagnostic",
    mentee_preference: "Mentee's wishes",
    team_diversity: "Team diversity",
    pair_scores: "Pair scores",
  },
  attribute: {
    department: "Department",
    office: "Office",
    position: "Position",
    grade: "Grade",
  },
  subject: {
    attributeSame: "Same {{attribute}} preferred",
    attributeDifferent: "Different {{attribute}} preferred",
    diversityMentors: "{{attribute}} diversity among mentors",
    diversityMentees: "{{attribute}} diversity among mentees",
  },

  violation: {
    too_few_mentors_one: "Team {{team}} has {{count}} mentor; it needs {{min}} to {{max}}",
    too_few_mentors_other: "Team {{team}} has {{count}} mentors; it needs {{min}} to {{max}}",
    too_many_mentors_one: "Team {{team}} has {{count}} mentor; it needs {{min}} to {{max}}",
    too_many_mentors_other: "Team {{team}} has {{count}} mentors; it needs {{min}} to {{max}}",
    too_few_mentees_one: "Team {{team}} has {{count}} mentee; it needs {{min}} to {{max}}",
    too_few_mentees_other: "Team {{team}} has {{count}} mentees; it needs {{min}} to {{max}}",
    too_many_mentees_one: "Team {{team}} has {{count}} mentee; it needs {{min}} to {{max}}",
    too_many_mentees_other: "Team {{team}} has {{count}} mentees; it needs {{min}} to {{max}}",
    forbidden: "Team {{team}}: mentor {{mentor}} and mentee {{mentee}} are a forbidden pair",
    same_department: "Team {{team}}: mentor {{mentor}} and mentee {{mentee}} are in the same department",
    direct_supervisor:
      "Team {{team}}: mentor {{mentor}} and mentee {{mentee}} are in a direct reporting line",
    grade_gap:
      "Team {{team}}: the grade gap of mentor {{mentor}} and mentee {{mentee}} is outside the allowed range",
    department_pair:
      "Team {{team}}: the departments of mentor {{mentor}} and mentee {{mentee}} are not a named department pair",
    mentors_same_department:
      "Team {{team}}: mentors {{mentor}} and {{otherMentor}} are in the same department; a team's mentors must all be from different departments",
    pin_split: "Team {{team}}: the pinned pair mentor {{mentor}} and mentee {{mentee}} is split across teams",
    in_two_teams: "Team {{team}}: {{person}} is in two teams",
    not_a_participant: "Team {{team}}: {{person}} is not a participant of this run",
    not_accepted: "Team {{team}}: {{person}}'s application is no longer accepted",
    excluded_placed:
      "Team {{team}}: {{person}} is excluded from the next run but still in this team; swap them with someone not placed, or run again",
  },

  departmentPairsRule: "A mentor and a mentee share a team only across a named {{level}} pair ({{pairs}}).",
  pairsEditor: {
    legend: "Department pairs",
    first: "First department of pair {{number}}",
    second: "Second department of pair {{number}}",
    hint: "Pair two departments that work together. A mentor and a mentee share a team only across a named pair. Departments are listed at the saved comparison level.",
    choose: "Choose a department",
    none: "No department pairs are named.",
    add: "Add a department pair",
    remove: "Remove department pair {{number}}",
  },

  pairIssue: {
    sameDepartment: "{{field}}: choose two different departments",
    duplicatePair: "{{field}}: this department pair is already named",
    pairsKind: "{{field}}: department pairs are set in cross-department programs only",
    unknownDepartment: "{{field}}: not a department of this organisation at the template's level",
  },

  rule: {
    forbidden: "forbidden pair",
    same_department: "no same department",
    direct_supervisor: "no direct reporting line",
    grade_gap: "grade gap range",
    department_pair: "named department pairs only",
  },

  unplaced: {
    excluded: "Left out of this run",
    exclusion_lifted: "No longer excluded: swap them into a team, or run again",
    swapped_out: "Taken out of a team by an edit ({{role}})",
    no_eligible_partner: "The rules allow no one of the other role to join this person ({{role}})",
    capacity_full:
      "Every team ({{teams}} in all) already has this role's places filled ({{role}}, {{capacity}} per team)",
    not_enough_partners:
      "Too few people of the other role are left to form another team ({{role}}, {{perTeam}} needed per team)",
    no_compatible_team: "Every team with room has someone this person may not join ({{role}})",
  },

  issue: {
    pinned_pair_breaks_rule:
      "The pinned pair mentor {{mentor}} and mentee {{mentee}} breaks a rule ({{rule}}) and cannot be kept",
    pinned_team_too_large:
      "Pins put mentors {{mentors}} and mentees {{mentees}} in one team, more than a team holds (mentors: at most {{maxMentors}}, mentees: at most {{maxMentees}})",
    pinned_team_incomplete:
      "The team pinned around mentors {{mentors}} and mentees {{mentees}} cannot be completed to the template's shape",
    too_few_for_capacity:
      "Placing all {{count}} ({{role}}) needs at least {{needed}} ({{otherRole}}, up to {{capacity}} each); {{eligible}} can join them",
    too_few_to_fill_teams:
      "Giving all {{count}} ({{role}}) a team needs {{needed}} ({{otherRole}}, {{perTeam}} per team); {{eligible}} can join them",
    no_team_possible:
      "No team of the template's shape can be formed from {{mentors}} mentors and {{mentees}} mentees",
  },

  error: {
    runNotFound: "The matching run was not found.",
    cohortNotMatching: "Matching can be run and changed only while the cohort is in the matching phase.",
    runNotReady: "This run has not finished, or it failed, so it cannot be changed.",
    runInProgress: "A matching run is already under way. Run again when it has finished.",
    personNotPlaced: "That person is in no team of this run. Reload the page to check.",
    rolesDiffer: "Mentors can be swapped only with mentors, and mentees with mentees.",
    sameTeam: "Moving or swapping within the same team changes nothing. Choose another team.",
    teamNotFound: "There is no team {{team}}.",
    personNotInRun: "Not a participant of this run.",
    pinExcluded: "A person left out of this run cannot be pinned.",
    invalidProblem: "The matching settings are not valid, so nothing was changed: {{detail}}",
    invalidCriteria: "The template's matching criterion ({{criterion}}) cannot be used. Check the template.",
    noTeams: "There are no teams to publish.",
    violations_one: "{{count}} rule is broken, so nothing was published.",
    violations_other: "{{count}} rules are broken, so nothing was published.",
    certificatesIssued_one:
      "{{count}} certificate was issued for the published teams, so nothing was published. Revoke it first to publish new teams.",
    certificatesIssued_other:
      "{{count}} certificates were issued for the published teams, so nothing was published. Revoke them first to publish new teams.",
    evaluatorsAssigned_one:
      "{{count}} evaluator is assigned to the published teams, so nothing was published. Remove the assignment first to publish new teams.",
    evaluatorsAssigned_other:
      "{{count}} evaluator assignments are on the published teams, so nothing was published. Remove them first to publish new teams.",
  },

  mine: {
    title: "My team",
    none: "No team has been published yet",
    noneHint:
      "When the coordinator publishes the matching result, you will see your team members and how to reach them here. Other teams are not shown.",
    team: "{{cohort}}, team {{number}}",
    myRole: "My role: {{role}}",
    caption: "Members of team {{number}} and their contact details",
    name: "Name",
    role: "Role",
    department: "Department",
    position: "Position",
    email: "E-mail",
    phone: "Phone",
    me: "Me",
    noContact: "None",
    privacy: "Use your team members' contact details for the mentoring only.",
  },
};
