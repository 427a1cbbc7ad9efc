export { INVITATION_DAYS } from "../records/invitation";
export { acceptInvitation } from "./accept-invitation";
export { changeMemberRoles } from "./change-member-roles";
export { inviteMember } from "./invite-member";
export { listMembers } from "./list-members";
export { type InvitationView, type InvitingTenantView, viewInvitation } from "./view-invitation";
