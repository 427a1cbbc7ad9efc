/**
 * Korean messages of national insights (part of the "common" namespace, under "insights"): the analysts'
 * /insights pages and methodology, the operator's analysts page, an organisation's opt-in on its settings
 * and its own comparison with the nation.
 */
export const koInsights = {
  nav: "전국 통계",
  title: "전국 멘토링 통계",
  intro:
    "공유에 동의한 기관들의 기수별 집계 수치를 비교합니다. 사람의 이름은 들어 있지 않고, 5명 미만에 관한 수치는 가려져 있습니다. 순위가 아니라 분포(기수 수, 사분위수, 중앙값)로 보여 줍니다.",
  publication: "{{date}} 발표 · 기관 {{tenants}}곳 · 기수 {{cohorts}}개",
  yearsFrom: "연도별 비교에는 이전 발표의 연도도 포함됩니다.",
  empty: {
    title: "아직 발표된 통계가 없습니다",
    text: "매일 밤 집계가 끝나 첫 발표가 나오면 이곳에 표시됩니다.",
  },
  filters: {
    heading: "보기 설정",
    metric: "지표",
    dimension: "세부 항목",
    by: "비교 기준",
    governmentType: "기관 유형",
    cohortYear: "기수 연도",
    all: "전체",
    apply: "적용",
  },
  by: {
    program_kind: "프로그램 유형",
    team_shape: "팀 구성",
    government_type: "기관 유형",
    region: "지역",
    size_band: "기관 규모",
    cohort_year: "연도",
  },
  metric: {
    participants: "참여 인원",
    teams: "팀 수",
    completion_rate: "수료율",
    meetings_per_team_month: "팀당 월 만남 횟수",
    activities_per_team_month: "팀당 월 활동 횟수",
    attendance_rate: "교육 출석률",
    on_time_submission_rate: "과제 기한 내 제출률",
    diagnostic_change: "사전·사후 진단 변화",
    satisfaction: "만족도 (5점 만점)",
    evaluation_score: "평가 점수 (100점 만점)",
  },
  /** The metric in a sentence ("수료율이 …"): no unit in brackets for the particle to follow. */
  metricShort: {
    participants: "참여 인원",
    teams: "팀 수",
    completion_rate: "수료율",
    meetings_per_team_month: "팀당 월 만남 횟수",
    activities_per_team_month: "팀당 월 활동 횟수",
    attendance_rate: "교육 출석률",
    on_time_submission_rate: "과제 기한 내 제출률",
    diagnostic_change: "사전·사후 진단 변화",
    satisfaction: "만족도",
    evaluation_score: "평가 점수",
  },
  metricDescription: {
    participants: "발표된 팀에 배치된 사람 수입니다. 역할(멘토, 멘티)별로도, 전체로도 발표합니다.",
    teams: "발표된 팀의 수입니다. 모든 행에는 기수에서 가장 흔한 팀 구성(멘토:멘티, 예: 3:1)이 붙습니다.",
    completion_rate:
      "팀에 배치된 사람 중 지금까지 신청이 유지된 사람의 비율입니다. 중도 탈퇴는 수료하지 않은 것으로 셉니다.",
    meetings_per_team_month: "기록된 만남·상담의 수를 팀 수와 지난 활동 개월 수(최소 1)로 나눈 값입니다.",
    activities_per_team_month: "기록된 팀 활동(만남 제외)의 수를 팀 수와 지난 활동 개월 수로 나눈 값입니다.",
    attendance_rate:
      "출석을 받은 교육과 행사에서 참석 예정이던 팀원 중 출석으로 표시된 비율입니다(출석부 기준).",
    on_time_submission_rate: "지금까지 기한이 된 과제 중 팀들이 기한 안에 제출한 비율입니다.",
    diagnostic_change:
      "사전·사후에 모두 실시한 진단의 항목별(<진단>.<항목>) 평균 변화(사후 − 사전)입니다. 두 번 모두 답한 사람만 셉니다.",
    satisfaction: "사후 만족도 설문의 모든 1~5점 응답의 평균입니다. 설문을 제출한 사람에 관한 수치입니다.",
    evaluation_score: "모든 팀의 평가가 끝난 뒤, 팀 평가 총점(0~100점)의 평균입니다.",
  },
  dimension: {
    none: "전체",
    role: { mentor: "멘토", mentee: "멘티" },
  },
  sizeBand: {
    under_500: "직원 500명 미만",
    "500_1999": "직원 500~1,999명",
    "2000_4999": "직원 2,000~4,999명",
    "5000_plus": "직원 5,000명 이상",
  },
  teamShape: "멘토:멘티 {{shape}}",
  year: "{{year}}년",
  chart: {
    title: "{{metric}}: {{by}}별 분포",
    text: "중앙값 {{median}} · 사분위 {{q1}}~{{q3}} · 기수 {{n}}개",
    tooFew: "기수 {{n}}개: {{min}}개 미만이라 분포를 보이지 않음",
    suppressed_other: "가려진 셀 {{count}}개",
    legend: "막대는 중앙값, 가는 선은 1사분위에서 3사분위까지입니다.",
    none: "이 조건에 해당하는 기수가 없습니다.",
  },
  showTable: "표로 보기",
  table: {
    group: "구분",
    n: "기수 수",
    q1: "1사분위",
    median: "중앙값",
    q3: "3사분위",
    suppressed: "가려진 셀",
    hidden: "표시 안 함",
  },
  named: {
    heading: "이름 공개에 동의한 기관",
    intro: "이름 공개에 동의한 기관의 기수별 수치입니다. 기관 이름 가나다순이며 순위가 아닙니다.",
    none: "이 조건에서 이름 공개에 동의한 기관의 수치가 없습니다.",
    organisation: "기관",
    cohortYear: "연도",
    programKind: "프로그램 유형",
    value: "수치",
    suppressed: "가려짐",
  },
  export: "보이는 수치를 CSV로 내려받기",
  methodologyLink: "집계 방법 보기",
  csv: {
    fileName: "전국_멘토링_통계.csv",
    section: { groups: "분포", named: "이름 공개 기관" },
  },
  methodology: {
    nav: "집계 방법",
    title: "전국 통계 집계 방법",
    intro:
      "전국 통계가 무엇을, 어느 기수에서 발표하는지, 작은 수치를 어떻게 가리는지, 언제 계산하는지 설명합니다. 분석가는 사람이나 기관의 원자료를 볼 수 없고, 분석가의 데이터베이스 계정은 집계 표 말고는 어떤 표도 읽을 수 없습니다.",
    whoHeading: "누가 들어가는가",
    who: {
      optIn:
        "설정에서 공유에 동의한 기관(체험, 이용 중, 읽기 전용)만 들어갑니다. 공유를 중단한 기관은 다음 날 밤 발표부터 빠지며, 이전 발표에는 당시 동의로 발표된 수치가 남습니다.",
      named:
        "기관 이름은 이름 공개에도 동의한 기관만 수치 옆에 표시되고, 그 밖의 기관 수치는 분포 안에만 들어갑니다. 각 행에는 기관 유형(광역, 기초, 공공기관), 지역, 직원 명부의 재직자 수에 따른 규모(500명 미만, 500~1,999명, 2,000~4,999명, 5,000명 이상)가 붙습니다.",
      cohorts:
        "팀이 발표된 뒤의 기수(운영, 평가, 종료 단계)만 들어갑니다. 모집·오리엔테이션·매칭 중인 기수는 아직 비교할 것이 없습니다.",
      reference:
        "각 기수는 발표마다 새로 만드는 무작위 참조로만 나타나므로, 어떤 행도 기수나 다른 날의 행과 연결되지 않습니다.",
    },
    countedHeading: "기수마다 무엇을 세는가",
    counted:
      "각 수치는 그 기관의 데이터 안에서 기수 화면(평가 결과, 성과 화면)이 세는 방식 그대로 계산되며, 수치만 밖으로 나옵니다. 아직 셀 것이 없는 수치(출석을 받지 않았거나 기한이 된 과제가 없는 경우 등)는 0으로 보이지 않고 빠집니다. 각 행에는 기수 활동이 시작하는 해와 프로그램 유형이 붙습니다.",
    suppressionHeading: "작은 수치 가리기",
    primary:
      "{{minCell}}명 미만에 관한 수치는 발표하지 않습니다. 5 미만의 수, 그리고 계산 대상이 5명 미만인 비율이나 평균이 이에 해당합니다. 참여자가 5명 미만인 기수는 아무것도 보이지 않습니다. 가려진 행에는 설명 항목(기관 유형, 지역, 연도, 팀 구성)만 남고 값과 인원은 없습니다.",
    complementary:
      "가려진 수치는 보이는 수치에서 계산해 낼 수 없어야 합니다. 기수마다 멘토와 멘티의 합이 참여 인원이고, 모든 팀이 같은 구성이면 역할별 인원이 팀 수에서 나오며, 기관 전체 합계가 알려져 있을 수 있습니다. 기관마다 이 관계와 보이는 값 전부를 하나의 일차 연립방정식으로 두고, 가려진 수치가 하나도 정해지지 않을 때까지 다른 수치도 함께 가립니다(보완 가림, 정확한 유리수 계산으로 확인).",
    complements:
      "남은 비율은 나머지가 작다는 이유로 가리지 않습니다(40명 중 38명 수료). 이 수치들은 민감한 속성이 아니고 분석가에게는 누가 참여했는지의 명단이 없습니다.",
    roundingHeading: "반올림",
    rounding:
      "사람과 팀의 수는 반올림하지 않고 그대로 발표합니다(5 미만은 없음). 비율은 정확한 수에서 계산해 0.1%포인트까지, 평균은 0.01까지 발표합니다. 이 화면은 평균을 소수 첫째 자리까지 보여 줍니다.",
    distributionHeading: "분포로 보여 주기",
    distribution:
      "기관을 줄 세우지 않고, 비교 기준마다 기수 수와 1사분위·중앙값·3사분위를 보여 줍니다(사분위는 스프레드시트의 QUARTILE.INC와 같은 선형 보간). 분포는 보이는 기수 수치만으로 계산하며, 가려진 셀은 그 수만 알려 줍니다. 기수가 {{minCohorts}}개 미만인 구분은 한 기관의 수치가 드러나지 않도록 분포를 보이지 않습니다.",
    scheduleHeading: "일정",
    schedule:
      "매일 밤 2시 30분(한국 시간)에 새 발표로 계산합니다. 모든 기관의 행이 쓰인 뒤에야 발표되며, 그 전이나 계산이 실패하면 이전 발표가 최신으로 남습니다. 같은 날 밤 다시 계산하면 새 발표가 앞의 것을 대신합니다. 수치는 계산 시점 기준이라 진행 중인 기수는 지금까지의 수치입니다. 이전 발표는 연도별 비교를 위해 남습니다.",
    latest: "가장 최근 발표: {{date}}",
    noneYet: "아직 발표가 없습니다.",
    back: "전국 통계로 돌아가기",
  },
  analysts: {
    nav: "국가 통계 분석가",
    title: "국가 통계 분석가",
    intro:
      "국가 통계 분석가는 전국 통계 화면만 볼 수 있습니다. 계정을 만들면 비밀번호를 설정하는 링크가 메일로 갑니다. 만들고 사용 중지하는 일은 플랫폼 감사 기록에 남습니다.",
    formHeading: "새 분석가",
    name: "이름",
    email: "이메일",
    agency: "소속 기관",
    agencyHint: "예: 행정안전부, 지방자치인재개발원",
    create: "계정 만들기",
    created: "{{email}} 주소로 비밀번호 설정 링크를 보냈습니다.",
    listHeading: "분석가 목록",
    none: "아직 분석가가 없습니다.",
    createdOn: "만든 날",
    status: "상태",
    statuses: { invited: "비밀번호 설정 전", active: "사용 중", disabled: "사용 중지" },
    actions: "작업",
    disable: "{{name}} 사용 중지",
    disabled: "{{email}} 계정을 사용 중지했습니다. 로그인된 세션도 모두 끝냈습니다.",
    emailTaken: "{{email}} 주소에는 이미 계정이 있습니다",
    notFound: "그 분석가를 찾을 수 없습니다",
  },
  sharing: {
    heading: "전국 통계 참여",
    intro:
      "국가 기관(행정안전부 등)이 기관 간 멘토링 운영을 비교할 수 있도록 집계 수치를 공유할 수 있습니다.",
    sharedHeading: "공유되는 것",
    shared: {
      figures:
        "기수별 집계 수치: 참여 인원, 팀 구성, 수료율, 만남·활동 빈도, 출석률, 과제 제출, 사전·사후 변화, 만족도, 평가 결과",
      suppression: "5명 미만에 관한 수치는 가려지며, 거꾸로 계산할 수 없도록 다른 수치도 함께 가려집니다",
      noNames: "사람의 이름이나 개인별 기록은 절대 공유되지 않습니다",
      cityName: "기관 이름은 이름 공개에도 동의한 경우에만 표시됩니다",
      optOut: "언제든 참여를 중단할 수 있으며, 다음 발표부터 빠집니다",
    },
    status: {
      off: "현재 공유하지 않습니다.",
      on: "{{date}}부터 공유하고 있습니다. 기관 이름은 표시되지 않습니다.",
      named: "{{date}}부터 공유하고 있으며, 기관 이름도 표시됩니다.",
    },
    optIn: "전국 통계에 참여하기",
    optOut: "참여 중단하기",
    name: "기관 이름 공개에 동의하기",
    unname: "기관 이름 공개 철회하기",
    saved: {
      opt_in: "전국 통계에 참여합니다.",
      opt_out: "참여를 중단했습니다. 다음 발표부터 빠집니다.",
      name: "기관 이름 공개에 동의했습니다.",
      unname: "기관 이름 공개를 철회했습니다.",
    },
    compareLink: "전국과 비교하기",
  },
  compare: {
    nav: "전국 비교",
    title: "전국 기관과 비교",
    intro:
      "우리 기관 기수의 집계 수치를 같은 유형({{kind}}) 기관 전체의 분포와 비교합니다. 분포는 기관을 알 수 없는 집계만으로 계산합니다.",
    notOptedIn: "우리 기관은 아직 전국 통계에 참여하지 않아 비교할 수 없습니다.",
    settingsLink: "설정에서 참여하기",
    noPublication: "아직 우리 기관이 들어간 발표가 없습니다. 참여 후 다음 밤 집계부터 비교할 수 있습니다.",
    position: {
      top: "{{metric, josa(이/가)}} {{kind}} 중 상위 25%에 속합니다.",
      upper_middle: "{{metric, josa(이/가)}} {{kind}} 중 중앙값 이상, 상위 25% 밖에 있습니다.",
      lower_middle: "{{metric, josa(이/가)}} {{kind}} 중 중앙값 아래, 하위 25% 밖에 있습니다.",
      bottom: "{{metric, josa(이/가)}} {{kind}} 중 하위 25%에 속합니다.",
    },
    positionShort: {
      top: "상위 25%",
      upper_middle: "중앙값 이상",
      lower_middle: "중앙값 미만",
      bottom: "하위 25%",
    },
    /** The type of organisation as a group, in a sentence ("기초자치단체 중 …"). */
    kindGroup: {
      metropolitan_government: "광역자치단체",
      basic_government: "기초자치단체",
      public_institution: "공공기관",
    },
    ours: "우리 기관",
    national: "{{kind}} 분포",
    headingSummary: "요약",
    noFigure: "우리 기관의 수치가 가려졌거나 없습니다.",
    noNational: "비교할 전국 분포가 충분하지 않습니다.",
    table: {
      metric: "지표",
      ours: "우리 기관",
      q1: "1사분위",
      median: "중앙값",
      q3: "3사분위",
      n: "기수 수",
      position: "위치",
    },
    cohortsHeading: "우리 기관 기수별 수치",
    cohort: "{{year}}년 · {{kind}} · {{shape}}",
  },
};
