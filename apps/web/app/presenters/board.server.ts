import type { BoardProposalRow, MyBoard } from "@mentoring/programs";
import { formatDateTime } from "../services/format.server";

/** A proposal as both board pages show it: its dates in the tenant's time zone, its proposers as one line. */
function proposalView(row: BoardProposalRow, locale: string, timeZone: string) {
  const when = (date: Date | null) =>
    date ? formatDateTime(date, locale, timeZone, { dateStyle: "medium", timeStyle: "short" }) : null;
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    status: row.status,
    proposers: row.proposers.map(({ name, department }) => ({ name, department })),
    proposedAt: when(row.createdAt) ?? "",
    reply:
      row.reply === null
        ? null
        : { text: row.reply, by: row.repliedByName ?? "", at: when(row.repliedAt) ?? "" },
  };
}

export type ProposalView = ReturnType<typeof proposalView>;

/** A member's boards: each with what they may do now, their fellow members and the proposals with replies. */
export function presentMyBoards(boards: MyBoard[], locale: string, timeZone: string) {
  return boards.map((board) => ({
    cohortId: board.cohortId,
    title: board.title,
    status: board.status,
    mayPropose: board.mayPropose,
    fellowMembers: board.fellowMembers.map((member) => ({
      value: member.applicationId,
      name: member.name,
      department: member.department,
    })),
    proposals: board.proposals.map((row) => ({ ...proposalView(row, locale, timeZone), mine: row.mine })),
  }));
}

/** The reviewers' page: the board and its proposals, in the order of their status (waiting ones first). */
export function presentBoardProposals(
  list: { cohort: { id: string; title: string; status: string }; proposals: BoardProposalRow[] },
  locale: string,
  timeZone: string,
) {
  const order = ["proposed", "reviewed", "adopted", "declined"] as const;
  const views = list.proposals.map((row) => proposalView(row, locale, timeZone));
  return {
    cohort: list.cohort,
    groups: order.map((status) => ({ status, proposals: views.filter((view) => view.status === status) })),
  };
}
