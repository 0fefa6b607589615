/**
 * The one switch of the accelerator: fast paths, the result store and the worker pool. Off, every command
 * takes the reference path of each stage, slower and with the same output (`PERSONA_ACCEL=off`; the suite
 * runs once that way, and the differential tests flip it to compare).
 */
let override: boolean | undefined;

export function accelerated(env: Record<string, string | undefined> = process.env): boolean {
  return override ?? env.PERSONA_ACCEL !== 'off';
}

/** For tests: force the accelerator on or off (`undefined` goes back to the environment). */
export function setAccelerated(value: boolean | undefined): void {
  override = value;
}
