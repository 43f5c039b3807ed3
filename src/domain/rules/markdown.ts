/**
 * Contributor Markdown must stay text: no raw HTML, and links only to
 * https:, mailto: or pages of this site. Checked on the Markdown tree, so
 * entity tricks and autolinks are seen exactly as a renderer would see them.
 */
import type NodeModule from 'node:module';
import type * as MarkdownParser from './markdown-parser.ts';

export interface BodyIssue {
  /** Line and column within the body (1-based). */
  line: number;
  column: number;
  message: string;
}

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

/**
 * Raw HTML needs « < »; links, images and definitions need « [ » or « < »;
 * GFM turns bare « www. » and « scheme:// » into links. Text with none of
 * these holds nothing to refuse, and most testimonies are such plain text.
 */
const MIGHT_HOLD_MARKUP = /[<[]|www\.|:\/\//i;

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
      });
    } else if (node.type === 'image' && node.url !== undefined && !isSafeImage(node.url)) {
      issues.push({
        ...at,
        message: `l’image « ${short(node.url)} » vient d’un autre site : seules les images du site (chemin commençant par « / ») sont acceptées, pour ne rien charger d’ailleurs.`,
      });
    } else if ((node.type === 'link' || node.type === 'definition') && node.url !== undefined && !isSafeLink(node.url)) {
      const url = node.url.trim();
      const hint =
        /^http:\/\//i.test(url) || /^www\./i.test(url)
          ? ' Utilisez l’adresse en « https:// ».'
          : ' Un lien commence par « https:// », « mailto: » ou « / » (une page du site).';
      issues.push({ ...at, message: `le lien « ${short(url)} » n’est pas accepté.${hint}` });
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

/** Personal contact details have no place in a testimony: it speaks for an association. */
export function personalDataIssues(markdown: string): BodyIssue[] {
  const issues: BodyIssue[] = [];
  // Every text of every recommendation goes through here: most hold neither
  // « @ » nor a « 0 » or « + », without which there is nothing to look for.
  const mayHoldEmail = markdown.includes('@');
  if (!mayHoldEmail && !markdown.includes('0') && !markdown.includes('+')) return issues;
  const lines = markdown.split('\n');
  lines.forEach((line, index) => {
    // The address stops before a final dot: « écrivez à claire@exemple.org. »
    const email = mayHoldEmail ? /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/.exec(line) : null;
    if (email) {
      issues.push({
        line: index + 1,
        column: email.index + 1,
        message: `le témoignage contient une adresse e-mail (« ${email[0]} ») : retirez-la, une recommandation ne publie les coordonnées de personne.`,
      });
    }
    const phone = /(?:\+33\s?|\b0)[1-9](?:[\s.-]?\d{2}){4}\b/.exec(line);
    if (phone) {
      issues.push({
        line: index + 1,
        column: phone.index + 1,
        message: 'le témoignage contient un numéro de téléphone : retirez-le, une recommandation ne publie les coordonnées de personne.',
      });
    }
  });
  return issues;
}
