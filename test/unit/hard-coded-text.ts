// Finds user-facing English written into the UI's code and markup instead of the locale files: what a reader would see
// or a screen reader would say that no translator can reach. Read by the TypeScript parser and a DOM parser, not by
// regular expressions over lines, so that a string is judged by where it goes.
import { parseHTML } from 'linkedom';
import ts from 'typescript';

/** Where a string is shown or spoken: the attributes a reader sees or hears. */
const SHOWN_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'title',
  'placeholder',
  'alt',
]);
/** DOM properties whose assigned text is shown. */
const SHOWN_PROPERTIES = new Set(['textContent', 'innerText', 'title', 'placeholder', 'ariaLabel', 'alt', 'label']);
/** Methods whose string arguments are code: selectors, event and element names. */
const CODE_METHODS = new Set([
  'querySelector',
  'querySelectorAll',
  'closest',
  'matches',
  'addEventListener',
  'removeEventListener',
  'createElement',
  'createElementNS',
  'getElementById',
  'byId',
]);
/** Methods whose string arguments become text in the page. */
const TEXT_METHODS = new Set([
  'append',
  'prepend',
  'replaceChildren',
  'before',
  'after',
  'createTextNode',
  'success',
  'error',
]);
/** Attributes and options that hold code, never prose (class lists, roles, link relations, ids…). */
const CODE_KEYS = new Set([
  'class',
  'className',
  'type',
  'role',
  'id',
  'rel',
  'target',
  'href',
  'src',
  'for',
  'name',
  'value',
  'kind',
  'flag',
  'rule',
  'op',
  'group',
  'autocomplete',
  'inputmode',
  'spellcheck',
  'accept',
  'dir',
  'tabindex',
  'download',
  'focusable',
  'viewBox',
  'text-anchor',
]);
/** Names and marks that read the same in every language. */
const UNTRANSLATED = /^(?:Sourcelight|SHA-256|Ed25519|CSV|JSON|UTF-8)$/;

/** Words of letters: what makes a string something to translate. */
const WORDS = /[A-Za-z]{2,}/;
/**
 * A string that reads as English prose wherever it stands: two words, or a capitalised word ("Person"), or a word
 * that ends a sentence. Identifiers, class lists, MIME types and file names are none of these.
 */
const PROSE = /(?<![\w./-])[A-Za-z]{2,}[ ,;:]+[A-Za-z]{2,}(?![\w./-])|^[A-Z][a-z]{2,}$|[A-Za-z]{2,}[.!?…]$/;

/** Markup and selectors ('<body>', 'meta[property="og:url"]'), which prose outside the UI's sinks never holds. */
const MARKUP = /[<>[\]{}=]/;

export interface Finding {
  line: number;
  text: string;
}

/** The text a template or string literal holds, with each `${…}` as "…". */
function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return [node.head.text, ...node.templateSpans.map((span) => `…${span.literal.text}`)].join('');
  return null;
}

const keyName = (name: ts.PropertyName): string | null =>
  ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name) ? name.text : null;

/** The name a call is made by: `el`, `success` in `notice.success`, `log` in `console.log`. */
function calleeName(call: ts.CallExpression | ts.NewExpression): string | null {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return null;
}

const isConsole = (call: ts.CallExpression): boolean =>
  ts.isPropertyAccessExpression(call.expression) &&
  ts.isIdentifier(call.expression.expression) &&
  call.expression.expression.text === 'console';

/** The literal itself, or the conditional or `??` / `||` that chooses it: a string's place is its chooser's. */
function placeOf(node: ts.Node): ts.Node {
  let at = node;
  while (
    at.parent &&
    (ts.isParenthesizedExpression(at.parent) ||
      (ts.isConditionalExpression(at.parent) && at.parent.condition !== at) ||
      (ts.isBinaryExpression(at.parent) &&
        [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken].includes(at.parent.operatorToken.kind)))
  )
    at = at.parent;
  return at;
}

type Verdict = 'code' | 'shown' | 'unknown';

/** Whether the place a string stands in shows it to the reader, makes it code, or says neither. */
function judge(node: ts.Node): Verdict {
  const at = placeOf(node);
  const parent = at.parent;
  if (!parent) return 'unknown';
  if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isLiteralTypeNode(parent)) return 'code';
  if (ts.isCaseClause(parent) || ts.isElementAccessExpression(parent)) return 'code';
  if (
    ts.isBinaryExpression(parent) &&
    [
      ts.SyntaxKind.EqualsEqualsEqualsToken,
      ts.SyntaxKind.ExclamationEqualsEqualsToken,
      ts.SyntaxKind.EqualsEqualsToken,
      ts.SyntaxKind.ExclamationEqualsToken,
    ].includes(parent.operatorToken.kind)
  )
    return 'code';
  if (ts.isPropertyAssignment(parent)) {
    if (parent.name === at) return 'code';
    const key = keyName(parent.name);
    if (key === null) return 'unknown';
    if (SHOWN_ATTRIBUTES.has(key)) return 'shown';
    return CODE_KEYS.has(key) || key.startsWith('data-') || key.startsWith('aria-') ? 'code' : 'unknown';
  }
  // An error class's name ("BuildCancelled") is code.
  if (ts.isPropertyDeclaration(parent) && parent.initializer === at && keyName(parent.name) === 'name') return 'code';
  if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && parent.right === at)
    return ts.isPropertyAccessExpression(parent.left) && SHOWN_PROPERTIES.has(parent.left.name.text)
      ? 'shown'
      : 'unknown';
  if (ts.isCallExpression(parent) || ts.isNewExpression(parent)) {
    if (ts.isCallExpression(parent) && isConsole(parent)) return 'code';
    const name = calleeName(parent);
    const index = parent.arguments?.indexOf(at as ts.Expression) ?? -1;
    if (index < 0) return 'unknown';
    if (ts.isNewExpression(parent)) return name?.endsWith('Error') && index === 0 ? 'shown' : 'unknown';
    if (name === 'el') return index >= 2 ? 'shown' : 'code';
    if (name === 'setAttribute' || name === 'getAttribute' || name === 'removeAttribute' || name === 'hasAttribute') {
      if (index === 0) return 'code';
      const attribute = parent.arguments[0];
      return attribute && ts.isStringLiteral(attribute) && SHOWN_ATTRIBUTES.has(attribute.text) ? 'shown' : 'code';
    }
    if (name !== null && TEXT_METHODS.has(name)) return 'shown';
    if (name !== null && CODE_METHODS.has(name)) return 'code';
  }
  return 'unknown';
}

/** Lines that say why their string is not for readers: `// i18n-exempt: <why>` on the line or the one above. */
function exemptLines(source: ts.SourceFile): Set<number> {
  const lines = new Set<number>();
  source.text.split('\n').forEach((line, i) => {
    if (/\/\/ i18n-exempt: \S/.test(line)) lines.add(i).add(i + 1);
  });
  return lines;
}

/** The user-facing English in a TypeScript file's code. */
export function hardCodedTextInCode(code: string, fileName = 'file.ts'): Finding[] {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true);
  const exempt = exemptLines(source);
  const found: Finding[] = [];
  const visit = (node: ts.Node): void => {
    const text = literalText(node);
    if (text !== null) {
      const line = source.getLineAndCharacterOfPosition(node.getStart()).line;
      const verdict = judge(node);
      const english =
        verdict === 'shown' ? WORDS.test(text) : verdict === 'unknown' && !MARKUP.test(text) && PROSE.test(text.trim());
      if (english && !UNTRANSLATED.test(text.trim()) && !exempt.has(line)) found.push({ line: line + 1, text });
      // A template's own parts are judged with it; its `${…}` expressions are code of their own.
      if (!ts.isTemplateExpression(node)) return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Attributes of an HTML page that a reader sees or hears, beside the one that names their messages. */
const LOOKS_LIKE_ADDRESS = /^(?:https?:\/\/\S+|[\w-]+(?:\.[\w-]+)+)$/;

/**
 * The user-facing English in an HTML page: text not set by `data-i18n` (its element's, or its parent's where the
 * element is code inside a message), and shown attributes not named in `data-i18n-attributes`. An address as an
 * example ("https://example.org/pack.json") is not English.
 */
export function hardCodedTextInPage(html: string): string[] {
  const { document } = parseHTML(html);
  const found: string[] = [];
  for (const element of document.querySelectorAll('*')) {
    if (['SCRIPT', 'STYLE'].includes(element.tagName)) continue;
    const localised =
      element.hasAttribute('data-i18n') ||
      (['CODE', 'KBD'].includes(element.tagName) && element.parentElement?.hasAttribute('data-i18n') === true);
    for (const node of element.childNodes)
      if (node.nodeType === 3 && WORDS.test(node.textContent ?? '') && !localised)
        found.push((node.textContent ?? '').trim());
    const named = new Set(
      (element.getAttribute('data-i18n-attributes') ?? '')
        .split(/\s+/)
        .map((pair) => pair.split(':')[0])
        .filter(Boolean),
    );
    for (const attribute of SHOWN_ATTRIBUTES) {
      const value = element.getAttribute(attribute);
      if (value !== null && WORDS.test(value) && !named.has(attribute) && !LOOKS_LIKE_ADDRESS.test(value.trim()))
        found.push(`${attribute}="${value}"`);
    }
  }
  return found;
}
