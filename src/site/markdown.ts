/**
 * How contributor Markdown becomes HTML: Astro's unified processor with
 * rehype-sanitize (GitHub's allowlist) as the first rehype step, so that even
 * if a file slipped past the check, nothing executable reaches a page. Then
 * the body is fitted to its place on the page (heading levels, ids) and
 * French typography is applied to the text nodes.
 */
import { unified } from '@astrojs/markdown-remark';
import GithubSlugger from 'github-slugger';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import type { EntryTypeName } from '../schemas/index.ts';
import { frenchTypography } from '../domain/text/format.ts';

type HastProperties = Record<string, unknown>;
type HastNode = { type: string; value?: string; tagName?: string; properties?: HastProperties; children?: HastNode[] };

/** Applies French typography to text, outside code. */
function rehypeFrenchTypography() {
  return (tree: HastNode) => {
    const walk = (node: HastNode) => {
      if (node.type === 'element' && (node.tagName === 'code' || node.tagName === 'pre')) return;
      if (node.type === 'text' && node.value) node.value = frenchTypography(node.value);
      node.children?.forEach(walk);
    };
    walk(tree);
  };
}

/**
 * The allowlist: GitHub's, restricted to the link schemes the check accepts.
 * Images may only come from the site itself (no scheme at all): an empty list
 * would mean "any scheme" to the sanitiser, so it names one that no URL uses.
 */
export const sanitizeSchema = {
  ...defaultSchema,
  protocols: { ...defaultSchema.protocols, href: ['https', 'mailto'], src: ['site-relative-only'] },
  // The footnotes' title is hidden with the site's own class.
  attributes: { ...defaultSchema.attributes, h2: [['className', 'visually-hidden']] },
  // GitHub's "user-content-" prefix on ids would break the footnotes' links
  // (their targets would be prefixed twice) and would not keep two bodies on
  // one page apart: rehypeBodyPlacement prefixes every id instead.
  clobberPrefix: '',
};

/**
 * Where a body sits on its page, so that its headings continue the page's
 * outline and its ids repeat none of the page's (`contenu`, `tarifs`…) nor
 * those of another body shown on the same page.
 */
export interface BodyPlacement {
  /** Level of the body's top headings: one below the page's heading above the body. */
  headingLevel: number;
  /** Put in front of every id of the body (headings, footnotes). */
  idPrefix: string;
}

/**
 * The place of each kind of body, as the pages show them. Editorial pages
 * and resources (`[page].astro`, `ressources/[slug].astro`): right under the
 * page's h1. A project (`projets/[slug].astro`): under « Le projet en
 * détail » (h2). A provider (`annuaire/[slug].astro`): under « Présentation »
 * (h2), on a page whose sections have ids of their own; a testimony: under
 * the association's name (h3), several of them on that page.
 */
export function bodyPlacement(type: EntryTypeName, id: string): BodyPlacement {
  switch (type) {
    case 'projects':
      return { headingLevel: 3, idPrefix: 'projet-' };
    case 'providers':
      return { headingLevel: 3, idPrefix: 'presentation-' };
    case 'recommendations':
      return { headingLevel: 4, idPrefix: `temoignage-${id}-` };
    default:
      return { headingLevel: 2, idPrefix: 'partie-' };
  }
}

/**
 * A body as handed to Astro's renderer, which reads a front matter off it
 * and gives it to the rehype steps: that is how rehypeBodyPlacement learns
 * where the body goes. (JSON is YAML.)
 */
export function placedBody(body: string, placement: BodyPlacement): string {
  return `---\n${JSON.stringify({ placement })}\n---\n${body}`;
}

const DEFAULT_PLACEMENT: BodyPlacement = { headingLevel: 2, idPrefix: 'partie-' };
const HEADING = /^h([1-6])$/;

function decoded(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

function textOf(node: HastNode): string {
  return node.type === 'text' ? (node.value ?? '') : (node.children ?? []).map(textOf).join('');
}

function elements(node: HastNode, out: HastNode[] = []): HastNode[] {
  if (node.type === 'element') out.push(node);
  node.children?.forEach((child) => elements(child, out));
  return out;
}

/**
 * Fits a sanitised body to its place: its headings start at the placement's
 * level and never skip one (a contributor's « # » then « #### » becomes two
 * consecutive levels), every heading gets an id, and every id, with the
 * links and ARIA references that point to it, gets the placement's prefix.
 * Table cells say their alignment with a class.
 * Astro's own heading ids come after and keep these.
 */
function rehypeBodyPlacement() {
  return (tree: HastNode, file: { data: { astro?: { frontmatter?: Record<string, unknown> } } }) => {
    const placement = (file.data.astro?.frontmatter?.placement as BodyPlacement | undefined) ?? DEFAULT_PLACEMENT;
    const all = elements(tree);
    const headings = all.filter((e) => HEADING.test(e.tagName ?? ''));
    if (headings.length > 0) {
      const levels = headings.map((h) => Number(HEADING.exec(h.tagName!)![1]));
      const shift = placement.headingLevel - Math.min(...levels);
      let previous = placement.headingLevel - 1;
      headings.forEach((heading, i) => {
        const level = Math.min(levels[i]! + shift, previous + 1, 6);
        heading.tagName = `h${level}`;
        previous = level;
      });
    }
    const ids = new Set(all.map((e) => e.properties?.id).filter((id): id is string => typeof id === 'string'));
    const slugger = new GithubSlugger();
    ids.forEach((id) => slugger.slug(id));
    for (const heading of headings) {
      heading.properties ??= {};
      if (typeof heading.properties.id === 'string') continue;
      const id = slugger.slug(textOf(heading)) || 'titre';
      heading.properties.id = id;
      ids.add(id);
    }
    const prefixed = (id: string) => (ids.has(id) ? `${placement.idPrefix}${id}` : id);
    for (const element of all) {
      const properties = element.properties;
      if (!properties) continue;
      if (typeof properties.id === 'string') properties.id = prefixed(properties.id);
      // A table column's alignment (« | ---: | »): HTML has made `align` obsolete, and the CSP forbids a style attribute.
      if ((element.tagName === 'th' || element.tagName === 'td') && typeof properties.align === 'string') {
        properties.className = [`align-${properties.align}`];
        delete properties.align;
      }
      for (const key of ['ariaDescribedBy', 'ariaLabelledBy']) {
        const value = properties[key];
        if (Array.isArray(value)) properties[key] = value.map((v) => prefixed(String(v)));
        else if (typeof value === 'string') properties[key] = value.split(/\s+/).map(prefixed).join(' ');
      }
      // A link to a place in the same body (footnotes, « [voir](#etape-2) ») follows its target.
      if (typeof properties.href === 'string' && properties.href.startsWith('#')) {
        const target = properties.href.slice(1);
        if (ids.has(target) || ids.has(decoded(target))) properties.href = `#${placement.idPrefix}${target}`;
      }
    }
  };
}

export const markdownOptions = {
  gfm: true,
  // SmartyPants writes English quotes; French quotes are written by contributors.
  smartypants: false,
  // Footnotes in French; their ids are prefixed with the body's (rehypeBodyPlacement).
  remarkRehype: {
    clobberPrefix: '',
    footnoteLabel: 'Notes',
    footnoteLabelProperties: { className: ['visually-hidden'] },
    footnoteBackLabel: (referenceIndex: number, rereferenceIndex: number) =>
      `Revenir à l’appel de note ${referenceIndex + 1}${rereferenceIndex > 1 ? ` (${rereferenceIndex}e renvoi)` : ''}`,
  },
  rehypePlugins: [[rehypeSanitize, sanitizeSchema], rehypeBodyPlacement, rehypeFrenchTypography] as Array<
    [typeof rehypeSanitize, typeof sanitizeSchema] | typeof rehypeBodyPlacement | typeof rehypeFrenchTypography
  >,
};

export function markdownProcessor() {
  return unified(markdownOptions);
}

/**
 * Most testimonies and descriptions are plain paragraphs. Text with none of
 * the characters that Markdown or its extensions give a meaning to (and no
 * line that starts a list, a heading or a code block) renders to exactly
 * `<p>` elements around its escaped text: tens of thousands of them are
 * rendered without the parser, identically (a test compares both).
 */
const MARKDOWN_SIGNS = /[\\`*_[\]<>#|~&{}]|!\[|^\s*([-+=]|\d+[.)])|^ {4}|^\t| {2}$|:\/\/|www\.|@|^---/m;

export function isPlainText(markdown: string): boolean {
  return !MARKDOWN_SIGNS.test(markdown);
}

/** HTML of a plain-text body, as the Markdown pipeline would produce it. */
export function plainTextHtml(markdown: string): string {
  return markdown
    .trim()
    .split(/\n[ \t]*\n\s*/)
    .map((paragraph) => `<p>${frenchTypography(paragraph.replace(/^[ \t]+|[ \t]+$/gm, ''))}</p>`)
    .join('\n');
}
