// Claim checks from every tab, one at a time. Each check is bounded (`PAGE_CHECK_BUDGET_MS`), but three tabs that each
// fill their budget back to back would still hold the popup's search up; so checks take turns across tabs, with a
// pause between two checks in which other messages (a search, a card) are answered, and a tab's newer check replaces
// the one it has waiting, so no tab can queue more than one.

/** Why a waiting check was dropped: the same tab asked again (it reloaded, or its settings changed). */
export class SupersededCheck extends Error {
  constructor() {
    super('Sourcelight: a newer claim check from this tab replaced this one.');
    this.name = 'SupersededCheck';
  }
}

interface Waiting {
  run: () => unknown;
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
}

export class TurnQueue {
  /** Waiting checks by tab, in the order their tabs asked: a tab served goes to the back when it asks again. */
  private readonly waiting = new Map<string, Waiting>();
  private busy = false;

  /** `pause` lets the event loop answer other messages between two checks. */
  constructor(private readonly pause: (next: () => void) => void = (next) => setTimeout(next, 0)) {}

  /** Runs `check` when the tab's turn comes; a check the tab already has waiting is dropped with `SupersededCheck`. */
  enqueue<T>(tab: string, check: () => T): Promise<T> {
    this.waiting.get(tab)?.reject(new SupersededCheck());
    this.waiting.delete(tab);
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(tab, { run: check, resolve: resolve as (value: unknown) => void, reject });
      this.next();
    });
  }

  /** How many checks are waiting (for tests and the bench). */
  get size(): number {
    return this.waiting.size;
  }

  private next(): void {
    if (this.busy) return;
    this.busy = true;
    this.pause(() => {
      const first = this.waiting.entries().next();
      if (first.done === true) {
        this.busy = false;
        return;
      }
      const [tab, waiting] = first.value;
      this.waiting.delete(tab);
      try {
        waiting.resolve(waiting.run());
      } catch (error) {
        waiting.reject(error);
      }
      this.busy = false;
      this.next();
    });
  }
}
