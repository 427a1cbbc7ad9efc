export { INVITATION_DAYS } from "../records/invitation";
export { acceptInvitation } from "./accept-invitation";
export { changeMemberRoles } from "./change-member-roles";
export { inviteMember } from "./invite-member";
export {
  inviteNominee,
  NOMINATION_INVITATION_DAYS,
  type NomineeInvitationInput,
} from "./invite-nominee";
export { listMembers } from "./list-members";
export {
  type InvitationView,
  type InvitingTenantView,
  type NominationInvitationView,
  viewInvitation,
} from "./view-invitation";
