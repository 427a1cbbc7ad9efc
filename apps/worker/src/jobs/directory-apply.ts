import { UnrecoverableError } from "bullmq";
import type { JobHandler } from "./handler";

// Being written in this session (issue 5); replaced before it lands.
export const applyDirectoryImport: JobHandler<"directory.apply"> = async () => {
  throw new UnrecoverableError("directory.apply is not available yet");
};
