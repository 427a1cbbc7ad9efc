import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod";
import { AppError } from "@mentoring/domain";
import { listAttachments, listMyAssignments, submitAssignment } from "@mentoring/programs";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { type AttachmentItem, AttachmentList, readableSize } from "../components/attachments";
import { CsrfInput } from "../components/csrf-input";
import { FilePicker } from "../components/file-picker";
import { FormAnswer } from "../components/form-answer";
import { FormErrors, lastResultOf, TextareaField } from "../components/form-fields";
import { pageTitle } from "../components/page-title";
import { SubmissionBadges, SubmissionLinks } from "../components/submission-parts";
import { presentMyAssignments } from "../presenters/assignments.server";
import { besideFields, isRefusal } from "../services/refusal";
import { tenantAction, tenantLoader } from "../services/route-builder.server";
import { id } from "../services/route-params";
import { discardStoredFiles } from "../services/uploads.server";

export const handle = pageTitle("assignments.mine.title");

/**
 * A participant's assignments, phone first: for each team they are in, the cohort's assignments with the
 * due time and the team's work (its files too), and a form to hand it in or revise it: text, links, and
 * files uploaded as they are chosen (photos, video files, documents), some of them taken off in a revision.
 */
export const loader = tenantLoader(
  { permission: "assignments.submit" },
  async ({ tenant, membership, locale, withTenant }) => {
    const { staffMemberId } = membership;
    if (!staffMemberId) return { teams: [], files: {} };
    const { teams, files } = await withTenant(async (db) => {
      const teams = await listMyAssignments(db, { tenantId: tenant.id, staffMemberId });
      const submissionIds = teams.flatMap((team) =>
        team.assignments.flatMap((assignment) => (assignment.submission ? [assignment.submission.id] : [])),
      );
      const files = await listAttachments(db, { tenantId: tenant.id, submissionIds });
      return { teams, files };
    });
    return {
      teams: presentMyAssignments(teams, locale, tenant.timeZone, new Date()),
      files: Object.fromEntries(files),
    };
  },
);

// Lengths and addresses are checked by the use case, whose messages name the field.
const submitForm = z.object({
  intent: z.literal("submit"),
  itemId: id,
  text: z.string().default(""),
  /** One address per line. */
  links: z.string().default(""),
  /** Files uploaded for it (their attachments' ids). */
  fileIds: z.array(id).default([]),
  /** Files of the submission to take off. */
  removeFileIds: z.array(id).default([]),
});

export const action = tenantAction(
  {
    permission: "assignments.submit",
    form: submitForm,
    whichForm: (sent) => ({ itemId: sent.itemId }),
  },
  async ({ form, tenant, membership, user, requestId, withTenant, services }) => {
    const { staffMemberId } = membership;
    // A member without a staff record takes part in no cohort, so is in no team.
    if (!staffMemberId) throw new AppError("submission.not_in_team");
    const links = form.links.split(/\r?\n/);
    const result = await withTenant((db) =>
      submitAssignment(db, {
        tenantId: tenant.id,
        staffMemberId,
        itemId: form.itemId,
        text: form.text,
        links,
        fileIds: form.fileIds,
        removeFileIds: form.removeFileIds,
        actorUserId: user.id,
        now: new Date(),
        requestId,
      }),
    );
    await discardStoredFiles(services, result.removedKeys);
    const { removedKeys: _, ...answer } = result;
    return { itemId: form.itemId, ...answer };
  },
);

type Team = ReturnType<typeof useLoaderData<typeof loader>>["teams"][number];
type Assignment = Team["assignments"][number];

export default function MyAssignments() {
  const { t } = useTranslation();
  const { teams, files } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("assignments.mine.title")}</h1>
      {teams.length === 0 || teams.every((team) => team.assignments.length === 0) ? (
        <section aria-labelledby="no-assignments" className="card">
          <h2 id="no-assignments">{t("assignments.mine.none")}</h2>
          <p>{t("assignments.mine.noneHint")}</p>
        </section>
      ) : (
        <>
          <p>{t("assignments.mine.intro")}</p>
          {teams.map((team) => (
            <section key={team.cohortId} aria-labelledby={`team-${team.cohortId}`}>
              <h2 id={`team-${team.cohortId}`}>
                {t("assignments.mine.team", { cohort: team.cohortTitle, number: team.teamNumber })}
              </h2>
              {team.assignments.map((assignment) => (
                <AssignmentCard
                  key={assignment.itemId}
                  assignment={assignment}
                  files={assignment.submission ? (files[assignment.submission.id] ?? []) : []}
                />
              ))}
            </section>
          ))}
        </>
      )}
    </>
  );
}

type Files = AttachmentItem[];

function AssignmentCard({ assignment, files }: { assignment: Assignment; files: Files }) {
  const { t } = useTranslation();
  const result = useActionData<typeof action>();
  const [uploading, setUploading] = useState(false);
  const busy = useNavigation().state === "submitting" || uploading;
  const { submission } = assignment;
  const mine = result?.itemId === assignment.itemId ? result : undefined;
  // One object per answer: conform takes a new lastResult as a new answer, and one made every render loops.
  const lastResult = useMemo(
    () => lastResultOf(isRefusal(mine) ? besideFields(mine, ["text", "links", "files"]) : undefined, mine),
    [mine],
  );
  const [form, fields] = useForm<z.input<typeof submitForm>>({
    id: `submit-${assignment.itemId}`,
    lastResult,
    constraint: getZodConstraint(submitForm),
    defaultValue: { text: submission?.text ?? "", links: submission?.links.join("\n") ?? "" },
  });
  const closed =
    submission?.status === "accepted" || (submission?.status === "submitted" && assignment.duePassed);
  const headingId = `assignment-${assignment.itemId}`;
  return (
    <article aria-labelledby={headingId} className="card" data-testid="assignment">
      <h3 id={headingId}>{assignment.title}</h3>
      <p className="survey-meta">{t("assignments.mine.due", { when: assignment.due })}</p>
      <SubmissionBadges submission={submission} />
      {assignment.description ? <p>{assignment.description}</p> : null}
      {submission ? (
        <p className="survey-meta">{t("assignments.mine.submittedAt", { when: submission.submittedAt })}</p>
      ) : null}
      {submission?.reviewComment ? (
        <p className="notice">{t("assignments.mine.comment", { comment: submission.reviewComment })}</p>
      ) : null}
      {mine && !isRefusal(mine) ? (
        <FormAnswer answer={mine}>
          {t(
            mine.late && !mine.revised
              ? "assignments.mine.submittedLate"
              : mine.revised
                ? "assignments.mine.revised"
                : "assignments.mine.submitted",
          )}
        </FormAnswer>
      ) : null}
      {closed ? (
        <>
          <SubmissionLinks links={submission?.links ?? []} />
          <AttachmentList files={files} />
          <p>
            {t(
              submission?.status === "accepted"
                ? "assignments.mine.acceptedNote"
                : "assignments.mine.duePassedNote",
            )}
          </p>
        </>
      ) : (
        <>
          <FormErrors form={form} />
          <Form method="post" {...getFormProps(form)}>
            <CsrfInput />
            <input type="hidden" name="itemId" value={assignment.itemId} />
            <TextareaField
              meta={fields.text}
              label={t("assignments.mine.text")}
              hint={t("assignments.mine.textHint")}
              rows={4}
              maxLength={10_000}
            />
            <TextareaField
              meta={fields.links}
              label={t("assignments.mine.links")}
              hint={t("assignments.mine.linksHint")}
              rows={2}
              inputMode="url"
            />
            {files.length ? (
              <fieldset className="field">
                <legend>{t("files.list.keep")}</legend>
                <AttachmentList files={files} />
                {files.map((file) => (
                  <div key={file.id} className="field--check">
                    <input type="checkbox" id={`remove-${file.id}`} name="removeFileIds" value={file.id} />
                    <label htmlFor={`remove-${file.id}`}>
                      {t("files.list.remove", { name: `${file.name} (${readableSize(file.size)})` })}
                    </label>
                  </div>
                ))}
              </fieldset>
            ) : null}
            <FilePicker
              // A new picker after each answer: what it uploaded is now the submission's.
              key={mine && !isRefusal(mine) ? mine.submissionId + String(submission?.submittedAt) : "picker"}
              id={`files-${assignment.itemId}`}
              name="fileIds"
              label={t("files.picker.label")}
              hint={t("files.picker.hint")}
              error={isRefusal(mine) ? (mine.error?.files?.[0] ?? undefined) : undefined}
              onBusyChange={setUploading}
            />
            <button type="submit" name="intent" value="submit" className="button-primary" disabled={busy}>
              {t(submission ? "assignments.mine.resubmit" : "assignments.mine.submit")}
            </button>
          </Form>
        </>
      )}
    </article>
  );
}
