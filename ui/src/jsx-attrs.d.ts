// `attr:style="…"` sets the style attribute as text. Solid's `style` prop goes through the
// element's CSSOM declaration (`el.style`), which WebKit then keeps for the element's life (about
// 2 KB each): the calendar's lanes repeat their positioned marks hundreds of times.
import "solid-js";

declare module "solid-js" {
  namespace JSX {
    interface ExplicitAttributes {
      style: string;
    }
  }
}
