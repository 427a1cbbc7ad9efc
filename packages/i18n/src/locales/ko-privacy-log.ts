/**
 * Korean messages of the personal-data access log (issue 17 part 4): the privacy officer's search page
 * (part of the "common" namespace, under "privacyLog") and the monthly review mail (the "email" namespace,
 * under "accessReview").
 */
export const koPrivacyLog = {
  nav: "개인정보 열람 기록",
  page: {
    title: "개인정보 열람 기록",
    intro:
      "본인이 아닌 사람이 개인정보를 조회하거나 내려받을 때마다 누가, 누구의 정보를, 무엇을, 언제, 어디에서 보았는지 기록합니다. 기록은 2년 동안 보관하며 수정하거나 지울 수 없습니다.",
    filter: "열람 기록 검색",
    person: "열람된 사람 (이름 또는 직원번호)",
    viewer: "열람한 사람 (이름 또는 이메일)",
    kind: "열람 종류",
    anyKind: "모든 종류",
    from: "시작일",
    to: "종료일",
    search: "검색",
    exportCsv: "검색 결과 CSV 내려받기",
    at: "일시",
    whose: "열람된 사람",
    object: "대상",
    address: "접속 위치",
    requestId: "요청 번호",
    none: "조건에 맞는 열람 기록이 없습니다.",
    total_other: "{{count}}건",
    people_other: "{{count}}명",
    morePeople: "{{names}} 외 {{count}}명",
    unknownViewer: "(알 수 없는 사용자)",
    team: "{{number}}팀",
    cohortTeam: "{{cohort}} {{number}}팀",
    page: "{{page}}쪽",
    previous: "이전",
    next: "다음",
    pager: "열람 기록 쪽 이동",
  },
  kind: {
    applicant_list: "신청자 명단 조회",
    applicant_export: "신청자 명단 내려받기",
    survey_answers: "설문 응답 (매칭 검토)",
    diagnostic_results: "진단 결과 (개인별 변화)",
    counselling_meetings: "면담·상담 기록",
    directory: "직원 명부",
    evaluation_portfolio: "평가 포트폴리오",
    team_progress_export: "팀 활동 현황 내려받기",
    cohort_report: "결과보고서 내려받기",
  },
  csv: {
    fileName: "개인정보_열람기록.csv",
    at: "일시",
    viewer: "열람한 사람",
    viewerEmail: "열람한 사람 이메일",
    kind: "열람 종류",
    people: "열람된 사람 수",
    whose: "열람된 사람",
    cohort: "기수",
    team: "팀",
    address: "접속 위치",
    requestId: "요청 번호",
  },
};

/** The monthly review mail, in the "email" namespace under "accessReview". */
export const koPrivacyLogEmail = {
  subject:
    "[개인정보 열람 기록] {{period, datetime(year: numeric; month: long; timeZone: UTC)}} 월간 점검 보고",
  greeting: "{{name}} 님, 안녕하십니까.",
  body: "{{tenant}}의 {{period, datetime(year: numeric; month: long; timeZone: UTC)}} 개인정보 열람 기록을 점검한 결과입니다. 이 달에 본인이 아닌 사람의 개인정보 열람·내려받기가 모두 {{views}}건 있었습니다.",
  byKindTitle: "종류별 열람",
  byKindLine: "· {{kind}}: {{views}}건, {{people}}명",
  noViews: "· 열람 기록이 없습니다.",
  unusualTitle: "평소보다 많이 열람한 사람 (열람한 사람의 중앙값 {{median}}명의 3배 초과, 50명 이상)",
  unusualLine: "· {{viewer}}: {{people}}명을 {{views}}번에 걸쳐 열람",
  exportsTitle: "내려받기 {{count}}건",
  outOfHoursTitle: "근무시간 외 열람 {{count}}건 (평일 08:00 이전·19:00 이후, 주말)",
  eventLine:
    "· {{at, datetime(dateStyle: medium; timeStyle: short; hourCycle: h23)}} {{viewer}} — {{kind}} ({{people}}명)",
  more: "· 외 {{count}}건은 열람 기록 화면에서 확인하십시오.",
  none: "· 없음",
  action: "열람 기록 확인하기",
  why: "이 메일은 개인정보 보호책임자에게 매월 1일 지난달의 열람 기록을 알려 드리기 위해 보내 드립니다.",
  kind: koPrivacyLog.kind,
};
