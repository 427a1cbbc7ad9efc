/*
 * Files teams attach to their work: photos, video files and documents to a submission, photos to an
 * activity. An upload streams into the storage and waits there as the uploader's (acceptUpload) until the
 * submission or the activity it was chosen for is saved; files are opened only for who may see their owner.
 */

export { UPLOADS_IN_PROGRESS } from "../records/attachment-keys";
export { acceptUpload } from "./accept-upload";
export { type ActivityPhotos, listActivityPhotos } from "./list-activity-photos";
export { type AttachmentView, listAttachments } from "./list-attachments";
export { type OpenedAttachment, openAttachment } from "./open-attachment";
export { removeAbandonedUploads } from "./remove-abandoned-uploads";
