import { getCollectionProps, getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod";
import {
  AppError,
  BOARD_PROPOSAL_BODY_MAX,
  BOARD_PROPOSAL_TITLE_MAX,
  BOARD_PROPOSERS_MAX,
  boardProposalDraftSchema,
} from "@mentoring/domain";
import { listMyBoards, proposeBoardPolicy } from "@mentoring/programs";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CsrfInput } from "../components/csrf-input";
import { FormAnswer } from "../components/form-answer";
import { FormErrors, InputField, TextareaField } from "../components/form-fields";
import { pageTitle } from "../components/page-title";
import { ProposalCard } from "../components/proposal-card";
import { presentMyBoards } from "../presenters/board.server";
import { besideFields, isRefusal } from "../services/refusal";
import { tenantAction, tenantLoader } from "../services/route-builder.server";
import { id } from "../services/route-params";

export const handle = pageTitle("board.mine.title");

/**
 * A junior board member's page (주니어보드): the boards they are a member of, a form to propose a policy
 * (alone or with fellow members) while the board is active, and every proposal of the board with its status
 * and the executive's reply. Laid out as one column of cards, for a phone.
 */
export const loader = tenantLoader(
  { permission: "board.propose" },
  async ({ tenant, membership, locale, withTenant }) => {
    const { staffMemberId } = membership;
    const boards = staffMemberId
      ? await withTenant((db) => listMyBoards(db, { tenantId: tenant.id, staffMemberId }))
      : [];
    return {
      boards: presentMyBoards(boards, locale, tenant.timeZone),
      recruiting: `/${tenant.slug}/recruiting`,
    };
  },
);

const proposeForm = boardProposalDraftSchema.extend({
  intent: z.literal("propose"),
  cohortId: id,
  coProposers: z
    .array(id)
    .max(BOARD_PROPOSERS_MAX - 1)
    .default([]),
});
const proposeFields = ["title", "body", "coProposers"] as const;

/** Sends a proposal to the board's executives. */
export const action = tenantAction(
  {
    permission: "board.propose",
    form: proposeForm,
    fieldName: (path, t) =>
      ({
        title: t("board.field.title"),
        body: t("board.field.body"),
        coProposers: t("board.field.coProposers"),
      })[path] ?? null,
    whichForm: (sent) => ({ cohortId: sent.cohortId }),
  },
  async ({ form, tenant, user, membership, requestId, withTenant }) => {
    const { staffMemberId } = membership;
    if (!staffMemberId) throw new AppError("board.not_member");
    await withTenant((db) =>
      proposeBoardPolicy(db, {
        tenantId: tenant.id,
        cohortId: form.cohortId,
        staffMemberId,
        actorUserId: user.id,
        title: form.title,
        body: form.body,
        coProposerApplicationIds: form.coProposers,
        requestId,
      }),
    );
    return { proposed: true as const, cohortId: form.cohortId };
  },
);

type Board = ReturnType<typeof useLoaderData<typeof loader>>["boards"][number];

/** The propose form of one board; its result (a refusal, or the proposal sent) only if it was this board's. */
function ProposeForm({
  board,
  result,
}: {
  board: Board;
  result: ReturnType<typeof useActionData<typeof action>>;
}) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const mine = result && result.cohortId === board.cohortId ? result : undefined;
  const sent = mine && !isRefusal(mine) ? mine : undefined;
  const lastResult = useMemo(
    () =>
      mine && isRefusal(mine)
        ? besideFields(mine, proposeFields)
        : sent
          ? { status: "success" as const }
          : undefined,
    [mine, sent],
  );
  const [form, fields] = useForm<z.input<typeof proposeForm>>({
    id: `propose-${board.cohortId}`,
    lastResult,
    constraint: getZodConstraint(proposeForm),
  });
  const choices = getCollectionProps(fields.coProposers, {
    type: "checkbox",
    options: board.fellowMembers.map((member) => member.value),
    ariaAttributes: false,
  });
  const labels = new Map(
    board.fellowMembers.map((member) => [member.value, t("board.proposal.proposer", member)]),
  );
  return (
    // Not "propose-<id>-title": conform names the title field's input that way.
    <section aria-labelledby={`propose-heading-${board.cohortId}`} className="card">
      <h3 id={`propose-heading-${board.cohortId}`}>{t("board.mine.proposeTitle")}</h3>
      {sent ? <FormAnswer answer={sent}>{t("board.mine.submitted")}</FormAnswer> : null}
      <FormErrors form={form} summary={t("form.errorSummary")} />
      <Form method="post" {...getFormProps(form)}>
        <CsrfInput />
        <input type="hidden" name="cohortId" value={board.cohortId} />
        <InputField
          meta={fields.title}
          label={t("board.field.title")}
          hint={t("board.mine.titleHint", { max: BOARD_PROPOSAL_TITLE_MAX })}
          required
          maxLength={BOARD_PROPOSAL_TITLE_MAX}
        />
        <TextareaField
          meta={fields.body}
          label={t("board.field.body")}
          hint={t("board.mine.bodyHint", { max: BOARD_PROPOSAL_BODY_MAX })}
          rows={6}
          required
          maxLength={BOARD_PROPOSAL_BODY_MAX}
        />
        {board.fellowMembers.length > 0 ? (
          <fieldset aria-describedby={`${fields.coProposers.id}-hint`}>
            <legend>{t("board.field.coProposers")}</legend>
            <p id={`${fields.coProposers.id}-hint`} className="field__hint">
              {t("board.mine.coProposersHint")}
            </p>
            <ul className="checkbox-list">
              {choices.map(({ key: _key, ...box }) => (
                <li key={box.value}>
                  <input {...box} /> <label htmlFor={box.id}>{labels.get(box.value)}</label>
                </li>
              ))}
            </ul>
            {fields.coProposers.errors?.[0] ? (
              <p id={fields.coProposers.errorId} className="field__error">
                {fields.coProposers.errors[0]}
              </p>
            ) : null}
          </fieldset>
        ) : null}
        <button type="submit" name="intent" value="propose" className="button-primary" disabled={busy}>
          {t("board.mine.submit")}
        </button>
      </Form>
    </section>
  );
}

export default function JuniorBoard() {
  const { t } = useTranslation();
  const { boards, recruiting } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <h1>{t("board.mine.title")}</h1>
      <p>{t("board.mine.intro")}</p>
      {boards.length === 0 ? (
        <p>
          {t("board.mine.none")} <Link to={recruiting}>{t("board.mine.toRecruiting")}</Link>
        </p>
      ) : null}
      {boards.map((board) => (
        <section key={board.cohortId} aria-labelledby={`board-${board.cohortId}`}>
          <h2 id={`board-${board.cohortId}`}>{board.title}</h2>
          <p>{t("board.mine.status", { status: t(`programs.status.${board.status}`) })}</p>
          {/* Keyed by the proposals' count: once one is sent, the form starts empty for the next. */}
          {board.mayPropose ? (
            <ProposeForm key={board.proposals.length} board={board} result={result} />
          ) : (
            <p>{t("board.mine.notOpen")}</p>
          )}
          <h3>{t("board.mine.listTitle")}</h3>
          {board.proposals.length === 0 ? <p>{t("board.mine.empty")}</p> : null}
          {board.proposals.map((proposal) => (
            <ProposalCard key={proposal.id} proposal={proposal} headingLevel="h4" mine={proposal.mine} />
          ))}
        </section>
      ))}
    </>
  );
}
