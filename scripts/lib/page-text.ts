/**
 * The text a reader sees on a built page, read as a browser lays it out:
 * runs of text cut at block boundaries (paragraphs, list items, cells,
 * headings…), joined across inline elements (links, emphasis, spans), with
 * whitespace collapsed. Scripts, styles and code are not prose and are left
 * out. Then what French typography forbids in that text: words glued to a
 * link or a number across an element boundary, « 1 autres »-like plurals,
 * and missing no-break spaces before « : ; ? ! » and inside « guillemets ».
 */
import { Parser } from 'htmlparser2';

/** Elements that lay out inline: text on both sides of their edges reads as one line. */
const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'data',
  'dfn',
  'em',
  'i',
  'label',
  'mark',
  'output',
  'q',
  's',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
]);

/** Not prose: their text is left out. */
const SKIPPED = new Set(['script', 'style', 'code', 'pre', 'kbd', 'samp', 'noframes']);

/** Edges across which letters may legitimately touch: « 1<sup>er</sup> », « m<sup>2</sup> », « H<sub>2</sub>O ». */
const TOUCHING = new Set(['sup', 'sub']);

export interface TextRun {
  /** The run's text, whitespace collapsed to one space (no-break spaces kept). */
  text: string;
  /** Positions in `text` where an inline element starts or ends, with the elements' names. */
  edges: Map<number, Set<string>>;
}

/** Every run of visible text of an HTML page, `<title>` included. */
export function textRuns(html: string): TextRun[] {
  const runs: TextRun[] = [];
  let text = '';
  let edges = new Map<number, Set<string>>();
  let skipDepth = 0;
  const stack: string[] = [];

  const flush = () => {
    const trimmed = text.replace(/^ +/, '');
    const shift = text.length - trimmed.length;
    if (trimmed.trim()) {
      const shifted = new Map<number, Set<string>>();
      for (const [at, tags] of edges) if (at - shift > 0 && at - shift < trimmed.trimEnd().length) shifted.set(at - shift, tags);
      runs.push({ text: trimmed.trimEnd(), edges: shifted });
    }
    text = '';
    edges = new Map();
  };
  const edge = (tag: string) => {
    const tags = edges.get(text.length) ?? new Set<string>();
    tags.add(tag);
    edges.set(text.length, tags);
  };

  const parser = new Parser(
    {
      onopentag(name) {
        stack.push(name);
        if (SKIPPED.has(name)) {
          skipDepth++;
          if (skipDepth === 1 && !text.endsWith(' ')) text += ' '; // code reads as a word of its own
          return;
        }
        if (skipDepth) return;
        if (INLINE.has(name)) edge(name);
        else flush();
      },
      ontext(data) {
        if (skipDepth) return;
        const collapsed = data.replace(/[ \t\n\r\f]+/g, ' ');
        text += text.endsWith(' ') && collapsed.startsWith(' ') ? collapsed.slice(1) : collapsed;
      },
      onclosetag(name) {
        stack.pop();
        if (SKIPPED.has(name)) {
          skipDepth--;
          if (skipDepth === 0 && !text.endsWith(' ')) text += ' ';
          return;
        }
        if (skipDepth) return;
        if (INLINE.has(name)) edge(name);
        else flush();
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return runs;
}

export type TypographyKind = 'glued' | 'plural' | 'space';

export interface TypographyFinding {
  kind: TypographyKind;
  /** What is wrong, in French. */
  message: string;
  /** The text around it, no-break spaces shown as « ⍽ » (U+00A0) and « ⸱ » (U+202F). */
  excerpt: string;
}

const SPACES = /[\u00A0\u202F]/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** What is not prose inside prose: addresses, e-mail addresses, file names — masked before the punctuation checks. */
const NOT_PROSE = /(?:https?:\/\/|mailto:|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

/**
 * Words that end in « s » in the singular: « 1 fois », « 1 mois ».
 * Only these may follow « 1 » or « 0 ».
 */
const INVARIABLE = new Set(['fois', 'mois', 'pays', 'avis', 'temps', 'cas', 'prix', 'choix', 'corps', 'repas', 'poids', 'mars']);

/**
 * Nouns the site counts: after 2 or more, they take an « s ».
 * (A general rule would need a dictionary; these are the site's words.)
 */
const COUNTED = [
  'autre',
  'structure',
  'recommandation',
  'association',
  'projet',
  'résultat',
  'page',
  'fiche',
  'département',
  'région',
  'service',
  'logiciel',
  'financeur',
  'contribution',
  'ressource',
  'partenaire',
  'étape',
  'critère',
];

function excerpt(text: string, at: number, length = 1): string {
  const start = Math.max(0, at - 30);
  const end = Math.min(text.length, at + length + 30);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`.replace(/\u00A0/g, '⍽').replace(/\u202F/g, '⸱');
}

/** Mistakes of French typography in one run of text. */
export function runFindings(run: TextRun): TypographyFinding[] {
  const findings: TypographyFinding[] = [];
  const { text } = run;

  for (const [at, tags] of run.edges) {
    if ([...tags].every((t) => TOUCHING.has(t))) continue;
    const before = text[at - 1] ?? '';
    const after = text[at] ?? '';
    if (!LETTER_OR_DIGIT.test(before) || !LETTER_OR_DIGIT.test(after)) continue;
    findings.push({
      kind: 'glued',
      message: `Deux mots collés à la limite d’un élément <${[...tags].join('>, <')}> : il manque une espace.`,
      excerpt: excerpt(text, at - 1, 2),
    });
  }

  // A number (« 1 500 » included, « 1,5 » and « 2.0 » not) followed by a word.
  const number = /(?<![\p{N},.]|\p{N}[\u00A0\u202F ])(\d+(?:[\u00A0\u202F ]\d{3})*)(?![,.]\d)[ \u00A0\u202F]+(\p{L}+)/gu;
  for (const match of text.matchAll(number)) {
    const value = Number(match[1]!.replace(/\D/g, ''));
    const word = match[2]!;
    const lower = word.toLowerCase();
    if (value <= 1 && lower.endsWith('s') && lower.length > 2 && !INVARIABLE.has(lower)) {
      findings.push({
        kind: 'plural',
        message: `« ${match[0]} » : après ${value}, le nom reste au singulier.`,
        excerpt: excerpt(text, match.index, match[0].length),
      });
    } else if (value >= 2 && COUNTED.includes(lower)) {
      findings.push({
        kind: 'plural',
        message: `« ${match[0]} » : après ${value}, le nom prend la marque du pluriel.`,
        excerpt: excerpt(text, match.index, match[0].length),
      });
    }
  }

  // « les 1 structure »: a plural determiner before one.
  for (const match of text.matchAll(/(?<![\p{L}])(les|des|ces|nos|vos|leurs)[ \u00A0\u202F]+1(?![\d,.]|[\u00A0\u202F ]\d)/giu)) {
    findings.push({
      kind: 'plural',
      message: `« ${match[0]} » : un déterminant pluriel devant 1.`,
      excerpt: excerpt(text, match.index, match[0].length),
    });
  }

  const prose = text.replace(NOT_PROSE, (m) => 'x'.repeat(m.length));
  for (const match of prose.matchAll(/[:;?!]+/g)) {
    const at = match.index;
    const after = prose[at + match[0].length] ?? '';
    // Only punctuation closing a phrase: « 10:30 », « a:b », « ?q= » are not.
    if (after !== '' && !/[\s»)\]"”’.,]/.test(after)) continue;
    const before = prose[at - 1] ?? '';
    if (before === '' || SPACES.test(before) || /[«([]/.test(before)) continue;
    findings.push({
      kind: 'space',
      message:
        before === ' '
          ? `Une espace ordinaire avant « ${match[0]} » : il faut une espace insécable, sinon le signe peut passer seul à la ligne.`
          : `Il manque une espace insécable avant « ${match[0]} ».`,
      excerpt: excerpt(text, at, match[0].length),
    });
  }
  for (const match of prose.matchAll(/«(.)?|(.)?»/g)) {
    const open = match[0].startsWith('«');
    const neighbour = open ? match[1] : match[2];
    if (neighbour !== undefined && SPACES.test(neighbour)) continue;
    findings.push({
      kind: 'space',
      message: open ? 'Il manque une espace insécable après « « ».' : 'Il manque une espace insécable avant « » ».',
      excerpt: excerpt(text, match.index, match[0].length),
    });
  }
  return findings;
}

/** Every mistake of French typography in the visible text of an HTML page. */
export function typographyFindings(html: string): TypographyFinding[] {
  return textRuns(html).flatMap(runFindings);
}
