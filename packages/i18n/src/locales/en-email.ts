import type { EmailMessages } from "./ko-email";

export const enEmail: EmailMessages = {
  passwordReset: {
    subject: "[Mentoring Platform] Reset your password",
    greeting: "Dear {{name}},",
    body: "We received a request to reset the password of your mentoring platform account. Please set a new password using the link below. The link is valid for {{minutes}} minutes and can be used once.",
    ignore:
      "If you did not ask for a password reset, you can ignore this e-mail. Your password will not change.",
    action: "Reset your password",
  },
  invitation: {
    subject: "You have been invited to the {{tenant}} mentoring platform",
    greeting: "Hello,",
    body: "{{tenant}} has invited you to its mentoring platform. Your roles will be: {{roles}}.",
    expires: "This invitation is valid until {{expiresAt}}. Please accept it using the link below.",
    action: "Accept the invitation",
  },
  linkFallback: "If the link does not open, copy the address below into your web browser.",
  footer:
    "This e-mail was sent from an address that cannot receive replies. For questions, please contact the responsible department of your organisation.",
};
