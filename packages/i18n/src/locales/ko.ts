import { koBilling } from "./ko-billing";
import { koDirectory } from "./ko-directory";
import { koOnboarding } from "./ko-onboarding";
import { koSso } from "./ko-sso";
/**
 * Korean, the default locale and the source of truth for the key set: every other locale is typed
 * against it. Grades: a smaller number is a more senior rank, so 7급 is "higher" (높다) than 8급.
 */
export const ko = {
  eligibility: {
    failure: {
      grade: {
        missing: "직급(1~9급)이 있는 직원만 신청할 수 있습니다 (현재 직급 없음)",
        below_min: "직급이 {{min}}급보다 높아 신청할 수 없습니다 (현재 {{actual}}급)",
        above_max: "직급이 {{max}}급보다 낮아 신청할 수 없습니다 (현재 {{actual}}급)",
      },
      years_of_service: {
        not_yet_hired: "아직 임용 전이라 신청할 수 없습니다 (임용일 {{hireDate}})",
        below_min: "재직기간이 {{min}}년 이상이어야 합니다 (현재 {{actual}}년)",
        above_max: "재직기간이 {{max}}년 이하여야 합니다 (현재 {{actual}}년)",
      },
      hire_date: {
        before: "임용일이 {{from}} 이후여야 합니다 (현재 {{actual}})",
        after: "임용일이 {{to}} 이전이어야 합니다 (현재 {{actual}})",
      },
      birth_year: {
        missing: "출생연도 정보가 없어 신청 자격을 확인할 수 없습니다",
        below_min: "{{min}}년 이후 출생자만 신청할 수 있습니다 (현재 {{actual}}년생)",
        above_max: "{{max}}년 이전 출생자만 신청할 수 있습니다 (현재 {{actual}}년생)",
      },
      department: {
        not_included: "신청 대상 부서에 속하지 않습니다",
        excluded: "신청할 수 없는 부서입니다",
      },
      position_title: {
        not_included: "{{actual}} 직위는 신청 대상이 아닙니다 (신청 대상: {{include}})",
        excluded: "{{actual}} 직위는 신청할 수 없습니다",
      },
    },
  },
  grade: {
    "1": "1급",
    "2": "2급",
    "3": "3급",
    "4": "4급",
    "5": "5급",
    "6": "6급",
    "7": "7급",
    "8": "8급",
    "9": "9급",
    none: "직급 없음",
  },
  app: {
    name: "공공 멘토링 플랫폼",
    skipToContent: "본문 바로가기",
    mainNavigation: "주 메뉴",
    language: {
      label: "언어",
      switchTo: "English",
      switchToLabel: "언어 변경:",
    },
    signOut: "로그아웃",
    signedInAs: "{{name}}님으로 로그인됨",
    requestId: "요청 번호: {{requestId}}",
  },
  role: {
    tenant_admin: "기관 관리자",
    coordinator: "프로그램 담당자",
    executive: "간부",
    evaluator: "평가위원",
    participant: "참여자",
    operator: "플랫폼 운영자",
    insights_analyst: "국가 통계 분석가",
  },
  nav: {
    home: "홈",
    members: "구성원 관리",
    platformTenants: "기관 목록",
  },
  form: {
    required: "필수 입력 항목입니다",
    invalidEmail: "올바른 이메일 주소를 입력하세요",
    invalidToken: "보안 확인에 실패했습니다. 페이지를 새로 고친 뒤 다시 시도하세요",
    errorSummary: "입력 내용을 확인하세요",
  },
  auth: {
    signIn: {
      title: "로그인",
      email: "이메일",
      password: "비밀번호",
      submit: "로그인",
      forgot: "비밀번호를 잊으셨나요?",
      invalid: "이메일 또는 비밀번호가 올바르지 않습니다",
      throttled: "로그인 시도가 너무 많습니다. {{minutes}}분 후에 다시 시도하세요",
      expired: "세션이 만료되었습니다. 다시 로그인하세요",
    },
    forgot: {
      title: "비밀번호 재설정",
      intro: "가입한 이메일 주소를 입력하면 비밀번호 재설정 링크를 보내 드립니다.",
      submit: "재설정 링크 받기",
      sent: "입력한 주소가 등록되어 있다면 재설정 링크를 보냈습니다. 메일함을 확인하세요.",
      backToSignIn: "로그인으로 돌아가기",
    },
    reset: {
      title: "새 비밀번호 설정",
      password: "새 비밀번호",
      confirm: "새 비밀번호 확인",
      hint: "12자 이상으로 입력하세요",
      submit: "비밀번호 변경",
      tooShort: "비밀번호는 12자 이상이어야 합니다",
      mismatch: "두 비밀번호가 일치하지 않습니다",
      invalidLink: "재설정 링크가 올바르지 않거나 만료되었습니다. 다시 요청하세요",
      done: "비밀번호를 변경했습니다. 새 비밀번호로 로그인하세요",
    },
  },
  home: {
    title: "{{tenant}} 홈",
    welcome: "{{name}}님, 환영합니다",
    yourRoles: "내 역할",
    summary: "현황",
    staff: "직원",
    departments: "부서",
    members: "플랫폼 사용자",
    pendingInvitations: "대기 중인 초대",
    count: "{{value}}명",
    countUnits: "{{value}}개",
    countCases: "{{value}}건",
    asOf: "{{date}} 기준",
  },
  members: {
    title: "구성원 관리",
    name: "이름",
    email: "이메일",
    roles: "역할",
    none: "등록된 구성원이 없습니다",
    invitations: "대기 중인 초대",
    invitedRoles: "초대 역할",
    expiresAt: "만료",
    invite: {
      title: "구성원 초대",
      intro: "초대 메일의 링크로 가입하면 선택한 역할로 참여합니다. 링크는 7일간 유효합니다.",
      email: "초대할 이메일",
      roles: "역할",
      submit: "초대 메일 보내기",
      sent: "{{email}} 주소로 초대 메일을 보냈습니다",
      alreadyMember: "이미 구성원인 주소입니다",
      noRoles: "역할을 하나 이상 선택하세요",
    },
    edit: {
      legend: "{{name}}님의 역할",
      submit: "역할 저장",
      saved: "{{name}}님의 역할을 저장했습니다",
    },
    problem: {
      no_roles: "역할을 하나 이상 선택하세요",
      last_admin: "기관 관리자가 한 명 이상 있어야 합니다",
    },
  },
  invitation: {
    title: "{{tenant}} 초대",
    intro: "{{tenant}}에서 {{roles}} 역할로 초대했습니다.",
    name: "이름",
    password: "비밀번호",
    passwordHint: "12자 이상으로 입력하세요",
    submit: "가입하고 참여하기",
    join: "참여하기",
    signInFirst: "이미 계정이 있는 주소입니다. 로그인한 뒤 이 링크를 다시 여세요",
    wrongAccount: "이 초대는 다른 이메일 주소로 보낸 것입니다",
    invalid: "초대 링크가 올바르지 않거나 만료되었습니다. 기관 관리자에게 다시 요청하세요",
  },
  platform: {
    tenants: {
      title: "기관 목록",
      name: "기관명",
      slug: "주소",
      kind: "유형",
      region: "지역",
      status: "상태",
    },
  },
  tenantKind: {
    metropolitan_government: "광역자치단체",
    basic_government: "기초자치단체",
    public_institution: "공공기관",
  },
  tenantStatus: {
    applied: "신청",
    trial: "체험",
    active: "이용 중",
    read_only: "읽기 전용",
    closed: "종료",
  },
  error: {
    title: "문제가 발생했습니다",
    notFound: "페이지를 찾을 수 없습니다",
    notFoundHelp: "주소를 확인하거나 홈으로 이동하세요.",
    forbidden: "접근 권한이 없습니다",
    forbiddenHelp: "이 페이지를 볼 수 있는 역할이 없습니다. 필요하면 기관 관리자에게 문의하세요.",
    unexpected: "예기치 않은 오류가 발생했습니다",
    unexpectedHelp: "잠시 후 다시 시도하세요. 계속되면 아래 요청 번호를 알려 주세요.",
    goHome: "홈으로",
  },
  directory: koDirectory,
  billing: koBilling,
  sso: koSso,
  onboarding: koOnboarding,
  config: {
    error: {
      invalid: "환경 변수 {{name}} 값이 올바르지 않습니다: {{reason}}",
    },
  },
};

/** The shape every locale must have: the same keys as Korean, each a string. */
export type CommonMessages = typeof ko;
