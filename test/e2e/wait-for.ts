/** Polls until the callback returns a truthy value, or fails with the last value seen. */
export async function waitFor<T>(what: string, read: () => Promise<T | undefined | null | false | 0 | ''>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    const value = await read();
    if (value) return value;
    last = value;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`Timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
}
