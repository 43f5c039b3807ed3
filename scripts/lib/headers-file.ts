/**
 * Reads a `_headers` file (public/_headers, copied into dist/) and tells
 * which headers a host that reads it sends for a path, so that the test
 * server sends what the project ships and the tests prove what a browser
 * then does (embeds framed by other sites, every other page refused).
 *
 * The file follows Cloudflare Pages' syntax: a rule is a path pattern on a
 * line of its own (`*` matches anything, `:name` one segment), then indented
 * `Name: value` lines that attach a header and `! Name` lines that remove
 * one attached by an earlier rule. Rules apply in the file's order, each
 * removing then attaching; a header attached again is joined to the first
 * with a comma. Written here (forty lines) rather than taken from the
 * host's own packages, which are internal to its servers and unversioned.
 */

export interface HeaderRule {
  pattern: string;
  /** Line of the pattern, for error messages. */
  line: number;
  attach: Array<[name: string, value: string]>;
  detach: string[];
}

export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    if (!/^\s/.test(raw)) {
      if (!line.startsWith('/'))
        throw new Error(`_headers, ligne ${i + 1} : seuls des chemins (« /… ») sont pris en charge, pas « ${line} ».`);
      rules.push({ pattern: line, line: i + 1, attach: [], detach: [] });
      return;
    }
    const rule = rules.at(-1);
    if (!rule) throw new Error(`_headers, ligne ${i + 1} : un en-tête avant tout chemin.`);
    if (line.startsWith('!')) {
      rule.detach.push(line.slice(1).trim());
      return;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) throw new Error(`_headers, ligne ${i + 1} : « Nom: valeur » attendu, pas « ${line} ».`);
    rule.attach.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  });
  return rules;
}

function patternRegExp(pattern: string): RegExp {
  const source = pattern
    .split(/(\*|:[A-Za-z]\w*)/)
    .map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`);
}

/** The headers the rules give a path (`/integrer/reseau/chatons/`), names in lower case. */
export function headersFor(rules: readonly HeaderRule[], pathname: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const rule of rules) {
    if (!patternRegExp(rule.pattern).test(pathname)) continue;
    for (const name of rule.detach) headers.delete(name.toLowerCase());
    for (const [name, value] of rule.attach) {
      // A header attached again, by this rule or an earlier one, keeps both values.
      const previous = headers.get(name.toLowerCase());
      headers.set(name.toLowerCase(), previous === undefined ? value : `${previous}, ${value}`);
    }
  }
  return headers;
}
