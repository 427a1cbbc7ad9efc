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
  config: {
    error: {
      invalid: "환경 변수 {{name}} 값이 올바르지 않습니다: {{reason}}",
    },
  },
};

/** The shape every locale must have: the same keys as Korean, each a string. */
export type CommonMessages = typeof ko;
