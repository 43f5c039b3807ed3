/**
 * The loader: bytes → data with the line and column of every value, and a
 * French problem — never an exception — whatever the bytes hold. Then the
 * content folder read as a whole.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ContentFolderError, loadContent, validate } from '../../src/loader/index.ts';
import { parseSource, quickLocate, type ParsedSource } from '../../src/loader/parse.ts';
import { entryTypes, MAX_FILE_BYTES } from '../../src/schemas/index.ts';
import { BASE, corpus, fixture, FIXTURES, removeCorpora, ROOT } from '../content/helpers.ts';

afterAll(removeCorpora);

const encode = (text: string) => new TextEncoder().encode(text);
const markdown = (text: string | Uint8Array, maxBytes = MAX_FILE_BYTES) =>
  parseSource(typeof text === 'string' ? encode(text) : text, 'markdown', maxBytes);
const yaml = (text: string) => parseSource(encode(text), 'yaml', MAX_FILE_BYTES);
/** With positions computed up front, as when a problem must be located. */
const markdownWithPositions = (text: string | Uint8Array) =>
  parseSource(typeof text === 'string' ? encode(text) : text, 'markdown', MAX_FILE_BYTES, { positions: true });

const provider = fixture('base/providers/nuage-des-exemples.md');

/** The only problem of a file that could not be read. */
function onlyProblem(parsed: ParsedSource) {
  expect(parsed.data).toBeUndefined();
  expect(parsed.problems).toHaveLength(1);
  return parsed.problems[0]!;
}

describe('positions', () => {
  const parsed = markdown(provider);

  it('reads the front matter and the body', () => {
    expect(parsed.problems).toEqual([]);
    expect(parsed.data).toMatchObject({ name: 'Nuage des Exemples', location: { postcode: '38000', department: '38' } });
    expect(parsed.body.trimStart()).toMatch(/^Le Nuage des Exemples est une association/);
    expect(parsed.bodyLine).toBe(29);
  });

  it('points at a value, a list item and a key', () => {
    expect(parsed.locate(['name'])).toEqual({ line: 2, column: 7 });
    expect(parsed.locate(['contact', 'email'])).toEqual({ line: 8, column: 10 });
    expect(parsed.locate(['contact', 'email'], true)).toEqual({ line: 8, column: 3 });
    expect(parsed.locate(['services', 1])).toEqual({ line: 17, column: 24 });
    expect(parsed.locate(['area', 'regions', 0])).toEqual({ line: 16, column: 13 });
  });

  it('points at the nearest existing parent for a missing field', () => {
    expect(parsed.locate(['contact', 'form'])).toEqual({ line: 8, column: 3 });
    expect(parsed.locate(['logo'])).toEqual({ line: 2, column: 1 });
    expect(parsed.locate(['services', 9])).toEqual({ line: 17, column: 11 });
  });

  it('gives the same positions with a byte order mark', () => {
    const withBom = markdown(new Uint8Array([0xef, 0xbb, 0xbf, ...encode(provider)]));
    expect(withBom.data).toEqual(parsed.data);
    expect(withBom.locate(['services', 1])).toEqual({ line: 17, column: 24 });
    expect(withBom.bodyLine).toBe(29);
  });

  it('gives the same data, body and positions with Windows line endings', () => {
    const crlf = markdown(provider.replace(/\n/g, '\r\n'));
    expect(crlf.problems).toEqual([]);
    expect(crlf.data).toEqual(parsed.data);
    expect(crlf.body).toBe(parsed.body);
    expect(crlf.body).not.toContain('\r');
    expect(crlf.locate(['contact', 'email'])).toEqual({ line: 8, column: 10 });
    expect(crlf.bodyLine).toBe(29);
  });

  it('gives the same data with old Mac line endings', () => {
    expect(markdown(provider.replace(/\n/g, '\r')).data).toEqual(parsed.data);
  });

  it('reads a YAML file whole, with positions', () => {
    const terms = yaml(fixture('base/taxonomies/services.yml'));
    expect(Array.isArray((terms.data as { terms: unknown }).terms)).toBe(true);
    expect(terms.body).toBe('');
    expect(terms.locate(['terms', 1, 'slug'])).toEqual({ line: 5, column: 11 });
  });

  it('accepts « ... » to close the front matter', () => {
    const parsed = markdown('---\ntitle: À propos\n...\nLe texte.\n');
    expect(parsed.problems).toEqual([]);
    expect(parsed.body).toBe('Le texte.\n');
    expect(parsed.bodyLine).toBe(4);
  });
});

describe('positions read off the lines', () => {
  /** Every path into a value, the value itself left out. */
  function paths(value: unknown, prefix: PropertyKey[] = [], out: PropertyKey[][] = []): PropertyKey[][] {
    if (prefix.length > 0) out.push(prefix);
    if (Array.isArray(value)) value.forEach((item, index) => paths(item, [...prefix, index], out));
    else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) paths(item, [...prefix, key], out);
    return out;
  }

  it('point where the full parser points, whenever they answer, in every fixture and in thousands of damaged copies', () => {
    const files = readdirSync(FIXTURES, { recursive: true, withFileTypes: true }).filter(
      (entry) => entry.isFile() && /\.(md|ya?ml)$/.test(entry.name),
    );
    let seed = 20261128;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const pieces = ['\n', ' ', '  ', '\t', '# note', ': ', '- ', '"', "'", '[', ']', '{', '|', '>', 'cle: valeur', '\n  x: 1', '\nx: 1'];
    let answered = 0;
    for (const entry of files) {
      const text = readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
      const yamlText = text.startsWith('---\n') ? text.slice(4, Math.max(4, text.indexOf('\n---', 4))) : text;
      for (let copy = 0; copy < 20; copy++) {
        let damaged = yamlText;
        if (copy > 0) {
          const at = Math.floor(random() * (damaged.length + 1));
          damaged =
            random() < 0.6
              ? damaged.slice(0, at) + pieces[Math.floor(random() * pieces.length)] + damaged.slice(at)
              : damaged.slice(0, at) + damaged.slice(at + 1 + Math.floor(random() * 5));
        }
        const full = parseSource(encode(damaged), 'yaml', MAX_FILE_BYTES, { positions: true });
        if (full.problems.length > 0) continue;
        for (const place of [...paths(full.data), ['absent'], ['contact', 'absent']]) {
          for (const keyOfLast of [false, true]) {
            const quick = quickLocate(damaged, place, keyOfLast);
            if (!quick) continue;
            answered++;
            expect(quick, `${entry.name} ${JSON.stringify(place)}`).toEqual(full.locate(place, keyOfLast));
          }
        }
      }
    }
    expect(answered).toBeGreaterThan(10000);
  });

  it('answer for the fields a warning points at, and leave the rest to the full parser', () => {
    const frontMatter = provider.slice(4, provider.indexOf('\n---', 4));
    expect(quickLocate(frontMatter, ['updated'])).toEqual({ line: 25, column: 10 });
    expect(quickLocate(frontMatter, ['contact', 'email'])).toEqual({ line: 7, column: 10 });
    expect(quickLocate(frontMatter, ['contact', 'email'], true)).toEqual({ line: 7, column: 3 });
    // A list item, a missing field: the full parser.
    expect(quickLocate(frontMatter, ['services', 1])).toBeUndefined();
    expect(quickLocate(frontMatter, ['contact', 'form'])).toBeUndefined();
    // The same positions through the loader, in the file's lines.
    expect(markdown(provider).locate(['updated'])).toEqual({ line: 26, column: 10 });
  });
});

describe('validation', () => {
  it('says exactly what the schemas as written say, with zod’s compiled schemas, for every fixture, valid or not', () => {
    const folders = {
      providers: 'providers',
      recommendations: 'recommendations',
      projects: 'projects',
      resources: 'resources',
      pages: 'pages',
    } as const;
    let compared = 0;
    for (const entry of readdirSync(FIXTURES, { recursive: true, withFileTypes: true })) {
      const type = (Object.keys(folders) as Array<keyof typeof folders>).find((t) => path.basename(entry.parentPath) === folders[t]);
      if (!entry.isFile() || !type || !entry.name.endsWith('.md')) continue;
      const parsed = parseSource(readFileSync(path.join(entry.parentPath, entry.name)), 'markdown', MAX_FILE_BYTES);
      if (parsed.problems.length > 0) continue;
      const schema = entryTypes[type].schema;
      const asWritten = schema.safeParse(parsed.data, { reportInput: true });
      const fast = validate(schema, parsed.data, parsed.locate, entry.name, false);
      expect(fast.value, entry.name).toEqual(asWritten.success ? asWritten.data : undefined);
      expect(fast.problems.length > 0, entry.name).toBe(!asWritten.success);
      compared++;
    }
    expect(compared).toBeGreaterThan(40);
  });
});

describe('values, as YAML 1.2 reads them', () => {
  const front = (yamlText: string) => markdown(`---\n${yamlText}\n---\nTexte.\n`).data as Record<string, unknown>;

  it('keeps dates as text, so that they never shift with time zones', () => {
    expect(front('updated: 2026-03-14').updated).toBe('2026-03-14');
  });

  it('keeps yes, no, on and off as text, and reads true, false and null', () => {
    expect(front('a: yes\nb: no\nc: on\nd: off\ne: true\nf: false\ng: null\nh: ~\ni:')).toEqual({
      a: 'yes',
      b: 'no',
      c: 'on',
      d: 'off',
      e: true,
      f: false,
      g: null,
      h: null,
      i: null,
    });
  });

  it('reads unquoted digits as numbers, quoted ones as text', () => {
    expect(front('a: 38000\nb: "38000"\nc: 2A\nd: 12.5')).toEqual({ a: 38000, b: '38000', c: '2A', d: 12.5 });
  });

  it('reads every file of the demo content and of the fixtures the same way, with or without positions', () => {
    const files = [
      ...readdirSync(path.join(ROOT, 'content'), { recursive: true, withFileTypes: true }),
      ...readdirSync(BASE, { recursive: true, withFileTypes: true }),
    ].filter((entry) => entry.isFile() && /\.(md|ya?ml)$/.test(entry.name));
    expect(files.length).toBeGreaterThan(90);
    for (const entry of files) {
      const bytes = readFileSync(path.join(entry.parentPath, entry.name));
      const format = entry.name.endsWith('.md') ? 'markdown' : 'yaml';
      const fast = parseSource(bytes, format, MAX_FILE_BYTES);
      const full = parseSource(bytes, format, MAX_FILE_BYTES, { positions: true });
      expect(fast.data, entry.name).toEqual(full.data);
      expect(fast.problems, entry.name).toEqual([]);
    }
  });
});

describe('files that cannot be read', () => {
  it('refuses binary garbage', () => {
    const bytes = Uint8Array.from({ length: 2048 }, (_, i) => (i * 7919) % 256);
    expect(onlyProblem(markdown(bytes))).toEqual({ line: 1, column: 1, message: expect.stringContaining('n’est pas du texte') });
  });

  it.each([
    ['an empty file', ''],
    ['a file of blank lines', '\n  \n\t\n'],
    ['a file with only a byte order mark', '\uFEFF'],
  ])('refuses %s', (_case, text) => {
    expect(onlyProblem(markdown(text))).toEqual({
      line: 1,
      column: 1,
      message: 'ce fichier est vide : remplissez-le à partir d’un modèle ou supprimez-le.',
    });
  });

  it('refuses an empty front matter', () => {
    expect(onlyProblem(markdown('---\n---\nTexte.\n')).message).toContain('l’en-tête est vide');
  });

  it('points at a YAML syntax error', () => {
    const problems = markdown('---\nname: Nuage\nstructure: [association\nupdated: 2026-01-01\n---\nTexte.\n').problems;
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.length).toBeLessThanOrEqual(3);
    expect(problems[0]).toEqual({ line: expect.any(Number), column: expect.any(Number), message: expect.stringMatching(/\S/) });
    expect(problems[0]!.line).toBeGreaterThanOrEqual(3);
  });

  it.each([
    ['double', 'name: "Nuage des Exemples\nstructure: association\nupdated: 2026-01-01', 2, 7, '"'],
    ['single', "name: Nuage\nstructure: 'association\nupdated: 2026-01-01", 3, 12, "'"],
    ['list item', 'name: Nuage\nservices:\n  - hebergement\n  - "migration\nupdated: 2026-01-01', 5, 5, '"'],
    ['flow list', "name: Nuage\nservices: [hebergement, 'migration]\nupdated: 2026-01-01", 3, 25, "'"],
  ])('points at the line that opens a %s quote never closed', (_case, front, line, column, quote) => {
    const problems = markdown(`---\n${front}\n---\nTexte.\n`).problems;
    expect(problems[0]).toEqual({
      line,
      column,
      message: `ce texte ouvre un guillemet ${quote} sans le refermer : ajoutez ${quote} à la fin de la valeur.`,
    });
  });

  it('points at a tab used for indentation', () => {
    expect(markdown('---\ncontact:\n\temail: a@exemple.org\n---\nTexte.\n').problems[0]).toEqual({
      line: 3,
      column: 1,
      message: 'une tabulation sert d’indentation : remplacez-la par des espaces.',
    });
  });

  it('refuses an alias bomb at once', () => {
    const started = performance.now();
    const problem = onlyProblem(markdown(fixture('broken/providers/alias-bomb.md')));
    expect(problem.message).toBe('ce fichier utilise trop d’alias YAML (« *nom ») : recopiez les valeurs au lieu de les référencer.');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('names a field written twice, at its second line, even inside a group', () => {
    expect(onlyProblem(markdown(fixture('broken/providers/duplicate-key.md')))).toEqual({
      line: 4,
      column: 1,
      message: 'le champ « name » apparaît deux fois : gardez une seule ligne pour lui.',
    });
    const nested = markdown('---\ncontact:\n  email: a@exemple.org\n  phone: "0476000000"\n  email: b@exemple.org\n---\nTexte.\n');
    expect(onlyProblem(nested)).toEqual({
      line: 5,
      column: 3,
      message: 'le champ « email » apparaît deux fois : gardez une seule ligne pour lui.',
    });
  });

  it.each([
    ['a list', '---\n- name: Nuage\n- structure: association\n---\nTexte.\n'],
    ['a bare text', '---\nNuage des Exemples\n---\nTexte.\n'],
    ['a number', '---\n42\n---\nTexte.\n'],
  ])('refuses a front matter that is %s', (_case, text) => {
    expect(onlyProblem(markdown(text))).toEqual({
      line: 2,
      column: 1,
      message: 'l’en-tête doit être une suite de champs « nom: valeur », pas une liste ni un texte seul.',
    });
  });

  it.each([
    ['brackets', `---\nname: ${'['.repeat(500)}${']'.repeat(500)}\n---\nTexte.\n`],
    ['braces', `---\nname: ${'{a: '.repeat(100)}1${'}'.repeat(100)}\n---\nTexte.\n`],
    ['indentation', `---\n${Array.from({ length: 60 }, (_, i) => `${'  '.repeat(i)}n${i}:`).join('\n')} 1\n---\nTexte.\n`],
  ])('refuses nesting too deep, by %s', (_case, text) => {
    expect(onlyProblem(markdown(text))).toEqual({
      line: 2,
      column: 1,
      message: expect.stringContaining('imbriqués sur plus de 40 niveaux'),
    });
  });

  it('refuses a file over the size limit before reading it, accepts one just under', () => {
    const body = 'Du texte. '.repeat(1000);
    const file = `---\ntitle: Gros\n---\n${body}`;
    const size = encode(file).length;
    expect(onlyProblem(markdown(file, size - 1)).message).toMatch(/^ce fichier est trop gros \(\d+ Ko, au plus \d+ Ko\)/);
    expect(markdown(file, size).problems).toEqual([]);
    expect(onlyProblem(markdown(`---\ntitle: Gros\n---\n${'x'.repeat(MAX_FILE_BYTES)}`)).message).toContain('au plus 256 Ko');
  });

  it('refuses text that is not UTF-8, pointing at the first line that is not', () => {
    const latin1 = Uint8Array.from([
      ...encode('---\ntitle: Page\nsummary: ok\n'),
      ...[0x63, 0x61, 0x66, 0xe9],
      ...encode('\n---\nTexte.\n'),
    ]);
    expect(onlyProblem(markdown(latin1))).toEqual({ line: 4, column: 1, message: expect.stringContaining('n’est pas encodé en UTF-8') });
    expect(onlyProblem(markdown(readFileSync(path.join(ROOT, 'tests/content/fixtures/broken/providers/not-utf8.md')))).line).toBe(10);
  });

  it('refuses UTF-16, which holds NUL bytes', () => {
    const utf16 = Uint8Array.from([0xff, 0xfe, ...[...'---\ntitle: x\n---\n'].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(onlyProblem(markdown(utf16)).message).toContain('n’est pas du texte');
  });

  it('asks for the front matter when there is none, or when it is never closed', () => {
    expect(onlyProblem(markdown('Juste un texte.\n')).message).toContain('doit commencer par une ligne « --- »');
    expect(onlyProblem(markdown('---\ntitle: x\nTexte.\n')).message).toContain('n’est jamais fermé');
  });

  it('never throws, whatever the bytes', () => {
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const base = encode(provider);
    for (let i = 0; i < 300; i++) {
      const bytes = Uint8Array.from(base.subarray(0, Math.floor(random() * base.length)));
      for (let j = 0; j < 5; j++) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 128);
      for (const parse of [markdown, markdownWithPositions]) {
        const parsed = parse(bytes);
        for (const problem of parsed.problems) {
          expect(problem.line).toBeGreaterThanOrEqual(1);
          expect(problem.message).toMatch(/^[a-zàâéèêîôûç]/);
        }
      }
    }
  });
});

describe('loadContent', () => {
  it('reads the base corpus, typed and sorted, with no problem', async () => {
    const { content, problems, files } = await loadContent(BASE, { displayRoot: BASE });
    expect(problems).toEqual([]);
    expect(files).toBe(17);
    expect(content.providers.map((p) => p.id)).toEqual(['atelier-en-attente', 'cooperative-exemple-libre', 'nuage-des-exemples']);
    expect(content.recommendations).toHaveLength(5);
    expect(content.projects.map((p) => p.id)).toEqual(['agenda-partage-exemple']);
    expect(content.resources).toHaveLength(1);
    expect(content.pages).toHaveLength(1);
    expect(content.partners.map((p) => p.data.name)).toEqual(['Réseau Exemple']);
    expect(content.taxonomies.services.map((t) => t.slug)).toContain('hebergement');
    expect(content.settings).toMatchObject({ demo: true, site_name: 'Annuaire d’essai' });
    expect(content.rejected).toEqual([]);
    const provider = content.providers.find((p) => p.id === 'nuage-des-exemples')!;
    expect(provider.file).toBe('providers/nuage-des-exemples.md');
    expect(provider.locate(['updated'])).toEqual({ line: 26, column: 10 });
  });

  it('applies defaults of the schema', async () => {
    const { content } = await loadContent(BASE);
    const atelier = content.providers.find((p) => p.id === 'atelier-en-attente')!.data;
    expect(atelier).toMatchObject({ networks: [], tools: [], languages: ['fr'], area: { national: false, remote: false, regions: [] } });
    const pending = content.recommendations.find((r) => r.id === 'atelier-en-attente--chorale-exemple')!.data;
    expect(pending.project.tools).toEqual([]);
  });

  it('keeps entries refused by their schema aside, with their raw data and their id', async () => {
    const dir = await corpus({ 'providers/sans-site.md': fixture('bad/providers/missing-website.md') });
    const { content, problems } = await loadContent(dir, { displayRoot: dir });
    expect(problems).toEqual([expect.objectContaining({ file: 'providers/sans-site.md', path: 'website' })]);
    expect(content.providers.map((p) => p.id)).not.toContain('sans-site');
    expect(content.rejected).toEqual([
      { type: 'providers', entry: expect.objectContaining({ id: 'sans-site', data: expect.objectContaining({ name: 'Fiche Exemple' }) }) },
    ]);
    expect(content.ids.providers.has('sans-site')).toBe(true);
  });

  it('says which files it ignores, and ignores silently what is not content', async () => {
    const dir = await corpus({
      'providers/notes.txt': 'à faire',
      'providers/nuage-des-exemples.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
      'providers/.DS_Store': new Uint8Array([0, 1, 2]),
      'partners/reseau.md': '---\nname: x\n---\n',
      'providers/Nuage Solidaire.md': provider,
    });
    await mkdir(path.join(dir, 'providers/brouillons'));
    await writeFile(path.join(dir, 'providers/brouillons/x.md'), 'pas lu');
    const { problems } = await loadContent(dir, { displayRoot: dir });
    expect(problems).toHaveLength(3);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'partners/reseau.md', message: expect.stringContaining('une fiche se termine par « .yml »') }),
        expect.objectContaining({
          file: 'providers/Nuage Solidaire.md',
          message: expect.stringContaining('doit être un identifiant en minuscules'),
        }),
        expect.objectContaining({ file: 'providers/notes.txt', message: expect.stringContaining('une fiche se termine par « .md »') }),
      ]),
    );
  });

  it('asks for a missing taxonomy or settings file', async () => {
    const dir = await corpus({ 'taxonomies/networks.yml': null, 'settings.yml': null });
    const { problems } = await loadContent(dir, { displayRoot: dir });
    expect(problems.map((p) => [p.file, p.message.slice(0, 40)])).toEqual(
      expect.arrayContaining([
        ['taxonomies/networks.yml', 'le fichier de taxonomie manque : créez t'],
        ['settings.yml', 'le fichier des réglages manque : créez s'],
      ]),
    );
  });

  it('reads a vocabulary of the older shape, a bare list, as the same terms, and warns how to convert it', async () => {
    const current = fixture('base/taxonomies/tools.yml');
    // The older shape: no « terms: », the list at the start of its lines.
    const older = current.replace(/^terms:\n/, '').replace(/^ {2}/gm, '');
    expect(older.startsWith('- slug: nextcloud')).toBe(true);
    const dir = await corpus({ 'taxonomies/tools.yml': older });
    const { content, problems } = await loadContent(dir, { displayRoot: dir });
    const { content: base } = await loadContent(BASE);
    expect(content.taxonomies.tools).toEqual(base.taxonomies.tools);
    expect(content.taxonomyFiles.tools).toMatchObject({ legacy: true, termsAt: [] });
    expect(problems).toEqual([
      {
        file: 'taxonomies/tools.yml',
        line: 1,
        column: 1,
        path: '',
        severity: 'warning',
        message:
          'ce fichier est encore une simple liste, que le CMS ne sait pas modifier : ajoutez en première ligne « terms: », puis décalez toutes les lignes de la liste de deux espaces (chaque élément commence alors par « - slug: … », sous « terms: »).',
      },
    ]);
    // Converted as the warning says, it is the current shape again.
    const converted = `terms:\n${older.replace(/^(?=.)/gm, '  ')}`;
    expect(converted).toBe(current);
  });

  it('points at a term of either shape by its place in the file', async () => {
    const broken = (text: string) => text.replace('license: MPL-2.0', 'license: M');
    const current = fixture('base/taxonomies/tools.yml');
    const older = current.replace(/^terms:\n/, '').replace(/^ {2}/gm, '');
    for (const [text, path, line, column] of [
      [broken(current), 'terms[1].license', 12, 14],
      [broken(older), '[1].license', 11, 12],
    ] as const) {
      const dir = await corpus({ 'taxonomies/tools.yml': text });
      const { content, problems } = await loadContent(dir, { displayRoot: dir });
      expect(problems.filter((p) => p.severity === 'error')).toEqual([expect.objectContaining({ path, line, column })]);
      // The term refused by its schema is left out; the others are read.
      expect(content.taxonomies.tools.map((t) => t.slug)).toEqual(['nextcloud', 'paheko']);
    }
  });

  it('refuses a vocabulary file with another key than « terms », or whose terms are not a list', async () => {
    const current = fixture('base/taxonomies/tools.yml');
    const other = await corpus({ 'taxonomies/tools.yml': `titre: Logiciels\n${current}` });
    const withKey = await loadContent(other, { displayRoot: other });
    expect(withKey.problems).toEqual([
      expect.objectContaining({ path: 'titre', message: expect.stringContaining('le champ « titre » n’existe pas ici') }),
    ]);
    expect(withKey.content.taxonomies.tools).toHaveLength(3);

    const notAList = await corpus({ 'taxonomies/tools.yml': 'terms: nextcloud\n' });
    const result = await loadContent(notAList, { displayRoot: notAList });
    expect(result.problems).toEqual([expect.objectContaining({ file: 'taxonomies/tools.yml', path: 'terms', severity: 'error' })]);
    // Its terms are unknown, not empty: the entries' slugs are not all called unknown.
    expect(result.content.taxonomyFiles.tools.unreadable).toBe(true);
  });

  it('shows files relative to the project, or whole when outside it', async () => {
    const inside = await loadContent(path.join(ROOT, 'tests/content/fixtures/base'), { displayRoot: ROOT });
    expect(inside.content.pages[0]!.file).toBe('tests/content/fixtures/base/pages/a-propos.md');
    const dir = await corpus();
    const outside = await loadContent(dir, { displayRoot: ROOT });
    expect(outside.content.pages[0]!.file).toBe(path.join(dir, 'pages/a-propos.md'));
  });

  it('refuses a folder that does not exist, in French', async () => {
    await expect(loadContent(path.join(BASE, 'nulle-part'))).rejects.toThrow(ContentFolderError);
    await expect(loadContent('nulle-part')).rejects.toThrow('Le dossier de contenu « nulle-part » n’existe pas ou n’est pas un dossier.');
    await expect(loadContent(path.join(BASE, 'settings.yml'))).rejects.toThrow(ContentFolderError);
  });
});
