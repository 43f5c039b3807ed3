/**
 * The Markdown parser the rules read bodies with (mdast, with GitHub's
 * extensions), kept apart from `markdown.ts`: sixty modules, loaded only the
 * first time a body may hold markup.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import type { MdNode } from './markdown.ts';

const micromarkExtensions = [gfm()];
const mdastExtensions = [gfmFromMarkdown()];

export function parseMarkdownTree(markdown: string): MdNode {
  return fromMarkdown(markdown, { extensions: micromarkExtensions, mdastExtensions }) as MdNode;
}
