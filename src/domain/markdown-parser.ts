/**
 * The Markdown parser the rules read bodies with (mdast, with GitHub's
 * extensions), kept apart from `markdown.ts`: importing this module hands it
 * to `bodyIssues`. The loader imports it when it has files to read; the
 * browser's check of one entry, always.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { useMarkdownParser, type MdNode } from './markdown.ts';

const micromarkExtensions = [gfm()];
const mdastExtensions = [gfmFromMarkdown()];

useMarkdownParser((markdown) => fromMarkdown(markdown, { extensions: micromarkExtensions, mdastExtensions }) as MdNode);
