/** A line of the variables editor that is not `NAME=value`, by its 1-based line number. */
export interface VariableLineError {
  line: number;
  message: string;
}

export type ParsedVariables =
  | { ok: true; variables: Record<string, string> }
  | { ok: false; errors: VariableLineError[] };

// The names Compose interpolates in `${NAME}`: a letter or underscore, then letters, digits, underscores.
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The variables editor's text (one `NAME=value` a line, as in a `.env` file; blank lines and `#` comments
 * skipped) as the `variables` of the request. The value is everything after the first `=`, kept as typed,
 * since a value may contain `=` or spaces; a line without `=` or with a name Compose cannot interpolate is
 * an error, so the user fixes it instead of the server answering that the variable is not set.
 */
export function parseVariables(text: string): ParsedVariables {
  const variables: Record<string, string> = {};
  const errors: VariableLineError[] = [];
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const cut = raw.indexOf('=');
    if (cut < 0) {
      errors.push({ line: index + 1, message: 'has no "=": write NAME=value' });
      continue;
    }
    const name = raw.slice(0, cut).trim();
    if (!VARIABLE_NAME.test(name)) {
      errors.push({
        line: index + 1,
        message: `names "${name}", which is not a variable name (letters, digits and _, not starting with a digit)`,
      });
      continue;
    }
    variables[name] = raw.slice(cut + 1);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, variables };
}

/** The profiles field (names separated by commas or spaces) as the request's `profiles`, each once. */
export function parseProfiles(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).filter((profile) => profile !== ''))];
}
