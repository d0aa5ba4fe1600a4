// The About box's licence list: counts per licence and the search over components.
import type { Component } from "../bindings";

/** How many components each licence covers, most used first (then by name). */
export function licenceCounts(list: readonly Component[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const c of list) counts.set(c.licence, (counts.get(c.licence) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** The components whose name or licence holds every word of `query` (any case). */
export function matching(list: readonly Component[], query: string): Component[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...list];
  return list.filter((c) => {
    const hay = `${c.name} ${c.version ?? ""} ${c.licence}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}
