import { describe, expect, it } from "vitest";
import {
  acceptsProposalReplies,
  acceptsProposals,
  BOARD_PROPOSAL_BODY_MAX,
  type BoardProposalStatus,
  boardMemberRole,
  boardProposalChangeProblem,
  boardProposalDraftSchema,
  boardProposalStatuses,
  formsTeams,
  isFinalProposalStatus,
  recruitedRoles,
} from "./board-proposal";
import { calendarDate } from "./calendar-date";
import { cohortPathOf, dueTransition, nextStatus, transitionProblems } from "./cohort-lifecycle";
import { scheduleFromOffsets } from "./cohort-schedule";

describe("a proposal's status", () => {
  it("may be reviewed, then adopted or declined with a reply", () => {
    expect(boardProposalChangeProblem("proposed", "reviewed", "")).toBeNull();
    expect(boardProposalChangeProblem("reviewed", "adopted", "내년 예산에 반영하겠습니다")).toBeNull();
    expect(boardProposalChangeProblem("reviewed", "declined", "관련 법령상 어렵습니다")).toBeNull();
  });

  it("may be answered without being reviewed first", () => {
    expect(boardProposalChangeProblem("proposed", "adopted", "좋은 제안입니다")).toBeNull();
    expect(boardProposalChangeProblem("proposed", "declined", "이미 시행 중입니다")).toBeNull();
  });

  it("needs a reply, not blank, to be adopted or declined", () => {
    expect(boardProposalChangeProblem("reviewed", "adopted", "")).toBe("board.reply_required");
    expect(boardProposalChangeProblem("proposed", "declined", "   \n ")).toBe("board.reply_required");
  });

  it("never changes again once adopted or declined, whatever the target", () => {
    for (const from of ["adopted", "declined"] as const)
      for (const to of boardProposalStatuses)
        expect(boardProposalChangeProblem(from, to, "다시 검토"), `${from} → ${to}`).toBe(
          "board.proposal_final",
        );
  });

  it("does not go back to proposed, nor get reviewed twice", () => {
    expect(boardProposalChangeProblem("reviewed", "proposed", "")).toBe("board.transition_not_allowed");
    expect(boardProposalChangeProblem("reviewed", "reviewed", "")).toBe("board.transition_not_allowed");
    expect(boardProposalChangeProblem("proposed", "proposed", "")).toBe("board.transition_not_allowed");
  });

  it("is final exactly when adopted or declined", () => {
    const finals = boardProposalStatuses.filter((status: BoardProposalStatus) =>
      isFinalProposalStatus(status),
    );
    expect(finals).toEqual(["adopted", "declined"]);
  });
});

describe("a proposal's text", () => {
  it("is trimmed and must say something", () => {
    expect(boardProposalDraftSchema.parse({ title: "  청년 주거 지원  ", body: " 내용 " })).toEqual({
      title: "청년 주거 지원",
      body: "내용",
    });
    expect(boardProposalDraftSchema.safeParse({ title: " ", body: "내용" }).success).toBe(false);
  });

  it("is bounded in length", () => {
    const long = "가".repeat(BOARD_PROPOSAL_BODY_MAX + 1);
    expect(boardProposalDraftSchema.safeParse({ title: "제목", body: long }).success).toBe(false);
    expect(boardProposalDraftSchema.safeParse({ title: "제목", body: long.slice(1) }).success).toBe(true);
  });
});

describe("when proposals are taken", () => {
  it("proposing only while the board is active, answering until it closes", () => {
    expect(acceptsProposals("active")).toBe(true);
    expect(acceptsProposals("recruiting")).toBe(false);
    expect(acceptsProposals("evaluation")).toBe(false);
    expect(acceptsProposalReplies("evaluation")).toBe(true);
    expect(acceptsProposalReplies("closed")).toBe(false);
  });
});

describe("a junior board's members", () => {
  it("apply in one role only, and form no teams", () => {
    expect(recruitedRoles("board")).toEqual([boardMemberRole]);
    expect(formsTeams("board")).toBe(false);
  });

  it("leave the other kinds recruiting mentors and mentees into teams", () => {
    for (const kind of ["standard", "reverse", "cross_department"] as const) {
      expect(recruitedRoles(kind)).toEqual(["mentor", "mentee"]);
      expect(formsTeams(kind)).toBe(true);
    }
  });
});

describe("a junior board's lifecycle", () => {
  const schedule = scheduleFromOffsets(calendarDate("2026-03-02"), {
    recruitmentEnd: 13,
    orientation: 14,
    matching: 14,
    ceremony: 14,
    activitiesStart: 14,
    activitiesEnd: 290,
    evaluationStart: 291,
    evaluationEnd: 300,
    close: 305,
  });
  const facts = (today: string, members: number) => ({
    today: calendarDate(today),
    kind: "board" as const,
    accepted: { mentor: members, mentee: 0 },
    openPreSurveys: 0,
    publishedTeams: 0,
    postSurveys: { submitted: 0, expected: 0 },
  });

  it("goes from recruitment straight to activities, without orientation and matching", () => {
    expect(cohortPathOf("board")).toEqual(["draft", "recruiting", "active", "evaluation", "closed"]);
    expect(nextStatus("recruiting", "board")).toBe("active");
  });

  it("starts activities with its members and no teams", () => {
    expect(transitionProblems("recruiting", "active", schedule, facts("2026-03-16", 12))).toEqual([]);
  });

  it("cannot start without a member, whatever the date", () => {
    expect(
      transitionProblems("recruiting", "active", schedule, facts("2026-03-16", 0)).map((p) => p.code),
    ).toEqual(["transition.no_members"]);
  });

  it("may close recruitment early by overruling the date, as any phase", () => {
    const problems = transitionProblems("recruiting", "active", schedule, facts("2026-03-10", 12));
    expect(problems).toEqual([
      { code: "transition.too_early", overridable: true, params: { date: "2026-03-16" } },
    ]);
  });

  it("refuses a move into matching", () => {
    expect(
      transitionProblems("recruiting", "orientation", schedule, facts("2026-03-16", 12)).map((p) => p.code),
    ).toEqual(["transition.not_next"]);
  });

  it("is moved to activities by date by the scheduler", () => {
    expect(dueTransition("recruiting", schedule, calendarDate("2026-03-15"), facts("2026-03-16", 12))).toBe(
      "active",
    );
  });

  it("leaves a mentoring cohort's path as it was", () => {
    expect(cohortPathOf("standard")).toHaveLength(7);
    expect(nextStatus("recruiting", "cross_department")).toBe("orientation");
    expect(nextStatus("recruiting")).toBe("orientation");
  });
});
