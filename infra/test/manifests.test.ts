import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { configSchema } from "@mentoring/config";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";

/**
 * The deployment manifests in infra/k8s, checked against the Kubernetes API schemas (kubernetes-models:
 * the OpenAPI definitions of the Kubernetes API as validators and as TypeScript types) and against the
 * platform itself: only settings packages/config knows, probes on the paths the processes serve, selectors
 * that select, a grace period longer than the worker's own.
 */

const infra = join(import.meta.dirname, "..");
const k8sDir = join(infra, "k8s");

interface Manifest {
  file: string;
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  // biome-ignore lint/suspicious/noExplicitAny: a manifest is whatever the YAML says until validated.
  spec?: any;
  data?: Record<string, string>;
}

function loadManifests(): Manifest[] {
  return readdirSync(k8sDir)
    .filter((name) => name.endsWith(".yaml"))
    .sort()
    .flatMap((file) =>
      parseAllDocuments(readFileSync(join(k8sDir, file), "utf8")).map((document) => {
        if (document.errors.length > 0) throw new Error(`${file}: ${document.errors[0]?.message}`);
        return { file, ...(document.toJS() as Omit<Manifest, "file">) };
      }),
    );
}

/** The models of an API group and version: "apps/v1" → "kubernetes-models/apps/v1", "v1" → "kubernetes-models/v1". */
const modulePath = (manifest: { apiVersion: string }) => `kubernetes-models/${manifest.apiVersion}`;

type Validating = new (data: object) => { validate(): void };
const models = new Map<string, Record<string, Validating>>();

/** The schema's own validator: types, required fields, enumerations, formats. */
async function schemaErrors(manifest: Manifest): Promise<string | undefined> {
  const { file: _file, ...object } = manifest;
  const path = modulePath(manifest);
  if (!models.has(path)) models.set(path, await import(path));
  const Model = models.get(path)?.[manifest.kind];
  if (!Model) return `no ${manifest.kind} in ${manifest.apiVersion}`;
  try {
    new Model(object).validate();
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/**
 * Fields the API does not have (a typo such as `replica:` or `periodSecond:`), which the validators let
 * through: each document is type-checked as an object literal of its kind's TypeScript interface, where
 * an unknown property is an error.
 */
function unknownFieldErrors(manifests: readonly Omit<Manifest, "file">[]): string[] {
  const fileName = join(infra, "test", "__manifests__.ts");
  const source = manifests
    .map((manifest, index) => {
      const { file: _file, ...object } = manifest as Manifest;
      return [
        `import type { I${manifest.kind} as T${index} } from "${modulePath(manifest)}";`,
        `export const m${index}: T${index} = ${JSON.stringify(object)};`,
      ].join("\n");
    })
    .join("\n");
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (name) => (name === fileName ? source : readFile(name));
  host.fileExists = (name) => name === fileName || ts.sys.fileExists(name);
  host.getSourceFile = (name, language, ...rest) =>
    name === fileName ? ts.createSourceFile(name, source, language) : getSourceFile(name, language, ...rest);
  const program = ts.createProgram([fileName], options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .filter((diagnostic) => diagnostic.file?.fileName === fileName)
    .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
}

const manifests = loadManifests();
const byKind = (kind: string) => manifests.filter((manifest) => manifest.kind === kind);
const named = (kind: string, name: string) => {
  const found = byKind(kind).find((manifest) => manifest.metadata.name === name);
  if (!found) throw new Error(`no ${kind} ${name}`);
  return found;
};
const settingNames = new Set(Object.keys(configSchema.shape));
const matches = (selector: Record<string, string>, labels: Record<string, string> = {}) =>
  Object.entries(selector).every(([key, value]) => labels[key] === value);

describe("the Kubernetes manifests", () => {
  it("hold the workloads the platform needs", () => {
    expect(manifests.map((manifest) => `${manifest.kind}/${manifest.metadata.name}`).sort()).toEqual([
      "ConfigMap/mentoring-config",
      "Deployment/mentoring-web",
      "Deployment/mentoring-worker",
      "HorizontalPodAutoscaler/mentoring-web",
      "HorizontalPodAutoscaler/mentoring-worker",
      "Job/mentoring-migrate",
      "PersistentVolumeClaim/mentoring-storage",
      "PodDisruptionBudget/mentoring-web",
      "PodDisruptionBudget/mentoring-worker",
      "Service/mentoring-web",
    ]);
  });

  it.each(manifests.map((manifest) => [`${manifest.kind}/${manifest.metadata.name}`, manifest] as const))(
    "%s is valid against the Kubernetes schema",
    async (_name, manifest) => {
      expect(await schemaErrors(manifest)).toBeUndefined();
    },
  );

  it("use no field the Kubernetes API does not have", () => {
    expect(unknownFieldErrors(manifests)).toEqual([]);
  });

  it("a misspelt field or a wrong type is caught", async () => {
    const misspelt = structuredClone(named("Deployment", "mentoring-web"));
    misspelt.spec.replica = 2;
    expect(unknownFieldErrors([misspelt]).join("\n")).toMatch(/replica\b.* does not exist in type/);
    const deepMisspelt = structuredClone(named("Deployment", "mentoring-web"));
    deepMisspelt.spec.template.spec.containers[0].livenessProbe.periodSecond = 10;
    expect(unknownFieldErrors([deepMisspelt]).join("\n")).toMatch(
      /periodSecond.* does not exist in type 'IProbe'/,
    );
    const wrongType = structuredClone(named("Deployment", "mentoring-web"));
    wrongType.spec.replicas = "two";
    expect(await schemaErrors(wrongType)).toMatch(/replicas must be integer/);
  });

  it("set only settings the platform reads", () => {
    const config = named("ConfigMap", "mentoring-config");
    const containers = [...byKind("Deployment"), ...byKind("Job")].flatMap(
      (workload) => workload.spec.template.spec.containers,
    );
    const names = [
      ...Object.keys(config.data ?? {}),
      ...containers.flatMap((container) =>
        (container.env ?? []).map((variable: { name: string }) => variable.name),
      ),
    ];
    expect(names.filter((name) => !settingNames.has(name))).toEqual([]);
    // The configuration reaches every container, and the secrets are referenced, never written here.
    for (const container of containers) {
      expect(container.envFrom).toContainEqual({ configMapRef: { name: "mentoring-config" } });
      expect(container.envFrom).toContainEqual({ secretRef: { name: "mentoring-secrets" } });
    }
    expect(byKind("Secret")).toEqual([]);
  });

  it("probe each process where it answers, and only ready when its database and Redis answer", () => {
    for (const [name, port] of [
      ["mentoring-web", "http"],
      ["mentoring-worker", "health"],
    ] as const) {
      const container = named("Deployment", name).spec.template.spec.containers[0];
      expect(container.ports.map((p: { name: string }) => p.name)).toContain(port);
      expect(container.livenessProbe.httpGet).toEqual({ path: "/healthz", port });
      expect(container.readinessProbe.httpGet).toEqual({ path: "/readyz", port });
      expect(container.resources.limits.cpu).toBeDefined();
      expect(container.resources.limits.memory).toBeDefined();
    }
    const config = named("ConfigMap", "mentoring-config").data ?? {};
    const workerPort = named("Deployment", "mentoring-worker").spec.template.spec.containers[0].ports[0];
    expect(String(workerPort.containerPort)).toBe(config.WORKER_HEALTH_PORT);
    // Listening on loopback alone, a pod would answer no probe.
    expect(config.WEB_HOST).toBe("0.0.0.0");
    expect(config.WORKER_HEALTH_HOST).toBe("0.0.0.0");
  });

  it("give the worker longer to stop than it takes to finish its running jobs", () => {
    const grace = Number(named("ConfigMap", "mentoring-config").data?.WORKER_SHUTDOWN_GRACE_SECONDS);
    const worker = named("Deployment", "mentoring-worker").spec.template.spec;
    expect(worker.terminationGracePeriodSeconds).toBeGreaterThan(grace);
  });

  it("select what they mean to: services, budgets and autoscalers find their pods and deployments", () => {
    for (const deployment of byKind("Deployment"))
      expect(matches(deployment.spec.selector.matchLabels, deployment.spec.template.metadata.labels)).toBe(
        true,
      );
    const podLabels = byKind("Deployment").map((deployment) => deployment.spec.template.metadata.labels);
    for (const selecting of [...byKind("Service"), ...byKind("PodDisruptionBudget")]) {
      const selector = selecting.spec.selector.matchLabels ?? selecting.spec.selector;
      expect(podLabels.filter((labels) => matches(selector, labels))).toHaveLength(1);
    }
    for (const autoscaler of byKind("HorizontalPodAutoscaler")) {
      const target = named("Deployment", autoscaler.spec.scaleTargetRef.name);
      expect(autoscaler.spec.minReplicas).toBeLessThanOrEqual(autoscaler.spec.maxReplicas);
      expect(autoscaler.spec.minReplicas).toBeGreaterThanOrEqual(2);
      expect(target.spec.replicas).toBeGreaterThanOrEqual(autoscaler.spec.minReplicas);
    }
    const workerScaling = named("HorizontalPodAutoscaler", "mentoring-worker").spec.metrics;
    expect(workerScaling.map((metric: { type: string }) => metric.type).sort()).toEqual([
      "External",
      "Resource",
    ]);
  });
});

describe("the compose file", () => {
  const compose = parseAllDocuments(readFileSync(join(infra, "compose.yaml"), "utf8"), {
    merge: true,
  })[0]?.toJS({
    maxAliasCount: 10,
  }) as { services: Record<string, { environment?: Record<string, string> }> };

  it("runs the database, Redis, the worker and the web app", () => {
    expect(Object.keys(compose.services).sort()).toEqual(["postgres", "redis", "web", "worker"]);
  });

  it("sets only settings the platform reads, and values it accepts", () => {
    for (const service of ["web", "worker"]) {
      const environment = compose.services[service]?.environment ?? {};
      expect(Object.keys(environment).filter((name) => !settingNames.has(name))).toEqual([]);
      expect(configSchema.safeParse(environment).error?.issues ?? []).toEqual([]);
    }
  });
});
