/**
 * A member of Parliament's role as the sources give it on a day: party and seat ("Labour MP for Birmingham, Selly
 * Oak"), or party and kind of peerage ("Crossbench member of the House of Lords (life peer)"). One wording for the
 * question blocks the compiler reads and the written questions Parliament exports.
 */
export function memberRole(
  house: 'commons' | 'lords',
  party: string | null | undefined,
  seat: string | null | undefined,
): string | undefined {
  if (!party && !seat) return undefined;
  if (house === 'lords')
    return `${party ? `${party} member` : 'Member'} of the House of Lords${seat ? ` (${seat.toLowerCase()})` : ''}`;
  return `${party ? `${party} MP` : 'MP'}${seat ? ` for ${seat}` : ''}`;
}
