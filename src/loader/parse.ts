/**
 * Turns the bytes of one content file into data, keeping the line and column
 * of every value. Pure: no file system, so tests and the fuzzer feed it bytes.
 * Whatever the bytes hold, it returns problems, never throws.
 */
import { isUtf8 } from 'node:buffer';
import { createRequire } from 'node:module';
import type * as JsYaml from 'js-yaml';
import type * as Yaml from 'yaml';
import type { Document, LineCounter, Node } from 'yaml';

import type { Locate, SourcePosition } from '../domain/content.ts';

export type { Locate, SourcePosition };

/*
 * Both YAML parsers are loaded on first use: a check whose files all come
 * from its cache, and whose problems' positions are kept there too, parses
 * no YAML at all, and starts faster without them.
 */
const require = createRequire(import.meta.url);
let fastParser: Pick<typeof JsYaml, 'load' | 'CORE_SCHEMA'> | undefined;
let fullParser: typeof Yaml | undefined;
const jsYaml = () => (fastParser ??= require('js-yaml') as typeof JsYaml);

/** Loads the fast parser as one module (its CommonJS build is two dozen): for a loader about to parse. */
export async function preloadFastParser(): Promise<void> {
  fastParser ??= (await import('js-yaml')).default;
}
const yaml = () => (fullParser ??= require('yaml') as typeof Yaml);

/** A problem found while reading a file, before the schema is applied. */
export interface ParseProblem extends SourcePosition {
  message: string;
}

export interface ParsedSource {
  /** The YAML value: the front matter of a Markdown file, or the whole YAML file. */
  data: unknown;
  /** The Markdown body, after the front matter ('' for YAML files). */
  body: string;
  /** Line of the file on which the body starts. */
  bodyLine: number;
  /** Where the value at `path` stands in the file; the nearest existing parent when it is absent. */
  locate: Locate;
  problems: ParseProblem[];
  /** Whether the YAML may hold `""` or `''`, which the CMS writes for a cleared field. */
  mayHoldEmptyStrings?: boolean;
}

/** Expanding more aliases than this is refused: it is how "billion laughs" files blow up. */
export const MAX_ALIASES = 100;
/** Deeper nesting than this has no place in a content file and could exhaust the stack. */
export const MAX_DEPTH = 40;
/** Syntax errors reported per file. */
const MAX_SYNTAX_ERRORS = 3;

const YAML_MESSAGES: Record<string, string> = {
  DUPLICATE_KEY: 'ce champ apparaît deux fois : gardez une seule ligne pour lui.',
  BAD_INDENT: 'l’indentation est incorrecte : alignez ce champ avec ses voisins (des espaces, jamais de tabulation).',
  TAB_AS_INDENT: 'une tabulation sert d’indentation : remplacez-la par des espaces.',
  MULTILINE_IMPLICIT_KEY: 'un texte sur plusieurs lignes doit être entre guillemets, ou commencer par « > » ou « | ».',
  BLOCK_AS_IMPLICIT_KEY: 'un nom de champ est mal formé : vérifiez les deux-points « : » et l’indentation.',
  MISSING_CHAR: 'il manque un caractère (guillemet, crochet ou accolade fermant).',
  UNEXPECTED_TOKEN: 'caractère inattendu : un texte qui contient « : » ou « # » doit être entre guillemets.',
  BAD_SCALAR_START: 'une valeur ne peut pas commencer par ce caractère : mettez-la entre guillemets.',
  BAD_ALIAS: 'les alias YAML (« *nom ») ne sont pas acceptés : recopiez la valeur.',
  BAD_DQ_ESCAPE: 'une barre oblique inverse « \\ » entre guillemets doubles est mal utilisée : utilisez des guillemets simples.',
  IMPOSSIBLE: 'la syntaxe YAML est incorrecte ici.',
};

export function positionAt(lineCounter: LineCounter, offset: number, lineOffset: number): SourcePosition {
  const { line, col } = lineCounter.linePos(offset);
  return { line: line + lineOffset, column: col };
}

/** White space, as `trimStart` sees it, other than the line break. */
function isBlankChar(c: number, text: string, at: number): boolean {
  return c === 32 || c === 9 || ((c > 127 || c === 11 || c === 12 || c === 13) && /\s/.test(text[at]!));
}

/**
 * How deep do brackets, braces and indentation go? Cheap, done before
 * parsing: only the start of each line is read for indentation, and brackets
 * are followed one by one only when there are more than the limit.
 */
function nestingDepth(text: string): number {
  let indentMax = 0;
  for (let start = 0; start < text.length;) {
    let at = start;
    while (at < text.length && text.charCodeAt(at) !== 10 && isBlankChar(text.charCodeAt(at), text, at)) at++;
    // A blank line has no indentation.
    if (at < text.length && text.charCodeAt(at) !== 10 && at - start > indentMax) indentMax = at - start;
    const end = text.indexOf('\n', at);
    if (end === -1) break;
    start = end + 1;
  }
  let brackets = 0;
  for (let at = text.indexOf('[') + 1; at > 0 && brackets <= MAX_DEPTH; at = text.indexOf('[', at) + 1) brackets++;
  for (let at = text.indexOf('{') + 1; at > 0 && brackets <= MAX_DEPTH; at = text.indexOf('{', at) + 1) brackets++;
  let max = 0;
  // No deeper than there are opening brackets: counted only when that could pass the limit.
  if (brackets > MAX_DEPTH) {
    let depth = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 91 || c === 123)
        max = Math.max(max, ++depth); // [ {
      else if (c === 93 || c === 125) depth = Math.max(0, depth - 1); // ] }
    }
  }
  return Math.max(max, Math.floor(indentMax / 2));
}

function failure(message: string, line = 1, column = 1): ParsedSource {
  return { data: undefined, body: '', bodyLine: 1, locate: () => ({ line, column }), problems: [{ line, column, message }] };
}

/** Bytes → text, refusing what is not UTF-8 text. */
export function decodeText(bytes: Uint8Array, maxBytes: number): string | ParseProblem {
  if (bytes.length > maxBytes) {
    return {
      line: 1,
      column: 1,
      message: `ce fichier est trop gros (${Math.ceil(bytes.length / 1024)} Ko, au plus ${Math.floor(maxBytes / 1024)} Ko) : une fiche n’a pas besoin d’autant de texte.`,
    };
  }
  if (bytes.includes(0)) {
    return {
      line: 1,
      column: 1,
      message: 'ce fichier n’est pas du texte (il contient des données binaires) : remplacez-le par un fichier texte .md ou .yml.',
    };
  }
  // Checked, then decoded, natively: tens of thousands of files.
  if (isUtf8(bytes)) {
    let text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    // The byte order mark a decoder drops, and one more written after it by mistake.
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    // Point at the first line that breaks, so the volunteer knows where to look.
    let valid = 0;
    const decoder = new TextDecoder('utf-8', { fatal: true });
    for (let end = 1; end <= bytes.length; end++) {
      try {
        decoder.decode(bytes.subarray(0, end));
        valid = end;
      } catch {
        if (end - valid > 4) break;
      }
    }
    const line = new TextDecoder().decode(bytes.subarray(0, valid)).split('\n').length;
    return {
      line,
      column: 1,
      message:
        'ce fichier n’est pas encodé en UTF-8 (caractères accentués illisibles) : ré-enregistrez-le en UTF-8 depuis votre éditeur de texte.',
    };
  }
}

/**
 * Splits a Markdown file into its front matter and body. The front matter
 * sits between a first line `---` and the next line `---`. Lines are found
 * with `indexOf`: the body, often most of the file, is sliced once, not split.
 */
function splitFrontMatter(text: string): { yaml: string; yamlLine: number; body: string; bodyLine: number } | ParseProblem {
  const firstEnd = text.indexOf('\n');
  if ((firstEnd === -1 ? text : text.slice(0, firstEnd)).trimEnd() !== '---') {
    return {
      line: 1,
      column: 1,
      message: 'le fichier doit commencer par une ligne « --- », suivie des champs, puis d’une autre ligne « --- » avant le texte.',
    };
  }
  let close = -1;
  let closeStart = 0;
  let closeEnd = 0;
  if (firstEnd !== -1) {
    for (let start = firstEnd + 1, index = 1; start <= text.length; index++) {
      let end = text.indexOf('\n', start);
      if (end === -1) end = text.length;
      const c = text.charCodeAt(start);
      if ((c === 45 || c === 46) && /^(---|\.\.\.)\s*$/.test(text.slice(start, end))) {
        close = index;
        closeStart = start;
        closeEnd = end;
        break;
      }
      start = end + 1;
    }
  }
  if (close === -1) {
    return {
      line: 1,
      column: 1,
      message: 'l’en-tête ouvert par « --- » à la ligne 1 n’est jamais fermé : ajoutez une ligne « --- » après le dernier champ.',
    };
  }
  return {
    yaml: text.slice(firstEnd + 1, Math.max(firstEnd + 1, closeStart - 1)),
    yamlLine: 2,
    body: text.slice(closeEnd + 1),
    bodyLine: close + 2,
  };
}

function nodeAt(doc: Document, path: readonly PropertyKey[], keyOfLast: boolean): Node | null {
  let node: unknown = doc.contents;
  let last: Node | null = (doc.contents as Node | null) ?? null;
  const { isMap, isPair, isScalar, isSeq } = yaml();
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) return last;
      if (keyOfLast && i === path.length - 1) return pair.key as Node;
      node = pair.value;
      last = (pair.value as Node | null) ?? (pair.key as Node);
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (item === undefined) return last;
      node = item;
      last = (item as Node | null) ?? last;
    } else {
      return last;
    }
  }
  return last;
}

const FAILED = Symbol('failed');

/** A mapping key as the quick reading recognises it: plain, on a line of its own. */
const PLAIN_KEY_LINE = /^([A-Za-z0-9_-]+):(?:[ \t]|$)/;

/** Leading spaces of a line; -1 when a tab is among them (the full parser says what it means). */
function indentOf(line: string): number {
  let n = 0;
  while (line.charCodeAt(n) === 32) n++;
  return line.charCodeAt(n) === 9 ? -1 : n;
}

/** Blank or comment only: no content. */
function isBlank(line: string, indent: number): boolean {
  return indent === line.length || line.charCodeAt(indent) === 35; // #
}

/**
 * Where the value (or, with `keyOfLast`, the key) at `path` stands, read off
 * the lines, when the document is plain block YAML along the way: each key a
 * plain word at the start of its own line, the last one's value starting on
 * that line. The position is the one the full parser gives; anything else
 * (a list item, a missing key, a value on the next line, a quoted key, a
 * tab) is left to the full parser: undefined. A warning repeated over
 * thousands of files (a listing not reviewed) is thus located without
 * parsing any of them again.
 */
export function quickLocate(yamlText: string, path: readonly PropertyKey[], keyOfLast = false): SourcePosition | undefined {
  if (path.length === 0 || path.length > 4 || path.some((key) => typeof key !== 'string')) return undefined;
  // A quoted value over several lines could hold what looks like a key: the full parser tells them apart.
  if (unclosedQuote(yamlText, '"') !== undefined || unclosedQuote(yamlText, "'") !== undefined) return undefined;
  const lines = yamlText.split('\n');
  let start = 0;
  let end = lines.length;
  let indent = 0;
  for (let depth = 0; depth < path.length; depth++) {
    const key = path[depth] as string;
    let found = -1;
    for (let n = start; n < end; n++) {
      const line = lines[n]!;
      const lineIndent = indentOf(line);
      if (lineIndent === -1) return undefined;
      if (isBlank(line, lineIndent) || lineIndent > indent) continue;
      if (lineIndent < indent) return undefined;
      const match = PLAIN_KEY_LINE.exec(line.slice(indent));
      // Another kind of line where keys stand (an item, a quoted or complex key): not plain.
      if (!match) return undefined;
      if (match[1] === key) {
        if (found !== -1) return undefined;
        found = n;
      }
    }
    if (found === -1) return undefined;
    const line = lines[found]!;
    const afterColon = indent + key.length + 1;
    const rest = line.slice(afterColon);
    const restIndent = rest.length - rest.trimStart().length;
    const valueOnLine = rest.trim() !== '' && rest.charCodeAt(restIndent) !== 35;
    if (depth === path.length - 1) {
      if (keyOfLast) return { line: found + 1, column: indent + 1 };
      // A value that starts elsewhere, or a block scalar, anchor, alias or tag: the full parser knows.
      if (!valueOnLine || '|>&*!'.includes(rest.charAt(restIndent))) return undefined;
      return { line: found + 1, column: afterColon + restIndent + 1 };
    }
    // Deeper: the value must be a block of keys on the next lines, more indented.
    if (valueOnLine) return undefined;
    let childIndent = -1;
    let blockEnd = end;
    for (let n = found + 1; n < end; n++) {
      const next = lines[n]!;
      const nextIndent = indentOf(next);
      if (nextIndent === -1) return undefined;
      if (isBlank(next, nextIndent)) continue;
      if (nextIndent <= indent) {
        blockEnd = n;
        break;
      }
      if (childIndent === -1) childIndent = nextIndent;
    }
    if (childIndent === -1) return undefined;
    start = found + 1;
    end = blockEnd;
    indent = childIndent;
  }
  return undefined;
}

/** The full YAML parser, with a position for every node. */
function fullParse(yamlText: string, lineOffset: number, yamlLine: number): { doc?: Document; lineCounter: LineCounter; locate: Locate } {
  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(yamlText, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true, version: '1.2' });
  } catch {
    return { lineCounter, locate: () => ({ line: yamlLine, column: 1 }) };
  }
  const locate: Locate = (path, keyOfLast = false) => {
    const node = nodeAt(doc, path, keyOfLast);
    return node?.range ? positionAt(lineCounter, node.range[0], lineOffset) : { line: yamlLine, column: 1 };
  };
  return { doc, lineCounter, locate };
}

/**
 * Offset of the last value that opens `quote` without closing it on its line:
 * where a missing closing quote most likely belongs.
 */
function unclosedQuote(text: string, quote: string): number | undefined {
  let found: number | undefined;
  let offset = 0;
  for (const line of text.split('\n')) {
    const start = new RegExp(`(?:^\\s*(?:-\\s+)?|:\\s+|[\\[{,]\\s*)${quote}`).exec(line);
    if (start) {
      const open = start.index + start[0].length - 1;
      const rest = line.slice(open + 1).replace(quote === '"' ? /\\./g : /''/g, '');
      if (!rest.includes(quote)) found = offset + open;
    }
    offset += line.length + 1;
  }
  return found;
}

export function parseSource(
  bytes: Uint8Array,
  format: 'markdown' | 'yaml',
  maxBytes: number,
  options: { positions?: boolean } = {},
): ParsedSource {
  const text = decodeText(bytes, maxBytes);
  if (typeof text !== 'string') return failure(text.message, text.line, text.column);
  const normalised = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  if (!/\S/.test(normalised)) return failure('ce fichier est vide : remplissez-le à partir d’un modèle ou supprimez-le.');

  let yamlText = normalised;
  let yamlLine = 1;
  let body = '';
  let bodyLine = 1;
  if (format === 'markdown') {
    const split = splitFrontMatter(normalised);
    if ('message' in split) return failure(split.message, split.line, split.column);
    ({ yaml: yamlText, yamlLine, body, bodyLine } = split);
  }
  const lineOffset = yamlLine - 1;

  if (nestingDepth(yamlText) > MAX_DEPTH) {
    return failure(`les champs sont imbriqués sur plus de ${MAX_DEPTH} niveaux : ce n’est pas une fiche valable.`, yamlLine);
  }

  // Fast path: most files are valid and never need positions. js-yaml reads
  // them several times faster; positions come from the full parser, lazily,
  // only when a problem must be located. Anchors, aliases and tags always
  // take the full parser, which bounds alias expansion.
  if (!options.positions && !/[&*!]/.test(yamlText)) {
    let fast: unknown;
    try {
      fast = jsYaml().load(yamlText, { schema: jsYaml().CORE_SCHEMA, json: false });
    } catch {
      fast = FAILED;
    }
    if (
      fast !== FAILED &&
      fast !== null &&
      fast !== undefined &&
      (format === 'yaml' || (typeof fast === 'object' && !Array.isArray(fast)))
    ) {
      let full: Locate | undefined;
      const lazyLocate: Locate = (path, keyOfLast) => {
        const quick = quickLocate(yamlText, path, keyOfLast);
        if (quick) return { line: quick.line + lineOffset, column: quick.column };
        full ??= fullParse(yamlText, lineOffset, yamlLine).locate;
        return full(path, keyOfLast);
      };
      return {
        data: fast,
        body,
        bodyLine,
        locate: lazyLocate,
        problems: [],
        mayHoldEmptyStrings: yamlText.includes('""') || yamlText.includes("''"),
      };
    }
  }

  const { doc, lineCounter, locate } = fullParse(yamlText, lineOffset, yamlLine);
  if (!doc) return failure('la syntaxe YAML de l’en-tête est illisible : comparez-la avec une fiche qui fonctionne.', yamlLine);
  const base = { body, bodyLine, locate };

  if (doc.errors.length > 0) {
    // After the first few, YAML errors mostly follow from the first ones.
    const problems = doc.errors.slice(0, MAX_SYNTAX_ERRORS).map((error) => {
      let pos = positionAt(lineCounter, error.pos[0], lineOffset);
      let message = YAML_MESSAGES[error.code] ?? 'la syntaxe YAML est incorrecte ici (indentation, deux-points ou guillemets).';
      const quote = error.code === 'MISSING_CHAR' ? /closing (["'])/.exec(error.message)?.[1] : undefined;
      if (quote) {
        // The parser notices the missing quote where the file ends; the volunteer needs the line that opens it.
        const opening = unclosedQuote(yamlText.slice(0, error.pos[0]), quote);
        if (opening !== undefined) pos = positionAt(lineCounter, opening, lineOffset);
        message = `ce texte ouvre un guillemet ${quote} sans le refermer : ajoutez ${quote} à la fin de la valeur.`;
      }
      if (error.code === 'DUPLICATE_KEY') {
        const key = /^\s*["']?([^"':\n]+)/.exec(yamlText.slice(error.pos[0], error.pos[0] + 80));
        if (key) message = `le champ « ${key[1]!.trim()} » apparaît deux fois : gardez une seule ligne pour lui.`;
      }
      return { ...pos, message };
    });
    return { ...base, data: undefined, problems };
  }

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    const message =
      error instanceof ReferenceError && /alias/i.test(error.message)
        ? 'ce fichier utilise trop d’alias YAML (« *nom ») : recopiez les valeurs au lieu de les référencer.'
        : 'cet en-tête ne peut pas être lu : comparez-le avec une fiche qui fonctionne.';
    return { ...base, data: undefined, problems: [{ line: yamlLine, column: 1, message }] };
  }

  if (data === null || data === undefined) {
    return {
      ...base,
      data: undefined,
      problems: [{ line: yamlLine, column: 1, message: 'l’en-tête est vide : il doit contenir les champs de la fiche (« nom: valeur »).' }],
    };
  }
  if (format === 'markdown' && (typeof data !== 'object' || Array.isArray(data))) {
    return {
      ...base,
      data: undefined,
      problems: [
        { line: yamlLine, column: 1, message: 'l’en-tête doit être une suite de champs « nom: valeur », pas une liste ni un texte seul.' },
      ],
    };
  }
  return { ...base, data, locate, problems: [] };
}
