export {
  type ComposedEmail,
  composeEmail,
  type EmailKind,
  type EmailMessage,
  emailMessageSchema,
  InvalidEmailMessageError,
} from "./compose";
export {
  type EmailBatchWriter,
  type EmailWriter,
  InvalidEmailAddressError,
  isEmailAddress,
  type QueueEmailInput,
  queueEmail,
  queueEmails,
} from "./queue";
