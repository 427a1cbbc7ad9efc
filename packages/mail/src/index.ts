export {
  type ComposedEmail,
  composeEmail,
  type EmailKind,
  type EmailMessage,
  emailMessageSchema,
  InvalidEmailMessageError,
} from "./compose";
export {
  type EmailWriter,
  InvalidEmailAddressError,
  isEmailAddress,
  type QueueEmailInput,
  queueEmail,
} from "./queue";
