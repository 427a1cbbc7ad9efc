import { boardProposalStatuses } from "@mentoring/domain";
import { listBoardsToReview } from "@mentoring/programs";
import { Link, useLoaderData } from "@remix-run/react";
import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import { pageTitle } from "../components/page-title";
import { tenantLoader } from "../services/route-builder.server";

export const handle = pageTitle("board.boards.title");

/**
 * The way in for whoever answers the junior boards (the executives, the coordinator): every board of the
 * tenant with its proposals counted by status, each leading to its proposals page. Executives have no
 * programs list, so without this page they would reach a board only by typing its address.
 */
export const loader = tenantLoader({ permission: "board.review" }, async ({ tenant, withTenant }) => {
  const boards = await withTenant((db) => listBoardsToReview(db, { tenantId: tenant.id }));
  return {
    boards: boards.map((board) => ({
      ...board,
      to: `/${tenant.slug}/programs/cohorts/${board.cohortId}/proposals`,
    })),
  };
});

export default function BoardsToReview() {
  const { t } = useTranslation();
  const { boards } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("board.boards.title")}</h1>
      <p>{t("board.boards.intro")}</p>
      {boards.length === 0 ? <p>{t("board.boards.none")}</p> : null}
      {boards.map((board) => {
        const headingId = `board-${board.cohortId}`;
        return (
          <section key={board.cohortId} className="card" aria-labelledby={headingId} data-testid="board">
            <h2 id={headingId}>{board.title}</h2>
            <p>{t("board.boards.status", { status: t(`programs.status.${board.status}`) })}</p>
            <dl className="facts">
              {boardProposalStatuses.map((status) => (
                <Fragment key={status}>
                  <dt>{t(`board.status.${status}`)}</dt>
                  <dd data-testid={`count-${status}`}>
                    {t("board.boards.count", { count: board.proposals[status] })}
                  </dd>
                </Fragment>
              ))}
            </dl>
            <p>
              <Link to={board.to}>{t("board.boards.open", { cohort: board.title })}</Link>
            </p>
          </section>
        );
      })}
    </>
  );
}
