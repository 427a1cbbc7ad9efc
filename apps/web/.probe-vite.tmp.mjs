import { createServer } from "vite";
const server = await createServer({ server: { middlewareMode: true, hmr: false }, appType: "custom", logLevel: "error" });
for (const file of ["/app/routes/$tenant.programs.cohorts.$cohortId.surveys.tsx", "/app/routes/$tenant.surveys.$roundId.tsx"]) {
  try { await server.transformRequest(file); console.log("ok", file); }
  catch (e) { console.log("FAIL", file, String(e.message).split("\n").slice(0, 3).join(" | ")); }
}
await server.close();
