import { type ReactNode, useEffect, useRef } from "react";

/**
 * What a form's post just did, said above the form. The page keeps its scroll after a post, and the
 * button that posted is often far below (the foot of a long form, a phone's screen): the message takes
 * focus with each new answer, which brings it into view and has it read out.
 */
export function FormAnswer({
  answer,
  children,
  testId,
}: {
  /** The action's answer this message is about: a new one takes focus again. */
  answer: unknown;
  children: ReactNode;
  testId?: string;
}) {
  const message = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (answer) message.current?.focus();
  }, [answer]);
  return (
    <p ref={message} role="status" tabIndex={-1} className="form-status" data-testid={testId}>
      {children}
    </p>
  );
}
