/** Korean messages of the matching screens (part of the "common" namespace, under "matching"). */
export const koMatching = {
  nav: { myTeam: "내 팀" },

  /** The coordinator's review page of a cohort's matching. */
  page: {
    title: "매칭",
    intro:
      "선정된 참가자의 설문 응답과 직원 정보로 팀 구성 조건을 모두 지키면서 점수가 가장 높은 팀을 찾습니다. 결과를 검토하고 고친 뒤 공개하세요.",
    notInPhase:
      "이 기수는 지금 {{status}} 단계입니다. 매칭은 기수가 매칭 단계에 있을 때 실행하고 고칠 수 있습니다.",
    toOverview: "개요와 일정에서 단계 넘기기",
  },

  run: {
    start: "매칭 실행",
    rerun: "다시 실행",
    busyHint: "{{number}}회차가 아직 계산 중입니다. 끝나면 다시 실행할 수 있습니다.",
    certificatesIssuedHint_other:
      "이 기수에 결연증서 {{count}}장이 발급되어 있어 다시 실행해도 새 팀을 공개할 수 없습니다. 먼저 결연증서를 모두 취소하세요.",
    rerunHint: "{{number}}회차의 고정한 짝, 금지한 짝과 제외한 사람을 이어받아 처음부터 다시 계산합니다.",
    startHint: "선정된 참가자와 지금까지 제출된 설문 응답으로 계산합니다.",
    started: "{{number}}회차 매칭을 시작했습니다.",
  },

  runs: {
    title: "실행 기록",
    caption: "매칭 실행 기록 (최근 순)",
    number: "회차",
    numberValue: "{{number}}회차",
    status: "상태",
    progress: "진행률",
    objective: "목표값",
    gap: "최적성 차이",
    createdAt: "시작",
    finishedAt: "끝남",
    published: "공개",
    publishedMark: "공개됨",
    view: "{{number}}회차 보기",
    viewing: "보는 중",
    none: "아직 실행한 매칭이 없습니다.",
  },

  status: {
    queued: "대기 중",
    running: "실행 중",
    succeeded: "완료",
    failed: "실패",
  },

  phase: {
    preparing: "문제를 준비하는 중",
    first_answer: "조건을 지키는 첫 팀 구성을 찾는 중",
    flow: "배정을 최적화하는 중",
    pricing: "더 좋은 팀 조합을 찾는 중",
    local_search: "팀원을 바꿔 보며 다듬는 중",
    done: "결과를 저장하는 중",
  },

  progress: {
    title: "{{number}}회차 진행 상황",
    label: "매칭 진행률",
    value: "{{percent}}% · {{phase}}",
    queued: "작업 대기 중입니다. 곧 시작합니다.",
    early: "지금까지 찾은 가장 좋은 팀 구성입니다. 계산이 끝나면 바뀔 수 있습니다.",
  },

  failed:
    "{{number}}회차 매칭을 끝내지 못했습니다. 다시 실행해 보세요. 같은 문제가 되풀이되면 담당 부서에 알려 주세요.",
  failure: {
    job_failed:
      "{{number}}회차 매칭 작업이 여러 번 시도한 끝에 멈췄습니다. 다시 실행해 보고, 또 실패하면 담당 부서에 알려 주세요.",
    stalled: "{{number}}회차 매칭이 30분 넘게 진행되지 않아 중단된 것으로 보았습니다. 다시 실행해 주세요.",
  },

  summary: {
    title: "{{number}}회차 결과",
    teams: "팀 수",
    objective: "목표값(계산 점수)",
    total: "현재 총점",
    bound: "증명된 상한",
    gap: "최적성 차이",
    gapHint: "최적성 차이가 0.00 %이면 이보다 점수가 높은 팀 구성이 없다는 것이 증명된 것입니다.",
    unplaced: "배정되지 않은 사람",
    people_other: "{{count}}명",
    finishedAt: "계산 완료",
    publishedAt: "공개 시각",
  },

  unplacedTitle: "배정되지 않은 사람과 이유",
  unplacedReason: "이유",
  unplacedCaption: "배정되지 않은 사람",
  issuesTitle: "입력에서 찾은 문제",

  /** What the template asks of every team, said before a run: the hard rules in words, the criteria's weights. */
  rules: {
    title: "이 기수의 매칭 규칙",
    intro:
      "템플릿에 정한 규칙과 점수 기준입니다. 매칭은 규칙을 모두 지키는 팀 가운데 점수가 가장 높은 구성을 찾습니다.",
    hardTitle: "반드시 지키는 규칙",
    criteriaTitle: "점수 기준과 비중",
    criteriaCaption: "점수 기준별 가중치와 전체에서 차지하는 비중",
    share: "{{share}}",
    shareLabel: "{{criterion}}: 전체 가중치의 {{share}}",
    weight: "가중치 {{weight}}",
    perTeam: "팀 전체에 매기는 기준",
    none: "점수 기준이 없습니다. 규칙만 지키며 팀을 만듭니다.",
  },

  /** Each mentor–mentee pair of a team card: its points and the criteria that gave them. */
  pairScores: {
    pair: "멘토 {{mentor}} · 멘티 {{mentee}}: {{points}}점",
    part: "{{criterion}} {{points}}점 (충족도 {{value}})",
    noParts: "점수 기준이 없어 0점입니다",
    team: "팀 전체 기준: {{criterion}} {{points}}점",
    none: "이 팀에는 짝이 없습니다.",
  },

  /** People excluded from the next run based on this one. */
  exclusions: {
    title: "다음 회차에서 제외할 사람",
    intro:
      "제외한 사람은 이 회차를 바탕으로 다시 실행할 때 팀에 넣지 않습니다. 지금 팀에 있는 사람을 제외하면 규칙 위반으로 표시되니 배정되지 않은 사람과 바꾸거나 다시 실행하세요.",
    personLabel: "제외할 사람",
    choose: "사람 선택",
    option: "{{name}} · {{role}} · {{department}}",
    reasonLabel: "이유 (선택)",
    reasonHint: "제외 목록과 감사 기록에 남습니다. 200자까지 쓸 수 있습니다.",
    submit: "다음 회차에서 제외",
    listTitle: "제외한 사람",
    none: "제외한 사람이 없습니다.",
    person: "{{name}} ({{role}}, {{department}})",
    reason: "이유: {{reason}}",
    noReason: "이유를 적지 않았습니다",
    lift: "제외 해제",
    liftLabel: "{{name}} 제외 해제",
    missingPerson: "제외할 사람을 고르세요.",
    done: {
      on: "{{name}}님을 다음 회차에서 제외했습니다.",
      off: "{{name}}님을 다시 매칭 대상에 넣었습니다.",
    },
  },

  /** An unplaced person put into a team in someone's place. */
  unplacedSwap: {
    column: "팀에 넣기",
    button: "이 사람과 바꾸기",
    buttonLabel: "이 사람과 바꾸기: {{name}}",
    current: "지금 배정되지 않음 · {{role}} · {{department}}",
    title: "팀에 있는 사람과 바꾸기",
    hint: "{{name}}님이 고른 사람의 팀 자리에 들어가고, 고른 사람은 배정되지 않은 사람이 됩니다. 규칙은 바로 다시 확인합니다.",
  },

  teams: {
    title: "팀 구성",
    listLabel: "{{number}}회차 팀 목록",
    team: "{{number}}팀",
    score: "점수 {{score}}",
    mentors: "멘토",
    mentees: "멘티",
    why: "왜 이 팀인가요?",
    breakdownCaption: "{{number}}팀 점수 구성",
    criterion: "기준",
    value: "충족도",
    weight: "가중치",
    points: "점수",
    total: "합계",
    violations: "{{number}}팀이 지키지 않은 규칙",
    none: "이 실행에는 팀이 없습니다.",
  },

  member: {
    grade: "직급",
    position: "직위",
    department: "부서",
  },

  edit: {
    summary: "{{name}} 이동·교체",
    legend: "{{name}} 이동 또는 교체",
    moveLabel: "{{name}}: 옮길 팀",
    swapLabel: "{{name}}: 맞바꿀 사람",
    move: "{{name}} 이동",
    swap: "{{name}} 교체",
    chooseTeam: "팀 선택",
    personOption: "{{team}}팀 · {{name}} · {{department}}",
    /** The one dialog in which a person is moved or swapped. */
    current: "지금 {{team}}팀 {{role}} · {{department}}",
    close: "닫기",
    moveTitle: "다른 팀으로 옮기기",
    moveHint: "옮긴 뒤 두 팀의 점수와 규칙을 바로 다시 확인합니다.",
    swapTitle: "다른 팀 사람과 맞바꾸기",
    search: "이름, 부서, 팀으로 찾기",
    found_other: "{{total}}명 중 {{count}}명",
    noneFound: "찾는 사람이 없습니다. 다른 말로 찾아 보세요.",
    noCandidates: "맞바꿀 수 있는 사람이 없습니다.",
    swapHint: "다른 팀의 {{role, josa(와/과)}} 자리를 맞바꿉니다. 두 팀의 인원은 그대로입니다.",
    result: "총점 {{before}} → {{after}} ({{change}})",
    resultHint: "팀 카드의 점수와 규칙 확인이 바로 바뀌었습니다.",
    violations_other: "이 변경으로 지켜지지 않는 규칙이 {{count}}개 있습니다. 해당 팀 카드를 확인하세요.",
    missingTarget: "옮길 팀이나 맞바꿀 사람을 고르세요.",
  },

  pairs: {
    title: "{{number}}팀 짝별 점수",
    pinned: "고정됨",
    forbidden: "금지됨",
    pin: "짝 고정",
    forbid: "짝 금지",
    unpin: "고정 해제",
    unforbid: "금지 해제",
    pinLabel: "{{team}}팀 멘토 {{mentor}}, 멘티 {{mentee}} 짝 고정",
    forbidLabel: "{{team}}팀 멘토 {{mentor}}, 멘티 {{mentee}} 짝 금지",
    unpinLabel: "멘토 {{mentor}}, 멘티 {{mentee}} 짝 고정 해제",
    unforbidLabel: "멘토 {{mentor}}, 멘티 {{mentee}} 짝 금지 해제",
    pair: "멘토 {{mentor}} · 멘티 {{mentee}}",
    rulesTitle: "고정한 짝과 금지한 짝",
    note: "고정과 금지는 이 회차를 바탕으로 다시 실행할 때 반영됩니다. 지금 팀에서 금지한 짝이나 갈라진 고정 짝은 규칙 위반으로 표시됩니다.",
    pinnedTitle: "고정한 짝",
    forbiddenTitle: "금지한 짝",
    nonePinned: "고정한 짝이 없습니다.",
    noneForbidden: "금지한 짝이 없습니다.",
    done: {
      pin: "짝을 고정했습니다: {{pair}}",
      forbid: "짝을 금지했습니다: {{pair}}",
      unpin: "짝 고정을 풀었습니다: {{pair}}",
      unforbid: "짝 금지를 풀었습니다: {{pair}}",
    },
  },

  publish: {
    title: "결과 공개",
    intro:
      "공개하면 참가자가 자기 팀과 팀원의 이름, 연락처를 볼 수 있습니다. 다른 팀은 보이지 않습니다. 이미 공개한 결과가 있으면 이 결과로 바뀝니다.",
    confirm: "팀 구성을 검토했으며 참가자에게 공개합니다",
    submit: "매칭 결과 공개",
    blocked_other: "지켜지지 않은 규칙이 {{count}}개 있어 공개할 수 없습니다. 팀을 고치거나 다시 실행하세요.",
    blockedNoTeams: "공개할 팀이 없습니다.",
    blockedCertificates_other:
      "이 기수에 결연증서 {{count}}장이 발급되어 있어 새 팀을 공개할 수 없습니다. 먼저 결연증서를 모두 취소하세요.",
    confirmRequired: "공개하려면 확인란에 표시하세요.",
    done_other: "{{count}}개 팀을 공개했습니다. 참가자가 이제 자기 팀을 볼 수 있습니다.",
    published: "이 회차의 팀을 공개했습니다 ({{time}}).",
    forbidden: "매칭 결과를 공개할 권한이 없습니다.",
  },

  /** Readonly notice when a run can no longer be changed. */
  readOnly:
    "이 회차는 고칠 수 없습니다. 기수가 매칭 단계에 있고 계산이 끝난 회차만 고치고 공개할 수 있습니다.",

  /** Criterion kinds (packages/matching), for the score breakdown. */
  criterion: {
    answer: "설문 응답의 비슷함",
    interest_overlap: "관심 분야 일치",
    attribute: "직원 정보 조건",
    grade_gap: "직급 차이",
    years_gap: "재직 연수 차이",
    diagnostic_complement: "진단 결과 보완",
    mentee_preference: "멘티의 희망",
    team_diversity: "팀 구성의 다양성",
    pair_scores: "짝 점수",
  },
  attribute: {
    department: "부서",
    office: "근무지",
    position: "직위",
    grade: "직급",
  },
  /** What a criterion looks at, when its kind alone does not say. */
  subject: {
    attributeSame: "{{attribute}} 같음 선호",
    attributeDifferent: "{{attribute}} 다름 선호",
    diversityMentors: "멘토 사이의 {{attribute}} 다양성",
    diversityMentees: "멘티 사이의 {{attribute}} 다양성",
  },

  /** Hard rules a team breaks (after an edit or a new pin/forbid). */
  violation: {
    too_few_mentors_other: "{{team}}팀의 멘토가 {{count}}명입니다. {{min}}~{{max}}명이어야 합니다",
    too_many_mentors_other: "{{team}}팀의 멘토가 {{count}}명입니다. {{min}}~{{max}}명이어야 합니다",
    too_few_mentees_other: "{{team}}팀의 멘티가 {{count}}명입니다. {{min}}~{{max}}명이어야 합니다",
    too_many_mentees_other: "{{team}}팀의 멘티가 {{count}}명입니다. {{min}}~{{max}}명이어야 합니다",
    forbidden: "{{team}}팀: 멘토 {{mentor}}, 멘티 {{mentee, josa(은/는)}} 금지한 짝입니다",
    same_department: "{{team}}팀: 멘토 {{mentor}}, 멘티 {{mentee, josa(은/는)}} 같은 부서입니다",
    direct_supervisor: "{{team}}팀: 멘토 {{mentor}}, 멘티 {{mentee, josa(은/는)}} 직속 상하 관계입니다",
    grade_gap: "{{team}}팀: 멘토 {{mentor}}, 멘티 {{mentee}}의 직급 차이가 허용 범위를 벗어납니다",
    department_pair: "{{team}}팀: 멘토 {{mentor}}, 멘티 {{mentee}}의 부서는 지정한 부서 짝이 아닙니다",
    mentors_same_department:
      "{{team}}팀: 멘토 {{mentor}}, {{otherMentor, josa(이/가)}} 같은 부서입니다. 한 팀의 멘토는 서로 다른 부서여야 합니다",
    pin_split: "{{team}}팀: 고정한 짝 멘토 {{mentor}}, 멘티 {{mentee, josa(이/가)}} 다른 팀으로 갈라졌습니다",
    in_two_teams: "{{team}}팀: {{person}}님이 두 팀에 들어 있습니다",
    not_a_participant: "{{team}}팀: {{person}}님은 이 회차의 참가자가 아닙니다",
    not_accepted: "{{team}}팀: {{person}}님의 신청이 더 이상 선정 상태가 아닙니다",
    excluded_placed:
      "{{team}}팀: {{person}}님은 다음 회차에서 제외했지만 이 팀에 있습니다. 배정되지 않은 사람과 바꾸거나 다시 실행하세요",
  },

  /** The rule sentence of a cross-department program's named department pairs. */
  departmentPairsRule: "멘토와 멘티는 지정한 {{level}} 짝({{pairs}})끼리만 한 팀이 됩니다.",
  /** A cross-department template's department pairs, as their fields are named. */
  pairsEditor: {
    legend: "부서 짝",
    first: "부서 짝 {{number}}의 첫째 부서",
    second: "부서 짝 {{number}}의 둘째 부서",
    hint: "함께 일하는 두 부서를 짝으로 정하세요. 멘토와 멘티는 지정한 짝의 두 부서끼리만 한 팀이 됩니다. 부서는 저장된 비교 단계로 고릅니다.",
    choose: "부서를 고르세요",
    none: "지정한 부서 짝이 없습니다.",
    add: "부서 짝 추가",
    remove: "부서 짝 {{number}} 삭제",
  },

  /** The department pairs of a cross-department template, refused at their field. */
  pairIssue: {
    sameDepartment: "{{field}}: 서로 다른 두 부서를 고르세요",
    duplicatePair: "{{field}}: 이미 지정한 부서 짝입니다",
    pairsKind: "{{field}}: 부서 짝은 부서 간 소통 프로그램에서만 정합니다",
    unknownDepartment: "{{field}}: 이 기관의 해당 단계 부서가 아닙니다",
  },

  /** Hard pair rules named inside an issue. */
  rule: {
    forbidden: "금지한 짝",
    same_department: "같은 부서 금지",
    direct_supervisor: "직속 상하 관계 금지",
    grade_gap: "직급 차이 범위",
    department_pair: "지정한 부서 짝만",
  },

  /** Why the engine left someone out (packages/matching/src/diagnostics.ts). */
  unplaced: {
    excluded: "이 회차에서 제외했습니다",
    exclusion_lifted: "제외를 풀었습니다. 팀에 있는 사람과 바꾸거나 다시 실행하면 배정됩니다",
    swapped_out: "팀 편집으로 팀에서 빠졌습니다 ({{role}})",
    no_eligible_partner: "규칙상 함께할 수 있는 상대 역할의 사람이 없습니다 ({{role}})",
    capacity_full: "{{teams}}개 팀 모두 {{role}} 자리({{capacity}}명)가 찼습니다",
    not_enough_partners:
      "팀을 하나 더 만들 상대 역할의 사람이 부족합니다 ({{role}}, 팀당 {{perTeam}}명 필요)",
    no_compatible_team: "자리가 있는 팀마다 규칙상 함께할 수 없는 사람이 있습니다 ({{role}})",
  },

  /** Problems with the input the engine found (packages/matching/src/diagnostics.ts). */
  issue: {
    pinned_pair_breaks_rule:
      "고정한 짝 멘토 {{mentor}}, 멘티 {{mentee, josa(은/는)}} 규칙({{rule}})에 어긋나 지킬 수 없습니다",
    pinned_team_too_large:
      "고정한 짝을 모으면 한 팀에 멘토 {{mentors}}, 멘티 {{mentees, josa(이/가)}} 들어가 팀 정원(멘토 {{maxMentors}}명, 멘티 {{maxMentees}}명)을 넘습니다",
    pinned_team_incomplete:
      "고정한 짝(멘토 {{mentors}}, 멘티 {{mentees}})으로는 템플릿의 팀 구성을 채울 수 없습니다",
    too_few_for_capacity:
      "{{role}} {{count}}명을 모두 배정하려면 {{otherRole, josa(이/가)}} {{needed}}명 이상 필요하지만(1명당 {{capacity}}명까지), 함께할 수 있는 사람은 {{eligible}}명입니다",
    too_few_to_fill_teams:
      "{{role}} {{count}}명에게 모두 팀을 주려면 {{otherRole, josa(이/가)}} {{needed}}명 필요하지만(팀당 {{perTeam}}명), 함께할 수 있는 사람은 {{eligible}}명입니다",
    no_team_possible:
      "멘토 {{mentors}}명과 멘티 {{mentees}}명으로는 템플릿 구성의 팀을 하나도 만들 수 없습니다",
  },

  /** Refusals of the matching use cases (the messages of the matching.* error codes). */
  error: {
    runNotFound: "매칭 실행 기록을 찾을 수 없습니다.",
    cohortNotMatching: "기수가 매칭 단계에 있을 때만 매칭을 실행하고 고칠 수 있습니다.",
    runNotReady: "이 회차는 아직 계산이 끝나지 않았거나 실패해서 고칠 수 없습니다.",
    runInProgress: "이미 진행 중인 매칭이 있습니다. 끝난 뒤 다시 실행하세요.",
    personNotPlaced: "그 사람은 이 회차의 어느 팀에도 없습니다. 화면을 새로 고쳐 확인하세요.",
    rolesDiffer: "멘토는 멘토끼리, 멘티는 멘티끼리만 맞바꿀 수 있습니다.",
    sameTeam: "같은 팀 안에서는 옮기거나 맞바꿀 수 없습니다. 다른 팀을 고르세요.",
    teamNotFound: "{{team}}팀이 없습니다.",
    personNotInRun: "이 회차의 참가자가 아닙니다.",
    pinExcluded: "이 회차에서 제외한 사람은 짝으로 고정할 수 없습니다.",
    invalidProblem: "매칭 조건이 올바르지 않아 바꾸지 않았습니다: {{detail}}",
    invalidCriteria: "템플릿의 매칭 기준({{criterion}})을 계산에 쓸 수 없습니다. 템플릿을 확인하세요.",
    noTeams: "공개할 팀이 없습니다.",
    violations_other: "지켜지지 않은 규칙이 {{count}}개 있어 공개하지 않았습니다.",
    certificatesIssued_other:
      "공개된 팀에 결연증서 {{count}}장이 발급되어 있어 공개하지 않았습니다. 새 팀을 공개하려면 먼저 결연증서를 모두 취소하세요.",
    evaluatorsAssigned_other:
      "공개된 팀에 평가위원 배정이 {{count}}건 있어 공개하지 않았습니다. 새 팀을 공개하려면 먼저 평가위원 배정을 모두 해제하세요.",
  },

  /** The participant's own team page. */
  mine: {
    title: "내 팀",
    none: "아직 공개된 팀이 없습니다",
    noneHint:
      "담당자가 매칭 결과를 공개하면 이곳에서 팀원의 이름과 연락처를 볼 수 있습니다. 다른 팀의 정보는 보이지 않습니다.",
    team: "{{cohort}} {{number}}팀",
    myRole: "내 역할: {{role}}",
    caption: "{{number}}팀 팀원과 연락처",
    name: "이름",
    role: "역할",
    department: "부서",
    position: "직위",
    email: "이메일",
    phone: "전화",
    me: "나",
    noContact: "없음",
    privacy: "팀원의 연락처는 멘토링 활동에만 쓰세요.",
  },
};
