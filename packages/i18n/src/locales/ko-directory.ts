/** Korean messages of the directory screens (part of the "common" namespace, under "directory"). */
export const koDirectory = {
  title: "직원 명부",
  intro:
    "인사 시스템에서 내려받은 직원 명부(CSV 또는 엑셀)를 올리면 모든 행을 검사한 뒤, 확인을 거쳐 한 번에 반영합니다.",
  activeStaff: "재직 직원",
  activeStaffValue: "{{value}}명",
  upload: {
    title: "명부 올리기",
    file: "명부 파일",
    fileHint:
      "CSV(UTF-8 또는 엑셀에서 저장한 CP949) 또는 엑셀(.xlsx) 파일. 첫 행은 머리글입니다: 사번, 성명, 부서, 직급, 직위, 임용일 (이메일, 휴대전화, 출생연도, 상위부서, 상급자사번은 선택). 상위부서는 그 행의 부서를 어느 부서 아래에 둘지, 상급자사번은 바로 위 상급자의 사번입니다.",
    full: "전체 명부입니다",
    fullHint:
      "전체 명부이면 파일에 없는 재직 직원을 찾아 알려 드립니다. 그 직원들은 반영할 때 따로 확인해야만 비활성화됩니다.",
    limitsTitle: "올릴 수 있는 명부 크기",
    limits:
      "이 기관의 요금제로는 한 번에 {{rows, number}}행, {{columns, number}}열, {{megabytes, number}}MB까지 올릴 수 있습니다. 이를 넘는 파일은 그 자리에서 읽기를 멈추고 돌려 드립니다.",
    submit: "올리고 검사하기",
    error: {
      noFile: "올릴 파일을 선택하세요",
      tooLarge:
        "파일이 너무 큽니다. 이 기관의 요금제로는 {{maxMegabytes, number}}MB 이하의 파일만 올릴 수 있습니다",
      unsupported: "CSV 또는 엑셀(.xlsx) 파일만 올릴 수 있습니다",
      idempotencyKeyInvalid: "Idempotency-Key는 공백 없는 영문·숫자·기호 1~255자여야 합니다",
      idempotencyKeyReused: "이 Idempotency-Key는 다른 요청에 이미 쓰였습니다. 새 요청에는 새 키를 쓰세요",
      idempotencyKeyInFlight:
        "같은 Idempotency-Key로 보낸 요청을 아직 처리하고 있습니다. 잠시 후 다시 보내세요",
    },
  },
  imports: {
    title: "최근 가져오기",
    none: "아직 올린 명부가 없습니다",
    file: "파일",
    createdAt: "올린 시각",
    status: "상태",
    rows: "행 수",
    kind: "종류",
    full: "전체 명부",
    partial: "일부 명부",
  },
  status: {
    validating: "검사 중",
    invalid: "오류 있음",
    ready: "반영 대기",
    applying: "반영 중",
    applied: "반영 완료",
    failed: "실패",
  },
  detail: {
    back: "직원 명부로 돌아가기",
    title: "명부 가져오기: {{fileName}}",
    progress: "진행률",
    failed: "처리하지 못했습니다. 다시 시도하거나 관리자에게 알려 주세요.",
    failure: {
      job_failed:
        "명부를 처리하는 작업이 여러 번 시도한 끝에 멈췄습니다. 다시 시도해 보고, 또 실패하면 관리자에게 알려 주세요.",
      stalled: "명부를 처리하는 작업이 30분 넘게 진행되지 않아 중단된 것으로 보았습니다. 다시 시도해 주세요.",
    },
    retry: "다시 시도",
    retried: "다시 처리하기 시작했습니다. 이 화면은 저절로 새로 고쳐집니다.",
    alreadyRetried: "이 명부는 이미 다시 처리하고 있습니다.",
    validatingNote: "파일을 검사하고 있습니다. 이 화면은 저절로 새로 고쳐집니다.",
    applyingNote: "명부에 반영하고 있습니다. 이 화면은 저절로 새로 고쳐집니다.",
    appliedNote: "명부에 반영했습니다. 현재 재직 직원은 {{value}}명입니다.",
    invalidNote:
      "오류가 있어 반영할 수 없습니다. 아래 행을 고친 파일을 다시 올리세요. 아무것도 반영되지 않았습니다.",
    summary: "검사 결과",
    rows: "전체 행",
    new: "새 직원",
    changed: "변경",
    unchanged: "변경 없음",
    missing: "파일에 없는 재직 직원",
    invalid: "오류 행",
    appliedSummary: "반영 결과",
    created: "추가",
    updated: "수정",
    deactivated: "비활성화",
    departmentsCreated: "새로 만든 부서",
  },
  fileErrors: {
    title: "파일 오류",
  },
  fileError: {
    unsupported_format: "CSV 또는 엑셀(.xlsx) 파일이 아닙니다",
    unreadable:
      "{{row, number}}행에서 CSV 형식이 깨져 더 읽을 수 없습니다(닫히지 않은 따옴표 등). 엑셀에서 열어 CSV로 다시 저장한 뒤 올리세요",
    damaged_workbook:
      "엑셀 파일이 손상되었거나 끝까지 저장되지 않아 읽을 수 없습니다. 엑셀에서 열어 다시 저장한 뒤 올리세요",
    too_many_rows:
      "행이 너무 많습니다. 이 기관의 요금제로는 한 번에 {{limit, number}}행까지 올릴 수 있어 {{row, number}}행에서 읽기를 멈췄습니다. 명부를 나누어 일부 명부로 올리세요",
    too_many_columns:
      "{{row, number}}행의 열이 너무 많습니다. 이 기관의 요금제로는 {{limit, number}}열까지 읽습니다. 명부에 쓰지 않는 열을 지운 뒤 올리세요",
    row_too_long:
      "{{row, number}}행이 너무 길어 읽기를 멈췄습니다. 직원 한 명의 정보로 볼 수 없는 길이입니다",
    more: "{{columns}} 외 {{count, number}}개",
    empty: "파일에 머리글 행이 없습니다",
    missing_columns: "필수 열이 없습니다: {{columns}}",
    unknown_columns: "알 수 없는 열이 있습니다: {{columns}}",
    duplicate_columns: "같은 항목의 열이 두 번 있습니다: {{columns}}",
  },
  invalidRows: {
    title: "오류가 있는 행",
    shown: "오류 행 {{total}}개 중 처음 {{shown}}개를 보여 줍니다",
    row: "행 번호",
    employeeNumber: "사번",
    name: "성명",
    field: "항목",
    reason: "사유",
  },
  field: {
    employeeNumber: "사번",
    name: "성명",
    department: "부서",
    grade: "직급",
    positionTitle: "직위",
    hireDate: "임용일",
    email: "이메일",
    phone: "휴대전화",
    birthYear: "출생연도",
    parentDepartment: "상위부서",
    supervisorEmployeeNumber: "상급자 사번",
  },
  error: {
    required: "값이 비어 있습니다",
    too_long: "{{max}}자를 넘습니다",
    grade_unrecognised: "알 수 없는 직급입니다: '{{value}}' (예: 8급, 지방행정주사보, 연구사)",
    date_invalid: "읽을 수 없는 날짜입니다: '{{value}}' (예: 2024-03-01, 2024.03.01)",
    date_in_future: "임용일 {{value, josa(이/가)}} 오늘 이후입니다",
    email_invalid: "이메일 주소 '{{value}}'의 형식이 올바르지 않습니다",
    phone_invalid: "전화번호 '{{value}}'의 형식이 올바르지 않습니다",
    birth_year_invalid: "올바르지 않은 출생연도입니다: '{{value}}' (예: 1990)",
    duplicate: "{{row}}행과 사번이 같습니다",
    department_ambiguous: "'{{value}}' 이름의 부서가 여럿입니다. 부서코드를 쓰세요",
    parent_cycle: "이 상위부서 아래에 두면 부서가 자기 자신의 하위 부서가 됩니다",
    parent_conflict: "{{row}}행에서 이 부서에 다른 상위부서를 적었습니다",
    supervisor_self: "상급자 사번이 본인의 사번입니다",
    supervisor_unknown: "상급자 사번 '{{value}}'인 재직 직원이 명부에도 파일에도 없습니다",
  },
  apply: {
    title: "반영하기",
    unknownDepartments: "명부에 없는 부서 {{value}}개: {{names}}",
    createDepartments: "없는 부서를 새로 만들고 반영합니다",
    deactivate: "이 전체 명부에 없는 재직 직원 {{value}}명을 비활성화합니다",
    deactivateHint:
      "비활성화한 직원은 지워지지 않으며, 나중에 명부에 다시 들어오면 되살아납니다. 확인한 경우에만 선택하세요.",
    submit: "명부에 반영하기",
    error: {
      notReady: "이 가져오기는 지금 반영할 수 없습니다",
      unknownDepartments: "명부에 없는 부서가 있습니다. 새로 만들기를 선택하거나 파일을 고치세요",
    },
  },
};
