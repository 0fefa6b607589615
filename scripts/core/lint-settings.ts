/**
 * What a library configures about its lint rules (`persona.config.yaml`, checked against
 * `schemas/config.schema.json`). Plain data: it crosses to the worker threads, and its hash is part of every
 * stored result's key, so a changed allow-list is never answered from results made without it.
 */
export interface LintSettings {
  privacy: {
    /** Public product and company names the customer-name rule never reports, compared by `nameKey`. */
    allow: readonly string[];
  };
}

export const DEFAULT_SETTINGS: LintSettings = { privacy: { allow: [] } };

/** How names are compared: case, spaces, punctuation and a trailing company suffix aside ("PagerDuty Inc." ~ "pagerduty"). */
export function nameKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+(inc|corp|corporation|ltd|limited|llc|llp|gmbh|ag|sa|sas|bv|plc|pty|co)\.?$/u, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}
