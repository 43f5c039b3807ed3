/**
 * Java `.properties` text (the format of ChatonsInfos files), read as
 * `java.util.Properties.load` reads it: `key = value`, `key: value` or
 * `key value`; `#` and `!` comments; a line ending in a backslash goes on
 * the next line; `\uXXXX`, `\t`, `\n`, `\r`, `\f` escapes. Written here rather
 * than taken from a library because the grammar is this short and the code
 * loads on a page held to a weight budget. Entries keep their order: a
 * paste may hold several files one after another.
 */

/** One `key = value` line, with the line it starts on (1-based). */
export interface PropertyEntry {
  key: string;
  value: string;
  line: number;
}

const ESCAPES: Record<string, string> = { t: '\t', n: '\n', r: '\r', f: '\f' };

function unescape(text: string): string {
  return text.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, escape: string) =>
    escape.length === 5 ? String.fromCharCode(parseInt(escape.slice(1), 16)) : (ESCAPES[escape] ?? escape),
  );
}

/** True when a line ends with an odd number of backslashes: it goes on. */
function continues(line: string): boolean {
  const trailing = /\\*$/.exec(line)![0].length;
  return trailing % 2 === 1;
}

export function parseProperties(text: string): PropertyEntry[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const entries: PropertyEntry[] = [];
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let logical = lines[i]!.replace(/^[ \t\f]+/, '');
    if (logical === '' || logical.startsWith('#') || logical.startsWith('!')) continue;
    while (continues(logical) && i + 1 < lines.length) {
      i++;
      logical = logical.slice(0, -1) + lines[i]!.replace(/^[ \t\f]+/, '');
    }
    // The key ends at the first unescaped `=`, `:` or blank; blanks around the separator are dropped.
    const match = /^((?:\\.|[^=:\s\\])*)[ \t\f]*(?:[=:][ \t\f]*)?([\s\S]*)$/.exec(logical)!;
    const key = unescape(match[1]!);
    if (key === '') continue;
    entries.push({ key, value: unescape(match[2]!), line: start + 1 });
  }
  return entries;
}
