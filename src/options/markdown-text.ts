// Turns a Markdown document into the plain text the corpus compiler reads: the words stay, the syntax goes, and each
// paragraph, heading, list item or quoted paragraph becomes one line with a blank line after it, as in a .txt source.

/** Characters a backslash may escape in Markdown; hidden while the syntax is stripped so they stay literal. */
const ESCAPABLE = '\\`*_{}[]()#+-.!>|~<';
const ESCAPE_BASE = 0xe000;

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const ATX_HEADING = /^\s{0,3}#{1,6}(?:\s+(.*?))?(?:\s+#+)?\s*$/;
const THEMATIC_BREAK = /^\s{0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$/;
const SETEXT_UNDERLINE = /^\s{0,3}(?:=+|-+)\s*$/;
const LIST_ITEM = /^\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?/;
const BLOCKQUOTE = /^\s{0,3}>\s?/;
const REFERENCE_DEFINITION = /^\s{0,3}\[[^\]]+\]:\s*\S+.*$/;
const TABLE_DELIMITER = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|?\s*$/;
const HTML_COMMENT = /<!--[\s\S]*?-->/g;
const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)\s*(?:\r?\n|$)/;
/** The compiler's own header lines ("date 2024-03-12 Publisher", "url: https://…"), kept as lines of their own. */
const HEADER_LINE = /^\s*(?:date\s*:?\s*\d{4}-\d{2}-\d{2}\b.*|(?:url|source)\s*:?\s*https?:\/\/\S+)\s*$/i;

function hideEscapes(text: string): string {
  return text.replace(/\\([\\`*_{}[\]()#+\-.!>|~<])/g, (_, char: string) =>
    String.fromCharCode(ESCAPE_BASE + ESCAPABLE.indexOf(char)),
  );
}

function restoreEscapes(text: string): string {
  return text.replace(/[\ue000-\ue013]/g, (char) => ESCAPABLE[char.charCodeAt(0) - ESCAPE_BASE] ?? '');
}

/** One line's inline syntax (links, images, code, emphasis, tags) reduced to its words. */
function inlineText(line: string): string {
  return (
    line
      // Code first: what is inside backticks is literal.
      .replace(/(`+)(.+?)\1/g, (_, __, code: string) => code.trim())
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/!\[([^\]]*)\]\[[^\]]*\]/g, '$1')
      .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
      .replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1')
      .replace(/<\/?[A-Za-z][^>]*>/g, '')
      .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
      .replace(/\*(?=[^\s*])(.+?)(?<=[^\s*])\*/g, '$1')
      // An underscore emphasises only at a word's edge, so snake_case names keep theirs.
      .replace(/(^|[^\p{L}\p{N}_])_(?=\S)(.+?)(?<=\S)_(?![\p{L}\p{N}_])/gu, '$1$2')
      .replace(/~~(?=\S)(.+?)(?<=\S)~~/g, '$1')
      .replace(/[ \t]+/g, ' ')
      .trim()
  );
}

/** Front matter's title, date, publisher and address, as the header lines and title the compiler reads. */
function frontMatterLines(yaml: string): string[] {
  const fields = new Map<string, string>();
  for (const line of yaml.split(/\r?\n/)) {
    const field = /^([A-Za-z]+)\s*:\s*(.+?)\s*$/.exec(line);
    if (field?.[1] && field[2]) fields.set(field[1].toLowerCase(), field[2].replace(/^(["'])(.*)\1$/, '$2'));
  }
  const date = /^\d{4}-\d{2}-\d{2}/.exec(fields.get('date') ?? '')?.[0];
  const publisher = fields.get('publisher') ?? fields.get('source') ?? '';
  const url = fields.get('url');
  const title = fields.get('title');
  return [
    ...(date ? [`date ${date} ${publisher}`.trim()] : []),
    ...(url && /^https?:\/\/\S+$/.test(url) ? [`url: ${url}`] : []),
    ...(title ? [title] : []),
  ];
}

/**
 * The plain text of a Markdown document. Lines a paragraph wraps over are joined, because the compiler reads a line
 * as a paragraph; a code block keeps its lines.
 */
export function markdownToText(markdown: string): string {
  const frontMatter = FRONT_MATTER.exec(markdown);
  const body = frontMatter ? markdown.slice(frontMatter[0].length) : markdown;
  const lines = hideEscapes(body.replace(HTML_COMMENT, '')).split(/\r\n?|\n/);
  const blocks: string[] = frontMatter?.[1] !== undefined ? frontMatterLines(frontMatter[1]) : [];
  // Header lines opening the text are read by the compiler line by line, so they are not joined as a paragraph.
  while (lines.length > 0 && (lines[0]?.trim() === '' || HEADER_LINE.test(lines[0] ?? ''))) {
    const line = lines.shift()?.trim() ?? '';
    if (line !== '') blocks.push(restoreEscapes(line));
  }
  let paragraph: string[] = [];
  let fence: string | undefined;
  let code: string[] = [];

  const endParagraph = (): void => {
    const text = paragraph.map(inlineText).filter(Boolean).join(' ');
    if (text !== '') blocks.push(text);
    paragraph = [];
  };

  for (const raw of lines) {
    if (fence !== undefined) {
      if (raw.trim().startsWith(fence)) {
        if (code.some((line) => line.trim() !== '')) blocks.push(code.join('\n'));
        fence = undefined;
        code = [];
      } else code.push(raw.trimEnd());
      continue;
    }
    const fenceOpen = FENCE.exec(raw);
    if (fenceOpen?.[1] !== undefined) {
      endParagraph();
      fence = fenceOpen[1];
      continue;
    }
    // A quoted paragraph reads as a paragraph: only the marker goes.
    let line = raw;
    while (BLOCKQUOTE.test(line)) line = line.replace(BLOCKQUOTE, '');
    if (line.trim() === '') {
      endParagraph();
      continue;
    }
    if (SETEXT_UNDERLINE.test(line) && paragraph.length > 0) {
      endParagraph();
      continue;
    }
    if (THEMATIC_BREAK.test(line) || REFERENCE_DEFINITION.test(line) || TABLE_DELIMITER.test(line)) {
      endParagraph();
      continue;
    }
    const heading = ATX_HEADING.exec(line);
    if (heading) {
      endParagraph();
      paragraph = [heading[1] ?? ''];
      endParagraph();
      continue;
    }
    if (LIST_ITEM.test(line)) {
      endParagraph();
      line = line.replace(LIST_ITEM, '');
    }
    if (/^\s*\|.*\|\s*$/.test(line)) {
      // A table row: each row its own line.
      endParagraph();
      paragraph = [
        line
          .trim()
          .replace(/^\||\|$/g, '')
          .split('|')
          .map((cell) => cell.trim())
          .join(' '),
      ];
      endParagraph();
      continue;
    }
    paragraph.push(line);
  }
  if (fence !== undefined && code.some((line) => line.trim() !== '')) blocks.push(code.join('\n'));
  endParagraph();
  return restoreEscapes(blocks.join('\n\n'));
}
