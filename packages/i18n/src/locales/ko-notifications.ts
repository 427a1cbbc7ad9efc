/**
 * Korean messages of in-app notifications (part of the "common" namespace, under "notifications"): the
 * bell, the list, and each kind's wording from the values the notice keeps ({{when}} already formatted in
 * the tenant's time zone, {{title}} in the reader's language).
 */
export const koNotifications = {
  title: "알림",
  intro:
    "팀 발표, 결연식, 과제와 행사 소식을 모아 봅니다. 알림 종류마다 앱과 메일로 받을지 아래에서 고를 수 있습니다.",
  bell_other: "알림 {{count}}건 읽지 않음",
  bellNone: "알림, 읽지 않은 알림 없음",
  caption: "받은 알림",
  empty: "아직 받은 알림이 없습니다.",
  noStaff: "직원 명부와 연결된 계정만 알림을 받습니다.",
  unread: "읽지 않음",
  read: "읽음",
  open: "바로 가기",
  markRead: "읽음으로 표시",
  markAllRead: "모두 읽음으로 표시",
  marked: "알림을 읽음으로 표시했습니다.",
  markedAll: "모든 알림을 읽음으로 표시했습니다.",
  error: { notFound: "알림을 찾을 수 없습니다." },
  column: { when: "받은 때", message: "내용", state: "상태", actions: "관리" },
  preferences: {
    title: "알림 받는 방법",
    intro: "알림 종류마다 메일과 앱 알림을 켜고 끌 수 있습니다. 끈 방법으로는 보내지 않습니다.",
    caption: "알림 종류별 받는 방법",
    kind: "알림 종류",
    email: "메일",
    inApp: "앱",
    emailFor: "{{kind}} 메일로 받기",
    inAppFor: "{{kind}} 앱에서 받기",
    save: "알림 설정 저장",
    saved: "알림 설정을 저장했습니다.",
  },
  kind: {
    team_published: "팀 발표",
    ceremony_scheduled: "결연식 일정",
    certificate_issued: "결연증서 발급",
    assignment_set: "새 과제",
    assignment_due_soon: "과제 마감 3일 전",
    assignment_late: "과제 마감 지남",
    revision_requested: "과제 보완 요청",
    submission_featured: "우수 사례 선정",
    event_tomorrow: "내일 일정",
    team_nudge: "활동 독려",
    award_granted: "수상 확정",
    consent_withdrawn: "참여 동의 철회",
    correction_resolved: "정보 정정 요청 처리",
    board_proposal_updated: "주니어보드 제안 처리",
  },
  message: {
    team_published: "{{cohort}} {{number}}팀으로 함께하게 되었습니다. 팀원을 확인하고 첫 만남을 정해 보세요.",
    ceremony_scheduled: "{{cohort}} 결연식이 {{when}}, {{place}}에서 열립니다.",
    ceremony_changed: "{{cohort}} 결연식 일정이 바뀌었습니다. {{when}}, {{place}}에서 열립니다.",
    certificate_issued: "{{cohort}} {{number}}팀의 결연증서가 발급되었습니다.",
    assignment_set: "새 과제 {{title, josa(이/가)}} 나왔습니다. 마감은 {{when}}입니다.",
    assignment_due_soon: "{{title, josa(은/는)}} {{when}}에 마감됩니다. 팀의 제출물이 아직 없습니다.",
    assignment_late: "팀이 {{title, josa(을/를)}} 아직 제출하지 않았습니다. 마감({{when}})이 지났습니다.",
    revision_requested: "주관부서가 팀이 제출한 {{title, josa(을/를)}} 보완해 달라고 요청했습니다.",
    submission_featured: "팀이 제출한 {{title, josa(이/가)}} 우수 사례로 소개되었습니다.",
    event_tomorrow: "내일 {{when}}에 {{title, josa(이/가)}} 있습니다.",
    event_tomorrow_at: "내일 {{when}}, {{place}}에서 {{title, josa(이/가)}} 있습니다.",
    team_nudge: "{{number}}팀의 활동 기록이 {{days}}일째 없습니다. 만나셨다면 기록을 남겨 주세요.",
    award_granted:
      "{{cohort}} {{number}}팀이 {{award, josa(으로/로)}} 선정되었습니다. 표창장이 곧 발급됩니다.",
    consent_withdrawn: "{{name}} 님이 {{cohort}} 참여 동의를 철회하여 신청이 철회되었습니다.",
    consent_withdrawn_team:
      "{{name}} 님이 {{cohort}} 참여 동의를 철회하여 {{number}}팀에서 빠졌습니다. 팀 구성을 확인해 주세요.",
    correction_applied: "요청하신 {{field}} 정정이 직원 명부에 반영되었습니다.",
    correction_declined:
      "요청하신 {{field}} 정정이 반려되었습니다. 사유는 내 정보 화면에서 확인하실 수 있습니다.",
  },
};
