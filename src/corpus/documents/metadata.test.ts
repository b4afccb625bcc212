import { describe, expect, it } from 'vitest';
import { documentIdFromName, findDocumentMetadata } from './metadata';

describe('findDocumentMetadata', () => {
  it('reads a date-and-publisher header and takes the title from the next line, without its dateline', () => {
    const meta = findDocumentMetadata(' date 2017-10-04 Iran Focus\n\nLondon, 4 Oct - MPs call for justice.\n', 'x');
    expect(meta).toEqual({ title: 'MPs call for justice.', date: '2017-10-04', publisher: 'Iran Focus' });
  });

  it('reads a signature block: the body before a closing date', () => {
    const meta = findDocumentMetadata(
      'A statement.\n\nJane Doe MP\n\nChair of the Committee for Clean Rivers\n\n5 March 2017',
      'x',
    );
    expect(meta.date).toBe('2017-03-05');
    expect(meta.publisher).toBe('Committee for Clean Rivers');
  });

  it('dates a report by the event it opens with', () => {
    expect(findDocumentMetadata('Title\n\nMPs met on Thursday, 10 September 2020, in London.', 'x').date).toBe(
      '2020-09-10',
    );
  });

  it('derives a stable id from the file name', () => {
    expect(documentIdFromName('corpus/000_7a97680c.txt')).toBe('000-7a97680c');
  });
});
