/**
 * How contributor Markdown becomes HTML: Astro's unified processor with
 * rehype-sanitize (GitHub's allowlist) as the last rehype step, so that even
 * if a file slipped past the check, nothing executable reaches a page. Then
 * French typography on the text nodes.
 */
import { unified } from '@astrojs/markdown-remark';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import { frenchTypography } from '../domain/format.ts';

type HastNode = { type: string; value?: string; tagName?: string; children?: HastNode[] };

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
};

export const markdownOptions = {
  gfm: true,
  // SmartyPants writes English quotes; French quotes are written by contributors.
  smartypants: false,
  rehypePlugins: [[rehypeSanitize, sanitizeSchema], rehypeFrenchTypography] as Array<[typeof rehypeSanitize, typeof sanitizeSchema] | typeof rehypeFrenchTypography>,
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
