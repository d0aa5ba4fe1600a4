// Which elements of a reordered list can stay where they are: those whose old positions rise
// along the new order the longest way (a longest increasing subsequence). Moving only the
// others moves as few elements as the new order allows, so a block that keeps its place keeps
// its keyboard focus too.

/**
 * `at[i]`: where the i-th element of the new order stands now (-1: not there yet). Answers, for
 * each `i`, whether that element may stay.
 */
export function staying(at: readonly number[]): boolean[] {
  // tails[k]: the index (in `at`) ending the smallest-ending rising run of length k + 1.
  const tails: number[] = [];
  const prev = new Array<number>(at.length).fill(-1);
  for (let i = 0; i < at.length; i++) {
    const p = at[i];
    if (p < 0) continue;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (at[tails[mid]] < p) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1];
    tails[lo] = i;
  }
  const out = new Array<boolean>(at.length).fill(false);
  for (let i = tails.length ? tails[tails.length - 1] : -1; i >= 0; i = prev[i]) out[i] = true;
  return out;
}
