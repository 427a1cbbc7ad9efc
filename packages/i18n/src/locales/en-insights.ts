import type { koInsights } from "./ko-insights";
import type { Translation } from "./translation";

/** English messages of national insights (the same keys as ko-insights.ts). */
export const enInsights: Translation<typeof koInsights> = {
  nav: "National insights",
  title: "National mentoring insights",
  intro:
    "Compare the per-cohort aggregate figures of the organisations that agreed to share them. No names of people are included, and figures about fewer than 5 people are suppressed. Figures are shown as distributions (number of cohorts, quartiles, median), not as rankings.",
  publication: "Published {{date}} · {{tenants}} organisations · {{cohorts}} cohorts",
  yearsFrom: "Year-over-year comparisons include years from earlier publications.",
  empty: {
    title: "Nothing has been published yet",
    text: "The figures appear here once the nightly aggregation has made its first publication.",
  },
  filters: {
    heading: "View",
    metric: "Figure",
    dimension: "Breakdown",
    by: "Compare by",
    governmentType: "Type of organisation",
    cohortYear: "Cohort year",
    all: "All",
    apply: "Apply",
  },
  by: {
    program_kind: "Program kind",
    team_shape: "Team shape",
    government_type: "Type of organisation",
    region: "Region",
    size_band: "Size",
    cohort_year: "Year",
  },
  metric: {
    participants: "Participants",
    teams: "Teams",
    completion_rate: "Completion rate",
    meetings_per_team_month: "Meetings per team and month",
    activities_per_team_month: "Activities per team and month",
    attendance_rate: "Training attendance",
    on_time_submission_rate: "Assignments submitted on time",
    diagnostic_change: "Pre/post diagnostic change",
    satisfaction: "Satisfaction (out of 5)",
    evaluation_score: "Evaluation score (out of 100)",
  },
  metricShort: {
    participants: "Participants",
    teams: "Teams",
    completion_rate: "Completion rate",
    meetings_per_team_month: "Meetings per team and month",
    activities_per_team_month: "Activities per team and month",
    attendance_rate: "Training attendance",
    on_time_submission_rate: "On-time submissions",
    diagnostic_change: "Pre/post diagnostic change",
    satisfaction: "Satisfaction",
    evaluation_score: "Evaluation score",
  },
  metricDescription: {
    participants: "People placed in the published teams, by role (mentor, mentee) and in all.",
    teams:
      "Published teams; every row also carries the cohort's most common team shape, mentors:mentees (e.g. 3:1).",
    completion_rate:
      "Of the people placed in teams, the share whose application still stands so far; a withdrawal counts against it.",
    meetings_per_team_month:
      "Meetings and counselling logged, per team and activity month elapsed (at least 1).",
    activities_per_team_month:
      "Team activities logged (meetings excluded), per team and activity month elapsed.",
    attendance_rate:
      "At trainings and events whose attendance was taken, team members marked present of those expected.",
    on_time_submission_rate: "Assignments due so far handed in on time, of those due, over the teams.",
    diagnostic_change:
      "Per dimension of a diagnostic given before and after (<set>.<dimension>): the mean change post − pre over the people who answered both.",
    satisfaction:
      "The mean of every 1-5 answer in the post satisfaction survey, about those who submitted it.",
    evaluation_score:
      "The mean of the teams' evaluation totals (0-100), once every team's evaluation is complete.",
  },
  dimension: {
    none: "All",
    role: { mentor: "Mentors", mentee: "Mentees" },
  },
  sizeBand: {
    under_500: "Under 500 staff",
    "500_1999": "500-1,999 staff",
    "2000_4999": "2,000-4,999 staff",
    "5000_plus": "5,000 staff or more",
  },
  teamShape: "Mentors:mentees {{shape}}",
  year: "{{year}}",
  chart: {
    title: "{{metric}} by {{by}}",
    text: "median {{median}} · quartiles {{q1}}-{{q3}} · {{n}} cohorts",
    tooFew: "{{n}} cohorts: fewer than {{min}}, distribution not shown",
    suppressed_one: "{{count}} suppressed cell",
    suppressed_other: "{{count}} suppressed cells",
    legend: "The bar is the median, the thin line runs from the first to the third quartile.",
    none: "No cohort matches these choices.",
  },
  showTable: "Show as a table",
  table: {
    group: "Group",
    n: "Cohorts",
    q1: "First quartile",
    median: "Median",
    q3: "Third quartile",
    suppressed: "Suppressed cells",
    hidden: "Not shown",
  },
  named: {
    heading: "Organisations that agreed to be named",
    intro:
      "Per-cohort figures of the organisations that agreed to be named, in the order of their names: not a ranking.",
    none: "No organisation that agreed to be named has a figure for these choices.",
    organisation: "Organisation",
    cohortYear: "Year",
    programKind: "Program kind",
    value: "Figure",
    suppressed: "Suppressed",
  },
  export: "Download the figures shown as CSV",
  methodologyLink: "How the figures are made",
  csv: {
    fileName: "national-mentoring-insights.csv",
    section: { groups: "Distribution", named: "Named organisations" },
  },
  methodology: {
    nav: "Methodology",
    title: "How national insights are made",
    intro:
      "What national insights publish, from which cohorts, how small figures are hidden and when it is all computed. Analysts never see the records of a person or an organisation, and the analysts' database account can read no table but the aggregates.",
    whoHeading: "Who is in it",
    who: {
      optIn:
        "Organisations that opted in from their settings (on trial, active or read-only). An organisation that opts out is not in the next night's publication; earlier publications keep its figures, published with its consent at the time.",
      named:
        "An organisation is named beside its figures only if it agreed to be; otherwise its figures appear only inside distributions. Every row says its kind of government (metropolitan, basic, public institution), its region and its size band by the active staff of its directory (under 500, 500-1,999, 2,000-4,999, 5,000 and more).",
      cohorts:
        "Cohorts past matching with published teams (active, evaluation or closed). Recruiting, orientation and matching cohorts have nothing to compare yet.",
      reference:
        "Each cohort appears under a random reference, new in every publication: nothing links a row to the cohort, or one night's rows to another's.",
    },
    countedHeading: "What is counted, per cohort",
    counted:
      "Each figure is counted as the cohort's own pages count it (the evaluation results and the outcomes page), inside the organisation's own data; only the figures leave it. A figure with nothing to count yet (no attendance taken, no assignment due…) is left out rather than shown as 0. Each row carries the year the cohort's activities start in and its program kind.",
    suppressionHeading: "Suppression",
    primary:
      "No figure about fewer than {{minCell}} people is shown: a count below 5, and any rate or mean about fewer than 5 people. A cohort with fewer than 5 participants shows nothing at all. A suppressed row keeps its descriptors (kind of government, region, year, shape) and has no value and no people count.",
    complementary:
      "A hidden figure must not follow from the shown ones. Per cohort, mentors and mentees add up to the participants; when every team has the same shape the roles follow from the teams; an organisation's totals may be known. For each organisation all of this and every shown value is one system of linear equations, and further figures are hidden until no hidden figure is determined by it (complementary suppression, checked in exact rational arithmetic).",
    complements:
      "The rates that remain shown are not suppressed for a small complement (38 of 40 completed): none of these figures is a sensitive attribute, and the analyst has no list of who took part.",
    roundingHeading: "Rounding",
    rounding:
      "Counts of people and teams are shown exactly (never below 5). Rates are computed from the exact counts and published to 0.1 percentage point, means to 0.01. These pages print means with one decimal.",
    distributionHeading: "Distributions, not rankings",
    distribution:
      "Organisations are not ranked: each group shows the number of cohorts and the first quartile, median and third quartile (linear interpolation, as a spreadsheet's QUARTILE.INC). Distributions are computed from the shown cohort figures only; suppressed cells are only counted. A group of fewer than {{minCohorts}} cohorts shows no distribution, so that no single organisation's figure shows through.",
    scheduleHeading: "Schedule",
    schedule:
      "Computed nightly at 02:30 Korea time into a new publication, published once every organisation's rows are written; until then, and if the run fails, the previous publication stays the latest. Run again the same night, the new publication replaces the first. Figures are as of the run: cohorts still running show their figures so far. Earlier publications stay for year-over-year comparison.",
    latest: "Latest publication: {{date}}",
    noneYet: "Nothing has been published yet.",
    back: "Back to national insights",
  },
  analysts: {
    nav: "National analysts",
    title: "National insights analysts",
    intro:
      "A national insights analyst sees the national insights pages and nothing else. A new analyst is mailed a link to set their password. Creating and disabling analysts is recorded in the platform's audit log.",
    formHeading: "New analyst",
    name: "Name",
    email: "E-mail",
    agency: "Agency",
    agencyHint: "For example the Ministry of the Interior and Safety",
    create: "Create the account",
    created: "A link to set the password was sent to {{email}}.",
    listHeading: "Analysts",
    none: "There are no analysts yet.",
    createdOn: "Created",
    status: "Status",
    statuses: { invited: "Password not set yet", active: "Active", disabled: "Disabled" },
    actions: "Actions",
    disable: "Disable {{name}}",
    disabled: "The account {{email}} is disabled and signed out everywhere.",
    emailTaken: "{{email}} already has an account",
    notFound: "That analyst could not be found",
  },
  sharing: {
    heading: "National insights",
    intro:
      "Your organisation can share aggregate figures so that national agencies (the Ministry of the Interior and Safety and others) can compare how organisations run mentoring.",
    sharedHeading: "What is shared",
    shared: {
      figures:
        "Aggregate figures per cohort: participants, team shape, completion, meeting and activity frequency, attendance, assignment submissions, pre/post change, satisfaction and evaluation results",
      suppression:
        "Figures about fewer than 5 people are suppressed, with further figures suppressed so that they cannot be worked out",
      noNames: "Names of people and individual records are never shared",
      cityName: "Your organisation's name is shown only if you also agree to be named",
      optOut: "You can stop at any time; you are left out from the next publication on",
    },
    status: {
      off: "Your organisation does not share its figures.",
      on: "Sharing since {{date}}; your organisation's name is not shown.",
      named: "Sharing since {{date}}; your organisation's name is shown.",
    },
    optIn: "Take part in national insights",
    optOut: "Stop taking part",
    name: "Agree to be named",
    unname: "Withdraw the agreement to be named",
    saved: {
      opt_in: "Your organisation now takes part in national insights.",
      opt_out: "Your organisation stopped taking part; it is left out from the next publication.",
      name: "Your organisation agreed to be named.",
      unname: "Your organisation's name will no longer be shown.",
    },
    compareLink: "Compare with the nation",
  },
  compare: {
    nav: "National comparison",
    title: "Compared with the nation",
    intro:
      "Your cohorts' aggregate figures against the distribution of all organisations of the same type ({{kind}}). The distribution is computed from aggregates that do not identify organisations.",
    notOptedIn:
      "Your organisation does not take part in national insights yet, so there is nothing to compare.",
    settingsLink: "Take part from the settings",
    noPublication:
      "No publication includes your organisation yet. The comparison starts after the next nightly aggregation.",
    position: {
      top: "{{metric}} is in the top quartile of {{kind}}.",
      upper_middle: "{{metric}} is at or above the median of {{kind}}, below the top quartile.",
      lower_middle: "{{metric}} is below the median of {{kind}}, above the bottom quartile.",
      bottom: "{{metric}} is in the bottom quartile of {{kind}}.",
    },
    positionShort: {
      top: "Top quartile",
      upper_middle: "At or above median",
      lower_middle: "Below median",
      bottom: "Bottom quartile",
    },
    kindGroup: {
      metropolitan_government: "metropolitan governments",
      basic_government: "local governments",
      public_institution: "public institutions",
    },
    ours: "Your organisation",
    national: "Distribution of {{kind}}",
    headingSummary: "Summary",
    noFigure: "Your figure is suppressed or missing.",
    noNational: "There are not enough cohorts nationally to compare with.",
    table: {
      metric: "Figure",
      ours: "Yours",
      q1: "First quartile",
      median: "Median",
      q3: "Third quartile",
      n: "Cohorts",
      position: "Position",
    },
    cohortsHeading: "Your cohorts' figures",
    cohort: "{{year}} · {{kind}} · {{shape}}",
  },
};
