// Rules of the house that keep the code easy to change, checked on the source so that a change that
// breaks one fails here rather than in review.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const repo = fileURLToPath(new URL("../../..", import.meta.url));

/**
 * Packages whose `src/<area>/` folders hold use cases, one per file. Pieces that several use cases share
 * (row loaders, shaping) live in `src/records/`, which is not a use-case folder.
 */
const useCasePackages = ["packages/directory", "packages/insights", "packages/programs", "packages/tenants"];
const notUseCaseFolders = new Set(["records", "testing"]);

function useCaseFiles(): string[] {
  return useCasePackages.flatMap((pkg) => {
    const src = join(repo, pkg, "src");
    if (!existsSync(src)) return [];
    return readdirSync(src)
      .filter((area) => !notUseCaseFolders.has(area) && statSync(join(src, area)).isDirectory())
      .flatMap((area) =>
        readdirSync(join(src, area))
          .filter((file) => /\.tsx?$/.test(file) && file !== "index.ts" && !/\.test\.tsx?$/.test(file))
          .map((file) => join(pkg, "src", area, file)),
      );
  });
}

/** Names of the functions a module exports: `export function f`, `export const f = (...) =>`. */
export function exportedFunctions(source: string): string[] {
  const declared = [...source.matchAll(/^export\s+(?:async\s+)?function\*?\s+(\w+)/gm)].map((m) => m[1]);
  const arrows = [
    ...source.matchAll(
      /^export\s+const\s+(\w+)\s*(?::[^=]+)?=\s*(?:async\s+)?(?:\([^)]*\)|\w+)\s*(?::[^=]+)?=>/gm,
    ),
  ].map((m) => m[1]);
  return [...declared, ...arrows].filter((name): name is string => name !== undefined);
}

const primitiveTypes = new Set([
  ts.SyntaxKind.StringKeyword,
  ts.SyntaxKind.NumberKeyword,
  ts.SyntaxKind.BooleanKeyword,
  ts.SyntaxKind.BigIntKeyword,
]);

/**
 * Each exported function's parameters: "object" for a destructured or named input type (`{ tenantId }:
 * {...}`, `input: ApplyInput`), "value" for the rest (the database handle, a string, a date).
 */
export function useCaseParameters(source: string): { name: string; parameters: ("object" | "value")[] }[] {
  const file = ts.createSourceFile("use-case.ts", source, ts.ScriptTarget.Latest, true);
  const isInput = (parameter: ts.ParameterDeclaration) => {
    if (ts.isObjectBindingPattern(parameter.name)) return true;
    const type = parameter.type;
    if (!type || primitiveTypes.has(type.kind) || ts.isUnionTypeNode(type)) return false;
    if (ts.isTypeLiteralNode(type) || ts.isIntersectionTypeNode(type)) return true;
    // A named type: an input interface, not the database handle or a built-in value.
    return ts.isTypeReferenceNode(type) && !/Db$|^Database$|^Date$/.test(type.typeName.getText(file));
  };
  return file.statements
    .filter(ts.isFunctionDeclaration)
    .filter((fn) => fn.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword))
    .map((fn) => ({
      name: fn.name?.text ?? "",
      parameters: fn.parameters.map((parameter) => (isInput(parameter) ? "object" : "value")),
    }));
}

describe("use cases", () => {
  const files = useCaseFiles();

  it("are found where the house keeps them", () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)("%s exports exactly one use case", (file) => {
    const names = exportedFunctions(readFileSync(join(repo, file), "utf8"));
    expect(names, `${file} exports ${names.join(", ")}`).toHaveLength(1);
  });

  it.each(files)("%s takes (db, input): the database, then one object naming each value", (file) => {
    const shapes = useCaseParameters(readFileSync(join(repo, file), "utf8"));
    for (const { name, parameters } of shapes) {
      // A job may take a third object: its progress and cancellation hooks.
      const [, input, hooks, ...more] = parameters;
      const shaped =
        (input ?? "object") === "object" && (hooks ?? "object") === "object" && more.length === 0;
      expect(shaped, `${name} takes (${parameters.join(", ")})`).toBe(true);
    }
  });

  it("the parameter check tells an input object from positional values", () => {
    const shapes = useCaseParameters(
      [
        "export async function listCohorts(tx: TenantDb, { tenantId }: { tenantId: string }) {}",
        "export async function listTemplates(tx: TenantDb, tenantId: string) {}",
        "export async function applyToCohort(db: Database, input: ApplyInput) {}",
      ].join("\n"),
    );
    expect(shapes.map((shape) => shape.parameters)).toEqual([
      ["value", "object"],
      ["value", "value"],
      ["value", "object"],
    ]);
  });

  it("the check counts declared and arrow functions alike", () => {
    const source = [
      "export async function applyToCohort(db, input) {}",
      "export const withdraw = async (db: TenantDb, input: Input): Promise<void> => {}",
      "export const LIMIT = 3;",
      "export type Input = { a: string };",
    ].join("\n");
    expect(exportedFunctions(source)).toEqual(["applyToCohort", "withdraw"]);
  });
});

const routesDir = fileURLToPath(new URL("../app/routes", import.meta.url));
/** Machine endpoints read their own bodies: Stripe's raw body for its signature, API streams and JSON. */
const machineRoute = (file: string) => file.startsWith("webhooks.") || file.startsWith("api.");
const pageRoutes = readdirSync(routesDir).filter((file) => /\.tsx?$/.test(file) && !machineRoute(file));

/** Ways of reading a request by hand that the route builder does once, for every route. */
const handParsing: [string, RegExp][] = [
  ["reads the form itself", /request\.formData\(\)|\.formData\(\)/],
  ["turns form data into an object by hand", /Object\.fromEntries\((?:await\s+)?(?:form|formData|request)/],
  ["parses its URL params by hand", /safeParse\(params\./],
  ["parses its search params by hand", /searchParams\)\)|searchParams\.get\(/],
  [
    "imports the route builder's server module into its page",
    /import \{[^}]*\bisRefusal\b[^}]*\} from "\.\.\/services\/route-builder\.server"/,
  ],
];

describe("page routes", () => {
  it.each(pageRoutes)("%s leaves parsing to the route builder", (file) => {
    const source = readFileSync(join(routesDir, file), "utf8");
    const found = handParsing.filter(([, pattern]) => pattern.test(source)).map(([what]) => what);
    expect(found, `${file} ${found.join(", ")}`).toEqual([]);
  });
});

const allRoutes = readdirSync(routesDir).filter((file) => /\.tsx?$/.test(file));
/** A query written in a route: reads and writes belong to use cases, which routes call. */
const queryInRoute =
  /\.(findMany|findFirst|findUnique|create|createMany|update|updateMany|delete|deleteMany|count|upsert|\$queryRaw|\$executeRaw)\(/;

describe("routes", () => {
  it.each(allRoutes)("%s leaves the database to use cases", (file) => {
    const source = readFileSync(join(routesDir, file), "utf8");
    expect(queryInRoute.test(source), `${file} queries the database itself`).toBe(false);
  });

  it("the check finds a query written in a route", () => {
    expect(queryInRoute.test("await tx.membership.findFirst({ where })")).toBe(true);
    expect(queryInRoute.test("await listMembers(tx, { tenantId })")).toBe(false);
  });
});
