import { Parser } from 'htmlparser2';
import { isEmbed } from '../../src/domain/routes.ts';

/**
 * A corpus of hostile contributions. Bodies carrying markup or dangerous links
 * must be refused by the check; strings smuggled through YAML fields (names,
 * cities, testimonies, URLs) pass the check but must reach pages as text.
 */

/** Markdown bodies the check must refuse, each named for the vector it carries. */
export const refusedBodies: Record<string, string> = {
  'script-tag': 'Texte <script>alert(1)</script>',
  'script-mixed-case': 'Texte <ScRiPt>alert(1)</sCrIpT>',
  'event-attribute': 'Texte <img src=x onerror=alert(1)>',
  'svg-onload': '<svg onload=alert(1)><circle r="1"/></svg>',
  iframe: '<iframe src="https://evil.example.org"></iframe>',
  style: '<style>body { display: none }</style>',
  'html-comment': 'Texte <!-- <script>alert(1)</script> -->',
  'html-link': '<a href="javascript:alert(1)">clic</a>',
  'javascript-link': '[clic](javascript:alert(1))',
  'javascript-mixed-case': '[clic](JaVaScRiPt:alert(1))',
  'javascript-entities': '[clic](&#106;avascript:alert(1))',
  'javascript-entity-inside': '[clic](java&#115;cript:alert(1))',
  'javascript-hex-entities': '[clic](&#x6A;&#x61;vascript:alert(1))',
  'javascript-leading-space': '[clic]( javascript:alert(1))',
  'javascript-angle-brackets': '[clic](<javascript:alert(1)>)',
  'javascript-autolink': '<javascript:alert(1)>',
  'javascript-reference': '[clic][lien]\n\n[lien]: javascript:alert(1)',
  'javascript-image': '![image](javascript:alert(1))',
  'vbscript-link': '[clic](vbscript:msgbox(1))',
  'data-link': '[clic](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  'data-image': '![image](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  'remote-image': '![pisteur](https://tracker.example.net/pixel.png)',
  'protocol-relative-link': '[clic](//evil.example.org/)',
  'http-link': '[clic](http://example.org/)',
  'bare-www-link': 'Voyez www.example.org pour en savoir plus.',
  'object-embed': '<object data="x.swf"></object><embed src="x.swf">',
  'form-injection': '<form action="https://evil.example.org"><input name="mdp"></form>',
  'meta-refresh': '<meta http-equiv="refresh" content="0;url=https://evil.example.org">',
};

/** Filler to reach the minimum length of a body without changing what it carries. */
export const FILLER =
  'Cette structure accompagne les associations de son territoire dans le choix, l’installation et la prise en main de logiciels libres, avec des formations adaptées aux bénévoles et une documentation claire. ';

/** Strings that are valid field values but must only ever appear as text. */
export const smuggled = {
  name: `<script>alert('nom')</script> Structure hostile (exemple)`,
  city: `"><img src=x onerror=alert('ville')>`,
  details: `<iframe src="javascript:alert('tarif')"></iframe>`,
  association: `<svg onload=alert('asso')> Association hostile (exemple)`,
  projectTitle: `</title><script>alert('projet')</script> Outil`,
  summary: `"'><script>alert('résumé')</script>`,
  testimony: `Nous recommandons &lt;script&gt;alert('entité')&lt;/script&gt; et \`<script>alert('code')</script>\` sans crainte. `,
  // Quotes and chevrons are refused in addresses: what is left is percent-encoded, and must stay inert.
  website: `https://hostile.example.org/%22%3E%3Cscript%3Ealert(%27url%27)%3C/script%3E`,
  funder: `<img src=x onerror=alert('financeur')>`,
};

/**
 * What a browser would run in this HTML: inline or foreign scripts carrying a
 * payload, event attributes, dangerous URL schemes, frames and embeds, meta
 * refreshes, and JSON-LD blocks that a string broke out of. A frame of one of
 * the site's own embeds (`/integrer/reseau/…`) is the site's, not a finding. Parsed as a
 * browser parses it, so text and quoted attribute values are not mistaken
 * for markup.
 */
export function executableFindings(html: string, options: { xml?: boolean } = {}): string[] {
  const findings: string[] = [];
  let script: { type: string; text: string } | undefined;
  let description: string | undefined;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (options.xml) {
          if (name === 'description') description = '';
          return;
        }
        if (name === 'script') {
          script = { type: attributes.type ?? '', text: '' };
          const src = attributes.src?.trim() ?? '';
          if (src && !/^\/(?!\/)/.test(src)) findings.push(`<script src="${src}"> hors du site`);
        }
        // The one frame the site draws itself: the guide /integrer/ previews one of its own embeds.
        const ownEmbed = name === 'iframe' && /^\/(?!\/)/.test(attributes.src ?? '') && isEmbed(attributes.src!.slice(1));
        if (['iframe', 'frame', 'object', 'embed', 'applet', 'base'].includes(name) && !ownEmbed) findings.push(`<${name}>`);
        if (name === 'meta' && /refresh/i.test(attributes['http-equiv'] ?? '')) findings.push('<meta http-equiv="refresh">');
        for (const [attribute, value] of Object.entries(attributes)) {
          if (/^on/i.test(attribute)) findings.push(`attribut d’événement ${attribute} sur <${name}>`);
          // Browsers ignore control characters and spaces inside a scheme.
          // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed here
          const scheme = value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
          if (/^(href|src|action|formaction|xlink:href|poster|data|srcdoc)$/i.test(attribute) && /^(javascript|vbscript|data:text\/html)/.test(scheme)) {
            findings.push(`${attribute}="${value.slice(0, 40)}" sur <${name}>`);
          }
        }
      },
      ontext(text) {
        if (script) script.text += text;
        if (description !== undefined) description += text;
      },
      onclosetag(name) {
        if (name === 'script' && script) {
          if (script.type === 'application/ld+json') {
            try {
              JSON.parse(script.text);
            } catch {
              findings.push('bloc JSON-LD rompu par une chaîne du contenu');
            }
          } else if (/alert\(/.test(script.text)) findings.push('script en ligne portant une chaîne du contenu');
          script = undefined;
        }
        if (options.xml && name === 'description' && description !== undefined) {
          // A feed reader renders the description as HTML.
          findings.push(...executableFindings(description).map((f) => `dans une description de flux : ${f}`));
          description = undefined;
        }
      },
    },
    { decodeEntities: true, xmlMode: options.xml ?? false, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return findings;
}
