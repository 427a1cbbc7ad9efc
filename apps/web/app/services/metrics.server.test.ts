import { describe, expect, it } from "vitest";
import { createWebMetrics, routeLabeller } from "./metrics.server";

// As the Remix build lists them: each route's path relative to its parent.
const routePaths = [
  "",
  ":tenant",
  "programs/cohorts/:cohortId/applicants",
  "programs/cohorts/:cohortId/report/:runId/:format",
  "join/:tenant/:token",
  "verify/:serial",
  "brand.css",
  "platform",
];

describe("route labels of the request metrics", () => {
  const label = routeLabeller(routePaths);

  it("keep the app's own words and put placeholders for a tenant's slug and ids", () => {
    expect(label("/gangneung/programs/cohorts/0f6c2d1e-2b7a-4c3e-9a51-2d8e4f1a7b90/applicants")).toBe(
      "/:tenant/programs/cohorts/:param/applicants",
    );
    expect(label("/")).toBe("/");
    expect(label("/platform")).toBe("/platform");
    expect(label("/brand.css")).toBe("/brand.css");
  });

  it("never carry a secret from an address, such as an invitation token", () => {
    expect(label("/join/yongin/q1w2e3r4t5y6u7i8o9p0")).toBe("/join/:param/:param");
    expect(label("/verify/YI-2025-0001-K")).toBe("/verify/:param");
  });

  it("stay few whatever a scanner asks for", () => {
    const labels = new Set(
      Array.from({ length: 200 }, (_, index) => label(`/wp-${index}/admin${index}.php/x${index}`)),
    );
    expect([...labels]).toEqual(["/:tenant/:param/:param"]);
  });
});

describe("the web's metrics", () => {
  it("count answered requests by route and status, with their durations, and the pool's use", async () => {
    const metrics = createWebMetrics(routePaths, () => ({ max: 10, open: 4, idle: 3, waiting: 0 }));
    metrics.observe({
      method: "GET",
      path: "/yongin/programs/cohorts/42/applicants",
      status: 200,
      seconds: 0.03,
    });
    metrics.observe({
      method: "GET",
      path: "/yongin/programs/cohorts/43/applicants",
      status: 200,
      seconds: 0.3,
    });
    metrics.observe({ method: "POST", path: "/verify/AB-1", status: 429, seconds: 0.002 });
    const text = await metrics.registry.metrics();
    expect(text).toContain(
      'http_request_duration_seconds_count{method="GET",route="/:tenant/programs/cohorts/:param/applicants",status="200"} 2',
    );
    expect(text).toContain(
      'http_request_duration_seconds_bucket{le="0.05",method="GET",route="/:tenant/programs/cohorts/:param/applicants",status="200"} 1',
    );
    expect(text).toContain(
      'http_request_duration_seconds_count{method="POST",route="/verify/:param",status="429"} 1',
    );
    expect(text).toContain('db_pool_connections{state="open"} 4');
    expect(text).toContain('db_pool_connections{state="max"} 10');
    expect(text).toContain("process_cpu_seconds_total");
  });
});
