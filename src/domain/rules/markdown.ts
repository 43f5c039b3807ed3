/**
 * Contributor Markdown must stay text: no raw HTML, and links only to
 * https:, mailto: or pages of this site. Checked on the Markdown tree, so
 * entity tricks and autolinks are seen exactly as a renderer would see them.
 */
import type NodeModule from 'node:module';
import type * as MarkdownParser from './markdown-parser.ts';
import { MIGHT_HOLD_MARKUP, type BodyIssue } from './text.ts';

export { mightBeRefused, type BodyIssue } from './text.ts';
export { personalDataIssues } from './personal-data.ts';

export type MdNode = {
  type: string;
  url?: string;
  value?: string;
  children?: MdNode[];
  position?: { start: { line: number; column: number } };
};

/** Is this link target allowed in a body? */
export function isSafeLink(url: string): boolean {
  const trimmed = url.trim();
  if (/^https:\/\/[^\s/]/i.test(trimmed)) return true;
  if (/^mailto:[^\s]+@/i.test(trimmed)) return true;
  // Site-relative (`/annuaire/…`) or an anchor in the page, never protocol-relative (`//host`).
  return /^\/(?!\/)/.test(trimmed) || /^#[\w-]*$/.test(trimmed);
}

/** Images may come only from this site: an image from elsewhere is a third-party request. */
function isSafeImage(url: string): boolean {
  return /^\/(?!\/)/.test(url.trim());
}

function short(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 40 ? `${flat.slice(0, 40)}…` : flat;
}

/** Markdown → tree, as a renderer sees it (mdast with GitHub's extensions). */
export type MarkdownTreeParser = (markdown: string) => MdNode;

let treeParser: MarkdownTreeParser | undefined;
let loadTreeParser: (() => MarkdownTreeParser) | undefined;

/**
 * Says how to load the parser in a browser bundle, which has it at hand:
 * `useMarkdownParser(() => parseMarkdownTree)`.
 */
export function useMarkdownParser(load: () => MarkdownTreeParser): void {
  loadTreeParser = load;
}

/**
 * The parser lives in `markdown-parser.ts`: sixty modules that only a body
 * with markup needs, loaded the first time one does. Node.js loads it then;
 * a browser bundle says how (`useMarkdownParser`).
 */
function markdownTree(markdown: string): MdNode {
  if (!treeParser) {
    const node = globalThis.process?.getBuiltinModule?.('node:module') as typeof NodeModule | undefined;
    if (loadTreeParser) treeParser = loadTreeParser();
    else if (node) treeParser = (node.createRequire(import.meta.url)('./markdown-parser.ts') as typeof MarkdownParser).parseMarkdownTree;
    else throw new Error('The Markdown parser is not at hand: call useMarkdownParser first.');
  }
  return treeParser(markdown);
}

/** The Markdown tree of a body, or undefined when it cannot be read as Markdown. */
function parseBody(markdown: string): MdNode | undefined {
  try {
    return markdownTree(markdown);
  } catch {
    return undefined;
  }
}

export function bodyIssues(markdown: string): BodyIssue[] {
  if (!MIGHT_HOLD_MARKUP.test(markdown)) return [];
  const issues: BodyIssue[] = [];
  const tree = parseBody(markdown);
  if (!tree) return [{ line: 1, column: 1, message: 'ce texte ne peut pas être lu comme du Markdown : simplifiez sa mise en forme.' }];
  const stack: MdNode[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const at = node.position?.start ?? { line: 1, column: 1 };
    if (node.type === 'html') {
      issues.push({
        ...at,
        message: `le HTML n’est pas accepté dans le texte (« ${short(node.value ?? '')} ») : utilisez la mise en forme Markdown (**gras**, _italique_, [lien](https://…)) ou retirez-le.`,
        form: `{noun} contient une balise (« ${short(node.value ?? '')} ») : écrivez du texte simple, sans chevrons.`,
      });
    } else if (node.type === 'image' && node.url !== undefined && !isSafeImage(node.url)) {
      issues.push({
        ...at,
        message: `l’image « ${short(node.url)} » vient d’un autre site : seules les images du site (chemin commençant par « / ») sont acceptées, pour ne rien charger d’ailleurs.`,
        form: `{noun} affiche une image d’un autre site (« ${short(node.url)} ») : retirez-la, le site ne charge rien d’ailleurs.`,
      });
    } else if ((node.type === 'link' || node.type === 'definition') && node.url !== undefined && !isSafeLink(node.url)) {
      const url = node.url.trim();
      const hint =
        /^http:\/\//i.test(url) || /^www\./i.test(url)
          ? ' Utilisez l’adresse en « https:// ».'
          : ' Un lien commence par « https:// », « mailto: » ou « / » (une page du site).';
      issues.push({
        ...at,
        message: `le lien « ${short(url)} » n’est pas accepté.${hint}`,
        form: `l’adresse « ${short(url)} » ne peut pas être gardée : une adresse web commence par https://, corrigez-la ou retirez-la.`,
      });
    }
    if (node.children) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return issues.sort((a, b) => a.line - b.line || a.column - b.column);
}

export interface BodyLink {
  url: string;
  /** Line and column within the body (1-based). */
  line: number;
  column: number;
}

/**
 * The links to other sites of a body, where they stand: links, autolinks and
 * reference definitions, as a renderer sees them. Site pages, anchors and
 * e-mail addresses are left out: they are not addresses on the web.
 */
export function bodyLinks(markdown: string): BodyLink[] {
  if (!MIGHT_HOLD_MARKUP.test(markdown)) return [];
  const tree = parseBody(markdown);
  if (!tree) return [];
  const links: BodyLink[] = [];
  const stack: MdNode[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if ((node.type === 'link' || node.type === 'definition') && node.url !== undefined && /^https:\/\//i.test(node.url.trim())) {
      links.push({ url: node.url.trim(), ...(node.position?.start ?? { line: 1, column: 1 }) });
    }
    if (node.children) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return links;
}
