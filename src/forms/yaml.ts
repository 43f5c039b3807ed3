/**
 * The entry file a form produces, written like the demo content: YAML front
 * matter (block maps, short lists on one line), then the Markdown body. A
 * small writer for the few shapes entries have keeps the YAML library out of
 * the browser; a text YAML could read as anything else is quoted.
 */

/** YAML words that are not text (YAML 1.1 included, for older readers). */
const RESERVED = /^(?:true|false|null|~|yes|no|on|off|y|n)$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function scalar(value: string | number | boolean | null, inList = false): string {
  if (value === null) return 'null';
  if (typeof value !== 'string') return String(value);
  const plain =
    value !== '' &&
    value === value.trim() &&
    !RESERVED.test(value) &&
    (DATE.test(value) || !/^[-+.]?\d/.test(value)) &&
    !/^[-?:,[\]{}#&*!|>'"%@`]/.test(value) &&
    !/[\n\r\t]|: |:$| #/.test(value) &&
    !(inList && /[,[\]{}]/.test(value));
  return plain ? value : JSON.stringify(value);
}

type Value = string | number | boolean | null | Value[] | { [key: string]: Value | undefined };

function isScalar(value: Value): value is string | number | boolean | null {
  return value === null || typeof value !== 'object';
}

function lines(data: { [key: string]: Value | undefined }, indent: string): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(data)) {
    if (value === undefined) continue;
    if (isScalar(value)) out.push(`${indent}${key}: ${scalar(value)}`);
    else if (Array.isArray(value)) {
      if (value.length === 0) out.push(`${indent}${key}: []`);
      else if (value.every(isScalar)) out.push(`${indent}${key}: [${value.map((v) => scalar(v as string, true)).join(', ')}]`);
      else {
        out.push(`${indent}${key}:`);
        for (const item of value) {
          const inner = isScalar(item) ? [`${indent}    ${scalar(item)}`] : lines(item as { [key: string]: Value }, `${indent}    `);
          out.push(`${indent}  - ${inner.join('\n').trimStart()}`);
        }
      }
    } else if (Object.keys(value).length === 0) out.push(`${indent}${key}: {}`);
    else {
      out.push(`${indent}${key}:`);
      out.push(...lines(value, `${indent}  `));
    }
  }
  return out;
}

/** `---`, the fields, `---`, the body. */
export function entryFile(data: Record<string, unknown>, body: string): string {
  const frontMatter = lines(data as { [key: string]: Value }, '').join('\n');
  return `---\n${frontMatter}\n---\n${body.trim()}\n`;
}
