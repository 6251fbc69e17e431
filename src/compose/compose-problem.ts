/** One thing wrong with a Compose file, at its place in the file: what a 400 lists in `errors`. */
export interface ComposeProblem {
  /** Where in the file, as `services.db.ports[1]`; "" for the file as a whole. */
  path: string;
  message: string;
  /** The line (1-based) the place starts on, when the parser knows it. */
  line?: number;
  received?: unknown;
  allowed?: unknown[];
}
