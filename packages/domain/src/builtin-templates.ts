import {
  type TemplateDefinition,
  type TemplateDefinitionInput,
  templateDefinitionSchema,
} from "./program-template";

/**
 * The programs every tenant can copy and then edit: Yongin's new-official mentoring and Gangneung's
 * reverse mentoring, as they ran in 2025, and the junior board Gangneung planned next. The tenant's copy is
 * its own data from then on.
 */
export const builtinTemplateKeys = [
  "new_official_mentoring",
  "reverse_mentoring",
  "junior_board",
  "cross_department_communication",
  "group_mentoring",
  "two_mentor_mentoring",
] as const;
export type BuiltinTemplateKey = (typeof builtinTemplateKeys)[number];

const likert = (key: string, dimension: string, ko: string, en: string, reversed = false) => ({
  key,
  type: "likert" as const,
  prompt: { ko, en },
  dimension,
  reversed,
});

const option = (key: string, ko: string, en: string) => ({ key, label: { ko, en } });

/** A post-survey satisfaction item: a likert question that scores no dimension (outcomes.ts likertSummary). */
const rating = (key: string, ko: string, en: string) => ({
  key,
  type: "likert" as const,
  prompt: { ko, en },
});

/** The satisfaction survey everyone answers once the activities are over. */
const satisfactionSet = (questions: ReturnType<typeof rating>[]) => ({
  key: "satisfaction",
  title: { ko: "만족도 조사", en: "Satisfaction survey" },
  phases: ["post" as const],
  roles: ["mentor" as const, "mentee" as const],
  questions,
});

/** The survey everyone answers before matching: what the criteria compare. */
const preSurvey = <Q>(questions: Q[]) => ({
  key: "pre_survey",
  title: { ko: "사전설문", en: "Pre-survey" },
  phases: ["pre" as const],
  roles: ["mentor" as const, "mentee" as const],
  questions,
});

/** Topics a new official's mentoring covers, chosen from by each program's pre-survey. */
const topic = {
  workProcess: option("work_process", "업무 처리 절차", "How work gets done"),
  documents: option("documents", "공문서 작성", "Writing official documents"),
  civilComplaints: option("civil_complaints", "민원 응대", "Handling civil complaints"),
  relationships: option("relationships", "조직 생활과 인간관계", "Working relationships"),
  career: option("career", "경력 설계", "Career planning"),
  wellbeing: option("wellbeing", "일과 삶의 균형", "Work-life balance"),
};

/** Offsets of a half-year program: two weeks of recruitment, orientation and matching, six months of work. */
const halfYearPhases = {
  recruitmentEnd: 13,
  orientation: 20,
  matching: 21,
  ceremony: 28,
  activitiesStart: 28,
  activitiesEnd: 210,
  evaluationStart: 211,
  evaluationEnd: 225,
  close: 240,
};

/** How a new official settles in, before and after (only the mentees answer it). */
const adaptationDiagnostic = (questions: ReturnType<typeof likert>[]) => ({
  key: "adaptation_diagnostic",
  title: { ko: "조직 적응 진단", en: "Adapting to the organisation" },
  phases: ["pre" as const, "post" as const],
  roles: ["mentee" as const],
  dimensions: [
    { key: "job_confidence", label: { ko: "직무 자신감", en: "Confidence in the job" } },
    { key: "belonging", label: { ko: "조직 소속감", en: "Sense of belonging" } },
  ],
  questions,
});
const handlesTasksAlone = likert(
  "jc_tasks",
  "job_confidence",
  "맡은 업무를 혼자 처리할 수 있다.",
  "I can handle my tasks on my own.",
);
const hasSomeoneToAsk = likert(
  "be_ask",
  "belonging",
  "모르는 것을 편하게 물어볼 동료가 있다.",
  "I have colleagues I can easily ask.",
);

const interestOptions = [
  option("generative_ai", "생성형 AI 활용", "Using generative AI"),
  option("sns", "SNS 소통", "Social media"),
  option("video", "영상 제작", "Video making"),
  option("collaboration_tools", "디지털 협업 도구", "Digital collaboration tools"),
  option("trends", "요즘 세대 문화와 트렌드", "Younger generation's culture and trends"),
  option("data", "데이터 분석", "Data analysis"),
];

const reverse: TemplateDefinitionInput = {
  kind: "reverse",
  name: "거꾸로 멘토링",
  description:
    "하위직 주니어 공무원(8·9급, 재직 5년 이하)이 멘토가 되어 국장·과장에게 디지털 역량과 요즘 세대의 문화를 전하는 역멘토링입니다. 멘토 3명과 멘티 1명이 한 팀이 됩니다.",
  teamShape: { mentors: { min: 3, max: 3 }, mentees: { min: 1, max: 1 } },
  roles: {
    mentor: { eligibility: { grade: { min: 8, max: 9 }, yearsOfService: { max: 5 } }, quota: 30 },
    mentee: { eligibility: { positionTitles: { include: ["국장", "과장"] } }, quota: 10 },
  },
  // Gangneung 2025: recruitment 22 Jan - 10 Feb, orientation 21 Feb, activities March to September.
  phases: {
    recruitmentEnd: 19,
    orientation: 30,
    matching: 30,
    ceremony: 37,
    activitiesStart: 38,
    activitiesEnd: 251,
    evaluationStart: 252,
    evaluationEnd: 266,
    close: 282,
  },
  questionSets: [
    preSurvey([
      {
        key: "interests",
        type: "ranked",
        prompt: {
          ko: "관심 있는 주제를 순서대로 3개 고르세요.",
          en: "Rank the three topics that interest you most.",
        },
        options: interestOptions,
        pick: 3,
      },
      {
        key: "communication_style",
        type: "single",
        prompt: { ko: "선호하는 소통 방식은 무엇인가요?", en: "How do you prefer to communicate?" },
        options: [
          option("face_to_face", "직접 만나서", "Face to face"),
          option("messenger", "메신저", "Messenger"),
          option("mixed", "둘 다 좋음", "Either"),
        ],
      },
      {
        key: "available_days",
        type: "multiple",
        prompt: {
          ko: "활동 가능한 요일을 모두 고르세요.",
          en: "Which days can you take part? Pick all that apply.",
        },
        options: [
          option("mon", "월", "Mon"),
          option("tue", "화", "Tue"),
          option("wed", "수", "Wed"),
          option("thu", "목", "Thu"),
          option("fri", "금", "Fri"),
        ],
      },
      {
        key: "expectations",
        type: "long_text",
        prompt: {
          ko: "이번 멘토링에서 기대하는 점을 적어 주세요.",
          en: "What do you hope to get from this program?",
        },
        required: false,
      },
    ]),
    {
      key: "digital_diagnostic",
      title: { ko: "디지털 역량 진단", en: "Digital skills diagnostic" },
      phases: ["pre", "post"],
      roles: ["mentor", "mentee"],
      dimensions: [
        { key: "digital_literacy", label: { ko: "디지털 활용 역량", en: "Digital literacy" } },
        { key: "openness", label: { ko: "소통 개방성", en: "Openness in communication" } },
      ],
      questions: [
        likert(
          "dl_ai",
          "digital_literacy",
          "생성형 AI로 업무 문서 초안을 만들 수 있다.",
          "I can draft work documents with generative AI.",
        ),
        likert(
          "dl_sns",
          "digital_literacy",
          "SNS에 홍보 게시물을 직접 올릴 수 있다.",
          "I can post publicity on social media myself.",
        ),
        likert(
          "dl_video",
          "digital_literacy",
          "짧은 영상을 촬영하고 편집할 수 있다.",
          "I can shoot and edit a short video.",
        ),
        likert(
          "dl_help",
          "digital_literacy",
          "새로운 앱을 쓸 때 늘 다른 사람의 도움이 필요하다.",
          "I always need help to use a new app.",
          true,
        ),
        likert(
          "op_listen",
          "openness",
          "다른 세대의 의견을 편하게 듣는다.",
          "I listen easily to another generation's views.",
        ),
        likert(
          "op_speak",
          "openness",
          "상급자에게도 내 의견을 편하게 말한다.",
          "I speak my mind even to senior staff.",
        ),
      ],
    },
    satisfactionSet([
      rating(
        "sat_overall",
        "거꾸로 멘토링에 전반적으로 만족한다.",
        "Overall, I am satisfied with the reverse mentoring.",
      ),
      rating(
        "sat_team",
        "우리 팀은 서로 소통하고 협력이 잘 되었다.",
        "My team talked and worked well together.",
      ),
      rating("sat_useful", "활동에서 배운 것을 업무에 활용하고 있다.", "I use what I learned in my work."),
      rating(
        "sat_schedule",
        "교육과 행사의 내용과 일정이 적절했다.",
        "The trainings and events had the right content and timing.",
      ),
      rating(
        "sat_recommend",
        "동료에게 참여를 권하고 싶다.",
        "I would recommend taking part to a colleague.",
      ),
    ]),
  ],
  assignments: [
    { title: { ko: "팀 소개 영상 만들기", en: "Make a team introduction video" }, month: 1, dueDay: 25 },
    {
      title: { ko: "생성형 AI로 보고서 초안 쓰기", en: "Draft a report with generative AI" },
      month: 2,
      dueDay: 25,
    },
    { title: { ko: "SNS 홍보 게시물 기획", en: "Plan a social media post" }, month: 3, dueDay: 25 },
    {
      title: { ko: "요즘 맛집 탐방과 후기", en: "Try a new restaurant and review it" },
      month: 4,
      dueDay: 25,
    },
    {
      title: { ko: "부서 업무 디지털 개선 제안", en: "Propose a digital improvement for your department" },
      month: 5,
      dueDay: 25,
    },
    {
      title: { ko: "직원 조회 상영용 팀 영상", en: "Team video for the staff assembly" },
      month: 6,
      dueDay: 25,
    },
    { title: { ko: "활동 결과 보고", en: "Activity report" }, month: 7, dueDay: 20 },
  ],
  // Regular communication training by an outside institute every month, and the ad-hoc program events.
  calendar: [
    {
      kind: "training",
      title: { ko: "소통 역량 강화 교육", en: "Communication training" },
      description: {
        ko: "외부 전문기관이 진행하는 정기 교육입니다.",
        en: "Regular training run by an outside institute.",
      },
      place: "시청 대회의실",
      month: 1,
      on: { week: 2, weekday: 3 },
      repeat: "monthly",
      startTime: "14:00",
      endTime: "16:00",
      attendance: true,
    },
    {
      kind: "event",
      title: { ko: "간부회의 참석", en: "Joining the executive meeting" },
      description: {
        ko: "주니어 멘토가 시장 주재 간부회의에 함께합니다.",
        en: "Junior mentors join the executive meeting chaired by the mayor.",
      },
      place: "시장실 회의실",
      month: 2,
      on: { week: 1, weekday: 1 },
      startTime: "09:00",
      endTime: "10:00",
      audience: "mentors",
      attendance: true,
    },
    {
      kind: "event",
      title: { ko: "직원 힐링 콘서트", en: "Staff healing concert" },
      place: "강릉아트센터",
      month: 4,
      on: { week: 3, weekday: 4 },
      startTime: "18:30",
      endTime: "20:00",
      attendance: true,
    },
    {
      kind: "event",
      title: { ko: "1박 2일 워크숍", en: "Two-day workshop" },
      place: "경포 연수원",
      month: 5,
      on: { week: 4, weekday: 4 },
      startTime: "10:00",
      endTime: "16:00",
      days: 2,
      attendance: true,
    },
    {
      kind: "event",
      title: { ko: "일일 라디오 DJ", en: "Radio DJ for a day" },
      place: "청사 1층 로비",
      month: 6,
      on: { week: 2, weekday: 5 },
      startTime: "12:00",
      endTime: "13:00",
      attendance: true,
    },
  ],
  // Juniors strong where their manager is weak, sharing interests and a way of talking, from three
  // different departments, none from the manager's own. Departments are compared at bureau level: a
  // bureau director paired with juniors of her own bureau's divisions was what Gangneung wanted to avoid.
  matching: {
    criteria: [
      { kind: "diagnostic_complement", dimension: "digital_diagnostic.digital_literacy", weight: 3 },
      { kind: "interest_overlap", question: "pre_survey.interests", weight: 2 },
      { kind: "answer", question: "pre_survey.communication_style", mode: "similar", weight: 1 },
      { kind: "team_diversity", attribute: "department", among: "mentors", weight: 2 },
    ],
    differentDepartment: true,
    departmentLevel: "bureau",
    mentorsFromDifferentDepartments: true,
  },
  certificate: {
    title: "결연증서",
    body: "{mentors} 멘토와 {mentees} 멘티는 {tenant} {program} {cohort}에 참여하여 서로 배우고 성장할 것을 약속하며 이에 결연합니다.",
    signerTitle: "부시장",
  },
  // Gangneung evaluates participation in the regular training, ad-hoc activities and results; the first
  // two come from the attendance and activity records, the results from the evaluators.
  rubric: [
    {
      key: "training",
      name: { ko: "정기 교육 참여", en: "Regular training participation" },
      description: {
        ko: "매월 외부 전문기관 소통 교육의 팀원 출석률입니다.",
        en: "The team's attendance at the monthly communication training.",
      },
      weight: 30,
      scaleMax: 10,
      source: { kind: "computed", metric: "attendance_rate" },
    },
    {
      key: "activities",
      name: { ko: "수시 활동 참여", en: "Ad-hoc activities" },
      description: {
        ko: "팀이 기록한 활동 수입니다. 활동 기간 동안 매월 1건 이상이면 만점입니다.",
        en: "Activities the team logged; one a month or more through the activity period earns full marks.",
      },
      weight: 30,
      scaleMax: 10,
      source: { kind: "computed", metric: "activities_logged", target: 1 },
    },
    {
      key: "results",
      name: { ko: "활동 성과", en: "Results" },
      description: {
        ko: "과제 결과물과 활동으로 멘티의 디지털 역량과 세대 간 소통이 얼마나 나아졌는지 평가합니다.",
        en: "How far the team's work and activities improved the manager's digital skills and communication across generations.",
      },
      weight: 40,
      scaleMax: 10,
      levels: [
        { score: 0, label: { ko: "성과가 드러나지 않음", en: "No visible result" } },
        {
          score: 5,
          label: { ko: "계획한 활동을 수행하고 일부 성과가 있음", en: "Planned work done, some results" },
        },
        {
          score: 10,
          label: {
            ko: "뚜렷한 성과가 있고 다른 부서에 확산할 만함",
            en: "Clear results worth spreading to other departments",
          },
        },
      ],
      source: { kind: "evaluators" },
    },
  ],
  awards: [
    {
      name: { ko: "최우수", en: "Grand prize" },
      teams: 1,
      prize: {
        ko: "표창 및 국내외 우수사례지 견학",
        en: "Commendation and a study trip to model sites at home or abroad",
      },
      certificateTitle: "표창장",
    },
    {
      name: { ko: "우수", en: "Excellence" },
      teams: 2,
      prize: { ko: "표창", en: "Commendation" },
      certificateTitle: "표창장",
    },
  ],
};

const standard: TemplateDefinitionInput = {
  kind: "standard",
  name: "신규 공직자 멘토링",
  description:
    "재직 몇 년 차 선배 공무원이 멘토가 되어 신규 임용 공무원 1~2명의 업무와 조직 적응을 돕는 멘토링입니다.",
  teamShape: { mentors: { min: 1, max: 1 }, mentees: { min: 1, max: 2 } },
  roles: {
    mentor: { eligibility: { grade: { min: 7, max: 8 }, yearsOfService: { min: 3, max: 10 } }, quota: 14 },
    mentee: { eligibility: { grade: { min: 8, max: 9 }, yearsOfService: { max: 0 } }, quota: 24 },
  },
  phases: halfYearPhases,
  questionSets: [
    preSurvey([
      {
        key: "work_interests",
        type: "ranked",
        prompt: {
          ko: "멘토링에서 다루고 싶은 주제를 순서대로 3개 고르세요.",
          en: "Rank the three topics you most want to cover.",
        },
        options: [
          topic.workProcess,
          topic.documents,
          topic.civilComplaints,
          topic.relationships,
          topic.career,
          topic.wellbeing,
        ],
        pick: 3,
      },
      {
        key: "meeting_preference",
        type: "single",
        prompt: { ko: "선호하는 만남 방식은 무엇인가요?", en: "How would you like to meet?" },
        options: [
          option("lunch", "점심 식사", "Over lunch"),
          option("after_work", "퇴근 후", "After work"),
          option("office", "근무 중 상담", "At the office"),
        ],
      },
      {
        key: "introduction",
        type: "short_text",
        prompt: { ko: "자신을 한 줄로 소개해 주세요.", en: "Introduce yourself in one line." },
        required: false,
      },
    ]),
    adaptationDiagnostic([
      handlesTasksAlone,
      likert(
        "jc_documents",
        "job_confidence",
        "공문서를 어렵지 않게 작성한다.",
        "Writing official documents is not hard for me.",
      ),
      likert(
        "jc_lost",
        "job_confidence",
        "무엇을 해야 할지 몰라 막막할 때가 많다.",
        "I often do not know what to do.",
        true,
      ),
      hasSomeoneToAsk,
      likert("be_proud", "belonging", "우리 기관에서 일하는 것이 자랑스럽다.", "I am proud to work here."),
    ]),
    satisfactionSet([
      rating(
        "sat_overall",
        "신규공무원 멘토링에 전반적으로 만족한다.",
        "Overall, I am satisfied with the mentoring.",
      ),
      rating(
        "sat_meetings",
        "멘토와 멘티의 만남이 도움이 되었다.",
        "The mentor and mentee meetings were helpful.",
      ),
      rating(
        "sat_settling",
        "멘토링이 조직 생활에 적응하는 데 도움이 되었다.",
        "The mentoring helped with settling into the organisation.",
      ),
      rating(
        "sat_schedule",
        "멘토링 데이와 과제의 내용과 일정이 적절했다.",
        "Mentoring days and assignments had the right content and timing.",
      ),
      rating(
        "sat_recommend",
        "다음 기수 신규공무원에게 참여를 권하고 싶다.",
        "I would recommend it to the next new officials.",
      ),
    ]),
  ],
  assignments: [
    {
      title: { ko: "첫 만남과 활동 계획 세우기", en: "First meeting and activity plan" },
      month: 1,
      dueDay: 20,
    },
    { title: { ko: "업무 노하우 나누기", en: "Share know-how on the job" }, month: 2, dueDay: 20 },
    { title: { ko: "민원 응대 사례 토론", en: "Discuss civil complaint cases" }, month: 3, dueDay: 20 },
    { title: { ko: "멘토링 활동 소감문", en: "Reflections on the mentoring" }, month: 6, dueDay: 20 },
  ],
  // A mentoring day (멘토링 데이) every month: the afternoon pairs keep free to meet.
  calendar: [
    {
      kind: "mentoring_day",
      title: { ko: "멘토링 데이", en: "Mentoring day" },
      description: {
        ko: "멘토와 멘티가 만나 업무와 적응을 이야기하는 날입니다.",
        en: "An afternoon for mentors and mentees to meet about the work and settling in.",
      },
      month: 1,
      on: { week: 3, weekday: 3 },
      repeat: "monthly",
      startTime: "16:00",
      endTime: "18:00",
    },
  ],
  // A mentor about five years ahead, wanting to talk about the same things and meet the same way; another
  // department is preferred (a fresh view), not required.
  matching: {
    criteria: [
      { kind: "interest_overlap", question: "pre_survey.work_interests", weight: 3 },
      { kind: "answer", question: "pre_survey.meeting_preference", mode: "similar", weight: 1 },
      { kind: "years_gap", ideal: 5, range: 5, weight: 1 },
      { kind: "attribute", attribute: "department", prefer: "different", weight: 1 },
    ],
    differentDepartment: false,
  },
  certificate: {
    title: "결연증서",
    body: "{mentors} 멘토와 {mentees} 멘티는 {tenant} {program} {cohort}의 멘토와 멘티로서 서로 믿고 함께 성장할 것을 약속하며 이에 결연합니다.",
    signerTitle: "제1부시장",
  },
  // Regular meetings (two a month) and assignments on time come from the records; the evaluators judge
  // how far the new officials grew.
  rubric: [
    {
      key: "meetings",
      name: { ko: "정기 만남", en: "Regular meetings" },
      description: {
        ko: "팀이 기록한 만남과 상담 횟수입니다. 활동 기간 동안 매월 2회 이상이면 만점입니다.",
        en: "Meetings and counselling the team logged; two a month or more through the activity period earns full marks.",
      },
      weight: 40,
      scaleMax: 10,
      source: { kind: "computed", metric: "meeting_frequency", target: 2 },
    },
    {
      key: "assignments",
      name: { ko: "과제 기한 내 수행", en: "Assignments on time" },
      weight: 20,
      scaleMax: 10,
      source: { kind: "computed", metric: "assignments_on_time" },
    },
    {
      key: "growth",
      name: { ko: "멘티 성장", en: "Mentee's growth" },
      description: {
        ko: "신규 공무원이 업무와 조직에 얼마나 적응했는지 활동 기록과 소감문으로 평가합니다.",
        en: "How well the new officials settled into the work and the organisation, from the records and reflections.",
      },
      weight: 40,
      scaleMax: 10,
      levels: [
        { score: 0, label: { ko: "변화가 보이지 않음", en: "No visible change" } },
        { score: 5, label: { ko: "업무와 조직에 적응해 가는 중", en: "Settling in" } },
        {
          score: 10,
          label: { ko: "업무를 스스로 해내고 조직에 녹아듦", en: "Works independently and belongs" },
        },
      ],
      source: { kind: "evaluators" },
    },
  ],
  awards: [
    {
      name: { ko: "우수 멘토링 팀", en: "Outstanding pair" },
      teams: 3,
      prize: { ko: "표창", en: "Commendation" },
      certificateTitle: "표창장",
    },
  ],
};

/**
 * Gangneung's plan after its second cohort: a junior board (주니어보드) of young staff who propose policy to
 * the executives. Members apply as board members (the mentor role, board-proposal.ts) and are not matched;
 * the mentee role, team shape and certificate are required of every definition and go unused here.
 */
const juniorBoard: TemplateDefinitionInput = {
  kind: "board",
  name: "주니어보드",
  description:
    "2030 젊은 직원들이 위원이 되어 조직문화와 시정에 관한 정책을 제안하고, 매달 시장과의 간담회에서 직접 답변을 듣는 주니어보드입니다.",
  teamShape: { mentors: { min: 1, max: 1 }, mentees: { min: 1, max: 1 } },
  roles: {
    mentor: { eligibility: { grade: { min: 6, max: 9 }, yearsOfService: { max: 10 } }, quota: 20 },
    mentee: { eligibility: {}, quota: 1 },
  },
  // Recruitment for two weeks, then ten months of activities from the day after it closes.
  phases: {
    recruitmentEnd: 14,
    orientation: 15,
    matching: 15,
    ceremony: 15,
    activitiesStart: 15,
    activitiesEnd: 320,
    evaluationStart: 321,
    evaluationEnd: 335,
    close: 345,
  },
  questionSets: [
    {
      key: "satisfaction",
      title: { ko: "만족도 조사", en: "Satisfaction survey" },
      phases: ["post"],
      roles: ["mentor"],
      questions: [
        rating(
          "proposals_heard",
          "제안한 정책이 충분히 검토되었다고 느낀다",
          "My proposals were given a fair hearing",
        ),
        rating(
          "meetings_useful",
          "시장과의 간담회가 유익했다",
          "The meetings with the mayor were worthwhile",
        ),
        rating(
          "recommend",
          "동료에게 주니어보드 참여를 권하겠다",
          "I would recommend the junior board to colleagues",
        ),
      ],
    },
  ],
  calendar: [
    {
      kind: "event",
      title: { ko: "주니어보드 발대식", en: "Junior board launch" },
      place: "시청 대회의실",
      month: 1,
      on: { week: 1, weekday: 3 },
      startTime: "15:00",
      endTime: "16:00",
      attendance: true,
    },
    {
      kind: "event",
      title: { ko: "정책제안 간담회", en: "Policy proposal meeting with the mayor" },
      description: {
        ko: "위원들이 시장에게 정책을 제안하고 그 자리에서 답변을 듣는 월례 간담회입니다.",
        en: "A monthly meeting at which members put their proposals to the mayor and hear the answers.",
      },
      place: "시장실 소회의실",
      month: 1,
      on: { week: 3, weekday: 4 },
      repeat: "monthly",
      startTime: "16:00",
      endTime: "17:00",
      attendance: true,
    },
  ],
  certificate: {
    title: "위촉장",
    body: "{tenant} {program} {cohort} 위원으로 위촉합니다.",
    signerTitle: "시장",
  },
};

/** How someone would like to meet, compared between people as alike or not. */
const meetingPreference = {
  key: "meeting_preference",
  type: "single" as const,
  prompt: { ko: "선호하는 만남 방식은 무엇인가요?", en: "How would you like to meet?" },
  options: [
    option("lunch", "점심 식사", "Over lunch"),
    option("after_work", "퇴근 후", "After work"),
    option("office", "근무 중 회의", "At the office"),
  ],
};

/**
 * Gangneung's plan to add cross-department programs: teams drawn from two divisions that work together
 * (관광과 with 문화예술과), matched only across the department pairs the coordinator names after copying
 * (department codes are the tenant's own, so the built-in names none). One division's staff apply as
 * mentors and the other's as mentees: the roles keep their names and stand for the two sides.
 */
const crossDepartment: TemplateDefinitionInput = {
  kind: "cross_department",
  name: "부서 간 소통 프로그램",
  description:
    "함께 일하는 두 부서(과)의 직원이 한 팀이 되어 매달 합동 과제를 풀며 서로의 업무를 이해합니다. 한쪽 부서는 멘토, 다른 쪽 부서는 멘티로 신청하고, 주관부서가 지정한 부서 짝끼리만 팀이 됩니다.",
  teamShape: { mentors: { min: 2, max: 2 }, mentees: { min: 2, max: 3 } },
  roles: {
    mentor: { eligibility: { grade: { min: 5, max: 9 } }, quota: 20 },
    mentee: { eligibility: { grade: { min: 5, max: 9 } }, quota: 25 },
  },
  phases: halfYearPhases,
  questionSets: [
    preSurvey([
      {
        key: "collaboration_topics",
        type: "multiple",
        prompt: {
          ko: "상대 부서와 함께 다루고 싶은 일을 모두 고르세요.",
          en: "Choose everything you would like to work on with the other department.",
        },
        options: [
          option("joint_events", "공동 행사와 축제", "Joint events and festivals"),
          option("budget", "예산과 사업 조율", "Budgets and projects"),
          option("civil_complaints", "부서 간 민원 처리", "Complaints that cross departments"),
          option("data_sharing", "자료와 정보 공유", "Sharing data and information"),
          option("promotion", "홍보와 대외 소통", "Promotion and outreach"),
        ],
      },
      meetingPreference,
    ]),
    {
      key: "collaboration_diagnostic",
      title: { ko: "부서 간 협업 진단", en: "Working across departments" },
      phases: ["pre", "post"],
      roles: ["mentor", "mentee"],
      dimensions: [
        { key: "understanding", label: { ko: "상대 부서 이해", en: "Knowing the other department" } },
        { key: "collaboration", label: { ko: "협업 의지", en: "Willingness to collaborate" } },
      ],
      questions: [
        likert(
          "un_work",
          "understanding",
          "상대 부서가 하는 일을 잘 알고 있다.",
          "I know what the other department does.",
        ),
        likert(
          "un_contact",
          "understanding",
          "상대 부서에 편하게 연락할 사람이 있다.",
          "I have someone in the other department I can easily contact.",
        ),
        likert(
          "co_share",
          "collaboration",
          "우리 부서의 일을 상대 부서와 나누는 것이 자연스럽다.",
          "Sharing our work with the other department comes naturally.",
        ),
        likert(
          "co_wall",
          "collaboration",
          "부서 사이의 벽 때문에 일이 늦어질 때가 많다.",
          "Walls between departments often slow our work down.",
          true,
        ),
      ],
    },
    satisfactionSet([
      rating(
        "sat_overall",
        "부서 간 소통 프로그램에 전반적으로 만족한다.",
        "Overall, I am satisfied with the program.",
      ),
      rating(
        "sat_understanding",
        "상대 부서를 더 잘 이해하게 되었다.",
        "I understand the other department better.",
      ),
      rating(
        "sat_assignments",
        "합동 과제가 두 부서의 일에 도움이 되었다.",
        "The joint assignments helped both departments' work.",
      ),
      rating("sat_contacts", "업무로 연락할 사람이 생겼다.", "I now have people to contact for work."),
      rating(
        "sat_recommend",
        "다른 부서에도 참여를 권하고 싶다.",
        "I would recommend it to other departments.",
      ),
    ]),
  ],
  // A joint assignment every month, set by the coordinating department.
  assignments: [
    { title: { ko: "두 부서의 업무 소개", en: "Introduce both departments' work" }, month: 1, dueDay: 20 },
    { title: { ko: "부서 간 협업 과제 정하기", en: "Choose a shared problem" }, month: 2, dueDay: 20 },
    { title: { ko: "현장 함께 방문하기", en: "Visit each other's sites" }, month: 3, dueDay: 20 },
    { title: { ko: "공동 개선안 만들기", en: "Draft a joint improvement" }, month: 4, dueDay: 20 },
    { title: { ko: "개선안 실행과 점검", en: "Try the improvement and review it" }, month: 5, dueDay: 20 },
    { title: { ko: "합동 성과 발표", en: "Present the joint results" }, month: 6, dueDay: 20 },
  ],
  // Compared at division level (과); the named pairs keep each team across two working departments.
  matching: {
    criteria: [
      { kind: "interest_overlap", question: "pre_survey.collaboration_topics", weight: 3 },
      { kind: "answer", question: "pre_survey.meeting_preference", mode: "similar", weight: 1 },
      { kind: "team_diversity", attribute: "department", among: "mentors", weight: 1 },
    ],
    departmentLevel: "division",
  },
  certificate: {
    title: "결연증서",
    body: "{mentors}, {mentees}님은 {tenant} {program} {cohort}의 한 팀으로서 부서의 벽을 넘어 함께 일할 것을 약속합니다.",
    signerTitle: "시장",
  },
};

/**
 * A group program: one mentor with five to seven mentees (shapes seen in Korean cities: 1:7), groups
 * spread across departments and matched on a group diagnostic of how people learn together.
 */
const groupMentoring: TemplateDefinitionInput = {
  kind: "standard",
  name: "그룹 멘토링 (1:5~7)",
  description:
    "선배 공무원 1명이 후배 5~7명과 한 그룹이 되어 정기 모임으로 업무와 조직 생활을 나눕니다. 그룹 진단으로 함께 배우는 방식을 살펴 그룹을 짭니다.",
  teamShape: { mentors: { min: 1, max: 1 }, mentees: { min: 5, max: 7 } },
  roles: {
    mentor: { eligibility: { grade: { min: 5, max: 7 }, yearsOfService: { min: 5 } }, quota: 6 },
    mentee: { eligibility: { grade: { min: 7, max: 9 }, yearsOfService: { max: 3 } }, quota: 40 },
  },
  phases: halfYearPhases,
  questionSets: [
    preSurvey([
      {
        key: "group_topics",
        type: "multiple",
        prompt: {
          ko: "그룹에서 함께 이야기하고 싶은 주제를 모두 고르세요.",
          en: "Choose every topic you would like the group to talk about.",
        },
        options: [topic.workProcess, topic.documents, topic.relationships, topic.career, topic.wellbeing],
      },
      meetingPreference,
    ]),
    {
      key: "group_diagnostic",
      title: { ko: "그룹 활동 진단", en: "Learning in a group" },
      phases: ["pre", "post"],
      roles: ["mentor", "mentee"],
      dimensions: [
        { key: "openness", label: { ko: "의견 나누기", en: "Speaking up" } },
        { key: "peer_learning", label: { ko: "동료에게 배우기", en: "Learning from peers" } },
      ],
      questions: [
        likert(
          "op_speak",
          "openness",
          "여럿 앞에서 내 생각을 편하게 말한다.",
          "I say what I think in front of others.",
        ),
        likert(
          "op_quiet",
          "openness",
          "모임에서는 주로 듣기만 한다.",
          "In a meeting I mostly just listen.",
          true,
        ),
        likert(
          "pl_ask",
          "peer_learning",
          "동료의 경험에서 배우는 것이 많다.",
          "I learn a lot from colleagues' experience.",
        ),
        likert(
          "pl_share",
          "peer_learning",
          "내가 아는 것을 동료와 나눈다.",
          "I share what I know with colleagues.",
        ),
      ],
    },
    satisfactionSet([
      rating(
        "sat_overall",
        "그룹 멘토링에 전반적으로 만족한다.",
        "Overall, I am satisfied with the group mentoring.",
      ),
      rating("sat_meetings", "그룹 모임이 도움이 되었다.", "The group meetings were helpful."),
      rating(
        "sat_peers",
        "같은 그룹 동료에게서 많이 배웠다.",
        "I learned a lot from the others in my group.",
      ),
      rating("sat_size", "그룹의 인원이 알맞았다.", "The group was the right size."),
      rating("sat_recommend", "동료에게 참여를 권하고 싶다.", "I would recommend it to colleagues."),
    ]),
  ],
  assignments: [
    { title: { ko: "그룹 규칙과 활동 계획", en: "Group rules and plan" }, month: 1, dueDay: 20 },
    { title: { ko: "업무 사례 나누기", en: "Share cases from the job" }, month: 3, dueDay: 20 },
    { title: { ko: "그룹 활동 소감문", en: "Reflections on the group" }, month: 6, dueDay: 20 },
  ],
  // Groups sharing topics, a mentor who likes to meet the same way, mentees from many departments, and
  // mixed in how readily they speak up (a quiet member beside talkative ones).
  matching: {
    criteria: [
      { kind: "interest_overlap", question: "pre_survey.group_topics", weight: 3 },
      { kind: "answer", question: "pre_survey.meeting_preference", mode: "similar", weight: 1 },
      { kind: "team_diversity", attribute: "department", among: "mentees", weight: 2 },
      { kind: "diagnostic_complement", dimension: "group_diagnostic.openness", weight: 1 },
    ],
  },
  certificate: {
    title: "결연증서",
    body: "{mentors} 멘토와 {mentees} 멘티는 {tenant} {program} {cohort}의 한 그룹으로서 함께 성장할 것을 약속합니다.",
    signerTitle: "부시장",
  },
};

/**
 * Two mentors for one mentee (a shape seen in Korean cities: 2:1), one from the city's side and one from a
 * district's. The platform has no city/district attribute: the two mentors come from different bureaus
 * (mentorsFromDifferentDepartments at bureau level), which a tenant holding a district office as a bureau
 * of its tree reads as a city and a district mentor.
 */
const twoMentors: TemplateDefinitionInput = {
  kind: "standard",
  name: "2:1 멘토링 (시·구 멘토)",
  description:
    "신규 공무원 1명에게 멘토 2명이 함께합니다. 두 멘토는 서로 다른 실·국에서 나오며, 구청을 실·국 단계로 둔 기관에서는 시 멘토와 구 멘토가 한 팀이 됩니다.",
  teamShape: { mentors: { min: 2, max: 2 }, mentees: { min: 1, max: 1 } },
  roles: {
    mentor: { eligibility: { grade: { min: 6, max: 8 }, yearsOfService: { min: 3 } }, quota: 20 },
    mentee: { eligibility: { grade: { min: 8, max: 9 }, yearsOfService: { max: 1 } }, quota: 10 },
  },
  phases: halfYearPhases,
  questionSets: [
    preSurvey([
      {
        key: "work_interests",
        type: "multiple",
        prompt: {
          ko: "멘토링에서 다루고 싶은 주제를 모두 고르세요.",
          en: "Choose every topic you want to cover.",
        },
        options: [
          topic.workProcess,
          option("city_district", "시와 구의 업무 연계", "How city and district work connect"),
          topic.civilComplaints,
          topic.relationships,
        ],
      },
      meetingPreference,
    ]),
    adaptationDiagnostic([handlesTasksAlone, hasSomeoneToAsk]),
    satisfactionSet([
      rating(
        "sat_overall",
        "2:1 멘토링에 전반적으로 만족한다.",
        "Overall, I am satisfied with the mentoring.",
      ),
      rating(
        "sat_two",
        "두 멘토에게서 서로 다른 도움을 받았다.",
        "The two mentors helped in different ways.",
      ),
      rating("sat_meetings", "멘토와의 만남이 도움이 되었다.", "The meetings with the mentors were helpful."),
      rating(
        "sat_settling",
        "조직 생활에 적응하는 데 도움이 되었다.",
        "It helped with settling into the organisation.",
      ),
      rating(
        "sat_recommend",
        "다음 신규 공무원에게 참여를 권하고 싶다.",
        "I would recommend it to the next new officials.",
      ),
    ]),
  ],
  assignments: [
    { title: { ko: "세 사람의 첫 만남", en: "The three of you meet" }, month: 1, dueDay: 20 },
    { title: { ko: "두 기관의 업무 현장 방문", en: "Visit both offices" }, month: 3, dueDay: 20 },
    { title: { ko: "멘토링 활동 소감문", en: "Reflections on the mentoring" }, month: 6, dueDay: 20 },
  ],
  matching: {
    criteria: [
      { kind: "interest_overlap", question: "pre_survey.work_interests", weight: 3 },
      { kind: "answer", question: "pre_survey.meeting_preference", mode: "similar", weight: 1 },
    ],
    departmentLevel: "bureau",
    mentorsFromDifferentDepartments: true,
  },
  certificate: {
    title: "결연증서",
    body: "{mentors} 멘토와 {mentees} 멘티는 {tenant} {program} {cohort}의 멘토와 멘티로서 함께 성장할 것을 약속하며 이에 결연합니다.",
    signerTitle: "제1부시장",
  },
};

const definitions: Record<BuiltinTemplateKey, TemplateDefinitionInput> = {
  new_official_mentoring: standard,
  reverse_mentoring: reverse,
  junior_board: juniorBoard,
  cross_department_communication: crossDepartment,
  group_mentoring: groupMentoring,
  two_mentor_mentoring: twoMentors,
};

/** A fresh, validated copy of a built-in template's definition. */
export function builtinTemplate(key: BuiltinTemplateKey): TemplateDefinition {
  return templateDefinitionSchema.parse(structuredClone(definitions[key]));
}
