import { rm } from "node:fs/promises";
import { ensureTestTemplate } from "@mentoring/db/testing";
import { testStorageDir } from "./storage-dir";

export default async function setup() {
  await ensureTestTemplate();
  return () => rm(testStorageDir, { recursive: true, force: true });
}
