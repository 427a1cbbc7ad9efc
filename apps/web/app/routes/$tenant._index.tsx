import { type CalendarItemKind, localize } from "@mentoring/domain";
import {
  type AgendaItem,
  countBatchesToSign,
  getParticipantAgenda,
  listCohorts,
  listMyEvaluationTeams,
} from "@mentoring/programs";
import { getHomeCounts } from "@mentoring/tenants";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { pageTitle } from "../components/page-title";
import { presentEvaluatorHome } from "../presenters/evaluator.server";
import { formatDateTime, formatNumbers } from "../services/format.server";
import { tenantLoader } from "../services/route-builder.server";
import { tenantName } from "../services/tenant-display";

export const handle = pageTitle<typeof loader>((t, data) => t("home.title", { tenant: data.tenant }));

type HomeCount = keyof Awaited<ReturnType<typeof getHomeCounts>>;

/**
 * The tenant's home: who you are here; for a participant in a team, what is next (the next assignment
 * and the next event), phone first; for those who administer its members, the size of what the platform
 * holds for this organisation (participants, evaluators and executives have no use for it); for an
 * evaluator, the way to the teams assigned to them; for an executive, the way to the cohorts' dashboards.
 */
export const loader = tenantLoader(
  { permission: "tenant.home.view" },
  async ({ tenant, membership, user, locale, may, withTenant, withTenantSql }) => {
    const now = new Date();
    const summary = may("members.view")
      ? {
          counts: formatNumbers(
            await withTenantSql((sql) => getHomeCounts(sql, { tenantId: tenant.id, now })),
            locale,
          ),
          asOf: formatDateTime(now, locale, tenant.timeZone, { dateStyle: "long", timeStyle: "short" }),
        }
      : null;
    const { staffMemberId } = membership;
    const agenda =
      may("own_team.view") && staffMemberId
        ? await withTenantSql((sql) => getParticipantAgenda(sql, { tenantId: tenant.id, staffMemberId, now }))
        : null;
    const shown = (item: AgendaItem | null) =>
      item && {
        itemId: item.itemId,
        title: localize({ ko: item.title, en: item.titleEn ?? undefined }, locale),
        kind: item.kind,
        place: item.place,
        when: formatDateTime(item.at, locale, tenant.timeZone, { dateStyle: "long", timeStyle: "short" }),
        cohortTitle: item.cohortTitle,
        teamNumber: item.teamNumber,
      };
    // An executive's home says what waits for them: certificates to sign.
    const toSign = may("certificates.sign")
      ? await withTenant((db) => countBatchesToSign(db, { tenantId: tenant.id }))
      : null;
    // An executive, who runs no cohort, reaches each cohort's dashboard (its summary) from here.
    const dashboards =
      may("dashboards.view") && !may("programs.view")
        ? (await withTenant((db) => listCohorts(db, { tenantId: tenant.id })))
            .filter((cohort) => cohort.status !== "draft")
            .slice(0, 5)
            .map((cohort) => ({ id: cohort.id, title: cohort.title }))
        : null;
    // An evaluator's home leads to the teams assigned to them.
    const evaluations = may("evaluations.score")
      ? presentEvaluatorHome(
          await withTenant((db) =>
            listMyEvaluationTeams(db, { tenantId: tenant.id, evaluatorUserId: user.id }),
          ),
        )
      : null;
    return {
      tenant: tenantName(tenant, locale),
      toSign,
      dashboards,
      evaluations,
      name: user.displayName,
      roles: membership.roles,
      summary,
      slug: tenant.slug,
      agenda:
        agenda && agenda.teams > 0
          ? {
              nextAssignment: shown(agenda.nextAssignment),
              nextEvent: shown(agenda.nextEvent),
              base: `/${tenant.slug}`,
            }
          : null,
    };
  },
);

export default function TenantHome() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();

  return (
    <>
      <h1>{t("home.title", { tenant: data.tenant })}</h1>
      <p>{t("home.welcome", { name: data.name })}</p>
      {data.agenda ? <Agenda {...data.agenda} /> : null}
      {data.toSign !== null ? (
        <section aria-labelledby="to-sign-title" className="card" data-testid="to-sign">
          <h2 id="to-sign-title">{t("certificates.home.title")}</h2>
          <p>
            {data.toSign > 0
              ? t("certificates.home.waiting", { count: data.toSign })
              : t("certificates.home.none")}
          </p>
          <p>
            <Link to={`/${data.slug}/signing`}>{t("certificates.home.action")}</Link>
          </p>
        </section>
      ) : null}
      {data.dashboards ? (
        <section aria-labelledby="dashboards-title" className="card" data-testid="dashboards">
          <h2 id="dashboards-title">{t("dashboards.home.title")}</h2>
          {data.dashboards.length === 0 ? (
            <p>{t("dashboards.home.none")}</p>
          ) : (
            <ul>
              {data.dashboards.map((cohort) => (
                <li key={cohort.id}>
                  <Link to={`/${data.slug}/programs/cohorts/${cohort.id}/dashboard`}>{cohort.title}</Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      {data.evaluations ? (
        <section aria-labelledby="evaluations-title" className="card" data-testid="to-evaluate">
          <h2 id="evaluations-title">{t("evaluations.evaluator.home.title")}</h2>
          <p>
            {data.evaluations.assigned > 0
              ? t("evaluations.evaluator.home.waiting", {
                  count: data.evaluations.assigned,
                  submitted: data.evaluations.submitted,
                })
              : t("evaluations.evaluator.home.none")}
          </p>
          <p>
            <Link to={`/${data.slug}/evaluations`}>{t("evaluations.evaluator.home.action")}</Link>
          </p>
        </section>
      ) : null}
      <h2>{t("home.yourRoles")}</h2>
      <ul>
        {data.roles.map((role) => (
          <li key={role}>{t(`role.${role}`)}</li>
        ))}
      </ul>
      {data.summary ? <Summary {...data.summary} /> : null}
    </>
  );
}

function Summary({ counts, asOf }: { counts: Record<HomeCount, string>; asOf: string }) {
  const { t } = useTranslation();
  const cards = [
    { label: "home.staff", value: t("home.count", { value: counts.staff }) },
    { label: "home.departments", value: t("home.countUnits", { value: counts.departments }) },
    { label: "home.members", value: t("home.count", { value: counts.members }) },
    { label: "home.pendingInvitations", value: t("home.countCases", { value: counts.pendingInvitations }) },
  ] as const;
  return (
    <section aria-labelledby="summary-title">
      <h2 id="summary-title">{t("home.summary")}</h2>
      <p>{t("home.asOf", { date: asOf })}</p>
      <ul className="card-grid">
        {cards.map((card) => (
          <li key={card.label} className="card">
            <p className="card__label">{t(card.label)}</p>
            <p className="card__value">{card.value}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

type Shown = {
  itemId: string;
  title: string;
  kind: CalendarItemKind;
  place: string;
  when: string;
  cohortTitle: string;
  teamNumber: number;
};

/** A participant's next assignment and next event, with the ways to act on them. */
function Agenda({
  nextAssignment,
  nextEvent,
  base,
}: {
  nextAssignment: Shown | null;
  nextEvent: Shown | null;
  base: string;
}) {
  const { t } = useTranslation();
  const team = (item: Shown) =>
    t("assignments.agenda.team", { cohort: item.cohortTitle, number: item.teamNumber });
  return (
    <section aria-labelledby="agenda-title">
      <h2 id="agenda-title">{t("assignments.agenda.title")}</h2>
      <ul className="card-grid">
        <li className="card" data-testid="next-assignment">
          <p className="card__label">{t("assignments.agenda.nextAssignment")}</p>
          {nextAssignment ? (
            <>
              <p className="card__value">{nextAssignment.title}</p>
              <p>{t("assignments.agenda.due", { team: team(nextAssignment), when: nextAssignment.when })}</p>
            </>
          ) : (
            <p>{t("assignments.agenda.noAssignment")}</p>
          )}
          <p>
            <Link to={`${base}/assignments`}>{t("assignments.agenda.toAssignments")}</Link>
          </p>
        </li>
        <li className="card" data-testid="next-event">
          <p className="card__label">{t("assignments.agenda.nextEvent")}</p>
          {nextEvent ? (
            <>
              <p className="card__value">{nextEvent.title}</p>
              <p>
                {t("assignments.agenda.event", {
                  kind: t(`calendar.kind.${nextEvent.kind}`),
                  when: nextEvent.when,
                })}
              </p>
              {nextEvent.place ? <p>{t("assignments.agenda.place", { place: nextEvent.place })}</p> : null}
            </>
          ) : (
            <p>{t("assignments.agenda.noEvent")}</p>
          )}
          <p>
            {nextEvent ? (
              <Link to={`${base}/my-calendar/${nextEvent.itemId}`}>{t("assignments.agenda.toEvent")}</Link>
            ) : (
              <Link to={`${base}/my-calendar`}>{t("assignments.agenda.toCalendar")}</Link>
            )}
          </p>
        </li>
      </ul>
      <p>
        <Link to={`${base}/activities`} className="button-primary">
          {t("assignments.agenda.logActivity")}
        </Link>
      </p>
      <p>
        <Link to={`${base}/showcase`}>{t("assignments.agenda.toShowcase")}</Link>
      </p>
    </section>
  );
}
