import { useEffect } from 'react';

/**
 * Keeps the projector's computer from dimming or sleeping through a long agenda item (Screen Wake
 * Lock API). The browser drops the lock when the tab is hidden, so it is asked again on return;
 * where the API is missing or refused the page works as before.
 */
export function useScreenWakeLock(): void {
  useEffect(() => {
    let lock: WakeLockSentinel | undefined;
    let released = false;
    const request = async () => {
      if (released || document.visibilityState !== 'visible' || !('wakeLock' in navigator)) return;
      try {
        lock = await navigator.wakeLock.request('screen');
      } catch {
        // Refused (battery saver, policy): the screen may sleep, nothing else changes.
      }
    };
    void request();
    document.addEventListener('visibilitychange', request);
    return () => {
      released = true;
      document.removeEventListener('visibilitychange', request);
      void lock?.release().catch(() => undefined);
    };
  }, []);
}
