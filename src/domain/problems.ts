/** A problem found in the content, as the check prints it and the build refuses it. */
export type Severity = 'error' | 'warning';

export interface Problem {
  /** Path of the file, relative to the project (`content/providers/x.md`). */
  file: string;
  line: number;
  column: number;
  /** Path of the field, written as in the file: `services[1]`, `contact.email`; '' for the whole file. */
  path: string;
  severity: Severity;
  /** French: what is wrong and how to fix it. */
  message: string;
  /** The same as the no-account forms say it, when the message speaks of the file (`{noun}`: the field's noun). */
  form?: string;
}

/** `['services', 1, 'x']` → `services[1].x` */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out ? `.${String(segment)}` : String(segment);
  }
  return out;
}

/** Errors first, then by file and position: the order a volunteer fixes them in. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) ||
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.column - b.column,
  );
}
