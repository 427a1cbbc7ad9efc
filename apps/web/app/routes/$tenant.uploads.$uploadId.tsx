import { uploadEndpoint } from "../services/uploads.server";

/** One resumable upload: HEAD tells how far it got, PATCH sends more of its bytes, DELETE gives it up. */
const endpoint = uploadEndpoint();
export const loader = endpoint;
export const action = endpoint;
