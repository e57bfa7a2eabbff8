import { xmlUnescape } from './xmlText';

/**
 * The attributes of one XML start tag by name (prefixed names as written, `r:id`), their values unescaped.
 *
 * @example xmlAttributes('<sheet name="A &amp; B" r:id="rId1"/>').get('name') // 'A & B'
 */
export function xmlAttributes(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of tag.matchAll(/([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/gu))
    attributes.set(match[1] ?? '', xmlUnescape(match[3] ?? match[4] ?? ''));
  return attributes;
}
