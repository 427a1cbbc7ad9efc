/**
 * Korean messages of a template's design pages beyond its settings: a blank template, the question sets
 * editor and the participant's preview (part of the "common" namespace, under "templateEditor").
 */
export const koTemplateEditor = {
  blank: {
    title: "빈 템플릿에서 시작하기",
    intro:
      "기본 템플릿이 맞지 않으면 빈 템플릿을 만들어 처음부터 설계하세요. 멘토 1명과 멘티 1명이 한 팀이고, 신청 자격 제한은 없으며, 설문은 아직 없습니다.",
    name: "새 템플릿 이름",
    kind: "새 템플릿의 프로그램 유형",
    create: "빈 템플릿 만들기",
    notCreated: "템플릿을 만들지 않았습니다. 입력 내용을 확인하세요.",
    created:
      "빈 템플릿을 만들었습니다. 팀 구성과 모집 인원을 확인하고, 설문과 진단 메뉴에서 문항을 더하세요.",
  },
  questions: {
    title: "설문과 진단 편집",
    intro:
      "참여자가 사전·사후에 답할 설문과 점수를 매기는 진단입니다. 저장하면 템플릿의 다른 설정은 그대로 두고 설문만 바꿉니다.",
    scoringHint:
      "진단 채점: 진단 영역을 고른 5점 척도 문항의 답을 영역별로 더합니다. 역채점 문항은 6에서 답을 뺀 값으로 셉니다 (5점이라고 답하면 1점).",
    keyHint:
      "키: 설문, 영역, 문항, 선택지를 구별하는 이름으로, 영문 소문자로 시작하고 소문자, 숫자, _만 씁니다 (예: communication). 매칭 기준이 문항과 영역을 키로 찾으니, 바꾸면 매칭 기준도 확인하세요.",
    none: "설문이 없습니다. 설문 추가를 눌러 시작하세요.",
    set: "설문 {{set}}",
    addSet: "설문 추가",
    removeSet: "설문 {{set}} 삭제",
    moveSetUp: "설문 {{set}} 위로",
    moveSetDown: "설문 {{set}} 아래로",
    dimensionsHint:
      "진단이면 점수를 매길 영역을 더하세요 (예: 디지털 활용). 영역이 없으면 점수를 매기지 않는 설문입니다.",
    addDimension: "설문 {{set}}에 진단 영역 추가",
    removeDimension: "설문 {{set}} 영역 {{dimension}} 삭제",
    addQuestion: "설문 {{set}}에 문항 추가",
    removeQuestion: "설문 {{set}} 문항 {{question}} 삭제",
    moveQuestionUp: "설문 {{set}} 문항 {{question}} 위로",
    moveQuestionDown: "설문 {{set}} 문항 {{question}} 아래로",
    optionsHint: "선택지를 두 개 이상 넣으세요.",
    addOption: "설문 {{set}} 문항 {{question}}에 선택지 추가",
    removeOption: "설문 {{set}} 문항 {{question}} 선택지 {{option}} 삭제",
    pickHintMultiple: "비워 두면 몇 개든 고를 수 있습니다.",
    pickHintRanked: "비워 두면 모든 선택지의 순위를 매깁니다.",
    dimensionHint: "5점 척도 문항만 영역 점수에 더합니다.",
    noDimension: "채점하지 않음",
    missingDimension: "{{key}} (없는 영역)",
    save: "설문 저장",
  },
  /** Labels, and the names messages give the fields. */
  field: {
    set: "설문 {{set}}",
    setKey: "설문 {{set}} 키",
    setTitleKo: "설문 {{set}} 제목(한국어)",
    setTitleEn: "설문 {{set}} 제목(영어)",
    setPhases: "설문 {{set}} 시기",
    setRoles: "설문 {{set}} 대상",
    dimensions: "설문 {{set}} 진단 영역",
    dimension: "설문 {{set}} 영역 {{dimension}}",
    dimensionKey: "설문 {{set}} 영역 {{dimension}} 키",
    dimensionLabelKo: "설문 {{set}} 영역 {{dimension}} 이름(한국어)",
    dimensionLabelEn: "설문 {{set}} 영역 {{dimension}} 이름(영어)",
    questions: "설문 {{set}} 문항",
    question: "설문 {{set}} 문항 {{question}}",
    questionKey: "설문 {{set}} 문항 {{question}} 키",
    questionType: "설문 {{set}} 문항 {{question}} 유형",
    promptKo: "설문 {{set}} 문항 {{question}} 질문(한국어)",
    promptEn: "설문 {{set}} 문항 {{question}} 질문(영어)",
    required: "설문 {{set}} 문항 {{question}} 필수 응답",
    options: "설문 {{set}} 문항 {{question}} 선택지",
    option: "설문 {{set}} 문항 {{question}} 선택지 {{option}}",
    optionKey: "설문 {{set}} 문항 {{question}} 선택지 {{option}} 키",
    optionLabelKo: "설문 {{set}} 문항 {{question}} 선택지 {{option}}(한국어)",
    optionLabelEn: "설문 {{set}} 문항 {{question}} 선택지 {{option}}(영어)",
    pick: "설문 {{set}} 문항 {{question}} 고르는 수",
    questionDimension: "설문 {{set}} 문항 {{question}} 채점 영역",
    reversed: "설문 {{set}} 문항 {{question}} 역채점(6 − 답)",
  },
  /** Why a question set's value was refused; {{field}} is the field's name. */
  issue: {
    optionsTooFew: "{{field}}: 선택형 문항에는 선택지가 두 개 이상 있어야 합니다",
    dimensionNotLikert: "{{field}}: 5점 척도 문항만 진단 영역을 채점합니다",
    pickAboveOptions: "{{field}}: 선택지 수보다 클 수 없습니다",
    criteriaLost_other:
      "{{field}}: 이 변경으로 매칭 기준 {{criteria}}의 문항이나 진단 영역이 없어지거나 맞지 않게 됩니다. 그 문항을 그대로 두거나 매칭 기준을 먼저 고치세요",
  },
  preview: {
    title: "참여자 화면 미리보기",
    intro: "참여자가 보게 될 화면입니다. 눌러 볼 수 있지만 아무것도 저장되지 않습니다.",
    roles: "미리 볼 역할",
    asRole: "{{role}} 화면",
    surveys: "설문과 진단",
    noSurveys: "{{role}}에게 보낼 설문이 없습니다.",
    setPhases: "시기: {{phases}}",
    certificate: "결연증서",
    certificateHint: "예시 이름으로 채운 문안입니다. 실제 증서에는 팀원의 이름과 결연일이 들어갑니다.",
    exampleMentors: "김하늘, 박서준",
    exampleMentees: "이도윤",
    exampleCohort: "{{program}} 1기",
    signer: "{{title}}",
    assignments: "과제",
    noAssignments: "과제가 없습니다.",
    assignmentDue: "마감: 활동 {{month}}개월 차 {{day}}일",
  },
  board: {
    unused:
      "주니어보드는 팀을 만들지 않고 위원만 모집하므로 팀 구성, 멘티 자격과 결연증서를 쓰지 않습니다. 위원 자격과 모집 인원은 아래에서 정합니다.",
    unusedParts:
      "주니어보드에는 팀 구성, 멘티 자격, 결연증서를 저장할 수 없습니다. 팀을 만들지 않기 때문입니다.",
  },
};
