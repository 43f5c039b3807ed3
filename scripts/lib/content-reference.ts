/**
 * docs/contenu.md, the contributors' reference of every kind of content
 * file, generated from the schemas' `.meta()`, the body rules, the limits of
 * the reader and the rules catalogue. Pure: it returns the Markdown, and
 * `npm run docs` writes it. Tables are printed aligned, as Prettier prints
 * them, so that formatting the repository leaves the file unchanged.
 */
import type * as z from 'zod/mini';
import { recommendationId } from '../../src/domain/entry-names.ts';
import { rulesCatalogue, ruleSeverityLabels, type RuleScope } from '../../src/domain/rules/catalogue.ts';
import { MAX_ALIASES, MAX_DEPTH } from '../../src/loader/parse.ts';
import { INSEE_COG_URL } from '../../src/schemas/geography.ts';
import {
  CONTENT_FOLDER,
  entryTypeNames,
  entryTypes,
  MAX_FILE_BYTES,
  SETTINGS_FILE,
  settingsSchema,
  slug,
  taxonomies,
  taxonomyNames,
  TERMS_KEY,
  type BodyRule,
  type EntryTypeName,
  type TaxonomyName,
} from '../../src/schemas/index.ts';
import {
  acceptsNull,
  arrayElement,
  boundsOf,
  checksOf,
  hasDefault,
  isOptional,
  kindOf,
  labelledValues,
  lengthOf,
  messageOf,
  metaOf,
  schemaFields,
  typeName,
  unwrap,
} from '../../src/schemas/introspect.ts';

type AnySchema = z.core.$ZodType;

/** Where the generated reference lives, from the repository's root. */
export const CONTENT_REFERENCE_FILE = 'docs/contenu.md';

// ---------------------------------------------------------------------------
// Markdown helpers

const number = (n: number) => new Intl.NumberFormat('fr-FR').format(n).replace(/\s/g, ' ');
const code = (text: string) => `\`${text}\``;
const sentence = (text: string) => {
  const capitalised = text.trim().replace(/^./, (c) => c.toUpperCase());
  return /[.!?…»]$/.test(capitalised) ? capitalised : `${capitalised}.`;
};

/** Italics, unless the text holds a character that would end them early. */
const emphasis = (text: string) => (/[_*]/.test(text) ? text : `_${text.trim()}_`);

/** A cell: one line, pipes escaped. */
function cell(text: string): string {
  return text
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();
}

/** Width of a cell as Prettier measures it: our text has no wide or combining characters. */
const width = (text: string) => [...text].length;

/** A table aligned the way Prettier prints it: every column padded to its widest cell. */
export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const all = [header, ...rows].map((row) => row.map(cell));
  const widths = header.map((_, i) => Math.max(3, ...all.map((row) => width(row[i] ?? ''))));
  const line = (row: readonly string[]) => `| ${row.map((c, i) => c + ' '.repeat(widths[i]! - width(c))).join(' | ')} |`;
  const [head, ...body] = all;
  return [line(head!), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...body.map(line)].join('\n');
}

/** A default value as it would be written in the file's YAML. */
function yamlInline(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(yamlInline).join(', ')}]`;
  if (value && typeof value === 'object') {
    return `{ ${Object.entries(value)
      .map(([k, v]) => `${k}: ${yamlInline(v)}`)
      .join(', ')} }`;
  }
  return String(value);
}

// ---------------------------------------------------------------------------
// Fields

const taxonomyFile = (name: TaxonomyName) => `${CONTENT_FOLDER}/${taxonomies[name].file}`;
const geographyNouns = { regions: 'région', departments: 'département' } as const;

function lengthText({ min, max }: { min?: number; max?: number }, unit: string, plural: string): string | undefined {
  if (min !== undefined && max !== undefined) return min === max ? `${number(min)} ${plural}` : `${number(min)} à ${number(max)} ${plural}`;
  if (min !== undefined) return `au moins ${number(min)} ${min > 1 ? plural : unit}`;
  if (max !== undefined) return `au plus ${number(max)} ${max > 1 ? plural : unit}`;
  return undefined;
}

/** Bounds are written as in the files, without grouping: years read « 2000 », not « 2 000 ». */
function boundsText({ min, max }: { min?: number; max?: number }): string | undefined {
  if (min !== undefined && max !== undefined) return `de ${min} à ${max}`;
  if (min !== undefined) return `au moins ${min}`;
  if (max !== undefined) return `au plus ${max}`;
  return undefined;
}

/**
 * The French messages of a schema's own format rules (SIREN key, https
 * address, date, INSEE code, no duplicate…), without the length and bound
 * checks that the table states as numbers.
 */
function ruleMessages(schema: AnySchema): string[] {
  const inner = unwrap(schema);
  const own = messageOf((inner._zod.def as { error?: () => unknown }).error);
  const fromChecks = checksOf(schema)
    .filter((c) => !['min_length', 'max_length', 'length_equals', 'greater_than', 'less_than'].includes(c.check))
    .map((c) => messageOf(c.error));
  return [...new Set([own, ...fromChecks].filter((m): m is string => !!m))];
}

/** What a field accepts, in French: allowed values and labels, vocabulary, INSEE codes, limits, format. */
function allowedValues(schema: AnySchema): string {
  const meta = metaOf(schema);
  const element = arrayElement(schema);
  const elementMeta = element ? metaOf(element) : undefined;
  const parts: string[] = [];
  const taxonomy = meta.taxonomy ?? elementMeta?.taxonomy;
  const geography = meta.geography ?? elementMeta?.geography;
  const kind = kindOf(schema);

  if (kind === 'record' && taxonomy) {
    parts.push(`une clé par élément de ${code(taxonomyFile(taxonomy))}`);
  } else if (taxonomy) {
    parts.push(`${element ? 'identifiants' : 'un identifiant'} de ${code(taxonomyFile(taxonomy))}`);
  } else if (meta.relation) {
    parts.push(`l’identifiant d’un fichier de ${code(`${CONTENT_FOLDER}/${meta.relation}/`)}`);
  } else if (geography) {
    parts.push(
      `${element ? 'codes' : 'code'} de ${geographyNouns[geography]} du [Code officiel géographique de l’INSEE](${INSEE_COG_URL}), entre guillemets`,
    );
  } else {
    const values = labelledValues(schema);
    if (values) parts.push(values.map((v) => (v.label === v.value ? code(v.value) : `${code(v.value)} (${v.label})`)).join(' ; '));
  }

  if (kind === 'boolean') parts.push(`${code('true')} ou ${code('false')}`);
  if (kind === 'string' && !meta.relation) {
    const length = lengthText(lengthOf(schema), 'caractère', 'caractères');
    if (length) parts.push(length);
  }
  if (kind === 'number') {
    const bounds = boundsText(boundsOf(schema));
    if (bounds) parts.push(bounds);
  }
  if (kind === 'array') {
    const length = lengthText(lengthOf(schema), 'élément', 'éléments');
    if (length) parts.push(length);
    // A list of plain texts: the limits of each one.
    if (element && kindOf(element) === 'string' && !taxonomy && !geography) {
      const each = lengthText(lengthOf(element), 'caractère', 'caractères');
      if (each) parts.push(`chaque élément : ${each}`);
    }
  }
  if (acceptsNull(schema)) parts.push(`ou ${code('null')}`);

  const rules = [...ruleMessages(schema), ...(element && !geography && !taxonomy ? ruleMessages(element) : [])];
  // Enum messages repeat the list of values, shown above; INSEE and vocabulary messages explain the quotes and the file.
  const shown = labelledValues(schema) && !geography ? [] : rules;
  const text = parts.length > 0 ? sentence(parts.join(' ; ')) : '';
  const messages =
    shown.length > 0 ? `${shown.length > 1 ? 'Messages' : 'Message'} en cas d’erreur : ${shown.map(emphasis).join(' ; ')}` : '';
  return [text, messages].filter(Boolean).join(' ');
}

function requiredText(schema: AnySchema): string {
  const defaultValue = hasDefault(schema);
  if (defaultValue !== undefined) return `non, par défaut ${code(yamlInline(defaultValue))}`;
  return isOptional(schema) ? 'non' : 'oui';
}

function fieldTable(schema: AnySchema, prefix = ''): string {
  const rows = schemaFields(schema).map((field) => {
    const meta = metaOf(field.schema);
    const isRecordValue = field.path.endsWith('.<clé>');
    return [
      code(`${prefix}${field.path}`),
      meta.title ?? (isRecordValue ? 'Note' : ''),
      typeName(field.schema),
      // Which keys a record needs is a rule of the catalogue (one rating per criterion), not of its values.
      isRecordValue ? 'une par clé' : requiredText(field.schema),
      allowedValues(field.schema),
      meta.description ? sentence(meta.description) : '',
    ];
  });
  return table(['Champ', 'Libellé', 'Type', 'Obligatoire', 'Valeurs permises', 'Aide'], rows);
}

// ---------------------------------------------------------------------------
// Sections

const extensions = { markdown: 'md', yaml: 'yml' } as const;

/** What each kind of file is, and how it is named: prose that the schemas cannot say. */
const entryIntros: Record<EntryTypeName, { what: string; naming?: string }> = {
  providers: {
    what: 'Une structure qui accompagne des associations vers des outils libres : sa fiche dans l’annuaire.',
    naming: 'L’identifiant est repris dans l’adresse de sa fiche ; les recommandations et les projets la désignent par lui.',
  },
  recommendations: {
    what: 'Une association accompagnée dit comment cela s’est passé. Elle n’est publiée qu’une fois vérifiée par le comité de pilotage.',
    naming:
      'Le nom du fichier est l’identifiant de la structure, deux tirets, puis celui de l’association : `nuage-solidaire--les-amis-du-jardin.md`.',
  },
  projects: { what: 'Un logiciel libre, ou une fonctionnalité, dont des associations ont besoin et qu’elles proposent de co-financer.' },
  resources: { what: 'Un module du programme de formation des structures.' },
  partners: { what: 'Un réseau partenaire, présenté sur le site.' },
  pages: { what: 'Une page éditoriale (la charte, les critères, à propos…), publiée à l’adresse `/<identifiant>/`.' },
};

function bodyText(body: BodyRule | undefined): string {
  if (!body) return 'aucun, le fichier est tout entier en YAML.';
  const optional = body.noun.startsWith('la ') ? 'facultative' : 'facultatif';
  return `${body.noun} (le Markdown sous l’en-tête), ${body.required ? 'obligatoire' : optional}, de ${number(body.min)} à ${number(body.max)} caractères. Du texte, des titres, des listes, des citations et des liens ; ni HTML ni image d’un autre site (${rulesOf(['no-raw-html', 'safe-markdown-links'])}).`;
}

const rulesOf = (ids: readonly string[]) => ids.map(code).join(', ');

function rulesFor(scope: RuleScope): string {
  const rules = rulesCatalogue.filter((r) => r.scope.includes(scope));
  return `**Règles entre fichiers et avertissements** (détaillés à la fin) : ${rules.length === 0 ? 'aucune' : rulesOf(rules.map((r) => r.id))}.`;
}

const slugLength = lengthOf(slug);

function entrySection(name: EntryTypeName): string {
  const type = entryTypes[name];
  const intro = entryIntros[name];
  const id = name === 'recommendations' ? recommendationId('<structure>', '<association>') : '<identifiant>';
  const file = `${CONTENT_FOLDER}/${name}/${id}.${extensions[type.format]}`;
  const layout =
    type.format === 'markdown'
      ? 'Un en-tête YAML entre deux lignes `---`, puis le texte en Markdown.'
      : 'Un fichier YAML : les champs ci-dessous, sans texte à part.';
  return [
    `## ${type.labelPlural} (${code(name)})`,
    intro.what,
    [
      `- **Fichier** : ${code(file)}. ${layout}`,
      `- **Identifiant** : le nom du fichier sans son extension${intro.naming ? `. ${intro.naming}` : '.'}`,
      `- **Texte** : ${bodyText('body' in type ? type.body : undefined)}`,
      `- ${rulesFor(name)}`,
    ].join('\n'),
    fieldTable(type.schema),
  ].join('\n\n');
}

/** Where the entry types refer to a taxonomy, read from the schemas' `taxonomy` hints. */
function taxonomyUses(taxonomy: TaxonomyName): string[] {
  return entryTypeNames.flatMap((name) => {
    const fields = schemaFields(entryTypes[name].schema).filter((f) => {
      const element = arrayElement(f.schema);
      return (metaOf(f.schema).taxonomy ?? (element ? metaOf(element).taxonomy : undefined)) === taxonomy;
    });
    return fields.length === 0 ? [] : [`${entryTypes[name].labelPlural.toLowerCase()} (${fields.map((f) => code(f.path)).join(', ')})`];
  });
}

function taxonomySection(name: TaxonomyName): string {
  return [
    `### ${taxonomies[name].title} (${code(taxonomyFile(name))})`,
    sentence(taxonomies[name].usedFor),
    sentence(taxonomies[name].advice),
    `- **Utilisé par** : ${taxonomyUses(name).join(' ; ')}.`,
    fieldTable(taxonomies[name].schema, `${TERMS_KEY}[].`),
  ].join('\n\n');
}

function rulesSection(): string {
  const scopeNames: Record<RuleScope, string> = {
    ...(Object.fromEntries(entryTypeNames.map((n) => [n, n])) as Record<EntryTypeName, string>),
    taxonomies: 'taxonomies',
    settings: 'réglages',
  };
  const rows = rulesCatalogue.map((rule) => [
    code(rule.id),
    ruleSeverityLabels[rule.severity],
    rule.scope.map((s) => scopeNames[s]).join(', '),
    rule.text,
  ]);
  return [
    '## Règles entre fichiers et avertissements',
    'Chaque fichier respecte d’abord son tableau de champs ; la vérification contrôle ensuite ce qui relie les champs et les fichiers. Une **erreur** fait échouer `npm run check` et la construction ; un **avertissement** s’affiche sans jamais faire échouer ; la règle de **publication** dit ce que le site fait d’un contenu valide. Le catalogue de ces règles est `src/domain/rules/catalogue.ts`.',
    table(['Règle', 'Gravité', 'Fichiers', 'Ce qui est vérifié'], rows),
  ].join('\n\n');
}

function generalSection(): string {
  return [
    '## Pour tous les fichiers',
    [
      `- **Identifiants et noms de fichiers** : ${lengthText(slugLength, 'caractère', 'caractères')}, des minuscules sans accents et des chiffres, les mots séparés par un tiret (\`nuage-solidaire\`). Le nom d’un fichier, sans son extension, est son identifiant.`,
      '- **Champs** : le tableau de chaque type donne tous les champs permis ; un champ inconnu est une erreur (souvent une faute de frappe). « Obligatoire » dit si le champ peut manquer, et sinon la valeur qu’il prend quand il manque.',
      '- **Chemins** : `contact.email` est le champ `email` dans `contact` ; `pledges[].amount_eur` est le champ `amount_eur` de chaque élément de la liste `pledges` ; `ratings.<clé>` est la valeur de chaque clé de `ratings`. La vérification écrit les chemins de la même façon (`services[1]` pour le deuxième élément).',
      '- **Champ vide** : le CMS enregistre `""` quand on efface un champ facultatif ; un texte vide vaut un champ absent (un champ obligatoire vide est signalé comme manquant).',
      '- **Dates** : `AAAA-MM-JJ`, sans guillemets (`2026-03-14`), et un jour qui existe.',
      '- **Codes INSEE** : un code de département ou de région s’écrit entre guillemets (`"01"`, `"2A"`, `"974"`), sans quoi YAML le lirait comme un nombre.',
    ].join('\n'),
    '### Limites',
    [
      `- Un fichier de plus de ${number(MAX_FILE_BYTES / 1024)} Ko est refusé sans être lu.`,
      `- Un en-tête ne peut pas être imbriqué sur plus de ${number(MAX_DEPTH)} niveaux, ni utiliser plus de ${number(MAX_ALIASES)} alias YAML.`,
      '- Un fichier est en UTF-8 ; un en-tête est un objet (des champs), jamais une liste.',
    ].join('\n'),
  ].join('\n\n');
}

/** The whole of docs/contenu.md. */
export function contentReference(): string {
  const sections = [
    '# Le contenu : référence des fichiers',
    '> Ce document est produit par `npm run docs` à partir du code : les schémas (`src/schemas/`), les limites du lecteur (`src/loader/parse.ts`) et le catalogue des règles (`src/domain/rules/catalogue.ts`). Ne le modifiez pas à la main : changez le code, puis relancez `npm run docs` ; un test vérifie qu’il est à jour.',
    `Tout le contenu du site vit dans \`${CONTENT_FOLDER}/\` (ou le dossier indiqué par \`CONTENT_DIR\`). Pour chaque type de fichier : où il vit, comment il se nomme, puis chacun de ses champs — son type, s’il est obligatoire, les valeurs permises et l’aide que le CMS et les formulaires affichent. \`npm run check\` vérifie exactement ce qui est décrit ici.`,
    generalSection(),
    ...entryTypeNames.map(entrySection),
    [
      `## Vocabulaires (${code(`${CONTENT_FOLDER}/taxonomies/`)})`,
      `Quatre fichiers YAML. Chacun commence par ${code(`${TERMS_KEY}:`)}, suivi de la liste de ses termes, chaque terme commençant par ${code('- slug: …')} ; le comité les modifie dans le CMS (collection « Vocabulaires »). Les fiches les désignent par leur identifiant (${code('slug')}) ; le site affiche leur libellé. Un fichier de l’ancienne forme (la liste seule, sans ${code(`${TERMS_KEY}:`)}) est encore lu, avec un avertissement qui dit comment le convertir : le CMS ne sait pas le modifier.`,
      `- ${rulesFor('taxonomies')}`,
    ].join('\n\n'),
    ...taxonomyNames.map(taxonomySection),
    [
      `## Réglages du site (${code(`${CONTENT_FOLDER}/${SETTINGS_FILE}`)})`,
      'Un seul fichier YAML, les réglages d’un déploiement. Passez `demo` à `false` pour un vrai déploiement.',
      fieldTable(settingsSchema),
    ].join('\n\n'),
    rulesSection(),
  ];
  return `${sections.join('\n\n')}\n`;
}
