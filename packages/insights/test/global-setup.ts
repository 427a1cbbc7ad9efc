import { ensureTestTemplate } from "@mentoring/db/testing";

export default async function setup() {
  await ensureTestTemplate();
}
