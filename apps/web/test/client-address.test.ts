// Whose address a request comes from, as the web server's Express sees it: X-Forwarded-For is believed
// only from the proxies TRUSTED_PROXIES names, so a client cannot pick the address its limits count by.
import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { parseConfig } from "@mentoring/config";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import { proxyTrust } from "../app/services/client-address.server";

let close: (() => void) | undefined;
afterEach(() => close?.());

/** The address Express gives a request sent from this machine (loopback) with `forwardedFor`. */
async function addressSeen(env: Record<string, string>, forwardedFor?: string): Promise<string> {
  const app = express();
  app.set("trust proxy", proxyTrust(parseConfig(env)));
  app.get("/", (request, response) => {
    response.send(request.ip);
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  close = () => server.close();
  const { port } = server.address() as AddressInfo;
  const response = await fetch(`http://127.0.0.1:${port}/`, {
    headers: forwardedFor ? { "X-Forwarded-For": forwardedFor } : {},
  });
  return response.text();
}

describe("the client's address", () => {
  it("is the connection's by default, whatever X-Forwarded-For says", async () => {
    expect(await addressSeen({}, "203.0.113.9")).toBe("127.0.0.1");
  });

  it("comes from X-Forwarded-For when the connection is a configured proxy", async () => {
    expect(await addressSeen({ TRUSTED_PROXIES: "loopback" }, "203.0.113.9")).toBe("203.0.113.9");
    expect(await addressSeen({ TRUSTED_PROXIES: "127.0.0.1/32" }, "198.51.100.1, 203.0.113.9")).toBe(
      "203.0.113.9",
    );
  });

  it("is the connection's when the proxies configured are others", async () => {
    expect(await addressSeen({ TRUSTED_PROXIES: "10.0.0.0/8" }, "203.0.113.9")).toBe("127.0.0.1");
  });
});

describe("the web server", () => {
  it("sets Express's trust in proxies from TRUSTED_PROXIES and from nothing else", () => {
    const server = readFileSync(new URL("../server.ts", import.meta.url), "utf8");
    const settings = [...server.matchAll(/app\.set\("trust proxy",\s*([^)]*\)?)\)/g)].map((m) => m[1]);
    expect(settings).toEqual(["proxyTrust(settings)"]);
  });
});
