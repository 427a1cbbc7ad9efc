import { uploadEndpoint } from "../services/uploads.server";

/** Creates a resumable upload of a team's file (tus POST); its bytes go to /{tenant}/uploads/{id}. */
export const action = uploadEndpoint();
