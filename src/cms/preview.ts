/**
 * The CMS previews: a provider, a recommendation and a project shown as
 * their public pages show them, in the site's styles (/admin/apercu.css).
 * What the pages decide and say comes from the same views of the domain
 * (`profileView`, `recommendationView`, `projectView`); this file only lays
 * them out as the pages do, with the `h` (React's createElement) that Decap
 * hands to preview templates. An entry still being filled is shown all the
 * same (`preview-data.ts`), with what remains to fix before it can be saved.
 *
 * Contributor text never becomes HTML here: values are React text, and the
 * Markdown bodies come from `widgetFor('body')`, Decap's own preview of its
 * Markdown widget, sanitised by DOMPurify (`sanitize_preview`, set on the
 * body field in src/fields/index.ts).
 */
import { checkEntry, type EntryContext } from '../check/entry.ts';
import { facetLabels } from '../domain/directory/facets.ts';
import { listedProvider, verifiedRecommendations } from '../domain/directory/index.ts';
import { fundingProgress } from '../domain/projects.ts';
import { profileErrorReport } from '../domain/directory/profile.ts';
import {
  profileView,
  profileWords,
  recommendationView,
  type ProfileView,
  type RecommendationView,
} from '../domain/directory/profile-view.ts';
import type { Entry } from '../domain/content.ts';
import { entryIdFor } from '../domain/entry-names.ts';
import { mailUrl, newIssueUrl, type Repository } from '../domain/forge.ts';
import { projectView, projectWords, type Inline, type ProjectView } from '../domain/project-view.ts';
import { absoluteUrl, routes } from '../domain/routes.ts';
import { staleness } from '../domain/staleness.ts';
import { todayInFrance } from '../domain/text/dates.ts';
import { frenchTypography } from '../domain/text/format.ts';
import { dropEmptyStrings, type EntryTypeName } from '../schemas/index.ts';
import { projectSchema } from '../schemas/project.ts';
import { providerSchema } from '../schemas/provider.ts';
import { recommendationSchema, type Recommendation } from '../schemas/recommendation.ts';
import { href } from '../site/href.ts';
import { fieldLabel } from './field-label.ts';
import { previewData } from './preview-data.ts';

/** React's createElement, as Decap exposes it (`window.h`). */
export type H = (type: string, props?: Record<string, unknown> | null, ...children: unknown[]) => unknown;

/** The few Immutable.js methods the previews use. */
interface ImmutableMap {
  get(key: string): unknown;
  set(key: string, value: unknown): ImmutableMap;
  toJS(): Record<string, unknown>;
}

/** What Decap hands a preview template. */
export interface PreviewProps {
  entry: ImmutableMap;
  widgetFor(name: string, fields?: unknown, values?: ImmutableMap): unknown;
  /** Every entry of a collection (the published branch), or one of them. */
  getCollection(collection: string, slug?: string): Promise<unknown>;
}

/** Decap's class components (`window.createClass`, create-react-class): state for what is loaded after the first render. */
export type CreateClass = (spec: Record<string, unknown> & { render(): unknown }) => unknown;

export interface PreviewContext extends EntryContext {
  /** The first `publishedCount` of `providerIds` are published; the others wait for a verified recommendation. */
  publishedCount: number;
  repository: Repository;
  contactEmail: string;
  /** The site's public home, for the addresses quoted in an error report. */
  home: string;
}

/** A class name of the preview's own notes, which are not part of the page (tests leave them out). */
export const PREVIEW_NOTE = 'cms-preview-note';

/** The note's look: the site's stylesheet has no such box. */
export const previewNoteStyle = `.${PREVIEW_NOTE} { border: 2px dashed #8a6d00; background: #fff8db; padding: 0.5rem 1rem; margin: 0 0 1rem; color: #2b2b2b; } .${PREVIEW_NOTE} ul { margin: 0.25rem 0 0; }`;

type Loaded<T> = { state: 'loading' } | { state: 'done'; value: T } | { state: 'failed' };

/** Decap's entries come as Immutable maps or plain objects, depending on the call. */
function plain(value: unknown): Record<string, unknown> {
  if (value && typeof (value as ImmutableMap).toJS === 'function') return (value as ImmutableMap).toJS();
  return (value ?? {}) as Record<string, unknown>;
}

function entryOf(preview: PreviewProps, type: EntryTypeName) {
  const { entry } = preview;
  const { body = '', ...fields } = plain(entry.get('data'));
  const isNew = entry.get('newRecord') === true;
  const slug = isNew ? entryIdFor(type, fields) : String(entry.get('slug') ?? '');
  return { fields, body: String(body ?? ''), slug, isNew };
}

export function registerPreviews(
  cms: { registerPreviewTemplate(name: string, component: unknown): void },
  h: H,
  createClass: CreateClass,
  ctx: PreviewContext,
) {
  const label = facetLabels(ctx.taxonomies);
  const criteria = ctx.taxonomies.criteria.map((c) => c.slug);
  const published = new Set(ctx.providerIds.slice(0, ctx.publishedCount));
  const nbsp = '\u00a0';

  /** What is left to fix before saving, with the check's words; nothing when the entry would be saved. */
  function problemsNote(type: EntryTypeName, entry: ReturnType<typeof entryOf>) {
    const problems = checkEntry(type, entry.slug, entry.fields, entry.body, ctx);
    if (problems.length === 0) return null;
    return h(
      'div',
      { className: PREVIEW_NOTE, role: 'note' },
      h('strong', null, frenchTypography('Aperçu d’une fiche pas encore complète ; à corriger avant l’enregistrement :')),
      h(
        'ul',
        null,
        problems.map((p, i) => h('li', { key: i }, frenchTypography(`${fieldLabel(type, p.path)} : ${p.message}`))),
      ),
    );
  }

  function inline(parts: readonly Inline[]) {
    return parts.map((part, i) =>
      typeof part === 'string'
        ? part
        : 'strong' in part
          ? h('strong', { key: i }, part.strong)
          : h('a', { key: i, href: 'route' in part ? href(part.route) : part.url }, part.text),
    );
  }

  function recommendationBlock(r: RecommendationView, body: unknown, key?: string) {
    return h(
      'article',
      { className: 'recommendation card', key },
      h('h3', null, r.association),
      h('p', { className: 'muted' }, r.about),
      h('p', null, h('strong', null, r.project), ', ', r.period),
      h('p', null, r.received),
      h('blockquote', null, body),
      h('p', { className: 'muted verified' }, r.verified),
    );
  }

  function profile(view: ProfileView, id: string, props: PreviewProps, bodies: Map<string, string>) {
    const w = profileWords;
    const linkList = (items: ProfileView['services']) =>
      h(
        'ul',
        null,
        items.map((s) => h('li', { key: s.value }, h('a', { href: href(routes.facetValue(s.key, s.value)) }, s.label))),
      );
    const data = props.entry.get('data') as ImmutableMap;
    const error = profileErrorReport(view.name, absoluteUrl(ctx.home, routes.provider(id)));
    return [
      h('p', { className: 'breadcrumb', key: 'breadcrumb' }, h('a', { href: href(routes.directory()) }, 'Annuaire'), ' › ', view.name),
      h(
        'article',
        { key: 'profile' },
        h('h1', null, view.name),
        h('p', { className: 'lead' }, view.lead),
        h('h2', { className: 'visually-hidden' }, w.criteria),
        h(
          'ul',
          { className: 'inline-list badges' },
          view.badges.map((badge, i) => h('li', { key: i, className: i === 0 ? 'badge badge-strong' : 'badge' }, badge)),
        ),
        h(
          'section',
          { className: 'contact card' },
          h('h2', null, w.contact),
          h('p', { className: 'availability' }, view.availability),
          h(
            'ul',
            { className: 'plain-list' },
            h('li', null, `${w.email}${nbsp}: `, h('a', { href: `mailto:${view.contact.email}` }, view.contact.email)),
            view.contact.phone &&
              h('li', null, `${w.phone}${nbsp}: `, h('a', { href: `tel:${view.contact.phone.tel}` }, view.contact.phone.text)),
            view.contact.form &&
              h('li', null, h('a', { href: view.contact.form }, w.form, h('span', { className: 'visually-hidden' }, ` de ${view.name}`))),
            h('li', null, `${w.website}${nbsp}: `, h('a', { href: view.contact.website.url }, view.contact.website.text)),
          ),
        ),
        h('h2', null, w.presentation),
        h('div', { className: 'prose' }, props.widgetFor('body')),
        h(
          'div',
          { className: 'two-columns' },
          h('section', null, h('h2', null, w.services), linkList(view.services)),
          h(
            'section',
            null,
            h('h2', null, w.area),
            h(
              'ul',
              null,
              h('li', null, `${w.seat}${nbsp}: ${view.place}`),
              view.area.national && h('li', null, w.national),
              view.area.remote && h('li', null, w.remote),
              view.area.regions.map((r) =>
                h('li', { key: r.value }, `${w.region} `, h('a', { href: href(routes.facetValue(r.key, r.value)) }, r.label)),
              ),
              view.area.departments.length > 0 &&
                h(
                  'li',
                  null,
                  `${w.departments}${nbsp}: `,
                  view.area.departments.map((d, i) => [
                    i > 0 ? ', ' : null,
                    h('a', { key: d.value, href: href(routes.facetValue(d.key, d.value)) }, d.label),
                  ]),
                ),
            ),
            view.languages && h('p', null, `${w.languages}${nbsp}: ${view.languages}.`),
            h('h2', null, w.sizes),
            linkList(view.sizes),
          ),
        ),
        view.tools.length > 0 &&
          h(
            'section',
            null,
            h('h2', null, w.tools),
            h(
              'table',
              null,
              h('thead', null, h('tr', null, h('th', { scope: 'col' }, w.tool), h('th', { scope: 'col' }, w.replaces))),
              h(
                'tbody',
                null,
                view.tools.map((tool) =>
                  h(
                    'tr',
                    { key: tool.value },
                    h('th', { scope: 'row' }, h('a', { href: href(routes.facetValue(tool.key, tool.value)) }, tool.label)),
                    h('td', null, tool.replaces),
                  ),
                ),
              ),
            ),
          ),
        h(
          'section',
          null,
          h('h2', null, w.pricing),
          h('p', null, h('strong', null, view.pricing.summary)),
          view.pricing.details && h('p', null, view.pricing.details),
          view.pricing.url &&
            h(
              'p',
              null,
              h('a', { href: view.pricing.url }, w.pricingGrid, h('span', { className: 'visually-hidden' }, ` de ${view.name}`)),
            ),
        ),
        h(
          'section',
          null,
          h('h2', null, w.ratings),
          view.ratings.length > 0
            ? [
                h(
                  'table',
                  { className: 'ratings', key: 'table' },
                  h('caption', { className: 'muted' }, view.ratingsCaption),
                  h(
                    'thead',
                    null,
                    h(
                      'tr',
                      null,
                      h('th', { scope: 'col' }, w.question),
                      h('th', { scope: 'col', className: 'num' }, w.average),
                      view.ratingColumns.map((c) => h('th', { scope: 'col', className: 'num', key: c.label }, c.label)),
                    ),
                  ),
                  h(
                    'tbody',
                    null,
                    view.ratings.map((r) =>
                      h(
                        'tr',
                        { key: r.question },
                        h('th', { scope: 'row' }, r.question),
                        h(
                          'td',
                          { className: 'num average', 'data-label': w.average },
                          r.tenths !== undefined && h('span', { className: 'stars', 'aria-hidden': 'true', 'data-tenths': r.tenths }),
                          h('strong', null, r.average),
                          ' ',
                          h('span', { className: 'muted answers' }, r.answers),
                        ),
                        r.counts.map((c, i) =>
                          h(
                            'td',
                            { className: 'num count', 'data-label': view.ratingColumns[i]!.label, key: i },
                            c.count,
                            h('span', { className: 'bar', 'aria-hidden': 'true', 'data-tenths': c.tenths }),
                          ),
                        ),
                      ),
                    ),
                  ),
                ),
                h('p', { className: 'muted', key: 'method' }, view.ratingsMethod),
              ]
            : h('p', null, w.noRatings),
          view.recommendShare && h('p', null, view.recommendShare),
        ),
        h(
          'section',
          null,
          h('h2', null, view.recommendationsHeading),
          view.unpublished && h('p', null, view.unpublished),
          view.recommendations.map((r) =>
            recommendationBlock(r, props.widgetFor('body', undefined, data.set('body', bodies.get(r.id) ?? '')), r.id),
          ),
        ),
      ),
      h(
        'section',
        { className: 'review card', key: 'review' },
        h('h2', null, w.about),
        h('p', null, view.reviewed, view.stale && h('strong', null, ` ${staleness.profileNotice}`)),
        h(
          'p',
          null,
          frenchTypography(w.wrong),
          h(
            'a',
            { href: newIssueUrl(ctx.repository, error.title, error.body) },
            w.reportError,
            h('span', { className: 'visually-hidden' }, ` sur la fiche de ${view.name}`),
          ),
          w.forgeAccount,
          h('a', { href: mailUrl(ctx.contactEmail, error.title, error.body) }, w.writeCommittee),
          '.',
        ),
      ),
    ];
  }

  /** A provider's verified recommendations, from the published branch, as its profile counts them. */
  async function verifiedFor(props: PreviewProps, provider: string): Promise<Entry<Recommendation>[]> {
    const all = plainList(await props.getCollection('recommendations'));
    const mine = all.flatMap((item) => {
      const { body = '', ...fields } = plain(item.get('data'));
      if (fields.provider !== provider) return [];
      const parsed = recommendationSchema.safeParse(dropEmptyStrings(fields));
      if (!parsed.success) return [];
      const id = String(item.get('slug'));
      return [
        {
          id,
          file: String(item.get('path') ?? id),
          data: parsed.data,
          body: String(body),
          bodyLine: 1,
          locate: () => ({ line: 1, column: 1 }),
        },
      ];
    });
    return verifiedRecommendations(mine);
  }

  /** The name of a provider of the published branch, for a project's maker and a recommendation's heading. */
  async function providerName(props: PreviewProps, slug: string): Promise<string | undefined> {
    const found = (await props.getCollection('providers', slug)) as ImmutableMap | undefined;
    const name = found && plain(found.get('data')).name;
    return typeof name === 'string' ? frenchTypography(name) : undefined;
  }

  /**
   * A template whose page needs other entries (a provider's recommendations,
   * a project's maker): loaded once per key, then shown; the page is shown
   * meanwhile without them.
   */
  function withLoaded<T>(
    keyOf: (props: PreviewProps) => string | undefined,
    load: (props: PreviewProps, key: string) => Promise<T>,
    render: (props: PreviewProps, loaded: Loaded<T> | undefined) => unknown,
  ) {
    return createClass({
      getInitialState: () => ({ key: undefined, loaded: undefined }),
      componentDidMount(this: { load(): void }) {
        this.load();
      },
      componentDidUpdate(this: { load(): void }) {
        this.load();
      },
      load(this: { props: PreviewProps; state: { key?: string }; setState(s: object): void }) {
        const key = keyOf(this.props);
        if (key === undefined || key === this.state.key) return;
        this.setState({ key, loaded: { state: 'loading' } });
        load(this.props, key).then(
          (value) => this.state.key === key && this.setState({ loaded: { state: 'done', value } }),
          () => this.state.key === key && this.setState({ loaded: { state: 'failed' } }),
        );
      },
      render(this: { props: PreviewProps; state: { key?: string; loaded?: Loaded<T> } }) {
        const key = keyOf(this.props);
        return render(this.props, key !== undefined && key === this.state.key ? this.state.loaded : undefined);
      },
    });
  }

  const providerPreview = withLoaded<Entry<Recommendation>[]>(
    (props) => {
      const entry = entryOf(props, 'providers');
      // A new provider has no recommendation yet: nothing to load.
      return entry.isNew ? undefined : entry.slug;
    },
    verifiedFor,
    (props, loaded) => {
      const entry = entryOf(props, 'providers');
      const today = todayInFrance();
      const data = previewData(providerSchema, entry.fields, today);
      const verified = loaded?.state === 'done' ? loaded.value : [];
      const provider = listedProvider({ id: entry.slug, data, body: entry.body }, verified, criteria, today);
      const view = profileView(provider, { label, vocabularies: ctx.taxonomies });
      const bodies = new Map(verified.map((r) => [r.id, r.body]));
      return h(
        'div',
        null,
        problemsNote('providers', entry),
        loaded?.state === 'loading' &&
          h('p', { className: PREVIEW_NOTE, role: 'status' }, 'Chargement des recommandations vérifiées de la structure…'),
        loaded?.state === 'failed' &&
          h(
            'p',
            { className: PREVIEW_NOTE, role: 'status' },
            'Les recommandations de la structure n’ont pas pu être lues : l’aperçu les laisse de côté.',
          ),
        profile(view, entry.slug, props, bodies),
      );
    },
  );

  const recommendationPreview = withLoaded<string | undefined>(
    (props) => {
      const provider = plain(props.entry.get('data')).provider;
      return typeof provider === 'string' && provider ? provider : undefined;
    },
    providerName,
    (props, loaded) => {
      const entry = entryOf(props, 'recommendations');
      const data = previewData(recommendationSchema, entry.fields, todayInFrance());
      const name = loaded?.state === 'done' && loaded.value ? loaded.value : data.provider;
      const where = `sur la fiche « ${name} »`;
      const status = data.verification.status;
      const note =
        status === 'verified'
          ? `Vérifiée : elle paraît ainsi ${where}${published.has(data.provider) ? '' : ', publiée avec elle'}.`
          : status === 'pending'
            ? `En attente de vérification : une fois vérifiée par le comité, elle paraîtra ainsi ${where}.`
            : `Refusée : elle n’est pas affichée ${where}.`;
      return h(
        'div',
        null,
        problemsNote('recommendations', entry),
        h('p', { className: PREVIEW_NOTE, role: 'note' }, frenchTypography(note)),
        recommendationBlock(recommendationView({ id: entry.slug, data }, label), props.widgetFor('body')),
      );
    },
  );

  const projectPreview = withLoaded<string | undefined>(
    (props) => {
      const maker = plain(props.entry.get('data')).maker;
      return typeof maker === 'string' && published.has(maker) ? maker : undefined;
    },
    providerName,
    (props, loaded) => {
      const entry = entryOf(props, 'projects');
      const today = todayInFrance();
      const data = previewData(projectSchema, entry.fields, today);
      const makerName = loaded?.state === 'done' ? loaded.value : undefined;
      const maker = data.maker && published.has(data.maker) ? { id: data.maker, data: { name: makerName ?? data.maker } } : undefined;
      const view = projectView(
        { data, funding: fundingProgress(data), maker },
        {
          today,
          need: {
            pageUrl: absoluteUrl(ctx.home, routes.project(entry.slug)),
            repository: ctx.repository,
            committeeEmail: ctx.contactEmail,
          },
        },
      );
      return h('div', null, problemsNote('projects', entry), project(view, props));
    },
  );

  function project(view: ProjectView, props: PreviewProps) {
    const w = projectWords;
    return [
      h('p', { className: 'breadcrumb', key: 'breadcrumb' }, h('a', { href: href(routes.projects()) }, 'Projets'), ' › ', view.title),
      h('h1', { key: 'title' }, view.title),
      h(
        'ul',
        { className: 'inline-list', key: 'badges' },
        h('li', { className: 'badge status' }, view.status),
        h('li', { className: 'badge' }, view.kind),
      ),
      h('p', { className: 'lead', key: 'lead' }, view.summary),
      h(
        'section',
        { className: 'contribute card', key: 'contribute' },
        h('h2', null, w.contribute),
        view.contribute.paragraphs.map((parts, i) => h('p', { key: i }, inline(parts))),
        view.contribute.button &&
          h('p', null, h('a', { className: 'button', href: view.contribute.button.url }, view.contribute.button.text)),
      ),
      view.need &&
        h(
          'section',
          { className: 'need card', key: 'need' },
          h('h2', null, view.need.heading),
          view.need.supporters
            ? [
                h('p', { key: 'count' }, view.need.supporters.count),
                h(
                  'ul',
                  { className: 'supporters', key: 'names' },
                  view.need.supporters.names.map((name, i) => h('li', { key: i }, name)),
                ),
              ]
            : h('p', null, view.need.none),
          h('p', null, view.need.explain),
          h('p', null, h('a', { className: 'button', href: view.need.button.url }, view.need.button.text)),
          h('p', { className: 'muted' }, inline(view.need.alternative)),
        ),
      view.funding &&
        h(
          'section',
          { key: 'funding' },
          h('h2', null, w.funding),
          h(
            'div',
            { className: 'funding' },
            h('label', { htmlFor: 'financement-barre' }, view.funding.progress.label),
            h(
              'progress',
              { id: 'financement-barre', max: view.funding.progress.max, value: view.funding.progress.value },
              view.funding.progress.percent,
            ),
            h('p', { className: 'muted' }, view.funding.progress.paid),
          ),
          view.funding.deadline && h('p', null, view.funding.deadline),
          h('p', null, view.funding.counts),
          view.funding.pledges.length > 0 &&
            h(
              'table',
              { className: 'pledges' },
              h('caption', null, w.pledges),
              h(
                'thead',
                null,
                h(
                  'tr',
                  null,
                  h('th', { scope: 'col' }, w.funder),
                  h('th', { scope: 'col', className: 'num' }, w.amount),
                  h('th', { scope: 'col' }, w.date),
                  h('th', { scope: 'col' }, w.paid),
                ),
              ),
              h(
                'tbody',
                null,
                view.funding.pledges.map((p, i) =>
                  h(
                    'tr',
                    { key: i },
                    h('th', { scope: 'row' }, p.funder),
                    h('td', { className: 'num', 'data-label': w.amount }, p.amount),
                    h('td', { 'data-label': w.date }, p.date),
                    h('td', { 'data-label': w.paid }, p.paid),
                  ),
                ),
              ),
            ),
        ),
      view.milestones &&
        h(
          'section',
          { key: 'milestones' },
          h('h2', null, view.milestones.heading),
          h(
            'ol',
            { className: 'milestones' },
            view.milestones.items.map((m, i) =>
              h('li', { key: i }, h('strong', null, m.title), m.details, h('span', { className: m.done ? 'done' : undefined }, m.state)),
            ),
          ),
        ),
      h(
        'section',
        { key: 'details' },
        h('h2', null, w.details),
        h(
          'dl',
          { className: 'facts' },
          view.facts.map((fact) => [
            h('dt', { key: `${fact.term}-term` }, fact.term),
            h(
              'dd',
              { key: `${fact.term}-value` },
              'list' in fact
                ? h(
                    'ul',
                    { className: 'plain-list' },
                    fact.list.map((item, i) => h('li', { key: i }, item)),
                  )
                : inline(fact.value),
            ),
          ]),
        ),
        h('div', { className: 'prose' }, props.widgetFor('body')),
      ),
    ];
  }

  cms.registerPreviewTemplate('providers', providerPreview);
  cms.registerPreviewTemplate('recommendations', recommendationPreview);
  cms.registerPreviewTemplate('projects', projectPreview);
}

/** Decap's list of entries (an Immutable List, or an array), as an array of entry maps. */
function plainList(value: unknown): ImmutableMap[] {
  if (Array.isArray(value)) return value as ImmutableMap[];
  const list = value as { toArray?: () => ImmutableMap[] } | undefined;
  return list?.toArray?.() ?? [];
}
