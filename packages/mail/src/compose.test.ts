import { describe, expect, it } from "vitest";
import { composeEmail, type EmailMessage, InvalidEmailMessageError } from "./compose";

const resetLink = "https://mentoring.example.kr/reset-password?token=Zx9_abc-123&lang=ko";
const inviteLink = "https://yongin.mentoring.example.kr/invitations/accept?token=Qw8_def-456";

const reset = (name = "김민준"): EmailMessage => ({
  kind: "password_reset",
  name,
  link: resetLink,
  validMinutes: 30,
});

const invitation = (tenantName = "용인특례시", roles = ["운영 담당자", "평가위원"]): EmailMessage => ({
  kind: "invitation",
  tenantName,
  roles,
  link: inviteLink,
  // 09:05 UTC is 18:05 in Seoul.
  expiresAt: new Date("2026-12-01T09:05:00Z"),
  timeZone: "Asia/Seoul",
});

/** The text a reader sees in the HTML body, tags removed and the entities this package writes decoded. */
const visibleText = (html: string) =>
  html
    .replace(/<[^>]*>/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");

/** Every href of the HTML body, entities decoded. */
const hrefs = (html: string) =>
  [...html.matchAll(/href="([^"]*)"/g)].map((m) => (m[1] ?? "").replace(/&amp;/g, "&"));

describe("the password reset mail", () => {
  it("greets the person by name in Korean and says how long the link is valid", () => {
    const mail = composeEmail(reset(), "ko");
    expect(mail.subject).toBe("[멘토링 플랫폼] 비밀번호 재설정 안내");
    expect(mail.text).toContain("김민준 님, 안녕하십니까.");
    expect(mail.text).toContain("30분 동안 유효");
    expect(mail.text).toContain("요청하지 않으셨다면 이 메일을 무시하셔도 됩니다");
    expect(mail.html).toContain('<html lang="ko">');
    expect(visibleText(mail.html)).toContain("김민준 님, 안녕하십니까.");
  });

  it("is worded in English for an English reader", () => {
    const mail = composeEmail(reset("Alex Kim"), "en");
    expect(mail.subject).toBe("[Mentoring Platform] Reset your password");
    expect(mail.text).toContain("Dear Alex Kim,");
    expect(mail.text).toContain("valid for 30 minutes");
    expect(mail.html).toContain('<html lang="en">');
    expect(mail.text).not.toMatch(/[가-힣]/);
  });

  it.each(["ko", "en"] as const)(
    "carries the link, unchanged, in the text and as a real link in the HTML (%s)",
    (locale) => {
      const mail = composeEmail(reset(), locale);
      expect(mail.text.split("\n")).toContain(resetLink);
      expect(hrefs(mail.html)).toEqual([resetLink, resetLink]);
      expect(mail.html).toContain("token=Zx9_abc-123&amp;lang=ko");
    },
  );
});

describe("the notice of a throttled sign-in", () => {
  const forgotLink = "https://mentoring.example.kr/password/forgot";
  const notice = (name: string): EmailMessage => ({ kind: "sign_in_throttled", name, link: forgotLink });

  it("tells the owner in Korean that sign-in was slowed, and links to a password reset", () => {
    const mail = composeEmail(notice("김민준"), "ko");
    expect(mail.subject).toBe("[멘토링 플랫폼] 계정에 로그인 실패가 잇따랐습니다");
    expect(mail.text).toContain("김민준 님, 안녕하십니까.");
    expect(mail.text).toContain("비밀번호를 재설정하면 로그인 제한도 바로 풀립니다");
    expect(hrefs(mail.html)).toEqual([forgotLink, forgotLink]);
  });

  it("is worded in English for an English reader", () => {
    const mail = composeEmail(notice("Alex Kim"), "en");
    expect(mail.subject).toBe("[Mentoring Platform] Repeated failed sign-ins to your account");
    expect(mail.text).toContain("Dear Alex Kim,");
    expect(mail.text).toContain("Resetting it also lifts the sign-in limit at once.");
    expect(mail.text).not.toMatch(/[가-힣]/);
  });
});

describe("the invitation mail", () => {
  it("names the city and the roles, and shows the expiry in Seoul time, in Korean", () => {
    const mail = composeEmail(invitation(), "ko");
    expect(mail.subject).toBe("용인특례시 멘토링 플랫폼에 초대되었습니다");
    expect(mail.text).toContain("용인특례시에서 귀하를 멘토링 플랫폼에 초대하였습니다");
    expect(mail.text).toContain("운영 담당자 및 평가위원");
    expect(mail.text).toContain("2026년 12월 1일 화요일 18:05 (GMT+9)까지 유효합니다");
    expect(mail.text.split("\n")).toContain(inviteLink);
    expect(hrefs(mail.html)).toEqual([inviteLink, inviteLink]);
  });

  it("is worded in English, with the date written the English way in the given time zone", () => {
    const mail = composeEmail(
      invitation("Gangneung City", ["Coordinator", "Evaluator", "Participant"]),
      "en",
    );
    expect(mail.subject).toBe("You have been invited to the Gangneung City mentoring platform");
    expect(mail.text).toContain("Coordinator, Evaluator, and Participant");
    expect(mail.text).toContain("Tuesday, December 1, 2026 at 6:05 PM (GMT+9)");
    expect(mail.text.split("\n")).toContain(inviteLink);

    const inLondon = composeEmail(
      { ...(invitation() as Extract<EmailMessage, { kind: "invitation" }>), timeZone: "Europe/London" },
      "en",
    );
    expect(inLondon.text).toContain("Tuesday, December 1, 2026 at 9:05 AM (GMT)");
  });

  it("keeps the subject on one line whatever the tenant is called", () => {
    expect(composeEmail(invitation("강릉시\r\nBcc: someone@example.kr"), "ko").subject).toBe(
      "강릉시 Bcc: someone@example.kr 멘토링 플랫폼에 초대되었습니다",
    );
  });
});

describe("HTML escaping", () => {
  const hostile = `<script>alert("x")</script> & O'Brien {{name}} $t(footer)`;

  it("shows a name with markup as text, never as markup, and leaves the text body as written", () => {
    const mail = composeEmail(reset(hostile), "ko");
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; O&#39;Brien");
    expect(visibleText(mail.html)).toContain(`${hostile} 님, 안녕하십니까.`);
    expect(mail.text).toContain(`${hostile} 님, 안녕하십니까.`);
  });

  it("escapes the tenant name and the role labels of an invitation", () => {
    const mail = composeEmail(invitation("<b>시청</b>", ['"관리자"', "<img src=x onerror=alert(1)>"]), "ko");
    expect(mail.html).not.toMatch(/<b>|<img/);
    expect(mail.html).toContain("<title>&lt;b&gt;시청&lt;/b&gt; 멘토링 플랫폼에 초대되었습니다</title>");
    expect(visibleText(mail.html)).toContain('"관리자" 및 <img src=x onerror=alert(1)>');
  });
});

describe("an incomplete message", () => {
  it.each([
    ["a relative link", { ...reset(), link: "/reset-password?token=x" }],
    ["a javascript: link", { ...reset(), link: "javascript:alert(1)" }],
    ["an empty name", reset("  ")],
    ["no roles", invitation("용인특례시", [])],
    ["an invalid date", { ...invitation(), expiresAt: new Date("not a date") }],
    ["an unknown time zone", { ...invitation(), timeZone: "Mars/Olympus_Mons" }],
  ])("is refused with a typed error: %s", (_case, message) => {
    expect(() => composeEmail(message as EmailMessage, "ko")).toThrow(InvalidEmailMessageError);
  });
});

describe("the mail that a team was formed", () => {
  const teamLink = "https://mentoring.example.kr/gangneung/team";
  const published = (ceremony?: { startsAt: Date; place: string }): EmailMessage => ({
    kind: "team_published",
    name: "정하은",
    tenantName: "강릉시",
    cohortTitle: "거꾸로 멘토링 2기",
    teamNumber: 3,
    role: "mentor",
    teammates: ["김도윤 (멘토)", "이서연 (멘토)", "박정호 과장 (멘티)"],
    ...(ceremony && { ceremony }),
    timeZone: "Asia/Seoul",
    link: teamLink,
  });

  it("names the team, the reader's role and every teammate, in Korean, with the way to the team page", () => {
    const mail = composeEmail(published(), "ko");
    expect(mail.subject).toBe("[거꾸로 멘토링 2기] 3팀으로 함께하게 되었습니다");
    expect(mail.text).toContain("정하은 님은 3팀의 멘토입니다.");
    expect(mail.text).toContain("함께할 분: 김도윤 (멘토), 이서연 (멘토) 및 박정호 과장 (멘티)");
    expect(mail.text).toContain("첫 만남 날짜를 정해 보십시오");
    expect(hrefs(mail.html)).toContain(teamLink);
  });

  it("says when and where the ceremony is, once it is scheduled", () => {
    // 05:00 UTC is 14:00 in Seoul.
    const mail = composeEmail(
      published({ startsAt: new Date("2025-02-28T05:00:00Z"), place: "강릉시청 대회의실" }),
      "ko",
    );
    expect(visibleText(mail.html)).toContain(
      "결연식은 2025년 2월 28일 14:00, 강릉시청 대회의실에서 열립니다.",
    );
  });

  it("is worded in English for an English reader", () => {
    const mail = composeEmail(published(), "en");
    expect(mail.subject).toBe("[거꾸로 멘토링 2기] You are in team 3");
    expect(mail.text).toContain("정하은, you are a mentor in team 3.");
    expect(mail.text).toContain("Your team: 김도윤 (멘토), 이서연 (멘토), and 박정호 과장 (멘티)");
  });
});

describe("the program's notices by mail", () => {
  const link = "https://mentoring.example.kr/gangneung/assignments";
  const assignment = (
    kind: "assignment_set" | "assignment_due_soon" | "assignment_late",
    title: string,
  ): EmailMessage => ({
    kind,
    name: "이서연",
    cohortTitle: "거꾸로 멘토링 2기",
    title,
    // 23:59 on 25 March in Seoul.
    dueAt: new Date("2025-03-25T14:59:00Z"),
    timeZone: "Asia/Seoul",
    link,
  });

  it("choose the Korean particle that fits the title, never both written as 이(가)", () => {
    expect(composeEmail(assignment("assignment_set", "팀 소개 영상"), "ko").text).toContain(
      "새 과제 팀 소개 영상이 나왔습니다. 마감은 2025년 3월 25일 23:59입니다.",
    );
    expect(composeEmail(assignment("assignment_set", "팀 소개 영상 만들기"), "ko").text).toContain(
      "새 과제 팀 소개 영상 만들기가 나왔습니다.",
    );
    expect(composeEmail(assignment("assignment_due_soon", "활동 보고서"), "ko").text).toContain(
      "활동 보고서는 2025년 3월 25일 23:59에 마감됩니다.",
    );
    expect(composeEmail(assignment("assignment_late", "3월 과제"), "ko").text).toContain(
      "팀이 3월 과제를 아직 제출하지 않았습니다.",
    );
    for (const kind of ["assignment_set", "assignment_due_soon", "assignment_late"] as const)
      expect(composeEmail(assignment(kind, "활동 계획"), "ko").text).not.toMatch(/\((이|가|은|는|을|를)\)/);
  });

  it("are worded in English for an English reader, with the due moment in the tenant's zone", () => {
    const mail = composeEmail(assignment("assignment_due_soon", "Activity plan"), "en");
    expect(mail.subject).toBe("[거꾸로 멘토링 2기] Activity plan is due soon");
    expect(mail.text).toContain("Activity plan is due on March 25, 2025 at 11:59 PM");
    expect(mail.text.split("\n")).toContain(link);
  });

  it("say that the ceremony changed, when it did, and carry the coordinator's comment on a revision", () => {
    const ceremony = composeEmail(
      {
        kind: "ceremony_scheduled",
        name: "이서연",
        cohortTitle: "거꾸로 멘토링 2기",
        startsAt: new Date("2025-03-12T05:00:00Z"),
        place: "강릉아트센터",
        changed: true,
        timeZone: "Asia/Seoul",
        link,
      },
      "ko",
    );
    expect(ceremony.subject).toBe("[거꾸로 멘토링 2기] 결연식 일정이 바뀌었습니다");
    expect(ceremony.text).toContain("2025년 3월 12일 14:00, 강릉아트센터에서 열립니다.");
    const revision = composeEmail(
      {
        kind: "revision_requested",
        name: "이서연",
        cohortTitle: "거꾸로 멘토링 2기",
        title: "팀 소개 영상",
        comment: "자막을 <넣어> 주세요",
        link,
      },
      "ko",
    );
    expect(revision.text).toContain("팀이 제출한 팀 소개 영상을 검토하고 보완을 요청했습니다.");
    expect(revision.text).toContain("검토 의견: 자막을 <넣어> 주세요");
    expect(revision.html).toContain("자막을 &lt;넣어&gt; 주세요");
  });
});

describe("a long-running worker composing mail", () => {
  /** How many Intl formatters `work` builds: each one would be a new entry of some formatter cache. */
  function formattersBuiltBy(work: () => void): number {
    const names = ["DateTimeFormat", "ListFormat", "NumberFormat", "PluralRules"] as const;
    const originals = names.map((name) => [name, Intl[name]] as const);
    let built = 0;
    for (const [name, original] of originals) {
      (Intl as Record<string, unknown>)[name] = new Proxy(original, {
        construct(target, args, newTarget) {
          built++;
          return Reflect.construct(target, args, newTarget);
        },
      });
    }
    try {
      work();
    } finally {
      for (const [name, original] of originals) (Intl as Record<string, unknown>)[name] = original;
    }
    return built;
  }

  const mailsAbout = (title: string, index: number): EmailMessage[] => [
    {
      kind: "event_tomorrow",
      name: `참가자${index}`,
      cohortTitle: "거꾸로 멘토링 2기",
      title,
      startsAt: new Date(Date.UTC(2026, 2, 1 + (index % 28), 5)),
      place: `회의실 ${index}`,
      timeZone: index % 2 ? "Asia/Seoul" : "UTC",
      link: "https://mentoring.example.kr/gangneung/my-calendar",
    },
    {
      kind: "assignment_due_soon",
      name: `참가자${index}`,
      cohortTitle: "거꾸로 멘토링 2기",
      title,
      dueAt: new Date(Date.UTC(2026, 2, 1 + (index % 28), 14, 59)),
      timeZone: "Asia/Seoul",
      link: "https://mentoring.example.kr/gangneung/assignments",
    },
    {
      kind: "team_published",
      name: `참가자${index}`,
      tenantName: "강릉시",
      cohortTitle: title,
      teamNumber: 1 + (index % 100),
      role: "mentor",
      teammates: [`동료${index} (멘토)`, `관리자${index} (멘티)`],
      ceremony: { startsAt: new Date(Date.UTC(2026, 3, 1, 5)), place: `결연식장 ${index}` },
      timeZone: "Asia/Seoul",
      link: "https://mentoring.example.kr/gangneung/team",
    },
    invitation(`도시 ${index}`, [`역할 ${index}`, "평가위원"]),
  ];
  const compose = (from: number, to: number) => {
    for (let index = from; index < to; index++)
      for (const mail of mailsAbout(`${index}월 과제: 우리 팀 소개 영상`, index))
        for (const locale of ["ko", "en"] as const) composeEmail(mail, locale);
  };

  it("builds no new date or list formatter for new titles, names and places: no cache grows with them", () => {
    // The first mails of each kind, locale and zone build what they need.
    formattersBuiltBy(() => compose(0, 4));
    expect(formattersBuiltBy(() => compose(4, 504))).toBe(0);
  });

  it("still shows each mail's own moment in its own zone", () => {
    const [seoul, utc] = [1, 2].map(
      (index) => composeEmail(mailsAbout("소통 교육", index)[0] as EmailMessage, "en").text,
    );
    expect(seoul).toContain("March 2, 2026 at 2:00 PM");
    expect(utc).toContain("March 3, 2026 at 5:00 AM");
  });
});
