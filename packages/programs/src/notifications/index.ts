export type { NoticeParams } from "../records/notify";
export { getNotificationPreferences, type NotificationChoice } from "./get-notification-preferences";
export { listMyNotifications, type MyNotification } from "./list-my-notifications";
export { markNotificationsRead } from "./mark-notifications-read";
export { type AssignmentReminderRun, remindAssignments } from "./remind-assignments";
export { saveNotificationPreferences } from "./save-notification-preferences";
