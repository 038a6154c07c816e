import { useEffect, useRef } from 'react';

/**
 * Moves focus to an element when it appears (a step's heading, with tabIndex -1), so that a
 * keyboard or screen-reader user who pressed "continue" lands on the new step, not on the page's top.
 */
export function useFocusOnMount<T extends HTMLElement>(enabled = true) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (enabled) ref.current?.focus();
    // Once, when the element appears.
  }, []);
  return ref;
}
