/** Korean messages of evaluators and their evaluations of teams (part of the "common" namespace, under "evaluations"). */
export const koEvaluations = {
  error: {
    teamNotFound: "이 기수의 팀을 찾을 수 없습니다.",
    evaluatorNotFound:
      "기관 구성원 가운데 그 평가위원을 찾을 수 없습니다. 외부 위원은 먼저 이메일로 초대해 주세요.",
    conflictMember: "이 팀의 구성원은 자기 팀의 평가위원이 될 수 없습니다.",
    conflictSameDepartment:
      "팀원 {{member}}님과 같은 부서({{department}}) 직원은 이 팀을 평가할 수 없습니다(이해충돌 방지 규정).",
    alreadyAssigned: "이미 이 팀에 배정된 평가위원입니다.",
    notFound: "평가를 찾을 수 없습니다.",
    hasSubmission: "평가를 이미 제출한 평가위원은 배정을 취소할 수 없습니다.",
    alreadySubmitted:
      "제출한 평가는 고칠 수 없습니다. 고쳐야 하면 담당자에게 평가를 다시 열어 달라고 요청해 주세요.",
    notSubmitted: "아직 제출되지 않은 평가입니다.",
    scoreOutOfScale: "점수는 0점부터 {{max}}점까지 정수로 입력해 주세요.",
    scoreNotScored: "평가위원이 점수를 매기지 않는 항목입니다.",
    scoreMissing: "제출하려면 이 항목의 점수를 입력해 주세요.",
    commentTooLong: "의견은 {{max}}자까지 쓸 수 있습니다.",
    commentControlCharacters: "의견에 쓸 수 없는 문자(제어 문자)가 들어 있습니다.",
    emailInvalid: "올바른 이메일 주소를 입력해 주세요.",
  },
  /** The coordinator's evaluation page of a cohort: assigning evaluators to teams, their progress, and the results. */
  coordinator: {
    nav: "평가",
    title: "팀 평가",
    intro:
      "팀마다 평가위원을 배정하고 진행 상황을 확인합니다. 팀원 본인과, 규정에 따라 팀원과 같은 부서의 직원은 그 팀을 평가할 수 없습니다.",
    progress: "평가위원 배정 {{assignments}}건 가운데 {{submitted}}건이 제출되었습니다.",
    teamsWithout_other: "평가위원이 없는 팀이 {{count}}개 있습니다.",
    teamNumber: "{{number}}팀",
    outside: "외부",
    outsideTrainer: "외부 위원",
    assign: {
      title: "평가위원 배정",
      intro:
        "기관 구성원 가운데 평가위원을 고르고 평가할 팀을 고르세요. 여러 팀을 한 번에 고르면 배정할 수 없는 팀만 이유와 함께 따로 알려 드립니다.",
      search: "구성원 찾기",
      searchHint_other: "이름, 부서, 이메일로 찾습니다. 고를 수 있는 구성원 {{count}}명",
      evaluator: "평가위원",
      choose: "평가위원을 고르세요",
      option: "{{name}} · {{department}} · {{email}}",
      teams: "평가할 팀",
      teamsHint: "한 팀 이상 고르세요.",
      submit: "배정하기",
      done: "{{name}}님을 {{teams}}에 배정했습니다.",
      refusedTitle: "{{name}}님을 다음 팀에는 배정하지 못했습니다.",
      refusedItem: "{{team}}: {{reason}}",
      evaluatorRequired: "평가위원을 고르세요.",
      teamsRequired: "평가할 팀을 한 팀 이상 고르세요.",
    },
    invite: {
      title: "외부 평가위원 초대",
      intro:
        "기관 밖의 강사나 전문가는 이메일로 초대합니다. 초대받은 분은 평가위원 권한만 가지며, 초대를 수락해 가입한 뒤에 팀에 배정할 수 있습니다.",
      email: "초대할 이메일",
      emailRequired: "초대할 이메일 주소를 입력해 주세요.",
      submit: "초대 메일 보내기",
      sent: "{{email}} 주소로 초대 메일을 보냈습니다. 가입하면 평가위원 목록에 나타납니다.",
      alreadyMember: "{{email}} 주소는 이미 기관 구성원입니다. 평가위원 목록에서 바로 배정할 수 있습니다.",
      pending: "초대를 수락하지 않은 평가위원",
      pendingItem: "{{email}} (초대 만료 {{date}})",
    },
    teams: {
      title: "팀별 평가위원",
      caption: "팀별 팀원과 평가위원, 평가 진행 상황",
      team: "팀",
      members: "팀원 (부서)",
      evaluators: "평가위원과 진행 상황",
      member: "{{name}} ({{department}})",
      none: "아직 배정된 평가위원이 없습니다.",
      empty: "이 기수에는 아직 팀이 없습니다. 팀을 발표한 뒤에 평가위원을 배정할 수 있습니다.",
    },
    status: {
      draft: "작성 중",
      reopened: "다시 열림({{when}}), 작성 중",
      submitted: "제출함({{when}})",
    },
    unassign: "배정 취소",
    unassignLabel: "{{team}} {{name}}님 배정 취소",
    unassigned: "배정을 취소했습니다.",
    reopen: "다시 열기",
    reopenLabel: "{{team}} {{name}}님 평가 다시 열기",
    reopenConfirm:
      "{{team}}에 대한 {{name}}님의 평가를 다시 열까요? 평가위원이 고쳐서 다시 제출할 때까지 결과에서 빠지며, 이 일은 감사 기록에 남습니다.",
    reopened: "평가를 다시 열었습니다. 평가위원이 다시 제출할 때까지 결과에서 빠집니다.",
  },
};
