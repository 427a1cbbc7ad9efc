import type { ErrorTable } from "./error-table";

/** Members of a tenant: invitations, joining through one, and roles. */
export const memberErrors = {
  "member.already_member": { status: 409, message: "members.invite.alreadyMember" },
  "member.invitation_unusable": { status: 404, message: "invitation.invalid" },
  "member.last_admin": { status: 409, message: "members.problem.last_admin" },
  "member.no_roles": { status: 400, message: "members.problem.no_roles" },
  "member.not_found": { status: 404, message: "error.notFound" },
} as const satisfies ErrorTable;
