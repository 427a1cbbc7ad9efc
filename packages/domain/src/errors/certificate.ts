import type { ErrorTable } from "./error-table";

/** Ceremonies, certificate batches, signatures and revocations. */
export const certificateErrors = {
  "certificate.absentees_undecided": { status: 409, message: "certificates.error.absenteesUndecided" },
  "certificate.all_absent": { status: 409, message: "certificates.error.allAbsent" },
  "certificate.already_revoked": { status: 409, message: "certificates.error.alreadyRevoked" },
  "certificate.already_signed": { status: 409, message: "certificates.error.alreadySigned" },
  "certificate.batch_not_found": { status: 404, message: "certificates.error.batchNotFound" },
  "certificate.content_invalid": { status: 400, message: "certificates.error.contentInvalid" },
  "certificate.gift_too_long": { status: 400, message: "certificates.error.giftTooLong" },
  "certificate.no_ceremony": { status: 409, message: "certificates.error.noCeremony" },
  "certificate.no_signer": { status: 409, message: "certificates.error.noSigner" },
  "certificate.no_teams": { status: 409, message: "certificates.error.noTeams" },
  "certificate.not_attendee": { status: 404, message: "certificates.error.notAttendee" },
  "certificate.not_found": { status: 404, message: "certificates.error.certificateNotFound" },
  "certificate.not_signed": { status: 409, message: "certificates.error.notSigned" },
  "certificate.place_required": { status: 400, message: "certificates.error.placeRequired" },
  "certificate.place_too_long": { status: 400, message: "certificates.error.placeTooLong" },
  "certificate.programme_too_long": { status: 400, message: "certificates.error.programmeTooLong" },
  "certificate.signer_not_found": { status: 404, message: "error.notFound" },
  "certificate.reason_required": { status: 400, message: "certificates.error.reasonRequired" },
  "certificate.reason_too_long": { status: 400, message: "certificates.error.reasonTooLong" },
  "certificate.starts_at_invalid": { status: 400, message: "certificates.error.startsAtInvalid" },
} as const satisfies ErrorTable;
