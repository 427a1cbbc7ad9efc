import { ensureTestTemplate } from "../src/testing";

export default async function setup() {
  await ensureTestTemplate();
}
