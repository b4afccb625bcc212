/**
 * Drops roots inside other roots, and roots the page has removed: reading or highlighting the outer one covers them.
 * Linear in the nodes walked: each root walks up its ancestors only until it meets a node an earlier walk has passed,
 * whose answer is kept. (Testing every root against every other took 14 s for a page that appended 20,000
 * paragraphs.)
 */
export function outermost(roots: ReadonlySet<Element>): Element[] {
  const isRoot: ReadonlySet<Node> = roots;
  /** For each node walked so far, whether it or one of its ancestors is a root. */
  const covered = new Map<Node, boolean>();
  const insideRoot = (start: Node | null): boolean => {
    const path: Node[] = [];
    let answer = false;
    for (let node = start; node !== null; node = node.parentNode) {
      const known = covered.get(node);
      if (known !== undefined || isRoot.has(node)) {
        answer = known ?? true;
        break;
      }
      path.push(node);
    }
    for (const node of path) covered.set(node, answer);
    return answer;
  };
  return [...roots].filter((root) => root.isConnected && !insideRoot(root.parentNode));
}
