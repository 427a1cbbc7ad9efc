// Compiles server.ts, with the workspace packages it imports, into server.js beside it: production runs
// plain JavaScript, without tsx's loader (a second V8 isolate in the process, holding the transpiled
// sources: the page bench's RSS peak was 373-437 MB with it, 230-256 MB without; ADR 0016). Dependencies
// from npm stay imports. Written to a temporary file and renamed, so a process starting meanwhile (another
// build folder's test run) never reads half a file.
import { renameSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const webDir = fileURLToPath(new URL("..", import.meta.url));
const { outputFiles } = await build({
  absWorkingDir: webDir,
  entryPoints: ["server.ts"],
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  write: false,
  outfile: "server.js",
  logLevel: "error",
  banner: { js: "// Built from server.ts by scripts/build-server.mjs (npm run build): do not edit." },
  plugins: [
    {
      name: "dependencies-stay-imports",
      setup(compiler) {
        compiler.onResolve({ filter: /^[^./]/ }, ({ path }) =>
          path.startsWith("@mentoring/") ? undefined : { path, external: true },
        );
      },
    },
  ],
});
for (const file of outputFiles) {
  const partial = `${file.path}.${process.pid}.partial`;
  writeFileSync(partial, file.contents);
  renameSync(partial, file.path);
}
