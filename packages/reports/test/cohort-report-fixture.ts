import type { CohortReportData, ReportTimelineItem } from "../src/cohort-report-data";

const FAMILY = ["김", "이", "박", "최", "정", "강", "조", "윤", "장", "임"];
const GIVEN = ["민준", "서연", "도윤", "하은", "시우", "지민", "예준", "수아", "주원", "지우"];

/**
 * A reverse-mentoring cohort as Gangneung runs it: 40 people in 10 teams of 3 juniors (mentors) and one
 * manager (mentee), with a calendar, activities, a two-area diagnostic, satisfaction, a three-criterion
 * rubric, three awards and featured work. Every figure is fixed, so tests can name them.
 */
export function fortyPersonCohort(): CohortReportData {
  const teams = Array.from({ length: 10 }, (_, t) => ({
    number: t + 1,
    name: t % 3 === 0 ? `디지털 ${t + 1}조` : null,
    mentors: [0, 1, 2]
      .map((m) => `${FAMILY[(t + m) % 10]}${GIVEN[(t * 3 + m) % 10]}`)
      .sort((a, b) => a.localeCompare(b, "ko")),
    mentees: [`${FAMILY[(t + 5) % 10]}과장${t + 1}`],
  }));
  const participation = teams.map((team, t) => ({
    teamNumber: team.number,
    activities: 6 + t,
    meetings: 4 + (t % 4),
    minutes: 600 + t * 45,
    attendance: { present: 30 - (t % 5), expected: 32 },
    assignments: { onTime: 3 - (t % 2), due: 3 },
  }));
  const sum = (pick: (row: (typeof participation)[number]) => number) =>
    participation.reduce((total, row) => total + pick(row), 0);
  const criteria = [
    { key: "training", name: { ko: "정기 교육 참여", en: "Training" }, weight: 30, scaleMax: 10 },
    { key: "activities", name: { ko: "팀 활동", en: "Team activity" }, weight: 30, scaleMax: 10 },
    { key: "results", name: { ko: "성과", en: "Results" }, weight: 40, scaleMax: 10 },
  ];
  const ranking = teams
    .map((team, t) => {
      const scores = {
        training: 9.4 - t * 0.3,
        activities: 8.8 - t * 0.25,
        results: 9.1 - ((t * 7) % 10) * 0.35,
      };
      const total = (scores.training * 30 + scores.activities * 30 + scores.results * 40) / 10;
      return { teamNumber: team.number, complete: team.number !== 10, total, scores };
    })
    .sort((a, b) => Number(b.complete) - Number(a.complete) || b.total - a.total)
    .map((place, index) => ({ ...place, rank: index + 1, sharesRank: false }));
  const [first, second, third] = ranking;
  const membersOf = (number: number) => {
    const team = teams[number - 1];
    return team ? [...team.mentors, ...team.mentees] : [];
  };
  return {
    tenant: { name: "강릉시" },
    program: { name: "세대공감 리버스 멘토링", kind: "reverse" },
    cohort: {
      id: "7b1f6f52-3f0e-4b55-9d2c-2f3b0c1a9e01",
      number: 2,
      title: "2기",
      recruitment: { start: "2026-03-02", end: "2026-03-20" },
      activities: { start: "2026-04-15", end: "2026-10-31" },
      evaluation: { start: "2026-11-02", end: "2026-11-13" },
      close: "2026-11-30",
    },
    participants: { mentors: 30, mentees: 10, total: 40 },
    teams,
    timeline: [
      {
        date: "2026-04-07",
        kind: "event",
        title: { ko: "발대식 및 결연식", en: "Launch and pairing ceremony" },
      },
      ...Array.from({ length: 6 }, (_, i) => ({
        date: `2026-${String(5 + i).padStart(2, "0")}-14`,
        kind: "training" as const,
        title: { ko: `정기 교육 ${i + 1}회차: 디지털 도구 실습`, en: `Training ${i + 1}` },
      })),
      {
        date: "2026-07-31",
        kind: "assignment",
        title: { ko: "우리 팀 업무 개선 아이디어", en: "Work improvement idea" },
      },
      { date: "2026-09-09", kind: "mentoring_day", title: { ko: "멘토링 데이", en: "Mentoring day" } },
      { date: "2026-10-30", kind: "assignment", title: { ko: "활동 결과 영상", en: "Activity video" } },
    ]
      .map((item): ReportTimelineItem => item as ReportTimelineItem)
      .sort((a, b) => a.date.localeCompare(b.date)),
    participation: {
      teams: participation,
      total: {
        activities: sum((row) => row.activities),
        meetings: sum((row) => row.meetings),
        minutes: sum((row) => row.minutes),
        attendance: {
          present: sum((row) => row.attendance.present),
          expected: sum((row) => row.attendance.expected),
        },
        assignments: { onTime: sum((row) => row.assignments.onTime), due: sum((row) => row.assignments.due) },
      },
    },
    outcomes: {
      dimensions: [
        {
          key: "digital.tools",
          setTitle: { ko: "디지털 역량 진단", en: "Digital skills" },
          label: { ko: "디지털 도구 활용", en: "Digital tools" },
          n: 36,
          preMean: 52.35,
          postMean: 71.8,
          change: 19.45,
          verdict: "increase",
        },
        {
          key: "digital.communication",
          setTitle: { ko: "디지털 역량 진단", en: "Digital skills" },
          label: { ko: "세대 간 소통", en: "Communication across generations" },
          n: 36,
          preMean: 61.2,
          postMean: 63.05,
          change: 1.85,
          verdict: "no_clear_change",
        },
      ],
      satisfaction: [
        {
          title: { ko: "만족도 조사", en: "Satisfaction" },
          respondents: 38,
          questions: [
            { prompt: { ko: "프로그램 전반에 만족한다", en: "Overall satisfied" }, answered: 38, mean: 4.42 },
            { prompt: { ko: "다른 직원에게 추천하겠다", en: "Would recommend" }, answered: 37, mean: 4.27 },
          ],
        },
      ],
    },
    evaluation: { criteria, ranking },
    awards: [
      {
        name: "최우수",
        prize: "표창장, 국내외 우수사례지 견학",
        teamNumber: first?.teamNumber ?? 1,
        members: membersOf(first?.teamNumber ?? 1),
      },
      {
        name: "우수",
        prize: "표창장",
        teamNumber: second?.teamNumber ?? 2,
        members: membersOf(second?.teamNumber ?? 2),
      },
      {
        name: "우수",
        prize: "표창장",
        teamNumber: third?.teamNumber ?? 3,
        members: membersOf(third?.teamNumber ?? 3),
      },
    ],
    featured: [
      { teamNumber: 3, title: "우리 팀 업무 개선 아이디어", featuredOn: "2026-08-04" },
      { teamNumber: 7, title: "활동 결과 영상", featuredOn: "2026-11-03" },
    ],
  };
}
