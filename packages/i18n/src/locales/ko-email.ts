import { koBoardEmail } from "./ko-board";
import { koMyDataEmail } from "./ko-my-data";

import { koPrivacyLogEmail } from "./ko-privacy-log";

/**
 * The "email" namespace: mail the platform sends. Korean is the source of the key set, as in "common".
 * Values are plain text; the mail package escapes them for HTML. {{roles}} and {{teammates}} arrive as lists
 * of labels, joined by i18next's `list` formatter in the reader's language; {{expiresAt}} is a Date, formatted here in the reader's language and in the time zone the
 * call passes (`formatParams`).
 */
export const koEmail = {
  passwordReset: {
    subject: "[멘토링 플랫폼] 비밀번호 재설정 안내",
    greeting: "{{name}} 님, 안녕하십니까.",
    body: "멘토링 플랫폼 계정의 비밀번호 재설정 요청을 받았습니다. 아래 링크에서 새 비밀번호를 설정해 주시기 바랍니다. 링크는 {{minutes}}분 동안 유효하며 한 번만 사용할 수 있습니다.",
    ignore:
      "비밀번호 재설정을 요청하지 않으셨다면 이 메일을 무시하셔도 됩니다. 비밀번호는 변경되지 않습니다.",
    action: "비밀번호 재설정하기",
  },
  analystInvitation: {
    subject: "[멘토링 플랫폼] 국가 통계 분석가 계정이 만들어졌습니다",
    greeting: "{{name}} 님, 안녕하십니까.",
    body: "멘토링 플랫폼 운영자가 {{agency}} 소속 국가 통계 분석가 계정을 만들었습니다. 아래 링크에서 비밀번호를 설정하면 로그인할 수 있습니다.",
    expires:
      "이 링크는 {{expiresAt, datetime(dateStyle: full; timeStyle: short; hourCycle: h23)}} ({{expiresAt, timeZoneName}})까지 한 번만 사용할 수 있습니다.",
    action: "비밀번호 설정하기",
    scope:
      "이 계정으로는 참여 기관들이 공유에 동의한 익명 집계 통계만 볼 수 있으며, 개인이나 기관의 원자료는 볼 수 없습니다.",
  },
  signInThrottled: {
    subject: "[멘토링 플랫폼] 계정에 로그인 실패가 잇따랐습니다",
    greeting: "{{name}} 님, 안녕하십니까.",
    body: "귀하의 계정에 잘못된 비밀번호로 로그인하려는 시도가 잇따랐습니다. 계정을 보호하기 위해 당분간 로그인 시도를 늦추었습니다. 본인이 시도하신 것이라면 잠시 후 다시 로그인해 주십시오.",
    advice:
      "본인이 시도하지 않으셨다면 아래 링크에서 비밀번호를 재설정해 주십시오. 비밀번호를 재설정하면 로그인 제한도 바로 풀립니다.",
    action: "비밀번호 재설정하기",
  },
  invitation: {
    subject: "{{tenant}} 멘토링 플랫폼에 초대되었습니다",
    greeting: "안녕하십니까.",
    body: "{{tenant}}에서 귀하를 멘토링 플랫폼에 초대하였습니다. 부여되는 역할은 {{roles, list}}입니다.",
    expires:
      "이 초대는 {{expiresAt, datetime(dateStyle: full; timeStyle: short; hourCycle: h23)}} ({{expiresAt, timeZoneName}})까지 유효합니다. 아래 링크에서 초대를 수락해 주시기 바랍니다.",
    action: "초대 수락하기",
  },
  nominationInvitation: {
    subject: "[{{cohort}}] 참여 추천 안내: 계정을 만들고 답해 주십시오",
    greeting: "{{name}} 님, 안녕하십니까.",
    body: {
      accepted: "{{tenant}} 주관부서에서 귀하를 {{cohort}}에 추천하여 자리가 배정되었습니다.",
      waitlisted:
        "{{tenant}} 주관부서에서 귀하를 {{cohort}}에 추천하였습니다. 모집 인원이 모두 차 대기자 {{position}}번으로 접수되었습니다.",
    },
    account:
      "아직 멘토링 플랫폼 계정이 없으시므로, 아래 링크에서 비밀번호를 정해 계정을 만드시면 추천 내용을 보고 참여에 동의하거나 거절하실 수 있습니다.",
    accountSso:
      "아래 링크에서 기관의 통합 로그인(SSO)으로 로그인하거나 비밀번호를 정해 계정을 만드시면 추천 내용을 보고 참여에 동의하거나 거절하실 수 있습니다.",
    expires:
      "이 링크는 한 번만 쓸 수 있으며 {{expiresAt, datetime(dateStyle: full; timeStyle: short; hourCycle: h23)}} ({{expiresAt, timeZoneName}})까지 유효합니다.",
    action: "계정 만들고 추천 보기",
  },
  application: {
    subject: {
      accepted: "[{{cohort}}] 신청이 접수되어 선정되었습니다",
      waitlisted: "[{{cohort}}] 신청이 대기자로 접수되었습니다",
      promoted: "[{{cohort}}] 대기 중이던 신청이 선정되었습니다",
      rejected: "[{{cohort}}] 신청 결과 안내",
    },
    greeting: "{{name}} 님, 안녕하십니까.",
    body: {
      accepted:
        "{{tenant}} {{cohort}} 참가 신청이 선정되었습니다. 오리엔테이션과 사전설문 일정은 다시 안내해 드리겠습니다.",
      waitlisted:
        "{{tenant}} {{cohort}} 모집 인원이 모두 찼기 때문에 대기자 {{position}}번으로 접수되었습니다. 자리가 나면 순서대로 선정하여 알려 드리겠습니다.",
      promoted: "{{tenant}} {{cohort}} 대기자 명단에 계셨던 신청이 선정되었습니다. 참여해 주셔서 감사합니다.",
      rejected:
        "{{tenant}} {{cohort}} 참가 신청이 주관부서의 검토 결과 선정되지 않았습니다. 자세한 사유는 신청 내역에서 확인하실 수 있습니다.",
    },
    action: "신청 내역 보기",
  },
  eventTomorrow: {
    subject: "[{{cohort}}] 내일 {{title}} 안내",
    greeting: "{{name}} 님, 안녕하십니까.",
    body: "내일 {{startsAt, datetime(dateStyle: long; timeStyle: short; hourCycle: h23)}}에 {{title, josa(이/가)}} 있습니다.",
    bodyAt:
      "내일 {{startsAt, datetime(dateStyle: long; timeStyle: short; hourCycle: h23)}}, {{place}}에서 {{title, josa(이/가)}} 있습니다.",
    action: "내 일정 보기",
  },
  awardGranted: {
    subject: "[{{cohort}}] {{number}}팀이 {{award, josa(으로/로)}} 선정되었습니다",
    greeting: "{{name}} 님, 축하드립니다.",
    body: "{{cohort}} 평가 결과 {{number}}팀이 {{award, josa(으로/로)}} 선정되었습니다. 부상은 {{prize}}입니다. 전자서명된 표창장은 발급되는 대로 아래 링크에서 내려받으실 수 있습니다.",
    action: "내 증서 보기",
  },
  teamNudge: {
    subject: "[{{cohort}}] {{number}}팀, 요즘 어떻게 지내십니까?",
    greeting: "{{name}} 님, 안녕하십니까.",
    body: "{{number}}팀의 활동 기록이 {{days}}일째 없습니다. 짧은 만남이나 점심 한 끼도 좋습니다. 이미 만나셨다면 활동 기록에 남겨 주십시오.",
    action: "활동 기록하기",
  },
  teamPublished: {
    subject: "[{{cohort}}] {{number}}팀으로 함께하게 되었습니다",
    greeting: "{{name}} 님, 안녕하십니까.",
    body: "{{tenant}} {{cohort}} 팀이 발표되었습니다. {{name}} 님은 {{number}}팀의 {{role}}입니다.",
    teammates: "함께할 분: {{teammates, list}}",
    ceremony:
      "결연식은 {{startsAt, datetime(dateStyle: long; timeStyle: short; hourCycle: h23)}}, {{place}}에서 열립니다. 팀원과 함께 참석해 주십시오.",
    nextStep: "팀 화면에서 팀원의 연락처를 확인하고 첫 만남 날짜를 정해 보십시오.",
    action: "우리 팀 보기",
    role: { mentor: "멘토", mentee: "멘티" },
  },
  ceremony: {
    subject: {
      scheduled: "[{{cohort}}] 결연식 일정 안내",
      changed: "[{{cohort}}] 결연식 일정이 바뀌었습니다",
    },
    greeting: "{{name}} 님, 안녕하십니까.",
    body: {
      scheduled:
        "{{cohort}} 결연식은 {{startsAt, datetime(dateStyle: long; timeStyle: short; hourCycle: h23)}}, {{place}}에서 열립니다. 팀원과 함께 참석해 주십시오.",
      changed:
        "{{cohort}} 결연식 일정이 바뀌었습니다. 결연식은 {{startsAt, datetime(dateStyle: long; timeStyle: short; hourCycle: h23)}}, {{place}}에서 열립니다.",
    },
    action: "우리 팀 보기",
  },
  certificateIssued: {
    subject: "[{{cohort}}] {{number}}팀 결연증서가 발급되었습니다",
    greeting: "{{name}} 님, 안녕하십니까.",
    body: "{{cohort}} {{number}}팀의 결연증서가 발급되었습니다. 아래 링크에서 증서를 내려받으실 수 있습니다.",
    action: "내 결연증서 보기",
  },
  assignment: {
    subject: {
      set: "[{{cohort}}] 새 과제: {{title}}",
      dueSoon: "[{{cohort}}] {{title}} 마감이 다가옵니다",
      late: "[{{cohort}}] {{title}} 마감이 지났습니다",
    },
    greeting: "{{name}} 님, 안녕하십니까.",
    body: {
      set: "새 과제 {{title, josa(이/가)}} 나왔습니다. 마감은 {{dueAt, datetime(dateStyle: long; timeStyle: short; hourCycle: h23)}}입니다. 팀원과 함께 준비해 주십시오.",
      dueSoon:
        "{{title, josa(은/는)}} {{dueAt, datetime(dateStyle: long; timeStyle: short; hourCycle: h23)}}에 마감됩니다. 팀의 제출물이 아직 없습니다. 팀원과 함께 마무리해 주십시오.",
      late: "팀이 {{title, josa(을/를)}} 아직 제출하지 않았습니다. 마감({{dueAt, datetime(dateStyle: long; timeStyle: short; hourCycle: h23)}})이 지났으므로 지금 제출하시면 늦은 제출로 접수됩니다.",
    },
    action: { set: "과제 보기", dueSoon: "과제 제출하기", late: "과제 제출하기" },
  },
  revisionRequested: {
    subject: "[{{cohort}}] {{title}} 보완 요청",
    greeting: "{{name}} 님, 안녕하십니까.",
    body: "주관부서에서 팀이 제출한 {{title, josa(을/를)}} 검토하고 보완을 요청했습니다. 보완하여 다시 제출해 주십시오.",
    comment: "검토 의견: {{comment}}",
    action: "과제 보완하기",
  },
  submissionFeatured: {
    subject: "[{{cohort}}] {{title}} 우수 사례로 소개되었습니다",
    greeting: "{{name}} 님, 안녕하십니까.",
    body: "팀이 제출한 {{title, josa(이/가)}} 우수 사례로 뽑혀 기관의 사례 모음에 소개되었습니다. 축하드립니다.",
    action: "사례 모음 보기",
  },
  surveyInvitation: {
    subject: "[{{cohort}}] {{survey}}에 응답해 주십시오",
    greeting: "{{name}} 님, 안녕하십니까.",
    body: "{{tenant}} {{cohort}} 매칭을 위한 {{survey, josa(을/를)}} 시작합니다. {{closesOn}}까지 응답해 주시기 바랍니다. 응답 내용은 팀 구성에 활용됩니다.",
    action: "응답하기",
  },
  surveyReminder: {
    subject: "[{{cohort}}] {{survey}} 응답 마감이 다가옵니다",
    greeting: "{{name}} 님, 안녕하십니까.",
    body: "{{tenant}} {{cohort}}의 {{survey, josa(을/를)}} 아직 제출하지 않으셨습니다. {{closesOn}}까지 응답해 주시기 바랍니다.",
    action: "이어서 응답하기",
  },
  accessReview: koPrivacyLogEmail,
  survey: {
    autosave: "작성 중인 답변은 자동으로 저장되므로 나중에 이어서 작성하실 수 있습니다.",
  },
  myData: koMyDataEmail,
  board: koBoardEmail,
  linkFallback: "링크가 열리지 않으면 아래 주소를 복사하여 웹 브라우저 주소창에 붙여 넣어 주십시오.",
  footer:
    "이 메일은 발신 전용이므로 회신하실 수 없습니다. 문의 사항은 소속 기관의 담당 부서로 연락해 주시기 바랍니다.",
};

/** The shape every locale's "email" namespace must have: the same keys as Korean, each a string. */
export type EmailMessages = typeof koEmail;
