import { UnrecoverableError } from "bullmq";
import type { JobHandler } from "./handler";

// Being written in this session (issue 5); replaced before it lands.
export const validateDirectoryImport: JobHandler<"directory.validate"> = async () => {
  throw new UnrecoverableError("directory.validate is not available yet");
};
