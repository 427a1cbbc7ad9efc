import type { ErrorTable } from "./error-table";

/** A person's notifications. */
export const notificationErrors = {
  "notification.not_found": { status: 404, message: "notifications.error.notFound" },
} as const satisfies ErrorTable;
