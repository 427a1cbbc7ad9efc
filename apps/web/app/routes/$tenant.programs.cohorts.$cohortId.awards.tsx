import { getCohortAwards, getCohortResults, proposeAwards } from "@mentoring/programs";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { AwardDecisionStatus, AwardGrantsTable } from "../components/award-decision";
import { CohortNav } from "../components/cohort-nav";
import { CsrfInput } from "../components/csrf-input";
import { FormAnswer } from "../components/form-answer";
import { pageTitle } from "../components/page-title";
import { presentCohortAwards } from "../presenters/cohort-awards.server";
import { isRefusal } from "../services/refusal";
import { tenantAction, tenantLoader } from "../services/route-builder.server";
import { cohortParams, id } from "../services/route-params";

export const handle = pageTitle<typeof loader>((t, data) =>
  t("awards.page.title", { cohort: data.cohort.title }),
);

/**
 * The coordinator's awards of a cohort: the template's award categories with their places prefilled from
 * the evaluation's ranking (getCohortResults' allocation; a tie at an award's boundary called out for the
 * coordinator to decide), or from the decision already made; submitted for the executive's approval, and
 * the decision's status (returned with the executive's comment, or approved with each team's certificate).
 */
export const loader = tenantLoader(
  { permission: "awards.manage", params: cohortParams },
  async ({ params, tenant, locale, withTenant }) => {
    const input = { tenantId: tenant.id, cohortId: params.cohortId };
    const { awards, results } = await withTenant(async (db) => {
      const awards = await getCohortAwards(db, { ...input, locale });
      const results = awards.categories.length
        ? await getCohortResults(db, { ...input, now: new Date() })
        : null;
      return { awards, results };
    });
    return { ...presentCohortAwards(awards, results, locale, tenant.timeZone), tenantSlug: tenant.slug };
  },
);

/** Each place of each award is a select whose value is "<category>:<team id>", or "" for nobody. */
const place = z
  .string()
  .default("")
  .refine((value) => value === "" || /^\d{1,2}:/.test(value));
const proposeForm = z.object({ grants: z.array(place).max(1000).default([]) });

export const action = tenantAction(
  { permission: "awards.manage", params: cohortParams, form: proposeForm },
  async ({ params, form, tenant, user, requestId, withTenant }) => {
    const grants = form.grants
      .filter((value) => value !== "")
      .map((value) => {
        const [category, teamId] = value.split(":");
        return { category: Number(category), teamId: id.safeParse(teamId).success ? (teamId as string) : "" };
      });
    const { status } = await withTenant((db) =>
      proposeAwards(db, {
        tenantId: tenant.id,
        cohortId: params.cohortId,
        actorUserId: user.id,
        grants,
        now: new Date(),
        requestId,
      }),
    );
    return { status };
  },
);

export default function CohortAwardsPage() {
  const { t } = useTranslation();
  const { cohort, categories, teams, decision, tenantSlug } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const approved = decision?.status === "approved";
  let index = 0;
  return (
    <>
      <h1>{t("awards.page.title", { cohort: cohort.title })}</h1>
      <CohortNav tenantSlug={tenantSlug} cohortId={cohort.id} />
      <p>{t("awards.page.intro")}</p>
      <AwardDecisionStatus decision={decision} />
      {isRefusal(result) ? (
        <p role="alert" className="form-error">
          {result.error?.[""]?.[0]}
        </p>
      ) : result ? (
        <FormAnswer answer={result}>{t("awards.page.proposed")}</FormAnswer>
      ) : null}
      {categories.length === 0 ? (
        <p>{t("awards.page.noCategories")}</p>
      ) : approved && decision ? (
        <AwardGrantsTable grants={decision.grants} />
      ) : (
        <Form method="post" className="card">
          <CsrfInput />
          {categories.map((category) => (
            <fieldset key={category.index} data-testid={`award-${category.index}`}>
              <legend>
                {t("awards.page.category", {
                  award: category.name,
                  teams: category.teams,
                  prize: category.prize,
                })}
              </legend>
              {category.ties.map((tie) => (
                <p key={tie.rank} role="note" className="award-tie">
                  {t("awards.page.tie", {
                    rank: tie.rank,
                    places: tie.places,
                    teams: tie.teams.map((number) => t("awards.page.team", { number })).join(", "),
                  })}
                </p>
              ))}
              {category.places.map((chosen, placeIndex) => {
                const name = `grants[${index}]`;
                const fieldId = `award-place-${index++}`;
                const label = t("awards.page.place", { award: category.name, place: placeIndex + 1 });
                return (
                  <p key={name}>
                    <label htmlFor={fieldId}>{label}</label>{" "}
                    <select
                      id={fieldId}
                      name={name}
                      defaultValue={chosen ? `${category.index}:${chosen}` : ""}
                    >
                      <option value="">{t("awards.page.none")}</option>
                      {teams.map((team) => (
                        <option key={team.id} value={`${category.index}:${team.id}`}>
                          {team.rank === null
                            ? t("awards.page.team", { number: team.number })
                            : t("awards.page.teamWithRank", {
                                number: team.number,
                                rank: team.rank,
                                total: Math.round((team.total ?? 0) * 10) / 10,
                              })}
                        </option>
                      ))}
                    </select>
                  </p>
                );
              })}
            </fieldset>
          ))}
          <button type="submit" disabled={busy}>
            {t("awards.page.propose")}
          </button>
        </Form>
      )}
      {approved ? null : (
        <p>
          <Link to={`/${tenantSlug}/programs/cohorts/${cohort.id}/evaluation`}>
            {t("evaluations.coordinator.nav")}
          </Link>
        </p>
      )}
    </>
  );
}
