/**
 * A problem with how a command was called or where it was run (a flag's value, a path it was given, no
 * library root): the CLI prints its message and the usage line and exits 2, never with a stack trace. Any
 * layer may throw one; only the shells catch it.
 */
export class UsageProblem extends Error {}
