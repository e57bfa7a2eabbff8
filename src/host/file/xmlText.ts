/**
 * Escapes text for an XML attribute value or element content (`&`, `<`, `>`, `"`, `'`), and drops the
 * control characters XML 1.0 cannot hold at all.
 *
 * @example xmlText('Sales & "Profit"') === 'Sales &amp; &quot;Profit&quot;'
 */
export function xmlText(text: string): string {
  return withoutForbiddenCharacters(text)
    .replace(/&/gu, '&amp;')
    .replace(/</gu, '&lt;')
    .replace(/>/gu, '&gt;')
    .replace(/"/gu, '&quot;')
    .replace(/'/gu, '&apos;');
}

function isForbidden(code: number): boolean {
  return (
    (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0xfffe || code === 0xffff
  );
}

function withoutForbiddenCharacters(text: string): string {
  for (let index = 0; index < text.length; index++) {
    if (isForbidden(text.charCodeAt(index))) {
      return Array.from(text)
        .filter((char) => !isForbidden(char.charCodeAt(0)))
        .join('');
    }
  }
  return text;
}

/** Reverses {@link xmlText} for the five predefined entities and numeric character references. */
export function xmlUnescape(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#x[0-9a-fA-F]+|#[0-9]+);/gu, (_, entity: string) => {
    switch (entity) {
      case 'amp':
        return '&';
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      default:
        return String.fromCodePoint(
          entity.startsWith('#x') ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10),
        );
    }
  });
}
