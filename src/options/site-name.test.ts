import { describe, expect, it, vi } from 'vitest';

// settings.ts imports the extension API, which does not exist outside a browser; normaliseSite never calls it.
vi.mock('webextension-polyfill', () => ({ default: {} }));
const { normaliseSite } = await import('./site-name');

describe('normaliseSite', () => {
  it('keeps a plain hostname, lowercased', () => {
    expect(normaliseSite('News.Example.COM')).toBe('news.example.com');
  });
  it('strips the scheme, path, query, port and a leading www.', () => {
    expect(normaliseSite('HTTPS://www.Example.com:8080/a/b?c=d#e')).toBe('example.com');
    expect(normaliseSite('http://example.org')).toBe('example.org');
  });
  it('reads an address without a scheme', () => {
    expect(normaliseSite('  www.example.com/page.html ')).toBe('example.com');
    expect(normaliseSite('//example.net/x')).toBe('example.net');
  });
  it('accepts localhost and IP addresses', () => {
    expect(normaliseSite('localhost:3000')).toBe('localhost');
    expect(normaliseSite('127.0.0.1:8080/x')).toBe('127.0.0.1');
  });
  it('stores international names as the browser does, in punycode', () => {
    expect(normaliseSite('bücher.de')).toBe('xn--bcher-kva.de');
  });
  it('drops a trailing dot', () => {
    expect(normaliseSite('example.com.')).toBe('example.com');
  });
  it('refuses text that names no site', () => {
    for (const bad of ['', '   ', 'www.', 'not a site', 'http://', 'https://exa mple.com'])
      expect(normaliseSite(bad)).toBeNull();
  });
});
