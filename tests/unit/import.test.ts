/**
 * Importing what a provider already publishes: a Librehosters
 * librehost.json or ChatonsInfos .properties files, read into the provider
 * form's fields, with what could not be placed said key by key. Samples
 * under tests/fixtures/import/ are modelled on both public formats.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseProperties } from '../../src/domain/import/properties.ts';
import {
  MAX_IMPORT_CHARS,
  cleanValue,
  matchLanguage,
  matchTool,
  readImport,
  splitFiles,
  type ImportChoices,
  type ImportResult,
} from '../../src/domain/import/read.ts';
import { importReport } from '../../src/domain/import/report.ts';
import { IMPORT_RULES, type ImportTarget } from '../../src/domain/import/sources.ts';

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, '../fixtures/import', name), 'utf8');

/** What the form offers, as its boxes and lists would say it. */
const choices: ImportChoices = {
  structure: [
    { value: 'association', label: 'Association' },
    { value: 'cooperative', label: 'Coopérative (SCOP, SCIC, CAE)' },
    { value: 'entreprise', label: 'Entreprise' },
    { value: 'independant', label: 'Indépendant·e' },
    { value: 'collectif', label: 'Collectif' },
  ],
  networks: [
    { value: 'chatons', label: 'CHATONS' },
    { value: 'librehosters', label: 'Librehosters' },
  ],
  services: [
    { value: 'diagnostic', label: 'Diagnostic des outils et des usages' },
    { value: 'hebergement', label: 'Hébergement de services' },
    { value: 'migration', label: 'Migration des données' },
  ],
  tools: [
    { value: 'nextcloud', label: 'Nextcloud' },
    { value: 'etherpad', label: 'Etherpad' },
    { value: 'jitsi-meet', label: 'Jitsi Meet' },
    { value: 'element', label: 'Element (Matrix)' },
    { value: 'paheko', label: 'Paheko' },
    { value: 'onlyoffice', label: 'ONLYOFFICE Docs' },
  ],
  languages: [
    { value: 'fr', label: 'Français' },
    { value: 'br', label: 'Breton' },
    { value: 'oc', label: 'Occitan' },
    { value: 'en', label: 'Anglais' },
  ],
};

const fill = (result: ImportResult, target: ImportTarget) => result.fills.find((f) => f.target === target);
const valueOf = (result: ImportResult, target: ImportTarget) => fill(result, target)?.value;
const leftOut = (result: ImportResult, key: string) => result.leftOut.filter((l) => l.key === key);

describe('a librehost.json', () => {
  const result = readImport(fixture('librehost.json'), choices);

  it('fills the name, the website, the e-mail, the contact page and the kind of structure', () => {
    expect(result.problem).toBeUndefined();
    expect(result.format).toBe('librehost');
    expect(valueOf(result, 'name')).toBe('Le Nuage d’Armor');
    expect(valueOf(result, 'website')).toBe('https://nuage-armor.example.org/');
    expect(fill(result, 'website')!.from).toEqual(['homeUrl']);
    expect(valueOf(result, 'contact.email')).toBe('contact@nuage-armor.example.org');
    expect(valueOf(result, 'contact.form')).toBe('https://nuage-armor.example.org/contact/');
    expect(valueOf(result, 'structure')).toBe('collectif');
  });

  it('ticks every language the form offers, by code or regional code, and lists the others', () => {
    expect(valueOf(result, 'languages')).toEqual(['fr', 'br', 'en']);
    expect(leftOut(result, 'communicationLanguages')).toEqual([
      { key: 'communicationLanguages', value: 'eo', reason: expect.stringContaining('ne propose pas') },
    ]);
  });

  it('ticks the software it knows by name or other name, hosting as a service, and lists unknown software', () => {
    expect(valueOf(result, 'tools')).toEqual(['nextcloud', 'jitsi-meet', 'etherpad']);
    expect(leftOut(result, 'services')).toEqual([
      { key: 'services', value: 'Zammad', reason: expect.stringContaining('absent de la liste') },
    ]);
    expect(valueOf(result, 'services')).toEqual(['hebergement']);
  });

  it('offers the tagline and description as a starting description', () => {
    expect(valueOf(result, 'body')).toBe(
      'Des services libres, hébergés en Bretagne, pour les associations\n\nCollectif d’hébergement alternatif né en 2019 à Saint-Brieuc : stockage de fichiers, visioconférence et pads pour les associations de Bretagne.',
    );
  });

  it('lists every other key with a reason, and the file’s own keys as such', () => {
    const keys = result.leftOut.map((l) => l.key);
    expect(keys).toEqual(
      expect.arrayContaining(['logo', 'privacyPolicyUrl', 'termsOfServiceUrl', 'foundingDate', 'dateCreated', '@context', 'version']),
    );
    expect(leftOut(result, 'foundingDate')[0]!.value).toBe('2019');
    expect(leftOut(result, '@context')[0]!.reason).toContain('le fichier lui-même');
    expect(keys).not.toContain('name');
  });

  it('reads a description wrapped in `data`, and language names as well as codes', () => {
    const wrapped = readImport(JSON.stringify({ data: { name: 'Hébergeur', languages: ['Français', 'occitan', 'FR'] } }), choices);
    expect(valueOf(wrapped, 'name')).toBe('Hébergeur');
    expect(valueOf(wrapped, 'languages')).toEqual(['fr', 'oc']);
  });

  it('keeps the first of two keys for one field', () => {
    const both = readImport(JSON.stringify({ name: 'X', homeUrl: 'https://a.example.org/', url: 'https://b.example.org/' }), choices);
    expect(valueOf(both, 'website')).toBe('https://a.example.org/');
    expect(leftOut(both, 'url')[0]!.reason).toContain('lue plus haut');
  });

  it('keeps a plain-http address and a broken e-mail out, saying why', () => {
    const result = readImport(JSON.stringify({ name: 'X', homeUrl: 'http://x.example.org', email: 'écrivez-nous' }), choices);
    expect(valueOf(result, 'website')).toBeUndefined();
    expect(leftOut(result, 'homeUrl')[0]!.reason).toContain('https://');
    expect(leftOut(result, 'email')[0]!.reason).toContain('pas une adresse e-mail');
  });
});

describe('ChatonsInfos files', () => {
  const paste = `${fixture('chatons-organization.properties')}\n${fixture('chatons-services.properties')}`;
  const result = readImport(paste, choices);

  it('reads an organization file and several service files pasted one after another', () => {
    expect(result.problem).toBeUndefined();
    expect(result.format).toBe('chatonsinfos');
    expect(result.files).toBe(4);
  });

  it('fills the organization’s name, website, e-mail, kind and network, unescaping \\u00e9', () => {
    expect(valueOf(result, 'name')).toBe('Octets des Prés');
    expect(valueOf(result, 'website')).toBe('https://octets-des-pres.example.org/');
    expect(valueOf(result, 'contact.email')).toBe('bonjour@octets-des-pres.example.org');
    expect(valueOf(result, 'structure')).toBe('association');
    expect(valueOf(result, 'networks')).toEqual(['chatons']);
  });

  it('joins a continued description and keeps its line breaks', () => {
    expect(valueOf(result, 'body')).toBe(
      "Association d'éducation populaire au numérique libre, membre du collectif CHATONS depuis 2021.\nNous hébergeons des services pour une trentaine d'associations de l'Indre.",
    );
  });

  it('ticks the known software of each service, hosting as a service, and lists the unknown one', () => {
    expect(valueOf(result, 'tools')).toEqual(['nextcloud', 'etherpad']);
    expect(valueOf(result, 'services')).toEqual(['hebergement']);
    expect(leftOut(result, 'software.name')).toEqual([
      { key: 'software.name', value: 'Zammad', reason: expect.stringContaining('absent de la liste') },
    ]);
  });

  it('repairs accents garbled on the way (UTF-8 read as Latin-1)', () => {
    expect(leftOut(result, 'service.description').map((l) => l.value)).toContain('Outil de tickets pour nos adhérentes');
    expect(leftOut(result, 'service.name').map((l) => l.value)).toEqual(['Cloud des Prés', 'Pad des Prés', 'Assistance']);
  });

  it('keeps a plain-http contact page out, and lists host, software and file details', () => {
    expect(valueOf(result, 'contact.form')).toBeUndefined();
    expect(leftOut(result, 'organization.contact.url')[0]!.reason).toContain('https://');
    const keys = result.leftOut.map((l) => l.key);
    expect(keys).toEqual(expect.arrayContaining(['host.name', 'software.version', 'file.protocol', 'subs.cloud', 'organization.logo']));
    // Empty values are not worth a line.
    expect(keys).not.toContain('organization.status.description');
  });

  it('keeps the first value when two organization files disagree', () => {
    const two = readImport('organization.name = Première\n\nfile.class = organization\norganization.name = Seconde\n', choices);
    expect(two.files).toBe(2);
    expect(valueOf(two, 'name')).toBe('Première');
    expect(leftOut(two, 'organization.name')[0]).toMatchObject({ value: 'Seconde', reason: expect.stringContaining('lue plus haut') });
  });

  it('does not tick CHATONS for a membership that ended', () => {
    const ended = readImport(
      'organization.name = Ancien chaton\norganization.memberof.chatons.startdate = 2019-01-01\norganization.memberof.chatons.status.level = AWAY\n',
      choices,
    );
    expect(valueOf(ended, 'networks')).toBeUndefined();
    expect(leftOut(ended, 'organization.memberof.chatons.status.level')[0]!.reason).toContain('ne semble pas active');
  });

  it('tells a new file from a key met twice, without its header', () => {
    const entries = parseProperties('software.name = Nextcloud\nservice.name = A\nsoftware.name = Paheko\nservice.name = B\n');
    expect(splitFiles(entries).map((file) => file.length)).toEqual([2, 2]);
  });
});

describe('the .properties reader', () => {
  it('reads the separators, comments, continuations and escapes of java.util.Properties', () => {
    const text = [
      '# comment',
      '! also a comment',
      'a = 1',
      'b: deux',
      'c trois',
      '   d=',
      'e = first \\',
      '    second',
      'f\\=g = h\\\\',
      'i = \\u00c9t\\u00e9\\tici',
      'j = C:\\\\chemin',
    ].join('\r\n');
    expect(parseProperties(text).map(({ key, value }) => [key, value])).toEqual([
      ['a', '1'],
      ['b', 'deux'],
      ['c', 'trois'],
      ['d', ''],
      ['e', 'first second'],
      ['f=g', 'h\\'],
      ['i', 'Été\tici'],
      ['j', 'C:\\chemin'],
    ]);
    expect(parseProperties('\uFEFFa = 1')[0]).toEqual({ key: 'a', value: '1', line: 1 });
  });
});

describe('hostile or mistaken pastes', () => {
  it('says so in French, and fills nothing, for broken JSON, a list, an empty or foreign text', () => {
    const problems = [
      readImport('{ "name": "Coupé', choices),
      readImport('[{"name": "A"}]', choices),
      readImport('   \n ', choices),
      readImport('Bonjour, voici notre site : https://exemple.org', choices),
    ];
    for (const result of problems) {
      expect(result.fills).toEqual([]);
      expect(result.problem).toMatch(/^[A-ZÉ]/);
    }
    expect(problems[0]!.problem).toContain('copié en entier');
    expect(problems[3]!.problem).toContain('organization.name');
  });

  it('refuses a text longer than the cap before reading it', () => {
    const result = readImport(`organization.name = ${'x'.repeat(MAX_IMPORT_CHARS)}`, choices);
    expect(result.problem).toContain('trop long');
    expect(result.fills).toEqual([]);
  });

  it('keeps markup as plain text, strips control characters, cuts long values, and pollutes no prototype', () => {
    const result = readImport(
      JSON.stringify({
        __proto__: { polluted: true },
        name: '<img src=x onerror=alert(1)>\u0000\u202E',
        description: 'é'.repeat(9000),
      }).replace('"name"', '"__proto__":{"polluted":true},"name"'),
      choices,
    );
    expect(valueOf(result, 'name')).toBe('<img src=x onerror=alert(1)>');
    expect((valueOf(result, 'body') as string).length).toBe(5000);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(cleanValue('a\u0007b\r\nc<br/>d')).toBe('ab\nc\nd');
  });

  it('matches software without case, accents or punctuation, never by a guess', () => {
    expect(matchTool('NEXTCLOUD', choices.tools)).toBe('nextcloud');
    expect(matchTool('Element', choices.tools)).toBe('element');
    expect(matchTool('Matrix Synapse', choices.tools)).toBe('element');
    expect(matchTool('Garradin', choices.tools)).toBe('paheko');
    expect(matchTool('Nextcloud Office', choices.tools)).toBeUndefined();
    // An alias of a tool the list does not hold maps to nothing.
    expect(matchTool('Framaforms', choices.tools)).toBeUndefined();
    expect(matchLanguage('fr_FR', choices.languages)).toBe('fr');
    expect(matchLanguage('esperanto', choices.languages)).toBeUndefined();
  });
});

describe('the report', () => {
  const result = readImport(fixture('librehost.json'), choices);
  const words = {
    label: (target: ImportTarget) => ({ name: 'Nom de la structure', tools: 'Logiciels libres' })[target as 'name'] ?? target,
    choice: (_target: ImportTarget, value: string) =>
      [...choices.tools, ...choices.languages, ...choices.services, ...choices.structure].find((c) => c.value === value)?.label ?? value,
  };

  it('says what it filled, with what and from which key, and what it left out, in French typography', () => {
    const report = importReport(result, { ...words, kept: new Set() });
    expect(report.heading).toBe(`Formulaire prérempli depuis librehost.json, 1\u00A0fichier lu\u00A0: 9\u00A0champs remplis.`);
    expect(report.filled).toContain('Nom de la structure\u00A0: Le Nuage d’Armor (depuis name).');
    expect(report.filled).toContain('Logiciels libres\u00A0: Nextcloud, Jitsi Meet, Etherpad (depuis services).');
    expect(report.leftOutHeading).toBe(`Non repris (${result.leftOut.length}\u00A0clés)`);
    expect(report.leftOut).toContain(
      'communicationLanguages = eo\u00A0: langue que le formulaire ne propose pas\u00A0: précisez-la dans la description.',
    );
    expect(report.next).toContain('Rien n’a été envoyé');
  });

  it('says which fields it left as the person had filled them', () => {
    const report = importReport(result, { ...words, kept: new Set<ImportTarget>(['name']) });
    expect(report.heading).toContain('8\u00A0champs remplis');
    expect(report.filled).toContain('Nom de la structure\u00A0: déjà rempli, laissé tel quel (depuis name).');
  });

  it('gives the problem as its heading when nothing could be read', () => {
    const report = importReport(readImport('{', choices), { ...words, kept: new Set() });
    expect(report.heading).toContain('mal formé');
    expect(report.filled).toEqual([]);
  });
});

describe('the documentation', () => {
  it('names every source key and every field the import fills', () => {
    const doc = readFileSync(path.join(import.meta.dirname, '../../docs/import.md'), 'utf8');
    for (const rule of IMPORT_RULES) {
      for (const key of rule.keys) expect(doc, key).toContain(`\`${key}\``);
      if (rule.how) expect(doc, rule.how).toContain(rule.how);
    }
  });
});
