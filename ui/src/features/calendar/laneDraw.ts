// A lane's session blocks and gap marks, drawn into the DOM from their looks (laneLook.ts). Each
// element is kept under its key and touched only where its look changed; the selection's classes
// are set apart (`mark`), so selecting a session touches two blocks.
import type { Severity } from "../../bindings";
import { severityIconNode } from "../../components/Severity";
import { badgeNode } from "../findings/FindingBadge";
import { staying } from "./moves";
import { blockClasses, sameLook, type BlockLook, type GapLook } from "./laneLook";

interface Drawn<L> {
  el: HTMLElement;
  look: L;
}

/** Puts `els` into `root` in that order (the others already went from `root`), moving as few as
 * the new order allows (see `staying`): a block that keeps its place keeps its focus. */
function order(root: HTMLElement, els: readonly HTMLElement[]): void {
  const now = new Map<Node, number>();
  let i = 0;
  for (let n = root.firstChild; n; n = n.nextSibling) now.set(n, i++);
  const stay = staying(els.map((el) => now.get(el) ?? -1));
  let after: HTMLElement | null = null;
  for (let k = els.length - 1; k >= 0; k--) {
    if (!stay[k]) root.insertBefore(els[k], after);
    after = els[k];
  }
}

/**
 * Places a block or mark by its `style` attribute, not through `el.style`: an element whose style
 * was once read or written through the CSSOM keeps a style declaration object for as long as it
 * lives, about 2 KB each in WebKit (measured: 3,000 positioned elements, 14 MiB through
 * `el.style`, 7 MiB through the attribute), and a crowded day draws over a thousand.
 */
function place(el: HTMLElement, left: number, width: string): void {
  el.setAttribute("style", `left:${left}%;width:${width}`);
}

function span(cls: string, text: string): HTMLSpanElement {
  const s = document.createElement("span");
  s.className = cls;
  s.textContent = text;
  return s;
}

/**
 * Elements drawn from looks, one per key, in the order of the last `draw`: an element is made
 * for a new key, painted again only when its look changed (`paint` is given the look it had), and
 * taken out with its key.
 */
export class Layer<K, L extends object> {
  private drawn = new Map<K, Drawn<L>>();

  constructor(
    private root: HTMLElement,
    private make: (key: K) => HTMLElement,
    private paint: (el: HTMLElement, key: K, look: L, was: L | undefined) => void,
  ) {}

  draw(items: readonly { key: K; look: L }[]): void {
    const next = new Map<K, Drawn<L>>();
    const els: HTMLElement[] = [];
    for (const { key, look } of items) {
      let d = this.drawn.get(key);
      if (!d) {
        d = { el: this.make(key), look };
        this.paint(d.el, key, look, undefined);
      } else if (!sameLook(d.look, look)) {
        this.paint(d.el, key, look, d.look);
        d.look = look;
      }
      next.set(key, d);
      els.push(d.el);
    }
    for (const [k, d] of this.drawn) if (!next.has(k)) d.el.remove();
    this.drawn = next;
    order(this.root, els);
  }

  get(key: K): Drawn<L> | undefined {
    return this.drawn.get(key);
  }
}

/** A lane's session blocks, keyed by session id. */
export class BlockLayer {
  private layer: Layer<string, BlockLook>;
  private selected: string | null = null;
  private flashed: string | null = null;

  constructor(root: HTMLElement) {
    this.layer = new Layer(root, makeBlock, (el, id, look, was) => this.paint(el, id, look, was));
  }

  /** Draws these blocks, in this order (the selection as last `mark`ed). */
  draw(blocks: readonly { key: string; look: BlockLook }[]): void {
    this.layer.draw(blocks);
  }

  /** Marks the selected and the flashing session (either may be on another lane, or none). */
  mark(selected: string | null, flashed: string | null): void {
    const touched = [this.selected, this.flashed, selected, flashed];
    this.selected = selected;
    this.flashed = flashed;
    for (const id of touched) {
      const d = id === null ? undefined : this.layer.get(id);
      if (d) this.paintMarks(d.el, id as string, d.look);
    }
  }

  private paintMarks(el: HTMLElement, id: string, look: BlockLook): void {
    const c = blockClasses(look, id === this.selected, id === this.flashed);
    if (el.className !== c) el.className = c;
    const pressed = id === this.selected ? "true" : "false";
    if (el.getAttribute("aria-pressed") !== pressed) el.setAttribute("aria-pressed", pressed);
  }

  private paint(el: HTMLElement, id: string, look: BlockLook, was: BlockLook | undefined): void {
    this.paintMarks(el, id, look);
    if (was?.tip !== look.tip) el.title = look.tip;
    if (was?.label !== look.label) {
      if (look.label === null) el.removeAttribute("aria-label");
      else el.setAttribute("aria-label", look.label);
    }
    if (was?.left !== look.left || was?.width !== look.width) place(el, look.left, `${look.width}%`);
    if (!was || !sameText(was.text, look.text)) {
      const t = look.text;
      if (!t) el.replaceChildren();
      else {
        const badge = span("sb-badge", "");
        if (t.badge) badge.append(badgeNode(t.badge));
        el.replaceChildren(
          ...[span("sb-title", t.title), ...(t.times === null ? [] : [span("sb-times", t.times)]), badge],
        );
      }
    }
  }
}

function makeBlock(id: string): HTMLElement {
  const el = document.createElement("button");
  el.type = "button";
  el.dataset.testid = "session-block";
  el.dataset.sessionId = id;
  return el;
}

function sameText(a: BlockLook["text"], b: BlockLook["text"]): boolean {
  return a === b || (!!a && !!b && sameLook(a, b));
}

/** A lane's gap marks, keyed by their `Gap` (a gap that did not change keeps its object). */
export function gapLayer<K>(root: HTMLElement): Layer<K, GapLook> {
  return new Layer<K, GapLook>(root, makeGap, (el, _, look, was) => paintGap(el, look, was));
}

function makeGap(): HTMLElement {
  const el = document.createElement("div");
  el.dataset.testid = "short-gap";
  return el;
}

function paintGap(el: HTMLElement, look: GapLook, was: GapLook | undefined): void {
  if (was?.overlap !== look.overlap) el.className = look.overlap ? "gap-mark overlap" : "gap-mark";
  if (was?.left !== look.left || was?.width !== look.width) place(el, look.left, `max(3px, ${look.width}%)`);
  if (was?.tip !== look.tip) el.title = look.tip;
  if (was?.label !== look.label || was?.overlap !== look.overlap) {
    if (look.label === null) el.replaceChildren();
    else {
      const severity: Severity = look.overlap ? "error" : "warning";
      const l = document.createElement("span");
      l.className = "gap-label";
      l.append(severityIconNode(severity), ` ${look.label}`);
      el.replaceChildren(l);
    }
  }
}
