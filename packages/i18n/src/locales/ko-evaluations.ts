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
};
