import type { Config } from "@mentoring/config";

/**
 * Express's "trust proxy" setting: which connections' X-Forwarded-For it believes when it works out
 * `request.ip`, the address every limit by address counts by. Only the proxies TRUSTED_PROXIES names; with
 * none, no header is believed and the address is the connection's.
 */
export function proxyTrust(config: Pick<Config, "TRUSTED_PROXIES">): string[] | false {
  return config.TRUSTED_PROXIES.length > 0 ? [...config.TRUSTED_PROXIES] : false;
}
