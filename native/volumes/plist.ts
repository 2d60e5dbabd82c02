/**
 * A parser for the XML property-list subset `diskutil info -plist` prints: dict, array, key,
 * string, integer, real, true, false, date, data. Pure; no DTD handling beyond skipping it.
 */
import { EngineError } from '../core/errors';

/** A parsed plist value; `date` stays an ISO string, `data` stays base64 text. */
export type PlistValue = string | number | boolean | PlistValue[] | { [key: string]: PlistValue };

type Token = { kind: 'open' | 'close' | 'empty'; name: string } | { kind: 'text'; text: string };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[e]!;
  });
}

function tokenize(xml: string): Token[] {
  const tokens: Token[] = [];
  // Declarations, doctype and comments are skipped; every other tag becomes a token.
  const re = /<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<![^>]*>|<(\/?)([A-Za-z][\w.-]*)[^>]*?(\/?)>/g;
  let last = 0;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    if (m.index > last) tokens.push({ kind: 'text', text: xml.slice(last, m.index) });
    last = re.lastIndex;
    if (!m[2]) continue;
    tokens.push({ kind: m[1] ? 'close' : m[3] ? 'empty' : 'open', name: m[2] });
  }
  if (last < xml.length) tokens.push({ kind: 'text', text: xml.slice(last) });
  return tokens;
}

function bad(what: string): EngineError {
  return new EngineError('BAD_INPUT', `The property list is malformed: ${what}.`, {
    hint: 'Run `diskutil info -plist <mount point>` by hand to see what it prints.',
  });
}

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  /** Next tag token, skipping whitespace-only text. */
  private nextTag(): Token | undefined {
    while (this.i < this.tokens.length) {
      const t = this.tokens[this.i++]!;
      if (t.kind !== 'text' || t.text.trim() !== '') return t;
    }
    return undefined;
  }

  /** Text up to the closing tag `name` (empty when the element closes at once). */
  private textUntilClose(name: string): string {
    let text = '';
    for (;;) {
      const t = this.tokens[this.i++];
      if (!t) throw bad(`<${name}> is never closed`);
      if (t.kind === 'text') text += t.text;
      else if (t.kind === 'close' && t.name === name) return decodeEntities(text);
      else throw bad(`unexpected <${t.name}> inside <${name}>`);
    }
  }

  value(tag = this.nextTag()): PlistValue {
    if (!tag || tag.kind === 'text') throw bad('a value was expected');
    if (tag.kind === 'close') throw bad(`unexpected </${tag.name}>`);
    const empty = tag.kind === 'empty';
    switch (tag.name) {
      case 'true':
      case 'false':
        if (!empty) this.textUntilClose(tag.name);
        return tag.name === 'true';
      case 'string':
      case 'date':
      case 'data':
        return empty
          ? ''
          : tag.name === 'data'
            ? this.textUntilClose(tag.name).replace(/\s+/g, '')
            : this.textUntilClose(tag.name);
      case 'integer':
      case 'real': {
        const n = Number(empty ? '' : this.textUntilClose(tag.name).trim());
        if (empty || !Number.isFinite(n)) throw bad(`<${tag.name}> holds no number`);
        return n;
      }
      case 'array': {
        const items: PlistValue[] = [];
        if (empty) return items;
        for (let t = this.nextTag(); !(t?.kind === 'close' && t.name === 'array'); t = this.nextTag()) {
          items.push(this.value(t));
        }
        return items;
      }
      case 'dict': {
        const dict: { [key: string]: PlistValue } = {};
        if (empty) return dict;
        for (let t = this.nextTag(); !(t?.kind === 'close' && t.name === 'dict'); t = this.nextTag()) {
          if (t?.kind !== 'open' || t.name !== 'key') throw bad('<key> expected in <dict>');
          const key = this.textUntilClose('key');
          dict[key] = this.value();
        }
        return dict;
      }
      default:
        throw bad(`<${tag.name}> is not a plist element`);
    }
  }

  document(): PlistValue {
    const first = this.nextTag();
    if (first?.kind === 'open' && first.name === 'plist') {
      const v = this.value();
      const end = this.nextTag();
      if (end?.kind !== 'close' || end.name !== 'plist') throw bad('</plist> expected after the value');
      return v;
    }
    return this.value(first);
  }
}

/** Parses an XML property list; throws EngineError BAD_INPUT on anything it cannot read. */
export function parsePlist(xml: string): PlistValue {
  return new Parser(tokenize(xml)).document();
}
