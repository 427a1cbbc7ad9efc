/** Korean messages of the sso screens (part of the "common" namespace, under "sso"). */
export const koSso = {
  admin: {
    title: "통합 로그인(SSO) 설정",
    intro:
      "기관의 통합 인증 시스템(OpenID Connect)으로 로그인하게 합니다. 처음 로그인할 때 이메일 또는 사번으로 이미 등록된 구성원을 찾아 연결하며, 등록되지 않은 사람은 로그인할 수 없습니다.",
    redirectUri: "리디렉션 URI",
    redirectUriHint: "인증 시스템에 클라이언트를 등록할 때 이 주소를 리디렉션 URI로 입력하세요.",
    issuer: "발급자(Issuer) URL",
    issuerHint: "예: https://sso.example.go.kr — 저장하기 전에 이 주소에서 OpenID Connect 설정을 확인합니다",
    clientId: "클라이언트 ID",
    clientSecret: "클라이언트 시크릿",
    clientSecretHintNew:
      "인증 시스템에서 발급받은 값을 입력하세요. 암호화하여 저장하며 다시 표시하지 않습니다",
    clientSecretHintStored: "저장된 시크릿이 있습니다. 바꿀 때만 입력하세요 (비워 두면 그대로 유지합니다)",
    matchBy: "구성원 확인 방법",
    matchByEmail: "이메일 주소",
    matchByEmployeeNumber: "사번",
    employeeNumberClaim: "사번 클레임 이름",
    employeeNumberClaimHint: "사번으로 확인할 때 인증 시스템이 사번을 담아 보내는 클레임입니다",
    enabled: "통합 로그인 사용",
    save: "설정 저장",
    saved: "통합 로그인 설정을 저장했습니다",
  },
  form: {
    invalidIssuer: "올바른 URL을 입력하세요 (쿼리나 # 없이)",
    issuerHttps: "https:// 주소를 입력하세요",
    tooLong: "입력이 너무 깁니다",
    invalidClaim: "영문, 숫자와 _ . : - 만 사용할 수 있습니다",
    secretRequired: "클라이언트 시크릿을 입력하세요",
    discoveryFailed:
      "발급자 주소에서 OpenID Connect 설정을 가져오지 못했습니다. 주소와 인증 시스템 상태를 확인하세요",
  },
  signIn: {
    link: "소속 기관 계정으로 로그인",
  },
  error: {
    title: "통합 로그인에 실패했습니다",
    no_match: "인증 시스템의 계정과 일치하는 구성원이 이 기관에 없습니다. 기관 관리자에게 등록을 요청하세요",
    expired: "로그인 시간이 지났거나 다른 창에서 시작한 요청입니다. 다시 시도하세요",
    cancelled: "인증 시스템에서 로그인을 취소했습니다",
    unavailable: "지금은 기관 인증 시스템에 연결할 수 없습니다. 잠시 후 다시 시도하세요",
    failed: "인증 시스템의 응답을 확인하지 못했습니다. 다시 시도하세요",
    retry: "다시 시도",
    passwordSignIn: "비밀번호로 로그인",
  },
};
