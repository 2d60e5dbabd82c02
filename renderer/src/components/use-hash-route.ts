/**
 * Minimal hash routing (#/custody): works the same under app:// and http://, survives reloads,
 * and keeps the browser's back button meaningful without a router dependency.
 */
import { useCallback, useEffect, useState } from 'react';

function read(): string {
  return window.location.hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
}

/** The current top-level route segment and a function to go elsewhere. */
export function useHashRoute(): [string, (route: string) => void] {
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const onChange = () => setRoute(read());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const go = useCallback((next: string) => {
    window.location.hash = `/${next}`;
  }, []);
  return [route, go];
}
