import { UnrecoverableError } from "bullmq";
import type { JobHandler } from "./handler";

// Being written in this session (issue 5); replaced before it lands.
export const handleStripeEvent: JobHandler<"billing.stripe-event"> = async () => {
  throw new UnrecoverableError("billing.stripe-event is not available yet");
};
