import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/** A junior board proposal as the board's pages show it (presenters/board.server.ts shapes it). */
export interface ProposalCardData {
  id: string;
  title: string;
  body: string;
  status: "proposed" | "reviewed" | "adopted" | "declined";
  /** Who proposed it: names with their departments. */
  proposers: { name: string; department: string }[];
  proposedAt: string;
  reply: { text: string; by: string; at: string } | null;
}

/**
 * One proposal as a card: title, status, who proposed it and when, its text as written (plain text, line
 * breaks kept), and the reply when there is one; `children` are the reviewers' actions.
 */
export function ProposalCard({
  proposal,
  headingLevel,
  mine = false,
  children,
}: {
  proposal: ProposalCardData;
  headingLevel: "h3" | "h4";
  mine?: boolean;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const Heading = headingLevel;
  return (
    <article className="card proposal" aria-labelledby={`proposal-${proposal.id}`} data-testid="proposal">
      <Heading id={`proposal-${proposal.id}`}>{proposal.title}</Heading>
      <p>
        <span className="badge" data-testid="proposal-status">
          {t(`board.status.${proposal.status}`)}
        </span>
        {mine ? (
          <>
            {" "}
            <span className="badge">{t("board.proposal.mine")}</span>
          </>
        ) : null}
      </p>
      <p>
        {t("board.proposal.byLine", {
          proposers: proposal.proposers.map((proposer) => t("board.proposal.proposer", proposer)).join(", "),
          at: proposal.proposedAt,
        })}
      </p>
      <p className="proposal__text">{proposal.body}</p>
      <div className="proposal__reply">
        <p>
          <strong>{t("board.proposal.reply")}</strong>
        </p>
        {proposal.reply ? (
          <>
            <p className="proposal__text" data-testid="proposal-reply">
              {proposal.reply.text}
            </p>
            <p className="field__hint">
              {t("board.proposal.repliedBy", { name: proposal.reply.by, at: proposal.reply.at })}
            </p>
          </>
        ) : (
          <p>{t("board.proposal.noReply")}</p>
        )}
      </div>
      {children}
    </article>
  );
}
